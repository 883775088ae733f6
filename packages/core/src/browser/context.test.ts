import { describe, expect, it, vi } from 'vitest';
import { addCampaign, browserContext, campaignFields, pageFields } from './context.js';
import type { BrowserGlobals } from './globals.js';

/** A hand-made window: only the fields core reads, parsed from one URL. */
function fakeWindow({
  href = 'https://shop.example/products/42?color=red#reviews',
  title = 'Product 42',
  referrer = 'https://search.example/?q=shoes',
  navigator = { userAgent: 'FakeAgent/1.0', language: 'fr-FR' },
}: {
  href?: string;
  title?: string;
  referrer?: string;
  /** `null` for a window without a navigator. */
  navigator?: BrowserGlobals['navigator'] | null;
} = {}): BrowserGlobals {
  const url = new URL(href);
  const win: BrowserGlobals = {
    location: { href: url.href, pathname: url.pathname, search: url.search, hash: url.hash },
    document: { title, referrer, cookie: '' },
  };
  if (navigator) win.navigator = navigator;
  return win;
}

describe('pageFields', () => {
  const table: { name: string; given: Parameters<typeof fakeWindow>[0]; want: object }[] = [
    {
      name: 'reads the location and document, dropping the hash from the url',
      given: {
        href: 'https://shop.example/products/42?color=red#reviews',
        title: 'Product 42',
        referrer: 'https://search.example/?q=shoes',
      },
      want: {
        path: '/products/42',
        referrer: 'https://search.example/?q=shoes',
        search: '?color=red',
        title: 'Product 42',
        url: 'https://shop.example/products/42?color=red',
      },
    },
    {
      name: 'keeps empty search, title and referrer as empty strings',
      given: { href: 'https://shop.example/', title: '', referrer: '' },
      want: {
        path: '/',
        referrer: '',
        search: '',
        title: '',
        url: 'https://shop.example/',
      },
    },
    {
      name: 'leaves a url without a hash whole',
      given: { href: 'https://shop.example/a/b?x=1&y=2', title: 'AB', referrer: '' },
      want: {
        path: '/a/b',
        referrer: '',
        search: '?x=1&y=2',
        title: 'AB',
        url: 'https://shop.example/a/b?x=1&y=2',
      },
    },
  ];

  it.each(table)('$name', ({ given, want }) => {
    expect(pageFields(fakeWindow(given))).toEqual(want);
  });
});

describe('campaignFields', () => {
  const table: { given: string; want: Record<string, string> | undefined }[] = [
    {
      given:
        '?utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale&utm_term=shoes&utm_content=hero',
      want: {
        source: 'newsletter',
        medium: 'email',
        name: 'spring_sale',
        term: 'shoes',
        content: 'hero',
      },
    },
    { given: '?utm_source=google', want: { source: 'google' } },
    { given: '?utm_campaign=launch&page=2', want: { name: 'launch' } },
    { given: '?UTM_SOURCE=Google', want: { source: 'Google' } },
    { given: '?utm_term=running%20shoes', want: { term: 'running shoes' } },
    { given: '?utm_source=&utm_medium=cpc', want: { medium: 'cpc' } },
    { given: '', want: undefined },
    { given: '?page=2&q=shoes', want: undefined },
    { given: '?utm_source=', want: undefined },
    { given: '?utm_id=123', want: undefined },
  ];

  it.each(table)('campaignFields($given)', ({ given, want }) => {
    expect(campaignFields(given)).toEqual(want);
  });
});

describe('browserContext', () => {
  it('holds page, userAgent, locale and timezone', () => {
    const win = fakeWindow({
      href: 'https://shop.example/landing?utm_source=ads&utm_medium=cpc#top',
      title: 'Landing',
      referrer: 'https://ads.example/',
      navigator: { userAgent: 'FakeAgent/1.0', language: 'fr-FR' },
    });

    expect(browserContext(win)).toEqual({
      page: {
        path: '/landing',
        referrer: 'https://ads.example/',
        search: '?utm_source=ads&utm_medium=cpc',
        title: 'Landing',
        url: 'https://shop.example/landing?utm_source=ads&utm_medium=cpc',
      },
      userAgent: 'FakeAgent/1.0',
      locale: 'fr-FR',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('reports the timezone Intl resolves', () => {
    const resolvedOptions = () =>
      ({ timeZone: 'Pacific/Auckland' }) as Intl.ResolvedDateTimeFormatOptions;
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(
      () => ({ resolvedOptions }) as Intl.DateTimeFormat,
    );

    expect(browserContext(fakeWindow()).timezone).toBe('Pacific/Auckland');
  });

  it('leaves timezone out when Intl throws', () => {
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(() => {
      throw new RangeError('no Intl data');
    });

    const context = browserContext(fakeWindow());

    expect(context).not.toHaveProperty('timezone');
    expect(context).toHaveProperty('page');
  });

  const navigators: {
    name: string;
    given: BrowserGlobals['navigator'] | null;
    absent: string[];
  }[] = [
    { name: 'no navigator', given: null, absent: ['userAgent', 'locale'] },
    { name: 'an empty navigator', given: {}, absent: ['userAgent', 'locale'] },
    {
      name: 'empty strings',
      given: { userAgent: '', language: '' },
      absent: ['userAgent', 'locale'],
    },
    { name: 'a userAgent only', given: { userAgent: 'UA' }, absent: ['locale'] },
  ];

  it.each(navigators)('leaves out what $name cannot tell', ({ given, absent }) => {
    const context = browserContext(fakeWindow({ navigator: given }));

    for (const key of absent) expect(context).not.toHaveProperty(key);
    expect(context).toHaveProperty('page');
  });

  it('reads the window at call time, not once', () => {
    const win = fakeWindow({ href: 'https://shop.example/first', title: 'First' });
    const first = browserContext(win);

    win.location = {
      href: 'https://shop.example/second?utm_source=push',
      pathname: '/second',
      search: '?utm_source=push',
    };
    win.document.title = 'Second';
    const second = browserContext(win);

    expect(first.page).toMatchObject({ path: '/first', title: 'First', search: '' });
    expect(second.page).toMatchObject({
      path: '/second',
      title: 'Second',
      search: '?utm_source=push',
    });
  });
});

describe('addCampaign', () => {
  const table: { name: string; given: Record<string, unknown>; want: unknown }[] = [
    {
      name: 'reads the utm_ parameters of context.page.search',
      given: { page: { search: '?utm_source=ads&utm_medium=cpc' } },
      want: { source: 'ads', medium: 'cpc' },
    },
    {
      name: 'adds nothing without utm_ parameters',
      given: { page: { search: '?q=shoes' } },
      want: undefined,
    },
    {
      name: 'adds nothing without a page',
      given: {},
      want: undefined,
    },
    {
      name: 'keeps a campaign the call brought, whole',
      given: {
        page: { search: '?utm_source=ads&utm_campaign=spring' },
        campaign: { source: 'newsletter' },
      },
      want: { source: 'newsletter' },
    },
  ];
  it.each(table)('$name', ({ given, want }) => {
    addCampaign(given);
    expect(given.campaign).toEqual(want);
  });
});
