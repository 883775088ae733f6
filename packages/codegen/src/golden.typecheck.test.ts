import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FIXTURES } from '../test/golden/fixtures.js';

const root = fileURLToPath(new URL('../test/golden/', import.meta.url));

/** The settings every check starts from: an app with core's sources and no Node types. */
const BASE_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ['@trackplan/source'],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  // No Node types: generated code must compile in browser-only apps.
  types: [],
  noEmit: true,
  skipDefaultLibCheck: true,
};

/**
 * Compiles one fixture's generated module, and its usage file of type tests,
 * as its own program: each module augments core's Register, so two in one
 * program would conflict, as they would in one app. `onlyGenerated` keeps the
 * problems in the fixture's own files, for settings core's sources do not use.
 */
function diagnosticsOf(name: string, options: ts.CompilerOptions, onlyGenerated = false): string[] {
  const globals = fileURLToPath(new URL('../../../tooling/globals.d.ts', import.meta.url));
  const files = [globals, `${root}${name}/index.ts`, `${root}${name}/usage.ts`].filter((file) =>
    existsSync(file),
  );
  const program = ts.createProgram(files, { ...BASE_OPTIONS, ...options });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !onlyGenerated || d.file?.fileName.startsWith(`${root}${name}/`))
    .map((d) => {
      const where =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      const file = d.file ? d.file.fileName.replace(root, '') : '';
      return `${file}:${where ? where.line + 1 : 0} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

/** Settings apps turn on, each of which the generated module must compile under. */
const APP_SETTINGS: { given: string; options: ts.CompilerOptions }[] = [
  // Angular's default: process.env.NODE_ENV must not be read through an index signature.
  {
    given: 'noPropertyAccessFromIndexSignature',
    options: { noPropertyAccessFromIndexSignature: true },
  },
];

describe.each(GOLDEN_FIXTURES)('the generated $name module', ({ name }) => {
  it('type-checks under strict settings, and its type tests hold', { timeout: 60_000 }, () => {
    expect(
      diagnosticsOf(name, {
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noUnusedLocals: true,
        // The generated plan.d.ts and checks.d.ts are checked like any code;
        // TypeScript's own lib files are not.
        skipLibCheck: false,
        verbatimModuleSyntax: true,
      }),
    ).toEqual([]);
  });

  it.each(APP_SETTINGS)('compiles in an app with $given', { timeout: 60_000 }, ({ options }) => {
    expect(diagnosticsOf(name, options, true)).toEqual([]);
  });
});
