import Handlebars from 'handlebars';
import {
  CHECKS_DECLARATION_TEMPLATE,
  CHECKS_TEMPLATE,
  MODULE_TEMPLATE,
  PLAN_DECLARATION_TEMPLATE,
  PLAN_TEMPLATE,
} from './module-template.js';
import type { ModuleView } from './view-model.js';

// noEscape: the view holds code, already escaped for where it goes.
// HTML-escaping it is how Typewriter came to send `it&#x27;s` on the wire.
const compile = (template: string) =>
  Handlebars.compile<ModuleView>(template, { noEscape: true, strict: true });
const renderIndex = compile(MODULE_TEMPLATE);
const renderPlanDeclaration = compile(PLAN_DECLARATION_TEMPLATE);
const renderPlan = compile(PLAN_TEMPLATE);
const renderChecks = compile(CHECKS_TEMPLATE);
const renderChecksDeclaration = compile(CHECKS_DECLARATION_TEMPLATE);

/** The generated files, by path relative to the output directory. */
export function renderModule(view: ModuleView): { path: string; contents: string }[] {
  return [
    { path: 'index.ts', contents: renderIndex(view) },
    { path: 'plan.d.ts', contents: renderPlanDeclaration(view) },
    { path: 'plan.js', contents: renderPlan(view) },
    { path: 'checks.js', contents: renderChecks(view) },
    { path: 'checks.d.ts', contents: renderChecksDeclaration(view) },
  ];
}
