import Handlebars from 'handlebars';
import {
  CALLS_FILE,
  CALLS_TEMPLATE,
  CHECKS_FILE,
  CHECKS_TEMPLATE,
  MODULE_TEMPLATE,
} from './module-template.js';
import type { ModuleView } from './view-model.js';

// noEscape: the view holds code, already escaped for where it goes.
// HTML-escaping it is how Typewriter came to send `it&#x27;s` on the wire.
const compile = (template: string) =>
  Handlebars.compile<ModuleView>(template, { noEscape: true, strict: true });
const renderIndex = compile(MODULE_TEMPLATE);
const renderCalls = compile(CALLS_TEMPLATE);
const renderChecks = compile(CHECKS_TEMPLATE);

/** The generated files, by path relative to the output directory. */
export function renderModule(view: ModuleView): { path: string; contents: string }[] {
  return [
    { path: 'index.ts', contents: renderIndex(view) },
    { path: `${CALLS_FILE}.ts`, contents: renderCalls(view) },
    { path: `${CHECKS_FILE}.ts`, contents: renderChecks(view) },
  ];
}
