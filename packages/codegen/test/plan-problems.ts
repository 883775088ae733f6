import { expect } from 'vitest';
import { loadPlan } from '../src/plan/load-plan.js';

/** A plan with the required header and `body` below it. */
export const plan = (body: string) => `version: 1\nname: Test\n${body}`;

/** A plan whose one event has the property `p: <node>`. */
export const property = (node: string) =>
  plan(`events:\n  E:\n    properties:\n      p: ${node}\n`);

/**
 * Line and column (1-based) where `needle` starts in `text`, its `nth`
 * occurrence. A byte order mark is no column.
 */
export function positionOf(
  text: string,
  needle: string,
  nth = 0,
): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`"${needle}" is not in the plan`);
  const before = text.slice(text.startsWith('\uFEFF') ? 1 : 0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

export type Want = { code: string; at: string; nth?: number; message?: RegExp; hint?: RegExp };

export function expectProblems(text: string, want: Want[]): void {
  const { model, problems } = loadPlan(text, 'plan.yaml');
  expect(model).toBeUndefined();
  expect(problems.map(({ code, line, column }) => ({ code, line, column }))).toEqual(
    want.map(({ code, at, nth }) => ({ code, ...positionOf(text, at, nth) })),
  );
  for (const [index, { message, hint }] of want.entries()) {
    if (message) expect(problems[index]?.message).toMatch(message);
    if (hint) expect(problems[index]?.hint).toMatch(hint);
  }
}
