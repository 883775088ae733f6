export { onHistoryChange, type PageTrackingWindow } from './history-changes.js';
export {
  hashCounts,
  type PageChangePolicy,
  type PageLocation,
  pageHash,
  pageKey,
} from './page-key.js';
export {
  claimPages,
  createPageTracker,
  type PageClient,
  type PageDetails,
  type PageTracker,
  type PageTrackerOptions,
} from './page-tracker.js';
export type { PlainPageName, PlanPage } from './plan-page.js';
