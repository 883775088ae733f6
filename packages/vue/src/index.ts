export type {
  PageChangePolicy,
  PageDetails,
  PageTrackerOptions,
} from '@trackplan/core/page-tracking';
export { useAnalytics, useIdentify, usePage, useTrack } from './composables.js';
export { createTrackplan } from './create-trackplan.js';
export type { RouterTracking, TrackplanOptions } from './options.js';
