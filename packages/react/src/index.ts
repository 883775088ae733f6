export {
  AnalyticsProvider,
  type AnalyticsProviderProps,
  type PageTrackingOption,
} from './analytics-provider.js';
export { useRouterPageTracking } from './binding-context.js';
export { useAnalytics, useIdentify, usePage, useTrack } from './hooks.js';
