import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FIXTURES } from '../test/golden/fixtures.js';
import { generate } from './generate.js';

const golden = (path: string) => new URL(`../test/golden/${path}`, import.meta.url);

// Reviewed, committed output. After an intended change to generated code run
// `UPDATE_GOLDEN=1 pnpm vitest run src/generate.golden.test.ts` and review the diff.
describe.each(GOLDEN_FIXTURES)('generated output of the $name plan', ({ name, plan, planFile }) => {
  it('matches the committed golden files byte for byte', () => {
    const result = generate(readFileSync(golden(plan), 'utf8'), { planFile });
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.files.map((file) => file.path)).toEqual(['index.ts']);
    for (const file of result.files) {
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden(`${name}/${file.path}`), file.contents);
      expect(file.contents).toBe(readFileSync(golden(`${name}/${file.path}`), 'utf8'));
    }
  });

  it('imports nothing by a relative path, so every tool resolves it the same way', () => {
    // A relative import must name a file, and tsc, Node's type stripping,
    // webpack and Jest disagree on which name finds a .ts file.
    const result = generate(readFileSync(golden(plan), 'utf8'), { planFile });
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    for (const file of result.files) {
      const { importedFiles } = ts.preProcessFile(file.contents, true, true);
      expect(importedFiles.map((imported) => imported.fileName).sort()).toEqual([
        '@trackplan/core',
        '@trackplan/core',
        '@trackplan/core',
        '@trackplan/core/plan',
        '@trackplan/core/plan',
      ]);
    }
  });

  it('is deterministic', () => {
    const text = readFileSync(golden(plan), 'utf8');
    expect(generate(text, { planFile })).toEqual(generate(text, { planFile }));
  });
});
