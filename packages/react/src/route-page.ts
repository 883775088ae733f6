import type { PlanShape, RegisteredPlan } from '@trackplan/core';
import type { PlainPageName, PlanPage } from '@trackplan/core/page-tracking';

/**
 * How a route names its page, typed by the registered plan: the name of a
 * page without required properties, the page with its properties, or a
 * function of the route's params for pages with properties.
 *
 * @example
 * { path: 'products/:productId', handle: { page: ({ productId }) => ({ name: 'Product Detail', properties: { product_id: productId } }) } }
 */
export type RoutePage<P extends PlanShape = RegisteredPlan> =
  | PlainPageName<P>
  | PlanPage<P>
  | ((params: Record<string, string | undefined>) => PlanPage<P> | undefined);

/** The details of the deepest route that names its page. */
export function pageOfRoutes(
  routes: readonly { page: unknown; params: Record<string, string | undefined> }[],
): PlanPage | undefined {
  for (let index = routes.length - 1; index >= 0; index--) {
    const route = routes[index];
    const page = route?.page as RoutePage | undefined;
    if (page === undefined || route === undefined) continue;
    if (typeof page === 'string') return { name: page } as PlanPage;
    return typeof page === 'function' ? page(route.params) : page;
  }
  return undefined;
}
