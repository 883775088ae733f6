import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkBudgets } from './budget-checks.js';
import type { Budget } from './budgets.js';
import { benchConfig } from './config.js';
import { machineSummary } from './machine.js';
import { measureAll } from './measure-all.js';
import { resultsMarkdown } from './report/results-markdown.js';

const config = benchConfig(process.argv.includes('--short'));
const started = performance.now();
console.log(`Machine: ${machineSummary()}${config.short ? ' (short run)' : ''}\n`);

const measured = await measureAll(config);
const budgets = checkBudgets(measured);
writeFileSync(config.resultsFile, resultsMarkdown(measured, budgets));

const CONSOLE_STATUS: Record<Budget['status'], string> = {
  met: 'met    ',
  missed: 'MISSED ',
  'not measured': 'NOT MEASURED',
  'not judged in the short run': 'not judged (short run)',
};
for (const b of budgets)
  console.log(`${CONSOLE_STATUS[b.status]} ${b.name}: ${b.measured} (limit ${b.limit})`);
console.log(
  `\nWrote ${fileURLToPath(config.resultsFile)} in ${Math.round((performance.now() - started) / 1000)} s.`,
);
process.exitCode = budgets.some((b) => b.status === 'missed') ? 1 : 0;
