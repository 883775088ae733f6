import { validateHeaderValue } from 'node:http';
import type { Fault } from './types.js';

/** The longest delay `setTimeout` honours, in ms; longer ones fire after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * What each fault field accepts. `injectFaults` and `POST /__receiver/faults`
 * check the same rules, so a fault is refused where it is given rather than
 * misbehaving on the request that takes it.
 */
const FAULT_FIELDS: Record<keyof Fault, { accepts: string; valid: (value: unknown) => boolean }> = {
  status: {
    // 1xx are interim answers, after which a client waits for the real one;
    // Node cannot send anything outside 100-999.
    accepts: 'a whole number from 200 to 599',
    valid: (value) => Number.isInteger(value) && Number(value) >= 200 && Number(value) <= 599,
  },
  retryAfter: {
    accepts: 'a string that is a valid header value',
    valid: (value) => typeof value === 'string' && isHeaderValue(value),
  },
  delayMs: {
    accepts: `a number of milliseconds, 0 or more (capped at ${MAX_TIMER_MS})`,
    valid: (value) => typeof value === 'number' && value >= 0,
  },
  dropConnection: { accepts: 'a boolean', valid: (value) => typeof value === 'boolean' },
  resetConnection: { accepts: 'a boolean', valid: (value) => typeof value === 'boolean' },
  times: {
    accepts: 'a whole number, 0 or more',
    valid: (value) => Number.isInteger(value) && Number(value) >= 0,
  },
};

/** The fields and what each accepts, for error messages. */
export const FAULT_FIELD_LIST = Object.entries(FAULT_FIELDS)
  .map(([field, { accepts }]) => `${field} (${accepts})`)
  .join(', ');

function isHeaderValue(value: string): boolean {
  try {
    validateHeaderValue('Retry-After', value);
    return true;
  } catch {
    return false;
  }
}

/** A value as an error message shows it: strings quoted, numbers as they are (NaN too). */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value !== null && typeof value === 'object') {
    return Array.isArray(value) ? 'an array' : 'an object';
  }
  return String(value);
}

/**
 * What is wrong with a fault, as `<path> <problem>` with `path` naming it
 * (e.g. `faults[1]`), or undefined when it is a fault the receiver can apply.
 * A field set to `undefined` counts as not set.
 */
export function faultIssue(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `${path} must be an object, got ${shown(value)}`;
  }
  for (const [field, fieldValue] of Object.entries(value)) {
    if (!Object.hasOwn(FAULT_FIELDS, field)) return `${path} has an unknown field "${field}"`;
    const rule = FAULT_FIELDS[field as keyof Fault];
    if (fieldValue !== undefined && !rule.valid(fieldValue)) {
      return `${path}.${field} must be ${rule.accepts}, got ${shown(fieldValue)}`;
    }
  }
  return undefined;
}
