import Handlebars from 'handlebars';
import { MODULE_TEMPLATE } from './module-template.js';
import type { ModuleView } from './view-model.js';

// noEscape: the view holds TypeScript, already escaped for where it goes.
// HTML-escaping it is how Typewriter came to send `it&#x27;s` on the wire.
const renderTemplate = Handlebars.compile<ModuleView>(MODULE_TEMPLATE, {
  noEscape: true,
  strict: true,
});

export function renderModule(view: ModuleView): string {
  return renderTemplate(view);
}
