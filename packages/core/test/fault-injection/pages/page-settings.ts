import type { PageSettings } from '../harness.js';

/** The settings in the page's URL, each a number but the endpoint. */
export function readSettings(search: string): PageSettings {
  const params = new URLSearchParams(search);
  const number = (name: keyof PageSettings): number => Number(params.get(name));
  return {
    endpoint: params.get('endpoint') ?? '',
    flushAt: number('flushAt'),
    flushIntervalMs: number('flushIntervalMs'),
    maxRetries: number('maxRetries'),
    retryBaseDelayMs: number('retryBaseDelayMs'),
    retryMaxDelayMs: number('retryMaxDelayMs'),
    requestTimeoutMs: number('requestTimeoutMs'),
  };
}

/** Fills localStorage until the browser refuses more, as on a device out of quota. */
export function fillStorage(): void {
  let chunk = 'x'.repeat(1 << 20);
  for (let i = 0; chunk.length > 0; i++) {
    try {
      localStorage.setItem(`filler-${i}`, chunk);
    } catch {
      chunk = chunk.slice(0, chunk.length >> 1);
    }
  }
}
