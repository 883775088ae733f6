import type { Budget } from '../budgets.js';
import type { Measurements } from '../measure-all.js';
import { bundleSection } from './bundle-section.js';
import { codegenSection, generatedCodeSection } from './codegen-section.js';
import { headerSection } from './header.js';
import { enqueueSection, memorySection, overheadSection } from './node-sections.js';

/** results.md: the machine, the versions, the budgets, then one table per measure. */
export function resultsMarkdown(measured: Measurements, budgets: Budget[]): string {
  return [
    ...headerSection(measured.config.short, budgets),
    ...bundleSection(measured.bundles),
    ...enqueueSection(measured),
    ...overheadSection(measured),
    ...memorySection(measured),
    ...codegenSection(measured),
    ...generatedCodeSection(measured),
  ].join('\n');
}
