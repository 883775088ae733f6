import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planPathFromOutput } from './plan-path-from-output.js';

describe('the plan as the generated header names it', () => {
  const table: {
    name: string;
    given: { outDir: string; planPath: string; path: typeof posix };
    want: string;
  }[] = [
    {
      name: 'a plan above the output',
      given: {
        outDir: '/repo/apps/web/src/analytics',
        planPath: '/repo/apps/web/tracking-plan.yaml',
        path: posix,
      },
      want: '../../tracking-plan.yaml',
    },
    {
      name: 'a plan inside the output',
      given: { outDir: '/repo/gen', planPath: '/repo/gen/plan.yaml', path: posix },
      want: 'plan.yaml',
    },
    {
      name: 'a plan beside the output, on Windows, with / between the names',
      given: {
        outDir: 'C:\\repo\\src\\analytics',
        planPath: 'C:\\repo\\plans\\plan.yaml',
        path: win32,
      },
      want: '../../plans/plan.yaml',
    },
  ];

  it.each(table)('$name', ({ given: { outDir, planPath, path }, want }) => {
    expect(planPathFromOutput(outDir, planPath, path)).toBe(want);
  });
});
