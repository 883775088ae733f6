export { type AnalyticsJsLike, analyticsJsDelivery } from './analytics-js.js';
export { type AnalyticsNodeLike, analyticsNodeDelivery } from './analytics-node.js';
