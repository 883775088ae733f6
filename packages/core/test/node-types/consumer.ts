// A Node service's view of core: no DOM lib, only Node's types. Every public
// entry point's declarations must type-check here, or a backend that uses
// core (or code generated over it) with skipLibCheck off fails to compile.
import { type AnalyticsOptions, createAnalytics } from '@trackplan/core';
import { analyticsNodeDelivery } from '@trackplan/core/adapters';
import { createPageTracker } from '@trackplan/core/page-tracking';
import { checkMessages } from '@trackplan/core/plan';
import { createTestAnalytics } from '@trackplan/core/testing';

const options: AnalyticsOptions = { writeKey: 'wk', window: null };
export const analytics = createAnalytics(options);
export const used = [analyticsNodeDelivery, createPageTracker, checkMessages, createTestAnalytics];
