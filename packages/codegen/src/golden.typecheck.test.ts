import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FIXTURES } from '../test/golden/fixtures.js';

const root = fileURLToPath(new URL('../test/golden/', import.meta.url));

/**
 * Compiles one fixture's generated module, and its usage file of type tests,
 * as its own program: each module augments core's Register, so two in one
 * program would conflict, as they would in one app.
 */
function diagnosticsOf(name: string): string[] {
  const globals = fileURLToPath(new URL('../../../tooling/globals.d.ts', import.meta.url));
  const files = [globals, `${root}${name}/index.ts`, `${root}${name}/usage.ts`].filter((file) =>
    existsSync(file),
  );
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noUnusedLocals: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['@trackplan/source'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    // No Node types: generated code must compile in browser-only apps.
    types: [],
    noEmit: true,
    // The generated plan.d.ts and checks.d.ts are checked like any code;
    // TypeScript's own lib files are not.
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    verbatimModuleSyntax: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const file = d.file ? d.file.fileName.replace(root, '') : '';
    return `${file}:${where ? where.line + 1 : 0} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe.each(GOLDEN_FIXTURES)('the generated $name module', ({ name }) => {
  it('type-checks under strict settings, and its type tests hold', { timeout: 60_000 }, () => {
    expect(diagnosticsOf(name)).toEqual([]);
  });
});
