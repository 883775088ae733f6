import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Budget,
  CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE,
  CORE_TRACK_BUNDLE_MAX_GZIP_BYTES,
  KB,
} from './budgets.js';
import { type BundleSize, measureBundle } from './bundle-size.js';
import { measureEnqueue } from './enqueue-throughput.js';
import { machineSummary, versionOf } from './machine.js';

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
];

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
];
if (!short) writeFileSync(new URL('../results.md', import.meta.url), lines.join('\n'));

const missed = budgets.filter((b) => !b.met);
for (const b of budgets)
  console.log(`${b.met ? 'met   ' : 'MISSED'} ${b.name}: ${b.measured} (limit ${b.limit})`);
process.exitCode = missed.length > 0 ? 1 : 0;
