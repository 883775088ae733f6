import type { PlanViolation } from '../plan-validation.js';

/**
 * A runtime check of one value, built once from the plan and run on every
 * call: it appends what is wrong to `out`. Plain closures, no `eval` or
 * `new Function`, so they run under a strict Content-Security-Policy.
 */
export type Check = (value: unknown, path: string, out: PlanViolation[]) => void;

/** A property of an object check: its check, and whether it must be present. */
export type PropertyCheck = readonly [check: Check, required: boolean];

/** A property that must be present. */
export const required = (check: Check): PropertyCheck => [check, true];

/** A property that may be absent (or undefined). */
export const optional = (check: Check): PropertyCheck => [check, false];

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'string'
        ? JSON.stringify(value)
        : typeof value;

const FORMATS: Record<string, (text: string) => boolean> = {
  email: (text) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text),
  uri: (text) => {
    try {
      return Boolean(new URL(text));
    } catch {
      return false;
    }
  },
  uuid: (text) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text),
  date: (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)),
  'date-time': (text) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text) &&
    !Number.isNaN(Date.parse(text)),
};

export interface StringRules {
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
}

export function string(rules: StringRules = {}): Check {
  const pattern = rules.pattern === undefined ? undefined : new RegExp(rules.pattern, 'u');
  const format = rules.format === undefined ? undefined : FORMATS[rules.format];
  return (value, path, out) => {
    if (typeof value !== 'string') {
      out.push({ path, message: `Expected a string, got ${describe(value)}` });
      return;
    }
    if (format && !format(value))
      out.push({ path, message: `Expected a ${rules.format}, got ${describe(value)}` });
    if (pattern && !pattern.test(value))
      out.push({ path, message: `Expected to match /${rules.pattern}/, got ${describe(value)}` });
    if (rules.minLength !== undefined && value.length < rules.minLength)
      out.push({ path, message: `Expected at least ${rules.minLength} characters` });
    if (rules.maxLength !== undefined && value.length > rules.maxLength)
      out.push({ path, message: `Expected at most ${rules.maxLength} characters` });
  };
}

export function number(
  rules: { integer?: boolean; minimum?: number; maximum?: number } = {},
): Check {
  return (value, path, out) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      out.push({ path, message: `Expected a number, got ${describe(value)}` });
      return;
    }
    if (rules.integer && !Number.isInteger(value))
      out.push({ path, message: `Expected an integer, got ${value}` });
    if (rules.minimum !== undefined && value < rules.minimum)
      out.push({ path, message: `Expected at least ${rules.minimum}, got ${value}` });
    if (rules.maximum !== undefined && value > rules.maximum)
      out.push({ path, message: `Expected at most ${rules.maximum}, got ${value}` });
  };
}

export const boolean: Check = (value, path, out) => {
  if (typeof value !== 'boolean')
    out.push({ path, message: `Expected a boolean, got ${describe(value)}` });
};

export const nullValue: Check = (value, path, out) => {
  if (value !== null) out.push({ path, message: `Expected null, got ${describe(value)}` });
};

export const unknown: Check = () => {};

/** One of fixed values: an enum, or a single const. */
export function oneOfValues(values: readonly unknown[]): Check {
  return (value, path, out) => {
    if (!values.includes(value)) {
      out.push({
        path,
        message: `Expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`,
      });
    }
  };
}

export function array(items: Check): Check {
  return (value, path, out) => {
    if (!Array.isArray(value)) {
      out.push({ path, message: `Expected an array, got ${describe(value)}` });
      return;
    }
    for (let i = 0; i < value.length; i++) items(value[i], `${path}[${i}]`, out);
  };
}

/** Passes when any option passes; otherwise reports the first option's complaints. */
export function union(options: readonly Check[]): Check {
  return (value, path, out) => {
    let first: PlanViolation[] | undefined;
    for (const option of options) {
      const found: PlanViolation[] = [];
      option(value, path, found);
      if (found.length === 0) return;
      first ??= found;
    }
    out.push(...(first ?? []));
  };
}

/**
 * An object with known properties. Keys outside them are violations unless
 * `additional` allows them (true, or a check every extra value must pass).
 */
export function object(
  properties: Readonly<Record<string, PropertyCheck>>,
  additional: boolean | Check = false,
): Check {
  const known = new Map(Object.entries(properties));
  return (value, path, out) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out.push({ path, message: `Expected an object, got ${describe(value)}` });
      return;
    }
    const record = value as Record<string, unknown>;
    for (const [key, [check, required]] of known) {
      const child = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(record, key) || record[key] === undefined) {
        if (required) out.push({ path: child, message: 'Required' });
      } else {
        check(record[key], child, out);
      }
    }
    for (const key of Object.keys(record)) {
      if (known.has(key)) continue;
      const child = path ? `${path}.${key}` : key;
      if (additional === false) out.push({ path: child, message: 'Not in the tracking plan' });
      else if (additional !== true) additional(record[key], child, out);
    }
  };
}

/** A check defined later, for recursive types. */
export function lazy(resolve: () => Check): Check {
  return (value, path, out) => resolve()(value, path, out);
}
