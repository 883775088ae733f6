import type { FieldOf, PageName, PlanShape, RegisteredPlan } from '../register.js';

/**
 * One of the plan's pages with its properties, as a router adapter's route
 * names its page. Typed by the registered plan, so a page missing from the
 * plan, or one without its required properties, does not compile.
 */
export type PlanPage<P extends PlanShape = RegisteredPlan> = {
  [N in PageName<P>]: { name: N; category?: string } & FieldOf<'properties', P['pages'][N]>;
}[PageName<P>];

/** The plan's pages that need no properties, so a route can name them with a string. */
export type PlainPageName<P extends PlanShape = RegisteredPlan> = {
  // biome-ignore lint/complexity/noBannedTypes: `{} extends T` is the test for "every key optional".
  [N in PageName<P>]: {} extends P['pages'][N] ? N : never;
}[PageName<P>];
