import { existsSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  compile,
  describeDiagnostics,
  fixtureFiles,
  GOLDEN_ROOT,
} from '../test/compile-generated.js';
import { GOLDEN_FIXTURES } from '../test/golden/fixtures.js';

// Each fixture is compiled as its own program: each module augments core's
// Register, so two in one program would conflict, as they would in one app.

/** The strictest settings the repository uses, with the generated bodies checked as well. */
const STRICT: ts.CompilerOptions = {
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  // The generated files are checked like any code; TypeScript's own lib files are not.
  skipLibCheck: false,
  verbatimModuleSyntax: true,
  isolatedModules: true,
};

/**
 * Settings apps turn on, under each of which the generated module, as
 * written (its large files unchecked), must compile. Only problems in the
 * fixture's own files count: core's sources are not what an app compiles.
 */
const APP_SETTINGS: { given: string; options: ts.CompilerOptions }[] = [
  // Angular's default: process.env.NODE_ENV must not be read through an index signature.
  {
    given: 'noPropertyAccessFromIndexSignature',
    options: { noPropertyAccessFromIndexSignature: true },
  },
  // SvelteKit's default: any JavaScript among the files would be checked as well.
  { given: 'allowJs and checkJs', options: { allowJs: true, checkJs: true } },
  // Declarations written from annotations alone: every export must be typed.
  {
    given: 'isolatedDeclarations',
    options: {
      isolatedDeclarations: true,
      declaration: true,
      noEmit: false,
      emitDeclarationOnly: true,
    },
  },
  {
    given: 'module nodenext',
    options: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  },
  { given: 'the strict settings', options: STRICT },
];

/** The fixture's usage file of type tests, when it has one. */
const usageOf = (name: string) =>
  [`${GOLDEN_ROOT}${name}/usage.ts`].filter((file) => existsSync(file));

describe.each(GOLDEN_FIXTURES)('the generated $name module', ({ name }) => {
  it('type-checks in full, bodies too, under strict settings, and its type tests hold', {
    timeout: 60_000,
  }, () => {
    const { program, unblocked } = compile({
      roots: [`${GOLDEN_ROOT}${name}/index.ts`, ...usageOf(name)],
      options: STRICT,
      checkBodies: true,
    });
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(program))).toEqual([]);
    // The module was read with checking on, so its bodies were checked.
    expect(unblocked.map((file) => file.replace(`${GOLDEN_ROOT}${name}/`, ''))).toEqual([
      'index.ts',
    ]);
  });

  it.each(APP_SETTINGS)('compiles in an app with $given', { timeout: 60_000 }, ({ options }) => {
    const { program } = compile({ roots: fixtureFiles(name), options });
    const own = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(`${GOLDEN_ROOT}${name}/`));
    expect(describeDiagnostics(own)).toEqual([]);
  });

  it('compiled by tsc to an outDir, emits one module that imports only core, with declarations that type the app as its sources do', {
    timeout: 60_000,
  }, () => {
    const outDir = `${GOLDEN_ROOT}${name}/.tsc-out/`;
    const emitted = new Map<string, string>();
    const { program } = compile({
      roots: fixtureFiles(name).filter((file) => !file.endsWith('/usage.ts')),
      options: {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        declaration: true,
        noEmit: false,
        outDir,
      },
    });
    const result = program.emit(undefined, (fileName, text) => emitted.set(fileName, text));
    expect(describeDiagnostics(result.diagnostics)).toEqual([]);
    const names = [...emitted.keys()].map((file) => file.replace(outDir, '')).sort();
    expect(names).toEqual(['index.d.ts', 'index.js']);
    for (const file of ['index.js', 'index.d.ts']) {
      const { importedFiles } = ts.preProcessFile(
        emitted.get(`${outDir}${file}`) ?? '',
        true,
        true,
      );
      expect(
        importedFiles.filter((imported) => !imported.fileName.startsWith('@trackplan/core')),
      ).toEqual([]);
    }

    // The app's type tests, compiled against the declarations alone.
    const declarations = new Map([...emitted].filter(([file]) => file.endsWith('.d.ts')));
    for (const usage of usageOf(name)) {
      declarations.set(`${outDir}usage.ts`, ts.sys.readFile(usage) ?? '');
    }
    const { program: app } = compile({
      roots: [...declarations.keys()],
      options: STRICT,
      files: declarations,
    });
    expect(describeDiagnostics(ts.getPreEmitDiagnostics(app))).toEqual([]);
  });
});
