import type { BundleSize } from '../bundle-size.js';
import type { BundleResults } from '../bundles/measure-bundles.js';
import type { BundleScenario } from '../bundles/scenarios.js';
import { kb, table, times } from './format.js';

/** Bindings by what they add to core; peers by how many times core's size they are. */
function versusCore(scenario: BundleScenario, size: BundleSize, core: BundleSize): string {
  if (size === core) return '';
  if (scenario.binding) return `+${kb(size.totalGzipBytes - core.totalGzipBytes)}`;
  return times(size.totalGzipBytes / core.totalGzipBytes);
}

export function bundleSection({ rows, core }: BundleResults): string[] {
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
  ];
}
