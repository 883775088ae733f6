/**
 * The layout of the generated module. Every value is a finished string from
 * the view model; the templates hold no logic beyond placing them.
 *
 * The module is TypeScript only: `tsc` copies no `.js` or `.d.ts` input to an
 * `outDir`, so a module split into those would ship without them.
 */

/**
 * The files beside index.ts, without extension. They are named unlike the
 * plan.js and checks.js that earlier versions wrote, because bundlers resolve
 * `./plan.js` to a stale plan.js left there before they try plan.ts.
 */
export const CALLS_FILE = 'plan-calls';
export const CHECKS_FILE = 'plan-checks';

/**
 * The first line of the two large files. TypeScript (3.7 and later) then
 * reads their typed exports in the app's type-check but checks none of their
 * bodies. It is fixed text: the header after it holds plan text, with its
 * line breaks removed, so no plan can write a `// @ts-check` line after it.
 */
export const NO_CHECK_LINE = '// @ts-nocheck';

const NO_CHECK_NOTE = `// TypeScript skips checking this file (see its first line), so a large plan
// costs the app's type-check little. Every export is typed in full, and
// codegen's tests type-check this file with the first line removed.`;

/** index.ts, the module's entry. */
export const MODULE_TEMPLATE = `{{header}}
/* eslint-disable */
import type { PlanValidator } from '@trackplan/core';
import { buildTrackingPlan as $buildTrackingPlan } from './${CHECKS_FILE}.js';

// The plan's types and functions, in ./${CALLS_FILE}.ts.
export * from './${CALLS_FILE}.js';

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
 * live in ./${CHECKS_FILE}.ts.
 */
export const trackingPlan: PlanValidator | undefined =
  process.env.NODE_ENV !== 'production' ? /* @__PURE__ */ $buildTrackingPlan() : undefined;
`;

/** The calls file: every type of the plan, and one typed function per call. */
export const CALLS_TEMPLATE = `${NO_CHECK_LINE}
{{header}}
/* eslint-disable */
${NO_CHECK_NOTE}
import type { CallOptions, GroupResult, IdentifyResult, PageResult, TrackResult } from '@trackplan/core';
import { callThrough as $callThrough } from '@trackplan/core';

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
`;

/** The checks file: the plan's runtime checks, built on first use of trackingPlan. */
export const CHECKS_TEMPLATE = `${NO_CHECK_LINE}
{{header}}
/* eslint-disable */
${NO_CHECK_NOTE}
import type { PlanValidator } from '@trackplan/core';
import type { Check } from '@trackplan/core/plan';
import { checkMessages as $checkMessages, createPlanValidator as $createPlanValidator, v as $v } from '@trackplan/core/plan';

/** Builds the runtime checks of every event, page and trait of the plan. */
export function buildTrackingPlan(): PlanValidator {
{{#each typeChecks}}
{{this}}
{{/each}}
  return $createPlanValidator(
    $checkMessages({
      events: new Map<string, Check>([
{{#each eventChecks}}
{{this}}
{{/each}}
      ]),
      pages: new Map<string, Check>([
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
