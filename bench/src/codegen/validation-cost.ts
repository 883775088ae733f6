import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median } from '../stats.js';
import { SAMPLE_PROPERTIES, sampleEvent } from './synthetic-plan.js';

/** Bundles a generated module for Node in development mode, so it can be imported here. */
async function loadDevelopmentBuild(
  entry: string,
  outFile: string,
): Promise<Record<string, unknown>> {
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: outFile,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  return import(`${pathToFileURL(outFile).href}?t=${Date.now()}`);
}

/** Rounds the calls are split into; their median shrugs off a burst of load on a shared machine. */
const ROUNDS = 10;

function microsecondsPerCall(calls: number, call: (i: number) => void): number {
  for (let i = 0; i < Math.min(calls, 200); i++) call(i);
  const perRound = Math.max(1, Math.round(calls / ROUNDS));
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < perRound; i++) call(i);
    rounds.push(((performance.now() - started) * 1000) / perRound);
  }
  return median(rounds);
}

/** µs per call of Trackplan's development checks on a valid track message of the synthetic plan. */
export async function trackplanValidationMicros(
  generatedModule: string,
  workDir: string,
  planEvents: number,
  calls: number,
): Promise<number> {
  const module = await loadDevelopmentBuild(generatedModule, join(workDir, 'trackplan-dev.mjs'));
  const plan = module.trackingPlan as { check(message: unknown, onViolation: unknown): unknown };
  const message = {
    type: 'track',
    event: sampleEvent(planEvents).name,
    properties: SAMPLE_PROPERTIES,
    messageId: 'm',
    timestamp: '2026-11-28T00:00:00.000Z',
    context: {},
  };
  let violations = 0;
  const result = microsecondsPerCall(calls, () => {
    if (plan.check(message, () => violations++) !== undefined) violations++;
  });
  if (violations > 0) throw new Error('The synthetic message should be valid.');
  return result;
}

/** µs per call of one of Typewriter's generated functions in development mode (it validates each call). */
export async function typewriterValidationMicros(
  generatedModule: string,
  workDir: string,
  planEvents: number,
  calls: number,
): Promise<number> {
  const entry = join(workDir, 'typewriter-entry.ts');
  writeFileSync(entry, `export * from ${JSON.stringify(generatedModule)};`);
  const module = await loadDevelopmentBuild(entry, join(workDir, 'typewriter-dev.mjs'));
  const setOptions = module.setTypewriterOptions as (options: unknown) => void;
  let violations = 0;
  setOptions({ analytics: { track: () => undefined }, onViolation: () => violations++ });
  const fn = module[sampleEvent(planEvents).functionName] as (properties: unknown) => void;
  const result = microsecondsPerCall(calls, () => fn(SAMPLE_PROPERTIES));
  if (violations > 0) throw new Error('The synthetic message should be valid for Typewriter too.');
  return result;
}
