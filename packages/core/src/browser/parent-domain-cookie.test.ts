// @vitest-environment jsdom
// @vitest-environment-options {"url":"https://app.shop.example/"}
// biome-ignore-all lint/suspicious/noDocumentCookie: these tests set cookies as other code on the site would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalytics } from '../client.js';

beforeEach(() => {
  localStorage.clear();
});

it('reset() forgets analytics.js ids stored on a parent domain', () => {
  document.cookie = 'ajs_user_id=%22legacy-user%22; domain=.shop.example; path=/';
  document.cookie = 'ajs_anonymous_id=%22legacy-anon%22; domain=.shop.example; path=/';
  const analytics = createAnalytics({ writeKey: 'wk', fetch: async () => new Response('{}') });
  expect(analytics.user()).toMatchObject({ userId: 'legacy-user', anonymousId: 'legacy-anon' });

  analytics.reset();

  const after = analytics.user();
  expect(after.userId).toBeNull();
  expect(after.anonymousId).not.toBe('legacy-anon');
  expect(document.cookie).not.toContain('legacy');
});

it('carries anonymous traits over at login, but not to a different user', async () => {
  const analytics = createAnalytics({
    writeKey: 'wk',
    flushAt: 1,
    fetch: async () => new Response('{}'),
  });
  await analytics.identify({ traits: { plan: 'free' } });
  await analytics.identify({ userId: 'u1', traits: { email: 'ada@example.com' } });
  expect(analytics.user().traits).toEqual({ plan: 'free', email: 'ada@example.com' });
  await analytics.identify({ userId: 'u2', traits: { email: 'bob@example.com' } });
  expect(analytics.user().traits).toEqual({ email: 'bob@example.com' });
});

it('writes the ids on the site domain, replacing analytics.js cookies rather than shadowing them', async () => {
  document.cookie = 'ajs_user_id=%22legacy-user%22; domain=.shop.example; path=/';
  const analytics = createAnalytics({
    writeKey: 'wk',
    flushAt: 1,
    fetch: async () => new Response('{}'),
  });
  await analytics.identify({ userId: 'new-user' });

  const userCookies = document.cookie.split('; ').filter((c) => c.startsWith('ajs_user_id='));
  expect(userCookies).toEqual(['ajs_user_id=new-user']);
  expect(document.cookie).not.toContain('probe');
  // The next page of the site reads the new user back.
  const nextPage = createAnalytics({ writeKey: 'wk', fetch: async () => new Response('{}') });
  expect(nextPage.user().userId).toBe('new-user');
});

describe('identify is not undone by an older cookie of the same name', () => {
  const fetch = async () => new Response('{}');
  const clearAll = () => {
    for (const domain of ['', '; domain=.shop.example']) {
      for (const name of ['ajs_user_id', 'ajs_anonymous_id']) {
        document.cookie = `${name}=; path=/; max-age=0${domain}`;
      }
    }
  };
  beforeEach(clearAll);
  afterEach(clearAll);

  it('expires a host-only copy that shadows the site-wide cookie', async () => {
    document.cookie = 'ajs_user_id=old-user; path=/; max-age=3600';
    localStorage.setItem('ajs_user_id', '"old-user"');
    const analytics = createAnalytics({ writeKey: 'wk', flushAt: 1, fetch });
    await analytics.identify({ userId: 'new-user' });

    expect((await analytics.track({ event: 'After' })).userId).toBe('new-user');
    expect(document.cookie.split('; ').filter((c) => c.startsWith('ajs_user_id='))).toEqual([
      'ajs_user_id=new-user',
    ]);
    expect(createAnalytics({ writeKey: 'wk', fetch }).user().userId).toBe('new-user');
  });

  it('with host-only cookies, expires the site-wide copy analytics.js left', async () => {
    document.cookie = 'ajs_user_id=%22legacy-user%22; domain=.shop.example; path=/';
    const options = { writeKey: 'wk', flushAt: 1, fetch, cookie: { domain: '' } };
    const analytics = createAnalytics(options);
    await analytics.identify({ userId: 'new-user' });

    expect(analytics.user().userId).toBe('new-user');
    expect(createAnalytics(options).user().userId).toBe('new-user');
  });

  it.each(['1234567890123456789', '1.0', '1e3', '007'])(
    'keeps the userId %s exactly, though it looks like a number',
    async (userId) => {
      const analytics = createAnalytics({ writeKey: 'wk', flushAt: 1, fetch });
      await analytics.identify({ userId });

      expect((await analytics.track({ event: 'After' })).userId).toBe(userId);
      expect(createAnalytics({ writeKey: 'wk', fetch }).user().userId).toBe(userId);
    },
  );
});
