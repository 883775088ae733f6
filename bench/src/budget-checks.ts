import {
  BINDINGS_MAX_ADDED_GZIP_BYTES,
  type Budget,
  CODEGEN_MAX_10K_OVER_1K,
  CODEGEN_MAX_TIME_RATIO_VS_TYPEWRITER,
  CODEGEN_MAX_TSC_RATIO_VS_TYPEWRITER,
  CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE,
  CORE_TRACK_BUNDLE_MAX_GZIP_BYTES,
  DEV_VALIDATION_MAX_MICROS,
  ONE_FUNCTION_MAX_GZIP_BYTES,
} from './budgets.js';
import type { BindingCost } from './bundles/measure-bundles.js';
import { benchConfig } from './config.js';
import type { Measurements } from './measure-all.js';
import { count, fraction, kb, times } from './report/format.js';
import { median } from './stats.js';

/**
 * The rule for the short run, written into both results files: it judges a
 * budget only when it measures it exactly as the full run does.
 */
export function shortRunRule(): string {
  const full = benchConfig(false);
  const short = benchConfig(true);
  return `The short run (\`pnpm bench:short\`, for CI) judges a budget only when it measures it exactly as the full run does: bundle and function sizes, which are deterministic, and development validation, which runs the same ${count(short.validationCalls)} calls. It reports the timing ratios without judging them: the enqueue rate runs ${count(short.enqueueCalls)} calls × ${short.enqueueRounds} rounds instead of ${count(full.enqueueCalls)} × ${full.enqueueRounds}, where warm-up moves the ratio, and the codegen budgets need the 1,000- and 10,000-event plans, which it does not run through Typewriter.`;
}

const judge = (met: boolean): Budget['status'] => (met ? 'met' : 'missed');

function bindingBudget(name: string, cost: BindingCost): Budget {
  const limit = `≤ ${kb(BINDINGS_MAX_ADDED_GZIP_BYTES)} over the same app calling core directly`;
  if (cost.notMeasured !== undefined) {
    return { name, limit, measured: cost.notMeasured, status: 'not measured' };
  }
  return {
    name,
    limit,
    measured: `+${kb(cost.addedGzipBytes)} (${cost.addedGzipBytes} B)`,
    status: judge(cost.addedGzipBytes <= BINDINGS_MAX_ADDED_GZIP_BYTES),
  };
}

function codegenBudgets({ codegen, config }: Measurements): Budget[] {
  const at = (events: number) => codegen.find((row) => row.trackplan.events === events);
  const thousand = at(1000);
  const tenThousand = at(10_000);
  const notRun = 'not run: needs the 1,000- and 10,000-event plans';
  const status = (met: boolean): Budget['status'] =>
    config.short ? 'not judged in the short run' : judge(met);
  const genRatio = thousand
    ? median(thousand.trackplan.generateMs) / median(thousand.typewriter.generateMs)
    : Number.NaN;
  const tscRatio = thousand
    ? median(thousand.trackplan.typecheckMs) / median(thousand.typewriter.typecheckMs)
    : Number.NaN;
  const linear =
    thousand && tenThousand
      ? median(tenThousand.trackplan.generateMs) / median(thousand.trackplan.generateMs)
      : Number.NaN;
  return [
    {
      name: 'codegen time, 1,000 events, vs Typewriter',
      limit: `≤ 1/${Math.round(1 / CODEGEN_MAX_TIME_RATIO_VS_TYPEWRITER)}`,
      measured: thousand ? fraction(genRatio) : notRun,
      status: status(genRatio <= CODEGEN_MAX_TIME_RATIO_VS_TYPEWRITER),
    },
    {
      name: 'tsc --noEmit of the output, 1,000 events, vs Typewriter',
      limit: `≤ 1/${Math.round(1 / CODEGEN_MAX_TSC_RATIO_VS_TYPEWRITER)}`,
      measured: thousand ? fraction(tscRatio) : notRun,
      status: status(tscRatio <= CODEGEN_MAX_TSC_RATIO_VS_TYPEWRITER),
    },
    {
      name: 'codegen time, 10,000 events over 1,000 (linear is 10)',
      limit: `≤ ${CODEGEN_MAX_10K_OVER_1K}×`,
      measured: tenThousand ? times(linear) : notRun,
      status: status(linear <= CODEGEN_MAX_10K_OVER_1K),
    },
  ];
}

/** Every budget of the issues against this run's measurements. */
export function checkBudgets(measured: Measurements): Budget[] {
  const { bundles, enqueue, oneFunction, validationMicros } = measured;
  return [
    {
      name: 'core + one track, minified + gzipped',
      limit: `≤ ${kb(CORE_TRACK_BUNDLE_MAX_GZIP_BYTES)}`,
      measured: kb(bundles.core.totalGzipBytes),
      status: judge(bundles.core.totalGzipBytes <= CORE_TRACK_BUNDLE_MAX_GZIP_BYTES),
    },
    bindingBudget('React bindings: added to core, minified + gzipped', bundles.react),
    bindingBudget('Vue bindings: added to core, minified + gzipped', bundles.vue),
    {
      name: 'Node enqueue rate vs @segment/analytics-node',
      limit: `≥ ${CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE}×`,
      measured: times(enqueue.ratio),
      status: measured.config.short
        ? 'not judged in the short run'
        : judge(enqueue.ratio >= CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE),
    },
    ...codegenBudgets(measured),
    {
      name: 'one event function of 1,000 in a production bundle',
      limit: `≤ ${ONE_FUNCTION_MAX_GZIP_BYTES} B gzipped`,
      measured: `${oneFunction.trackplan} B`,
      status: judge(oneFunction.trackplan <= ONE_FUNCTION_MAX_GZIP_BYTES),
    },
    {
      name: 'development validation per call',
      limit: `≤ ${DEV_VALIDATION_MAX_MICROS} µs`,
      measured: `${validationMicros.trackplan.toFixed(2)} µs`,
      status: judge(validationMicros.trackplan <= DEV_VALIDATION_MAX_MICROS),
    },
  ];
}
