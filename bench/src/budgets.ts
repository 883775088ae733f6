/** The budgets set in the issues, each checked against a measurement of this run. */
export interface Budget {
  name: string;
  /** Human-readable limit, e.g. "≤ 4 KB gzipped". */
  limit: string;
  measured: string;
  /** `not measured` and `not judged` never fail a run; the results say why. */
  status: 'met' | 'missed' | 'not measured' | 'not judged in the short run';
}

export const KB = 1024;
export const CORE_TRACK_BUNDLE_MAX_GZIP_BYTES = 4 * KB;
/** What the React and the Vue bindings may each add to an app that calls core directly. */
export const BINDINGS_MAX_ADDED_GZIP_BYTES = 1 * KB;
export const CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE = 3;

export const CODEGEN_MAX_TIME_RATIO_VS_TYPEWRITER = 1 / 7;
export const CODEGEN_MAX_TSC_RATIO_VS_TYPEWRITER = 1 / 2;
/** 10,000 events may take at most this many times as long as 1,000 (linear is 10). */
export const CODEGEN_MAX_10K_OVER_1K = 15;
export const ONE_FUNCTION_MAX_GZIP_BYTES = 300;
export const DEV_VALIDATION_MAX_MICROS = 10;
