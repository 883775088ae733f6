import type { RouteLocationNormalizedLoaded } from 'vue-router';

/** The `q` query parameter: what was searched for, '' before any search. */
export function searchQuery(route: RouteLocationNormalizedLoaded): string {
  const { q } = route.query;
  return typeof q === 'string' ? q : '';
}
