import { AnalyticsError } from '../errors.js';
import type { Message } from '../messages.js';
import type { PlanValidator, PlanViolation, ViolationHandler } from '../plan-validation.js';

export type {
  PlanValidator,
  PlanViolation,
  ViolationHandler,
  ViolationReport,
} from '../plan-validation.js';

function describeViolations(message: Message, violations: readonly PlanViolation[]): string {
  const what = message.type === 'track' ? `track "${message.event}"` : message.type;
  const lines = violations.map((v) => `  - ${v.path || '(root)'}: ${v.message}`);
  return `${what} does not match the tracking plan:\n${lines.join('\n')}`;
}

/**
 * Wraps a function that lists a message's violations into the validator
 * `createAnalytics({ plan })` takes, with the `onViolation` semantics.
 *
 * @example
 * const plan = createPlanValidator((message) =>
 *   message.type === 'track' && !message.event.match(/^[A-Z]/) ? [{ path: 'event', message: 'Use Title Case' }] : [],
 * );
 */
export function createPlanValidator(
  validate: (message: Message) => readonly PlanViolation[],
): PlanValidator {
  return {
    check(message: Message, onViolation: ViolationHandler) {
      const violations = validate(message);
      if (violations.length === 0) return undefined;
      if (typeof onViolation === 'function') {
        onViolation({ message, violations });
        return undefined;
      }
      const error = new AnalyticsError('plan_violation', describeViolations(message, violations));
      if (onViolation === 'throw') throw error;
      if (onViolation === 'drop') return error;
      console.warn(`[trackplan] ${error.message}`);
      return undefined;
    },
  };
}
