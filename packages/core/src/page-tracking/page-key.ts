/**
 * Which URL changes make a new page.
 * - `query`: a change of the query string alone counts. @default true
 * - `hash`: a change of the hash alone counts: always (`true`), never
 *   (`false`), or only when the hash holds a hash router's path such as
 *   `#/products` or `#!/products` (`'routes'`, so in-page anchors never count).
 *   @default 'routes'
 */
export interface PageChangePolicy {
  query?: boolean;
  hash?: boolean | 'routes';
}

export interface PageLocation {
  pathname: string;
  search: string;
  hash: string;
}

const HASH_ROUTE = /^#!?\//;

/**
 * The part of a location that identifies the page under a policy. Two
 * locations with the same key are the same page, so no second page call.
 */
export function pageKey(location: PageLocation, policy: PageChangePolicy = {}): string {
  let key = location.pathname;
  if (policy.query ?? true) key += location.search;
  if (hashCounts(location.hash, policy)) key += location.hash;
  return key;
}

/** Whether the hash is part of the page under a policy. */
export function hashCounts(hash: string, policy: PageChangePolicy = {}): boolean {
  const mode = policy.hash ?? 'routes';
  return hash !== '' && (mode === true || (mode === 'routes' && HASH_ROUTE.test(hash)));
}
