/**
 * The layout of the generated module. Every value is a finished string from
 * the view model; the template holds no logic beyond placing them.
 */
export const MODULE_TEMPLATE = `{{header}}
/* eslint-disable */
import type { PlanValidator } from '@trackplan/core';
import { buildTrackingPlan as $buildTrackingPlan } from './checks.js';

// The plan's types and functions: typed in ./plan.d.ts, implemented in
// ./plan.js. A declaration file costs the type-checker only what the app uses.
export * from './plan.js';

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
 * live in ./checks.js (plain JavaScript, so they cost type-checking nothing).
 */
export const trackingPlan: PlanValidator | undefined =
  process.env.NODE_ENV !== 'production' ? /* @__PURE__ */ $buildTrackingPlan() : undefined;
`;

/** ./plan.d.ts: every type of the plan, and the typed declaration of every function. */
export const PLAN_DECLARATION_TEMPLATE = `{{header}}
import type { CallOptions, GroupResult, IdentifyResult, PageResult, TrackResult } from '@trackplan/core';

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

{{doc}}{{declaration}}
{{/each}}

{{pageHelpers.declaration}}
{{#each callFunctions}}

{{doc}}{{declaration}}
{{/each}}
`;

/** ./plan.js: the functions declared in ./plan.d.ts, each one call into core. */
export const PLAN_TEMPLATE = `{{header}}
import { callThrough as $callThrough } from '@trackplan/core';
{{#each eventFunctions}}

{{implementation}}
{{/each}}

{{pageHelpers.implementation}}
{{#each callFunctions}}

{{implementation}}
{{/each}}
`;

/** ./checks.js: the plan's runtime checks, built on first use of trackingPlan. */
export const CHECKS_TEMPLATE = `{{header}}
import { checkMessages as $checkMessages, createPlanValidator as $createPlanValidator, v as $v } from '@trackplan/core/plan';

/** Builds the runtime checks of every event, page and trait of the plan. */
export function buildTrackingPlan() {
{{#each typeChecks}}
{{this}}
{{/each}}
  return $createPlanValidator(
    $checkMessages({
      events: new Map([
{{#each eventChecks}}
{{this}}
{{/each}}
      ]),
      pages: new Map([
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

/** ./checks.d.ts: the types of ./checks.js. */
export const CHECKS_DECLARATION_TEMPLATE = `{{header}}
import type { PlanValidator } from '@trackplan/core';

/** Builds the runtime checks of every event, page and trait of the plan. */
export declare function buildTrackingPlan(): PlanValidator;
`;
