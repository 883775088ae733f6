import { shortRunRule } from '../budget-checks.js';
import type { Budget } from '../budgets.js';
import { machineSummary, versionOf } from '../machine.js';
import { table } from './format.js';

/** Every tool measured or measuring, as installed. */
const MEASURED_PACKAGES = [
  '@trackplan/core',
  '@trackplan/codegen',
  '@trackplan/react',
  '@trackplan/vue',
  '@segment/analytics-next',
  '@segment/analytics-node',
  '@rudderstack/analytics-js',
  '@jitsu/js',
  'posthog-js',
  'analytics',
  '@analytics/segment',
  'react',
  'react-dom',
  'vue',
  'vue-router',
  'esbuild',
  'typescript',
];

const STATUS_TEXT: Record<Budget['status'], string> = {
  met: 'yes',
  missed: '**no**',
  'not measured': 'not measured',
  'not judged in the short run': 'not judged (short run)',
};

export function headerSection(short: boolean, budgets: Budget[]): string[] {
  const versions = MEASURED_PACKAGES.map((name) => `${name} ${versionOf(name)}`);
  versions.push(
    `typewriter ${versionOf('typewriter')} (with typescript ${versionOf('typescript', 'typewriter')})`,
  );
  return [
    short ? '# Benchmark results (short run)' : '# Benchmark results',
    '',
    `Written by \`pnpm bench${short ? ':short' : ''}\` on ${new Date().toISOString().slice(0, 10)}. Every figure below comes from this one run; ratios compare tools measured side by side in it. 1 KB is 1,024 bytes and 1 MB is 1,024 KB.`,
    '',
    `- Machine: ${machineSummary()}`,
    `- Versions: ${versions.join(', ')}`,
    '',
    '## Budgets',
    '',
    shortRunRule(),
    '',
    ...table(
      ['Budget', 'Limit', 'Measured', 'Met'],
      budgets.map((b) => [b.name, b.limit, b.measured, STATUS_TEXT[b.status]]),
    ),
    '',
  ];
}
