import type { BundleResults } from './bundles/measure-bundles.js';
import type { ProductionOverhead } from './codegen/production-overhead.js';
import type { Throughput } from './enqueue-throughput.js';
import type { measureQueueMemory } from './memory/queue-memory.js';
import { count, kb, mb, times } from './report/format.js';

/** One console line per result, printed as each measure finishes. */
export const summarize = {
  bundles({ rows }: BundleResults) {
    for (const { scenario, size, notMeasured } of rows) {
      console.log(
        size
          ? `bundle  ${scenario.name}: up front ${kb(size.upFrontGzipBytes)}, in all ${kb(size.totalGzipBytes)} gzipped`
          : `bundle  ${scenario.name}: ${notMeasured}`,
      );
    }
  },
  enqueue(enqueue: { trackplan: Throughput; segmentNode: Throughput; ratio: number }) {
    console.log(
      `enqueue @trackplan/core ${count(enqueue.trackplan.callsPerSecond)}/s vs @segment/analytics-node ${count(enqueue.segmentNode.callsPerSecond)}/s: ${times(enqueue.ratio)}`,
    );
  },
  memory(memory: ReturnType<typeof measureQueueMemory>) {
    console.log(
      `memory  ${count(memory.events)} queued events: @trackplan/core ${mb(memory.trackplan.heldBytes)} vs @segment/analytics-node ${mb(memory.segmentNode.heldBytes)}`,
    );
  },
  generatedCode(
    oneFunction: { trackplan: number; typewriter: number },
    validationMicros: { trackplan: number; typewriter: number },
  ) {
    console.log(
      `one function of 1,000: ${oneFunction.trackplan} B gzipped vs Typewriter ${count(oneFunction.typewriter)} B`,
    );
    console.log(
      `development validation: ${validationMicros.trackplan.toFixed(2)} µs/call vs Typewriter ${count(validationMicros.typewriter)} µs/call`,
    );
  },
  overhead(overhead: ProductionOverhead) {
    console.log(
      `production typed call ${count(overhead.typedNsPerCall)} ns vs plain track ${count(overhead.plainNsPerCall)} ns: ${times(overhead.ratio, 2)}`,
    );
  },
};
