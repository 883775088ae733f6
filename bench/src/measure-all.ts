import { fileURLToPath } from 'node:url';
import { type BundleResults, measureBundles } from './bundles/measure-bundles.js';
import {
  type CodegenTiming,
  measureCodegen,
  prepareTrackplan,
  prepareTypewriter,
} from './codegen/codegen-time.js';
import {
  trackplanOneFunctionBytes,
  typewriterOneFunctionBytes,
} from './codegen/one-function-size.js';
import {
  measureProductionOverhead,
  type ProductionOverhead,
} from './codegen/production-overhead.js';
import {
  trackplanValidationMicros,
  typewriterValidationMicros,
} from './codegen/validation-cost.js';
import { ensureTypewriter, WORK_DIR } from './codegen/workspace.js';
import type { BenchConfig } from './config.js';
import { measureEnqueue, type Throughput } from './enqueue-throughput.js';
import { measureQueueMemory } from './memory/queue-memory.js';
import { summarize } from './summary-lines.js';

export interface Measurements {
  config: BenchConfig;
  bundles: BundleResults;
  enqueue: { trackplan: Throughput; segmentNode: Throughput; ratio: number };
  codegen: { trackplan: CodegenTiming; typewriter: CodegenTiming }[];
  /** Bytes one event function of the 1,000-event plan adds; Typewriter's from its runtime plan size. */
  oneFunction: { trackplan: number; typewriter: number };
  validationMicros: { trackplan: number; typewriter: number };
  overhead: ProductionOverhead;
  memory: ReturnType<typeof measureQueueMemory>;
}

/** Logs how long each measure took, so a slow one shows in CI logs. */
function phaseClock(): () => void {
  let last = performance.now();
  return () => {
    const now = performance.now();
    console.log(`        (${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  };
}

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The plan size of the one-function and production-overhead measures, as the issues set them. */
export const RUNTIME_PLAN_EVENTS = 1000;

/** Runs every measure once, in this order, logging each result as it lands. */
export async function measureAll(config: BenchConfig): Promise<Measurements> {
  const phase = phaseClock();
  const bundles = await measureBundles(BENCH_DIR);
  summarize.bundles(bundles);
  phase();

  const enqueue = await measureEnqueue(config.enqueueCalls, config.enqueueRounds);
  const withRatio = {
    ...enqueue,
    ratio: enqueue.trackplan.callsPerSecond / enqueue.segmentNode.callsPerSecond,
  };
  summarize.enqueue(withRatio);
  phase();

  const memory = measureQueueMemory(config.memoryEvents, config.memoryRuns);
  summarize.memory(memory);
  phase();

  console.log('Installing Typewriter 9.2 into bench/.work (once)…');
  ensureTypewriter();
  const codegen = measureCodegen(config.codegenSizes, config.codegenRounds);
  phase();

  const ours = prepareTrackplan(RUNTIME_PLAN_EVENTS);
  ours.generate();
  const peer = prepareTypewriter(config.typewriterRuntimeEvents);
  peer.generate();
  const oneFunction = {
    trackplan: await trackplanOneFunctionBytes(ours.output, RUNTIME_PLAN_EVENTS),
    typewriter: await typewriterOneFunctionBytes(peer.output, config.typewriterRuntimeEvents),
  };
  const validationMicros = {
    trackplan: await trackplanValidationMicros(
      ours.output,
      WORK_DIR,
      RUNTIME_PLAN_EVENTS,
      config.validationCalls,
    ),
    typewriter: await typewriterValidationMicros(
      peer.output,
      WORK_DIR,
      config.typewriterRuntimeEvents,
      config.typewriterValidationCalls,
    ),
  };
  summarize.generatedCode(oneFunction, validationMicros);
  phase();

  const overhead = await measureProductionOverhead(
    ours.output,
    WORK_DIR,
    RUNTIME_PLAN_EVENTS,
    config.overheadCalls,
    config.overheadRounds,
  );
  summarize.overhead(overhead);
  phase();

  return {
    config,
    bundles,
    enqueue: withRatio,
    codegen,
    oneFunction,
    validationMicros,
    overhead,
    memory,
  };
}
