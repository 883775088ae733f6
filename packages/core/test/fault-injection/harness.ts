import type { DeliverySettings } from '../../src/options.js';

/**
 * What a test page exposes as `window.harness`, the same for Trackplan's page
 * and analytics-next's, so one suite drives both.
 */
export interface Harness {
  /** Makes `count` track calls, events carrying `properties.seq` = `${prefix}-${i}`. */
  track(prefix: string, count: number): void;
  /** Resolves once every call made on this page has settled; null when the library cannot tell. */
  settled(): Promise<Record<string, string> | null>;
  /** Queue entries left in localStorage by the library, or -1 when it cannot be read. */
  stored(): number;
  /** Error codes the library reported. */
  errors: string[];
}

/** Client settings a page reads from its URL; short, so faults resolve within a test. */
export type PageSettings = Pick<
  DeliverySettings,
  | 'endpoint'
  | 'flushAt'
  | 'flushIntervalMs'
  | 'maxRetries'
  | 'retryBaseDelayMs'
  | 'retryMaxDelayMs'
  | 'requestTimeoutMs'
>;

/** The two libraries under test, by the page that runs each. */
export const PAGES = { trackplan: 'trackplan.html', 'analytics-next': 'analytics-next.html' };
export type Library = keyof typeof PAGES;

export const EVENT = 'Fault Test';
