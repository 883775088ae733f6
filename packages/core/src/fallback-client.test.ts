import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDefaultClient } from './default-client.js';
import { fallbackClient } from './fallback-client.js';
import { createTestAnalytics } from './testing/index.js';

afterEach(() => setDefaultClient(undefined));

describe('fallbackClient', () => {
  it('is the default client when one is registered', () => {
    const { analytics } = createTestAnalytics({ window: null });
    setDefaultClient(analytics);
    expect(fallbackClient(() => 'unused')).toBe(analytics);
  });

  it('throws the explanation in development when there is none', () => {
    expect(() => fallbackClient(() => 'Wrap your app in the provider.')).toThrow(
      'Wrap your app in the provider.',
    );
  });

  it('in production, is one unconfigured client whose calls resolve without sending', async () => {
    vi.stubGlobal('__DEV__', false);
    const client = fallbackClient(() => 'unused');
    expect(fallbackClient(() => 'unused')).toBe(client);
    const result = await client.track({ event: 'Signed Up', userId: 'u_1' });
    expect(result).toMatchObject({ success: false, error: { code: 'missing_write_key' } });
  });
});
