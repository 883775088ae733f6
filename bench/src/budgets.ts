/** The budgets set in the issues, each checked against a measurement of this run. */
export interface Budget {
  name: string;
  /** Human-readable limit, e.g. "≤ 4 KB gzipped". */
  limit: string;
  measured: string;
  met: boolean;
}

export const KB = 1024;
export const CORE_TRACK_BUNDLE_MAX_GZIP_BYTES = 4 * KB;
export const CORE_ENQUEUE_MIN_RATIO_VS_SEGMENT_NODE = 3;
