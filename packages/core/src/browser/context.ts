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

/** UTM parameters of the current URL, as `context.campaign`. */
export function campaignFields(search: string): Record<string, string> | undefined {
  let campaign: Record<string, string> | undefined;
  for (const [key, value] of new URLSearchParams(search)) {
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
 * single-page app reports the page the user is on now.
 * @see https://segment.com/docs/connections/spec/common/#context
 */
export function browserContext(win: BrowserGlobals): Record<string, unknown> {
  const context: Record<string, unknown> = { page: pageFields(win) };
  const userAgent = win.navigator?.userAgent;
  if (userAgent) context.userAgent = userAgent;
  const locale = win.navigator?.language;
  if (locale) context.locale = locale;
  const zone = timezone();
  if (zone) context.timezone = zone;
  const campaign = campaignFields(win.location.search);
  if (campaign) context.campaign = campaign;
  return context;
}
