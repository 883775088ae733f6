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

// A hash router's path and its query, up to an in-page anchor after them.
// A bare `#/` is the root route, the same page as no hash at all.
const HASH_ROUTE = /^#!?\/[^#]+/;

/**
 * The part of a location that identifies the page under a policy. Two
 * locations with the same key are the same page, so no second page call.
 * `query` overrides the policy's, e.g. `false` for the route alone.
 */
export function pageKey(
  location: PageLocation,
  policy: PageChangePolicy = {},
  query = policy.query ?? true,
): string {
  const hash = pageHash(location.hash, policy);
  // A hash router keeps its query in the hash, under the same policy; an
  // anchor after it stays (it counts with hash: true).
  return location.pathname + (query ? location.search + hash : hash.replace(/\?[^#]*/, ''));
}

/**
 * The part of the hash that belongs to the page under a policy: all of it
 * with `hash: true`; with `'routes'`, a hash router's path and query without
 * an anchor inside that route (`#/cart#summary` is `#/cart`); else none.
 */
export function pageHash(hash: string, policy: PageChangePolicy = {}): string {
  const mode = policy.hash ?? 'routes';
  return mode === true ? hash : mode ? (HASH_ROUTE.exec(hash)?.[0] ?? '') : '';
}

/** Whether the hash is part of the page under a policy. */
export function hashCounts(hash: string, policy: PageChangePolicy = {}): boolean {
  return pageHash(hash, policy) !== '';
}
