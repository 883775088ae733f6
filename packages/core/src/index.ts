export type { Analytics } from './analytics.js';
export {
  type BoundCalls,
  bindCalls,
  type IdentifyFunction,
  type PageCallOptions,
  type PageFunction,
  type TrackFunction,
} from './bind-calls.js';
export type { BrowserGlobals } from './browser/globals.js';
export { type CallOptions, callThrough } from './call-through.js';
export type {
  AliasInput,
  BatchInput,
  BatchItem,
  CallType,
  CommonFields,
  GroupInput,
  IdentifyInput,
  PageInput,
  ScreenInput,
  TrackInput,
} from './calls.js';
export { createAnalytics } from './client.js';
export { getDefaultClient, setDefaultClient } from './default-client.js';
export type { Delivery, DeliveryOutcome } from './delivery/delivery.js';
export { SEGMENT_LIMITS } from './delivery/limits.js';
export { AnalyticsError, ERROR_CODES, type ErrorCode } from './errors.js';
export { fallbackClient } from './fallback-client.js';
export { IDENTITY_KEYS, type IdentitySnapshot, type KeyValueStorage } from './identity.js';
export type { JsonObjectInput } from './json-input.js';
export type { Message, PreparedMessage } from './messages.js';
export {
  type AnalyticsOptions,
  type CookieOptions,
  SEGMENT_EU_ENDPOINT,
  SEGMENT_US_ENDPOINT,
} from './options.js';
export type {
  PlanValidator,
  PlanViolation,
  ViolationHandler,
  ViolationReport,
} from './plan-validation.js';
export type { LoosePlan, PlanShape, Register, RegisteredPlan } from './register.js';
export type {
  AliasResult,
  BatchResult,
  CloseResult,
  GroupResult,
  IdentifyResult,
  PageResult,
  ResultBase,
  TrackResult,
} from './results.js';
export type { TimestampInput } from './timestamp.js';
export { LIBRARY_NAME, LIBRARY_VERSION } from './version.js';
