import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median } from '../stats.js';
import { SAMPLE_PROPERTIES, sampleEvent } from './synthetic-plan.js';

export interface ProductionOverhead {
  typedNsPerCall: number;
  plainNsPerCall: number;
  /** Typed over plain, medians of the rounds. */
  ratio: number;
  typedRounds: number[];
  plainRounds: number[];
}

type Result = { success: boolean };
type Client = { track(input: unknown): Promise<Result> };
interface ProductionModule {
  createAnalytics(options: unknown): Client;
  setDefaultClient(client: Client): void;
  trackingPlan: unknown;
  sampleEventFunction(properties: unknown, options?: unknown): Promise<Result>;
}

/**
 * Bundles the generated module and core for Node with NODE_ENV=production
 * folded in, as a production build would, so every development-only branch
 * is gone, and imports it.
 */
async function loadProductionBuild(generatedModule: string, functionName: string, workDir: string) {
  const entry = join(workDir, 'production-entry.ts');
  writeFileSync(
    entry,
    `export { ${functionName} as sampleEventFunction, trackingPlan } from ${JSON.stringify(generatedModule)};
     export { createAnalytics, setDefaultClient } from '@trackplan/core';`,
  );
  const outFile = join(workDir, 'trackplan-production.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: outFile,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return (await import(`${pathToFileURL(outFile).href}?t=${Date.now()}`)) as ProductionModule;
}

/** ns per call of `calls` calls, including settling their results. */
async function nsPerCall(calls: number, call: () => Promise<Result>): Promise<number> {
  const started = performance.now();
  let last: Promise<Result> | undefined;
  for (let i = 0; i < calls; i++) last = call();
  const result = await last;
  // Settled promises' callbacks run before the next macrotask.
  await new Promise((resolve) => setImmediate(resolve));
  const elapsed = performance.now() - started;
  if (!result?.success) throw new Error('The benchmarked call should succeed.');
  return (elapsed * 1e6) / calls;
}

/**
 * What a generated event function costs over calling `analytics.track`
 * directly, in production mode: the same client, with a delivery that keeps
 * nothing, so both measure only the call path. Rounds alternate which goes
 * first, after a warm-up of both.
 */
export async function measureProductionOverhead(
  generatedModule: string,
  workDir: string,
  planEvents: number,
  calls: number,
  rounds: number,
): Promise<ProductionOverhead> {
  const { name: event, functionName } = sampleEvent(planEvents);
  const module = await loadProductionBuild(generatedModule, functionName, workDir);
  if (module.trackingPlan !== undefined) throw new Error('The plan checks should be compiled out.');
  const client = module.createAnalytics({
    writeKey: 'bench',
    window: null,
    plan: module.trackingPlan,
    delivery: {
      requiresWriteKey: false,
      deliver: () => Promise.resolve({ ok: true }),
      flush: () => Promise.resolve(),
      close: () => Promise.resolve({ drained: true }),
    },
  });
  module.setDefaultClient(client);
  const options = { userId: 'user-1' };
  const typed = () => module.sampleEventFunction(SAMPLE_PROPERTIES, options);
  const plain = () => client.track({ event, properties: SAMPLE_PROPERTIES, userId: 'user-1' });

  await nsPerCall(Math.min(calls, 5000), typed);
  await nsPerCall(Math.min(calls, 5000), plain);
  const typedRounds: number[] = [];
  const plainRounds: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      typedRounds.push(await nsPerCall(calls, typed));
      plainRounds.push(await nsPerCall(calls, plain));
    } else {
      plainRounds.push(await nsPerCall(calls, plain));
      typedRounds.push(await nsPerCall(calls, typed));
    }
  }
  const typedNsPerCall = median(typedRounds);
  const plainNsPerCall = median(plainRounds);
  return {
    typedNsPerCall,
    plainNsPerCall,
    ratio: typedNsPerCall / plainNsPerCall,
    typedRounds,
    plainRounds,
  };
}
