import { AnalyticsError } from '../errors.js';
import type { Message } from '../messages.js';
import type { PlanValidator, PlanViolation, ViolationHandler } from '../plan-validation.js';
import type { Check } from './checks.js';

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

export type { Check, PropertyCheck, StringRules } from './checks.js';
export * as v from './checks.js';

/** The checks generated for a plan, by event and page name. */
export interface PlanChecks {
  events: ReadonlyMap<string, Check>;
  pages: ReadonlyMap<string, Check>;
  identifyTraits: Check;
  groupTraits: Check;
}

/**
 * Lists a message's violations against generated checks: an event or a named
 * page missing from the plan, or properties and traits that do not match.
 * Screens and aliases carry nothing the plan describes.
 */
export function checkMessages(checks: PlanChecks): (message: Message) => PlanViolation[] {
  return (message) => {
    const out: PlanViolation[] = [];
    switch (message.type) {
      case 'track': {
        const check = checks.events.get(message.event);
        if (check) check(message.properties, 'properties', out);
        else
          out.push({
            path: 'event',
            message: `"${message.event}" is not an event of the tracking plan`,
          });
        break;
      }
      case 'page': {
        if (message.name === undefined) break;
        const check = checks.pages.get(message.name);
        if (check) check(message.properties, 'properties', out);
        else
          out.push({
            path: 'name',
            message: `"${message.name}" is not a page of the tracking plan`,
          });
        break;
      }
      case 'identify':
        checks.identifyTraits(message.traits, 'traits', out);
        break;
      case 'group':
        checks.groupTraits(message.traits, 'traits', out);
        break;
    }
    return out;
  };
}
