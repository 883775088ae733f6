import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ESLINT_DISABLE_LINE, FILE_START } from '../src/emit/module-template.js';

/** Where the golden fixtures live, with a trailing slash. */
export const GOLDEN_ROOT = fileURLToPath(new URL('./golden/', import.meta.url));

/** The settings every compile starts from: an app with core's sources and no Node types. */
export const BASE_OPTIONS: ts.CompilerOptions = {
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

const GLOBALS = fileURLToPath(new URL('../../../tooling/globals.d.ts', import.meta.url));

/** A fixture's TypeScript and JavaScript files, as an app's `include` would list them. */
export function fixtureFiles(name: string): string[] {
  return readdirSync(`${GOLDEN_ROOT}${name}`)
    .filter((file) => /\.(ts|js)$/.test(file))
    .map((file) => `${GOLDEN_ROOT}${name}/${file}`);
}

export interface CompileRequest {
  roots: readonly string[];
  options: ts.CompilerOptions;
  /** Contents that replace or add files, by absolute path. */
  files?: ReadonlyMap<string, string>;
  /**
   * Check the generated files' bodies as well: each file that starts as
   * generated files do is read with its no-check line blanked (line numbers
   * stay).
   */
  checkBodies?: boolean;
}

export interface Compiled {
  program: ts.Program;
  /** The files read with their no-check line blanked, by absolute path. */
  unblocked: string[];
}

/** A program over the roots and tooling/globals.d.ts, read through the request's overrides. */
export function compile({ roots, options, files, checkBodies = false }: CompileRequest): Compiled {
  const merged = { ...BASE_OPTIONS, ...options };
  const host = ts.createCompilerHost(merged);
  const unblocked: string[] = [];
  const read = (fileName: string): string | undefined => {
    const text = files?.get(fileName) ?? ts.sys.readFile(fileName);
    if (text === undefined || !checkBodies || !text.startsWith(FILE_START)) return text;
    unblocked.push(fileName);
    return `${ESLINT_DISABLE_LINE}\n\n${text.slice(FILE_START.length)}`;
  };
  host.readFile = read;
  host.fileExists = (fileName) => files?.has(fileName) === true || ts.sys.fileExists(fileName);
  host.directoryExists = (dir) =>
    [...(files?.keys() ?? [])].some((file) => file.startsWith(`${dir}/`)) ||
    ts.sys.directoryExists(dir);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = read(fileName);
    return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion);
  };
  const program = ts.createProgram([GLOBALS, ...roots], merged, host);
  return { program, unblocked };
}

/** Diagnostics as `file:line message`, with paths relative to the golden folder. */
export function describeDiagnostics(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const where =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const file = d.file ? d.file.fileName.replace(GOLDEN_ROOT, '') : '';
    return `${file}:${where ? where.line + 1 : 0} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
