import type { BrowserGlobals } from './globals.js';

const UTM_FIELDS: Record<string, string> = {
  utm_source: 'source',
  utm_medium: 'medium',
  utm_campaign: 'name',
  utm_term: 'term',
  utm_content: 'content',
};

/** The page as Segment's spec describes it: path, referrer, search, title, url. */
export function pageFields(win: BrowserGlobals): Record<string, string> {
  const { location, document } = win;
  const url = location.href.split('#')[0] ?? location.href;
  return {
    path: location.pathname,
    referrer: document.referrer,
    search: location.search,
    title: document.title,
    url,
  };
}

/**
 * A page call's `context.page`: its own properties where they describe the
 * page, as analytics.js does, so that context and properties agree.
 */
export function pageOf(properties: Record<string, unknown>): Record<string, unknown> {
  const { path, referrer, search, title, url } = properties;
  return { path, referrer, search, title, url };
}

/** UTM parameters of a query string, as `context.campaign`. */
export function campaignFields(search: unknown): Record<string, string> | undefined {
  let campaign: Record<string, string> | undefined;
  for (const [key, value] of new URLSearchParams(typeof search === 'string' ? search : '')) {
    const field = UTM_FIELDS[key.toLowerCase()];
    if (field && value) {
      campaign ??= {};
      campaign[field] = value;
    }
  }
  return campaign;
}

function timezone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The context a browser fills in on every call, read at call time so that a
 * single-page app reports the page the user is on now. `page` replaces the
 * location's fields (a page call's own, from {@link pageOf}). The campaign
 * comes once the call's own context is merged in: see {@link addCampaign}.
 * @see https://segment.com/docs/connections/spec/common/#context
 */
export function browserContext(
  win: BrowserGlobals,
  page: Record<string, unknown> = pageFields(win),
): Record<string, unknown> {
  const context: Record<string, unknown> = { page };
  const userAgent = win.navigator?.userAgent;
  if (userAgent) context.userAgent = userAgent;
  const locale = win.navigator?.language;
  if (locale) context.locale = locale;
  const zone = timezone();
  if (zone) context.timezone = zone;
  return context;
}

/**
 * Sets `context.campaign` from the utm_ parameters of the final
 * `context.page.search`, unless the call brought a campaign of its own,
 * which then stands whole. analytics.js does the same.
 */
export function addCampaign(context: Record<string, unknown>): void {
  if (context.campaign) return;
  const campaign = campaignFields((context.page as Record<string, unknown> | undefined)?.search);
  if (campaign) context.campaign = campaign;
}
