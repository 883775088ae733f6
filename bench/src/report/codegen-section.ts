import { versionOf } from '../machine.js';
import type { Measurements } from '../measure-all.js';
import { count, medianMs, table } from './format.js';

export function codegenSection({ codegen, config }: Measurements): string[] {
  const rounds = config.codegenSizes
    .map((events) => `${config.codegenRounds(events)} (${count(events)} events)`)
    .join(', ');
  return [
    '## Code generation',
    '',
    `Synthetic plans of ${config.codegenSizes.map(count).join(', ')} events, 9 properties each (enum, nullable string, nested object, arrays). Each tool runs as its CLI, from process start to files written; Typewriter ${versionOf('typewriter')} is installed from npm into bench/.work with typescript@5 pinned, reading the same plan in its plan.json format. \`tsc --noEmit\` runs on each tool's output alone with the same strict settings. Medians of ${rounds} round(s), the tools alternating.`,
    '',
    ...table(
      ['Events', 'Trackplan generate', 'Typewriter generate', 'Trackplan tsc', 'Typewriter tsc'],
      codegen.map(({ trackplan, typewriter }) => [
        count(trackplan.events),
        medianMs(trackplan.generateMs),
        medianMs(typewriter.generateMs),
        medianMs(trackplan.typecheckMs),
        medianMs(typewriter.typecheckMs),
      ]),
    ),
    '',
  ];
}

export function generatedCodeSection({
  oneFunction,
  validationMicros,
  config,
}: Measurements): string[] {
  const peerPlan =
    config.typewriterRuntimeEvents === 1000
      ? ''
      : ` Typewriter's figures come from its ${count(config.typewriterRuntimeEvents)}-event output in the short run.`;
  return [
    '## Generated code at run time',
    '',
    `Trackplan's figures come from its 1,000-event output.${peerPlan} Development validation times ${count(config.validationCalls)} calls for Trackplan and ${count(config.typewriterValidationCalls)} for Typewriter, which builds a validator on every call, each the median of 10 rounds after a warm-up.`,
    '',
    ...table(
      ['Measure', 'Trackplan', 'Typewriter'],
      [
        [
          'One event function added to a production bundle (esbuild, minified, gzipped)',
          `${oneFunction.trackplan} B`,
          `${count(oneFunction.typewriter)} B`,
        ],
        [
          'Development validation of one valid call',
          `${validationMicros.trackplan.toFixed(2)} µs`,
          `${count(validationMicros.typewriter)} µs`,
        ],
      ],
    ),
    '',
  ];
}
