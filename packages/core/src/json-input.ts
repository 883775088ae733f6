import { AnalyticsError } from './errors.js';

/** An object field of a call: an object, or JSON text of one (workflow tools send strings). */
export type JsonObjectInput = Record<string, unknown> | string;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  const proto = value !== null && typeof value === 'object' && Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'non-plain'} instance`;
  return `a ${typeof value}`;
}

/**
 * Reads one of properties / traits / context / integrations. Absent stays
 * absent; an object passes through; JSON text is parsed and must hold an
 * object. Anything else throws `invalid_json`, naming the field.
 */
export function readJsonObject(value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (cause) {
      throw new AnalyticsError(
        'invalid_json',
        __DEV__ ? `${field} is a string but not valid JSON text.` : '',
        { cause },
      );
    }
  }
  if (isPlainObject(parsed)) return parsed;
  throw new AnalyticsError(
    'invalid_json',
    __DEV__
      ? parsed === value
        ? `${field} must be a JSON object (or JSON text of one), got ${describe(value)}.`
        : `${field} is JSON text of ${describe(parsed)}; it must hold a JSON object such as {"plan":"pro"}.`
      : '',
  );
}

/**
 * Merges `over` onto `under`, recursing into nested plain objects so that a
 * call's `context.page.title` does not erase the automatic `context.page.url`.
 */
export function deepMerge(
  under: Record<string, unknown> | undefined,
  over: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!under || !over) return under ?? over;
  const merged: Record<string, unknown> = { ...under };
  for (const key of Object.keys(over)) {
    const a = merged[key];
    const b = over[key];
    merged[key] = isPlainObject(a) && isPlainObject(b) ? deepMerge(a, b) : b;
  }
  return merged;
}
