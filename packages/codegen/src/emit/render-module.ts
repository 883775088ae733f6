import Handlebars from 'handlebars';
import { MODULE_TEMPLATE } from './module-template.js';
import type { ModuleView } from './view-model.js';

// noEscape: the view holds code, already escaped for where it goes.
// HTML-escaping it is how Typewriter came to send `it&#x27;s` on the wire.
const renderIndex = Handlebars.compile<ModuleView>(MODULE_TEMPLATE, {
  noEscape: true,
  strict: true,
});

/** The generated files, by path relative to the output directory: the one module. */
export function renderModule(view: ModuleView): { path: string; contents: string }[] {
  return [{ path: 'index.ts', contents: renderIndex(view) }];
}
