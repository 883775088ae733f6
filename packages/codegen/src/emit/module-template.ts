/**
 * The layout of the generated module. Every value is a finished string from
 * the view model; the templates hold no logic beyond placing them.
 *
 * The module is one TypeScript file, index.ts, that imports nothing but
 * `@trackplan/core`. A relative import would have to name a file: `./x.js`
 * is what `tsc` wants for a `.ts` file, but Node's type stripping, webpack
 * without `extensionAlias` and Jest without a mapper look for a real `x.js`;
 * `./x.ts` is refused by `tsc` when it emits. With no relative import at all,
 * every tool resolves the module the same way.
 */

/** The first line, so it covers the whole file, the no-check line below included. */
export const ESLINT_DISABLE_LINE = '/* eslint-disable */';

/**
 * The second line. TypeScript (3.7 and later) reads it among the file's
 * leading comments, and then reads the module's typed exports in the app's
 * type-check but checks none of its bodies. It is fixed text: the header
 * after it holds plan text, with its line breaks removed, so no plan can
 * write a `// @ts-check` line after it.
 */
export const NO_CHECK_LINE = '// @ts-nocheck';

/** How the generated file begins. */
export const FILE_START = `${ESLINT_DISABLE_LINE}\n${NO_CHECK_LINE}\n`;

/** index.ts, the whole generated module. */
export const MODULE_TEMPLATE = `${FILE_START}{{header}}
// TypeScript skips checking this file (see its second line), so a large plan
// costs the app's type-check little. Every export is typed in full, and
// codegen's tests type-check this file with that line removed.
import type { CallOptions, GroupResult, IdentifyResult, PageResult, PlanValidator as $PlanValidator, TrackResult } from '@trackplan/core';
import { callThrough as $callThrough } from '@trackplan/core';
import type { Check as $Check } from '@trackplan/core/plan';
import { checkMessages as $checkMessages, createPlanValidator as $createPlanValidator, v as $v } from '@trackplan/core/plan';

// Shared types of the plan.
{{#each namedTypes}}

{{doc}}{{code}}
{{/each}}

// Properties of each event.
{{#each eventTypes}}

{{doc}}{{code}}
{{/each}}

// Traits and pages.
{{#each traitTypes}}

{{doc}}{{code}}
{{/each}}
{{#each pageTypes}}

{{doc}}{{code}}
{{/each}}

/** The plan as types: what \`Register\` gives every call in the app. */
{{planTypes}}

declare module '@trackplan/core' {
  interface Register {
    plan: PlanTypes;
  }
}

// One function per event. Each sends the event's name exactly as the plan writes it.
{{#each eventFunctions}}

{{doc}}{{code}}
{{/each}}

{{pageHelpers.types}}

{{pageHelpers.categories}}
{{#each callFunctions}}

{{doc}}{{code}}
{{/each}}

// Declared here so the module compiles without Node's types. Bundlers write the
// build's mode in place of process.env.NODE_ENV (browsers have no process), so
// it is not guarded with typeof, which they would leave as it is. NODE_ENV is
// declared by name: apps with noPropertyAccessFromIndexSignature (Angular's
// default) refuse reading it from an index signature.
declare const process: { env: { NODE_ENV?: string } };

/**
 * Runtime checks of every call against the plan, for development: pass it as
 * \`createAnalytics({ plan: trackingPlan, onViolation })\`. It is undefined
 * when NODE_ENV is production, and bundlers then drop all the checks, which
 * nothing else refers to.
 */
export const trackingPlan: $PlanValidator | undefined =
  process.env.NODE_ENV !== 'production' ? /* @__PURE__ */ $buildTrackingPlan() : undefined;

/** Builds the runtime checks of every event, page and trait of the plan. */
function $buildTrackingPlan(): $PlanValidator {
{{#each typeChecks}}
{{this}}
{{/each}}
  return $createPlanValidator(
    $checkMessages({
      events: new Map<string, $Check>([
{{#each eventChecks}}
{{this}}
{{/each}}
      ]),
      pages: new Map<string, $Check>([
{{#each pageChecks}}
{{this}}
{{/each}}
      ]),
      identifyTraits: {{identifyCheck}},
      groupTraits: {{groupCheck}},
    }),
  );
}
`;
