/** How much a run measures: the full run for results.md, or the short one CI runs. */
export interface BenchConfig {
  short: boolean;
  /** Where the Markdown results go; the short run never overwrites the full one's. */
  resultsFile: URL;
  enqueueCalls: number;
  enqueueRounds: number;
  /** Plan sizes timed for both generators. */
  codegenSizes: number[];
  codegenRounds: (events: number) => number;
  /** Plan size whose generated code feeds Typewriter's run-time figures. */
  typewriterRuntimeEvents: number;
  validationCalls: number;
  typewriterValidationCalls: number;
  overheadCalls: number;
  overheadRounds: number;
  memoryEvents: number;
  memoryRuns: number;
}

/**
 * The short run keeps every measure but shrinks the slow ones. It measures
 * development validation exactly as the full run does, so that budget can be
 * judged there too (see shortRunRule in budget-checks.ts).
 */
export function benchConfig(short: boolean): BenchConfig {
  return {
    short,
    resultsFile: new URL(short ? '../results-short.md' : '../results.md', import.meta.url),
    enqueueCalls: short ? 20_000 : 50_000,
    enqueueRounds: short ? 5 : 7,
    codegenSizes: short ? [100] : [100, 1000, 10_000],
    codegenRounds: (events) => (events >= 10_000 ? 1 : events >= 1000 || short ? 3 : 5),
    typewriterRuntimeEvents: short ? 100 : 1000,
    validationCalls: 50_000,
    typewriterValidationCalls: short ? 50 : 300,
    overheadCalls: short ? 10_000 : 20_000,
    overheadRounds: short ? 7 : 15,
    memoryEvents: short ? 10_000 : 100_000,
    memoryRuns: short ? 3 : 5,
  };
}
