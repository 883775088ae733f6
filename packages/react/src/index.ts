export {
  AnalyticsProvider,
  type AnalyticsProviderProps,
  type PageTrackingOption,
} from './analytics-provider.js';
export { useAnalytics, useIdentify, usePage, useTrack } from './hooks.js';
export { useRouterPageTracking } from './use-router-page-tracking.js';
