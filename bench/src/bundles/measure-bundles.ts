import { type BundleSize, measureBundle } from '../bundle-size.js';
import { bindingNotReady } from './binding-status.js';
import { type CoreBreakdown, measureCoreBreakdown } from './core-breakdown.js';
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

/**
 * What a binding adds, gzipped, lazy chunks included: the app with the
 * binding minus the same app calling core directly.
 */
export type BindingCost =
  | { addedGzipBytes: number; notMeasured?: undefined }
  | { notMeasured: string };

export interface BundleResults {
  core: BundleSize;
  coreBreakdown: CoreBreakdown;
  react: BindingCost;
  vue: BindingCost;
  rows: BundleRow[];
}

async function measureRow(scenario: BundleScenario, benchDir: string): Promise<BundleRow> {
  const notReady = scenario.binding && bindingNotReady(scenario.binding);
  if (notReady) return { scenario, notMeasured: notReady };
  return { scenario, size: await measureBundle(scenario.source, benchDir) };
}

async function bindingCost(row: BundleRow, benchDir: string): Promise<BindingCost> {
  if (row.size === undefined) return { notMeasured: row.notMeasured };
  const without = row.scenario.withoutBinding;
  if (without === undefined) throw new Error(`${row.scenario.name} has no withoutBinding source`);
  const baseline = await measureBundle(without, benchDir);
  return { addedGzipBytes: row.size.totalGzipBytes - baseline.totalGzipBytes };
}

/** Bundles ours and every peer with the same esbuild settings, one after the other. */
export async function measureBundles(benchDir: string): Promise<BundleResults> {
  const core = await measureBundle(CORE_SCENARIO.source, benchDir);
  const react = await measureRow(REACT_SCENARIO, benchDir);
  const vue = await measureRow(VUE_SCENARIO, benchDir);
  const rows: BundleRow[] = [{ scenario: CORE_SCENARIO, size: core }, react, vue];
  for (const scenario of PEER_SCENARIOS) rows.push(await measureRow(scenario, benchDir));
  return {
    core,
    coreBreakdown: await measureCoreBreakdown(benchDir),
    react: await bindingCost(react, benchDir),
    vue: await bindingCost(vue, benchDir),
    rows,
  };
}
