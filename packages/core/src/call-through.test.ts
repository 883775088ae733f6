import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Each test loads fresh copies of core's modules, as two builds of core would be.
type Core = typeof import('./index.js');
async function loadCopy(): Promise<Core> {
  vi.resetModules();
  return import('./index.js');
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  warn.mockRestore();
  // Forget the mark that a default client is set, left by the tests' copies.
  (await loadCopy()).setDefaultClient(undefined);
});

describe('callThrough without a client', () => {
  it('resolves success: false with no_client, and warns once in development', async () => {
    const { callThrough } = await loadCopy();
    const first = await callThrough('track', { event: 'Signed In', properties: {} });
    expect(first).toMatchObject({
      success: false,
      event: 'Signed In',
      userId: null,
      anonymousId: null,
      error: { code: 'no_client' },
    });
    expect(String((first as { error: Error }).error.message)).toContain('setDefaultClient');
    await callThrough('track', { event: 'Signed Out', properties: {} });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('No analytics client');
  });

  it('says when another copy of core has the default client', async () => {
    const other = await loadCopy();
    other.setDefaultClient(other.createAnalytics({ writeKey: 'wk', window: null }));
    const { callThrough } = await loadCopy();
    const result = (await callThrough('track', { event: 'Signed In', properties: {} })) as {
      error: Error;
    };
    expect(result.error.message).toContain('another copy');
    expect(warn.mock.calls[0]?.[0]).toContain('CommonJS build beside its ES module build');
  });

  it('sends through the default client of its own copy', async () => {
    const core = await loadCopy();
    const { createTestAnalytics } = await import('./testing/index.js');
    const recorder = createTestAnalytics();
    core.setDefaultClient(recorder.analytics);
    const result = await core.callThrough(
      'track',
      { event: 'Signed In', properties: {} },
      {
        userId: 'u1',
      },
    );
    expect(result).toMatchObject({ success: true, event: 'Signed In', userId: 'u1' });
    expect(recorder.messages).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });
});
