import type { BundleSize } from '../bundle-size.js';
import type { BundleResults } from '../bundles/measure-bundles.js';
import type { BundleScenario } from '../bundles/scenarios.js';
import { bytes, kb, table, times } from './format.js';

/** Bindings by what they add to core; peers by how many times core's size they are. */
function versusCore(scenario: BundleScenario, size: BundleSize, core: BundleSize): string {
  if (size === core) return '';
  if (scenario.binding) return `+${kb(size.totalGzipBytes - core.totalGzipBytes)}`;
  return times(size.totalGzipBytes / core.totalGzipBytes);
}

/** Where core's bytes go, from the same bundle built from the sources. */
function breakdownLines({ coreBreakdown: parts }: BundleResults): string[] {
  return [
    '### Where core + one track’s bytes go',
    '',
    `The same bundle built from core’s sources (${bytes(parts.wholeGzipBytes)} gzipped), then again leaving out, in this order and cumulatively, durable delivery, analytics.js-compatible identity, and the browser (no window, no context). Each part is what leaving it out saved; gzip shares bytes across parts, so another order would split them a little differently.`,
    '',
    ...table(
      ['Part', 'Gzipped'],
      [
        [
          'Durable delivery: the localStorage queue shared by tabs',
          bytes(parts.durableDeliveryGzipBytes),
        ],
        [
          'Cookie and localStorage identity, as analytics.js keeps it',
          bytes(parts.identityGzipBytes),
        ],
        ['Browser context and the anonymous id', bytes(parts.browserContextGzipBytes)],
        [
          'What is left, as a server runs it: validation, batching, splitting, retries, the six calls',
          bytes(parts.serverPathGzipBytes),
        ],
      ],
    ),
    '',
  ];
}

export function bundleSection(results: BundleResults): string[] {
  const { rows, core } = results;
  const remote = rows.flatMap(({ scenario }) =>
    scenario.remoteCode
      ? [`- ${scenario.name.split(':')[0]} also fetches ${scenario.remoteCode}.`]
      : [],
  );
  return [
    '## Browser bundle size',
    '',
    'esbuild, minified, ESM with code splitting, `NODE_ENV=production`, the same settings for every library, with react, react-dom, vue and vue-router external (an app already ships its framework); each chunk gzipped at level 9. "Up front" is the entry chunk; "in all" adds the chunks it loads lazily. Each library loads with a write key and tracks one event, as its documentation shows. The bindings bundle through their built `dist`, as an app would.',
    '',
    ...table(
      ['Scenario', 'Minified', 'Gzipped up front', 'Gzipped in all', 'In all, vs core + one track'],
      rows.map(({ scenario, size, notMeasured }) =>
        size
          ? [
              scenario.name,
              kb(size.minifiedBytes),
              kb(size.upFrontGzipBytes),
              kb(size.totalGzipBytes),
              versusCore(scenario, size, core),
            ]
          : [scenario.name, notMeasured, '', '', ''],
      ),
    ),
    '',
    'Code fetched from a vendor CDN at run time is in no bundle and not counted:',
    '',
    ...remote,
    '',
    ...breakdownLines(results),
  ];
}
