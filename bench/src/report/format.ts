import { KB } from '../budgets.js';
import { TIMEOUT_MS } from '../codegen/workspace.js';
import { median } from '../stats.js';

export const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
export const bytes = (count: number) => `${count.toLocaleString('en-US')} B`;
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const count = (value: number) => Math.round(value).toLocaleString('en');
export const times = (ratio: number, digits = 1) => `${ratio.toFixed(digits)}×`;

/** A ratio below 1 also as a fraction, e.g. "0.046× (1/21.6)". */
export const fraction = (ratio: number) => `${ratio.toFixed(3)}× (1/${(1 / ratio).toFixed(1)})`;

/** The median of timed rounds, or why there is none. */
export function medianMs(values: readonly number[]): string {
  const value = median(values);
  if (Number.isNaN(value)) return 'not run';
  return Number.isFinite(value)
    ? `${count(value)} ms`
    : `did not finish in ${TIMEOUT_MS / 60_000} min`;
}

/** Markdown table rows from cells. */
export function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}
