import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../stats.js';
import { trackplanYaml, typewriterPlanJson } from './synthetic-plan.js';
import {
  CODEGEN_CLI,
  freshDir,
  TYPEWRITER_BIN,
  TYPEWRITER_DIR,
  timeCommand,
  timeTypecheck,
  WORK_DIR,
} from './workspace.js';

export interface CodegenTiming {
  events: number;
  generateMs: number[];
  typecheckMs: number[];
}

/** Writes the synthetic plan for Trackplan and returns a function that times one CLI run. */
export function prepareTrackplan(events: number) {
  const dir = freshDir(join(WORK_DIR, `trackplan-${events}`));
  writeFileSync(join(dir, 'tracking-plan.yaml'), trackplanYaml(events));
  return {
    dir,
    generate: () => timeCommand(process.execPath, [CODEGEN_CLI, 'generate', '--out', 'out'], dir),
    typecheck: () => timeTypecheck(dir, 'out/index.ts'),
    output: join(dir, 'out/index.ts'),
  };
}

/** Writes the same plan in Typewriter's format, beside its install so ajv resolves. */
export function prepareTypewriter(events: number) {
  const dir = freshDir(join(TYPEWRITER_DIR, 'projects', `plan-${events}`));
  writeFileSync(
    join(dir, 'typewriter.yml'),
    'client:\n  language: typescript\n  sdk: analytics-js\ntrackingPlans:\n  - id: tp_bench\n    path: ./analytics\n',
  );
  freshDir(join(dir, 'analytics'));
  writeFileSync(join(dir, 'analytics/plan.json'), typewriterPlanJson(events));
  return {
    dir,
    generate: () => timeCommand(process.execPath, [TYPEWRITER_BIN, 'build'], dir),
    typecheck: () => timeTypecheck(dir, 'analytics/segment.ts'),
    output: join(dir, 'analytics/segment.ts'),
  };
}

/** Times generation and type-checking, alternating the two tools round by round. */
export function measureCodegen(sizes: readonly number[], rounds: (events: number) => number) {
  const results: { trackplan: CodegenTiming; typewriter: CodegenTiming }[] = [];
  for (const events of sizes) {
    const ours = prepareTrackplan(events);
    const peer = prepareTypewriter(events);
    const trackplan: CodegenTiming = { events, generateMs: [], typecheckMs: [] };
    const typewriter: CodegenTiming = { events, generateMs: [], typecheckMs: [] };
    for (let round = 0; round < rounds(events); round++) {
      trackplan.generateMs.push(ours.generate());
      typewriter.generateMs.push(peer.generate());
      trackplan.typecheckMs.push(ours.typecheck());
      // A generation that timed out left no output to type-check.
      const peerFinished = Number.isFinite(typewriter.generateMs.at(-1) ?? Number.NaN);
      typewriter.typecheckMs.push(peerFinished ? peer.typecheck() : Number.POSITIVE_INFINITY);
    }
    results.push({ trackplan, typewriter });
    console.log(
      `codegen ${events} events: generate ${Math.round(median(trackplan.generateMs))} ms vs Typewriter ${Math.round(median(typewriter.generateMs))} ms; tsc ${Math.round(median(trackplan.typecheckMs))} ms vs ${Math.round(median(typewriter.typecheckMs))} ms`,
    );
  }
  return results;
}
