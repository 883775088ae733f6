import type { Library } from './harness.js';
import type { Tally } from './tally.js';

const cell = (tally: Tally | undefined): string[] =>
  tally ? [String(tally.lost), String(tally.duplicated), String(tally.resent)] : ['–', '–', '–'];

/** The README's table: per fault, calls tracked, then lost / duplicated / resent for each library. */
export function formatTable(
  faults: readonly string[],
  results: ReadonlyMap<string, Partial<Record<Library, Tally>>>,
): string {
  const rows = faults.map((fault) => {
    const row = results.get(fault) ?? {};
    const tracked = row.trackplan?.tracked ?? row['analytics-next']?.tracked ?? 0;
    return [fault, String(tracked), ...cell(row.trackplan), ...cell(row['analytics-next'])];
  });
  return [
    '| Fault | Calls | Trackplan lost | Trackplan duplicated | Trackplan resent | analytics-next lost | analytics-next duplicated | analytics-next resent |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
