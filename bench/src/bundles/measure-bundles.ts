import { type BundleSize, measureBundle } from '../bundle-size.js';
import { bindingNotReady } from './binding-status.js';
import {
  type BundleScenario,
  CORE_SCENARIO,
  PEER_SCENARIOS,
  REACT_SCENARIO,
  VUE_SCENARIO,
} from './scenarios.js';

/** One row of the bundle table: a size, or why there is none. */
export type BundleRow = { scenario: BundleScenario } & (
  | { size: BundleSize; notMeasured?: undefined }
  | { size?: undefined; notMeasured: string }
);

/** What a binding adds to core + one track, gzipped, lazy chunks included. */
export type BindingCost =
  | { addedGzipBytes: number; notMeasured?: undefined }
  | { notMeasured: string };

export interface BundleResults {
  core: BundleSize;
  react: BindingCost;
  vue: BindingCost;
  rows: BundleRow[];
}

async function measureRow(scenario: BundleScenario, benchDir: string): Promise<BundleRow> {
  const notReady = scenario.binding && bindingNotReady(scenario.binding);
  if (notReady) return { scenario, notMeasured: notReady };
  return { scenario, size: await measureBundle(scenario.source, benchDir) };
}

function bindingCost(row: BundleRow, core: BundleSize): BindingCost {
  if (row.size === undefined) return { notMeasured: row.notMeasured };
  return { addedGzipBytes: row.size.totalGzipBytes - core.totalGzipBytes };
}

/** Bundles ours and every peer with the same esbuild settings, one after the other. */
export async function measureBundles(benchDir: string): Promise<BundleResults> {
  const core = await measureBundle(CORE_SCENARIO.source, benchDir);
  const react = await measureRow(REACT_SCENARIO, benchDir);
  const vue = await measureRow(VUE_SCENARIO, benchDir);
  const rows: BundleRow[] = [{ scenario: CORE_SCENARIO, size: core }, react, vue];
  for (const scenario of PEER_SCENARIOS) rows.push(await measureRow(scenario, benchDir));
  return { core, react: bindingCost(react, core), vue: bindingCost(vue, core), rows };
}
