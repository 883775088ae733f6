import type { AnalyticsError } from './errors.js';
import type { Message } from './messages.js';

/** One way a message breaks the plan, e.g. `{ path: 'properties.total', message: 'Expected number' }`. */
export interface PlanViolation {
  path: string;
  message: string;
}

export interface ViolationReport {
  message: Message;
  violations: readonly PlanViolation[];
}

/**
 * - `'warn'`: log with console.warn and send anyway;
 * - `'drop'`: send nothing, resolve `success: false` with `plan_violation`;
 * - `'throw'`: throw at the call site, the one opt-in exception to "calls never throw",
 *   meant for development and tests;
 * - a callback: told of the violation, then the call is sent.
 */
export type ViolationHandler = 'warn' | 'throw' | 'drop' | ((report: ViolationReport) => void);

/**
 * Runtime validation against a tracking plan, as `codegen` generates it into
 * `trackingPlan` (built with `createPlanValidator` from `@trackplan/core/plan`).
 * Core only calls `check`; the checking code ships with the plan, so apps
 * without one carry none of it.
 */
export interface PlanValidator {
  /** Applies `onViolation`; returns the error when the message must not be sent. */
  check(message: Message, onViolation: ViolationHandler): AnalyticsError | undefined;
}
