// The same view through require(), which reads the CommonJS declarations
// (.d.cts): no DOM lib, only Node's types.
import { type AnalyticsOptions, createAnalytics } from '@trackplan/core';
import { analyticsNodeDelivery } from '@trackplan/core/adapters';
import { createPageTracker } from '@trackplan/core/page-tracking';
import { checkMessages } from '@trackplan/core/plan';
import { createTestAnalytics } from '@trackplan/core/testing';

const options: AnalyticsOptions = { writeKey: 'wk', window: null };
export const analytics = createAnalytics(options);
export const used = [analyticsNodeDelivery, createPageTracker, checkMessages, createTestAnalytics];
