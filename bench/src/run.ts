import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Budget,
  CODEGEN_MAX_10K_OVER_1K,
  CODEGEN_MAX_TIME_RATIO_VS_TYPEWRITER,
  CODEGEN_MAX_TSC_RATIO_VS_TYPEWRITER,
  CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE,
  CORE_TRACK_BUNDLE_MAX_GZIP_BYTES,
  DEV_VALIDATION_MAX_MICROS,
  KB,
  ONE_FUNCTION_MAX_GZIP_BYTES,
} from './budgets.js';
import { type BundleSize, measureBundle } from './bundle-size.js';
import { measureCodegen, prepareTrackplan, prepareTypewriter } from './codegen/codegen-time.js';
import {
  trackplanOneFunctionBytes,
  typewriterOneFunctionBytes,
} from './codegen/one-function-size.js';
import {
  trackplanValidationMicros,
  typewriterValidationMicros,
} from './codegen/validation-cost.js';
import { ensureTypewriter, TIMEOUT_MS, WORK_DIR } from './codegen/workspace.js';
import { measureEnqueue } from './enqueue-throughput.js';
import { machineSummary, versionOf } from './machine.js';
import { median } from './stats.js';

const short = process.argv.includes('--short');
const benchDir = fileURLToPath(new URL('..', import.meta.url));
const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;

const bundleScenarios: { name: string; source: string }[] = [
  {
    name: '@trackplan/core: createAnalytics + one track',
    source: `import { createAnalytics } from '@trackplan/core';
      const analytics = createAnalytics({ writeKey: 'WRITE_KEY' });
      analytics.track({ event: 'Button Clicked', properties: { id: 'cta' } });`,
  },
  {
    name: '@segment/analytics-next: AnalyticsBrowser.load + one track',
    source: `import { AnalyticsBrowser } from '@segment/analytics-next';
      const analytics = AnalyticsBrowser.load({ writeKey: 'WRITE_KEY' });
      analytics.track('Button Clicked', { id: 'cta' });`,
  },
];

console.log(`Machine: ${machineSummary()}${short ? ' (short run)' : ''}\n`);

const bundles: { name: string; size: BundleSize }[] = [];
for (const scenario of bundleScenarios) {
  const size = await measureBundle(scenario.source, benchDir);
  bundles.push({ name: scenario.name, size });
  console.log(
    `bundle  ${scenario.name}: up front ${kb(size.upFrontGzipBytes)}, in all ${kb(size.totalGzipBytes)} gzipped`,
  );
}

const calls = short ? 5_000 : 50_000;
const rounds = short ? 3 : 7;
const enqueue = await measureEnqueue(calls, rounds);
const ratio = enqueue.trackplan.callsPerSecond / enqueue.segmentNode.callsPerSecond;
console.log(
  `enqueue @trackplan/core ${Math.round(enqueue.trackplan.callsPerSecond)}/s vs @segment/analytics-node ${Math.round(enqueue.segmentNode.callsPerSecond)}/s: ${ratio.toFixed(1)}×`,
);

console.log('Installing Typewriter 9.2 into bench/.work (once)…');
ensureTypewriter();
const sizes = short ? [100, 1000] : [100, 1000, 10_000];
const codegen = measureCodegen(sizes, (events) =>
  short ? 1 : events >= 10_000 ? 1 : events >= 1000 ? 3 : 5,
);
const at = (events: number) => codegen.find((row) => row.trackplan.events === events)!;
const ms = (values: number[]) => median(values);
const genRatio = ms(at(1000).trackplan.generateMs) / ms(at(1000).typewriter.generateMs);
const tscRatio = ms(at(1000).trackplan.typecheckMs) / ms(at(1000).typewriter.typecheckMs);
const linearRatio = short
  ? Number.NaN
  : ms(at(10_000).trackplan.generateMs) / ms(at(1000).trackplan.generateMs);

// The 1,000-event outputs of both tools, generated above, feed the size and validation measures.
const oursOutput = prepareTrackplan(1000);
oursOutput.generate();
const peerOutput = prepareTypewriter(1000);
peerOutput.generate();
const oneFunction = await trackplanOneFunctionBytes(oursOutput.output);
const oneFunctionTypewriter = await typewriterOneFunctionBytes(peerOutput.output);
const validationMicros = await trackplanValidationMicros(
  oursOutput.output,
  WORK_DIR,
  short ? 5000 : 50_000,
);
const validationTypewriter = await typewriterValidationMicros(
  peerOutput.output,
  WORK_DIR,
  short ? 50 : 300,
);
console.log(
  `one function of 1,000: ${oneFunction} B gzipped vs Typewriter ${oneFunctionTypewriter} B`,
);
console.log(
  `development validation: ${validationMicros.toFixed(2)} µs/call vs Typewriter ${validationTypewriter.toFixed(0)} µs/call`,
);

const core = bundles[0]!.size;
const budgets: Budget[] = [
  {
    name: 'core + one track, minified + gzipped',
    limit: `≤ ${kb(CORE_TRACK_BUNDLE_MAX_GZIP_BYTES)}`,
    measured: kb(core.totalGzipBytes),
    met: core.totalGzipBytes <= CORE_TRACK_BUNDLE_MAX_GZIP_BYTES,
  },
  {
    name: 'Node enqueue rate vs @segment/analytics-node',
    limit: `≥ ${CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE}×`,
    measured: `${ratio.toFixed(1)}×`,
    met: ratio >= CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE,
  },
  {
    name: 'codegen time, 1,000 events, vs Typewriter',
    limit: `≤ 1/${Math.round(1 / CODEGEN_MAX_TIME_RATIO_VS_TYPEWRITER)}`,
    measured: `${genRatio.toFixed(3)}× (1/${(1 / genRatio).toFixed(1)})`,
    met: genRatio <= CODEGEN_MAX_TIME_RATIO_VS_TYPEWRITER,
  },
  {
    name: 'tsc --noEmit of the output, 1,000 events, vs Typewriter',
    limit: `≤ 1/${Math.round(1 / CODEGEN_MAX_TSC_RATIO_VS_TYPEWRITER)}`,
    measured: `${tscRatio.toFixed(3)}× (1/${(1 / tscRatio).toFixed(1)})`,
    met: tscRatio <= CODEGEN_MAX_TSC_RATIO_VS_TYPEWRITER,
  },
  ...(short
    ? []
    : [
        {
          name: 'codegen time, 10,000 events over 1,000 (linear is 10)',
          limit: `≤ ${CODEGEN_MAX_10K_OVER_1K}×`,
          measured: `${linearRatio.toFixed(1)}×`,
          met: linearRatio <= CODEGEN_MAX_10K_OVER_1K,
        },
      ]),
  {
    name: 'one event function of 1,000 in a production bundle',
    limit: `≤ ${ONE_FUNCTION_MAX_GZIP_BYTES} B gzipped`,
    measured: `${oneFunction} B`,
    met: oneFunction <= ONE_FUNCTION_MAX_GZIP_BYTES,
  },
  {
    name: 'development validation per call',
    limit: `≤ ${DEV_VALIDATION_MAX_MICROS} µs`,
    measured: `${validationMicros.toFixed(2)} µs`,
    met: validationMicros <= DEV_VALIDATION_MAX_MICROS,
  },
];

const fmtMs = (values: number[]) =>
  Number.isFinite(ms(values))
    ? `${Math.round(ms(values)).toLocaleString('en')} ms`
    : `did not finish in ${TIMEOUT_MS / 60_000} min`;

const lines = [
  '# Benchmark results',
  '',
  `Written by \`pnpm bench${short ? ' --short' : ''}\` on ${new Date().toISOString().slice(0, 10)}.`,
  '',
  `- Machine: ${machineSummary()}`,
  `- Versions: @trackplan/core ${versionOf('@trackplan/core')}, @segment/analytics-next ${versionOf('@segment/analytics-next')}, @segment/analytics-node ${versionOf('@segment/analytics-node')}, esbuild ${versionOf('esbuild')}`,
  '',
  '## Budgets',
  '',
  '| Budget | Limit | Measured | Met |',
  '| --- | --- | --- | --- |',
  ...budgets.map((b) => `| ${b.name} | ${b.limit} | ${b.measured} | ${b.met ? 'yes' : '**no**'} |`),
  '',
  '## Browser bundle size',
  '',
  'esbuild, minified, ESM with code splitting, `NODE_ENV=production`; each chunk gzipped at level 9. "Up front" is the entry chunk; "in all" adds the chunks loaded lazily.',
  '',
  '| Scenario | Minified | Gzipped up front | Gzipped in all |',
  '| --- | --- | --- | --- |',
  ...bundles.map(
    ({ name, size }) =>
      `| ${name} | ${kb(size.minifiedBytes)} | ${kb(size.upFrontGzipBytes)} | ${kb(size.totalGzipBytes)} |`,
  ),
  '',
  '## Enqueue throughput in Node',
  '',
  `Calls per second from the first \`track\` until all ${calls.toLocaleString('en')} calls are handed to an HTTP layer that answers 200 at once; both clients batch 100 per request. Median of ${rounds} interleaved rounds after a warm-up.`,
  '',
  '| Client | Median calls/s | Rounds |',
  '| --- | --- | --- |',
  `| @trackplan/core | ${Math.round(enqueue.trackplan.callsPerSecond).toLocaleString('en')} | ${enqueue.trackplan.rounds.map((r) => Math.round(r)).join(', ')} |`,
  `| @segment/analytics-node | ${Math.round(enqueue.segmentNode.callsPerSecond).toLocaleString('en')} | ${enqueue.segmentNode.rounds.map((r) => Math.round(r)).join(', ')} |`,
  `| Ratio | ${ratio.toFixed(1)}× | |`,
  '',
  '## Code generation',
  '',
  `Synthetic plans of ${sizes.map((n) => n.toLocaleString('en')).join(', ')} events, 9 properties each (enum, nullable string, nested object, arrays). Each tool runs as its CLI, from process start to files written; Typewriter ${versionOf('typewriter')} is installed from npm into bench/.work with typescript@5 pinned, reading the same plan in its plan.json format. \`tsc --noEmit\` runs on each tool's output alone with the same strict settings. Medians of ${short ? 1 : '5 (100 events), 3 (1,000) and 1 (10,000)'} round(s), the tools alternating.`,
  '',
  '| Events | Trackplan generate | Typewriter generate | Trackplan tsc | Typewriter tsc |',
  '| --- | --- | --- | --- | --- |',
  ...codegen.map(
    ({ trackplan, typewriter }) =>
      `| ${trackplan.events.toLocaleString('en')} | ${fmtMs(trackplan.generateMs)} | ${fmtMs(typewriter.generateMs)} | ${fmtMs(trackplan.typecheckMs)} | ${fmtMs(typewriter.typecheckMs)} |`,
  ),
  '',
  '## Generated code at run time',
  '',
  '| Measure | Trackplan | Typewriter |',
  '| --- | --- | --- |',
  `| One event function of 1,000 added to a production bundle (esbuild, minified, gzipped) | ${oneFunction} B | ${oneFunctionTypewriter.toLocaleString('en')} B |`,
  `| Development validation of one valid call | ${validationMicros.toFixed(2)} µs | ${Math.round(validationTypewriter).toLocaleString('en')} µs |`,
  '',
];
if (!short) writeFileSync(new URL('../results.md', import.meta.url), lines.join('\n'));

const missed = budgets.filter((b) => !b.met);
for (const b of budgets)
  console.log(`${b.met ? 'met   ' : 'MISSED'} ${b.name}: ${b.measured} (limit ${b.limit})`);
process.exitCode = missed.length > 0 ? 1 : 0;
