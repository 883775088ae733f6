import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ESLINT_DISABLE_LINE, GENERATED_BY, NO_CHECK_LINE } from './emit/module-template.js';
import type { GeneratedFile } from './generate.js';

/**
 * Why the generated files could not be written. With `replace_failed` some
 * files were already replaced; with every other code nothing changed.
 */
export class WriteError extends Error {
  readonly code: 'out_not_directory' | 'target_not_file' | 'write_failed' | 'replace_failed';
  /** The path the problem is at. */
  readonly path: string;

  constructor(code: WriteError['code'], path: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'WriteError';
    this.code = code;
    this.path = path;
  }
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Files that earlier versions of codegen wrote beside `index.ts`: the
 * JavaScript and declarations from before the output became TypeScript only,
 * then the two TypeScript files from before it became one. Left in place, a
 * project compiles them too (the JavaScript with `allowJs`), so generating
 * removes them, and `check` reports them.
 */
export const RETIRED_FILES: readonly string[] = [
  'plan.js',
  'plan.d.ts',
  'checks.js',
  'checks.d.ts',
  'plan-calls.ts',
  'plan-checks.ts',
];

/**
 * Whether codegen wrote the file: its header comes first, or after the lint
 * and no-check lines that some versions opened with.
 */
function writtenByCodegen(text: string): boolean {
  let rest = text;
  for (const line of [ESLINT_DISABLE_LINE, NO_CHECK_LINE]) {
    if (rest.startsWith(`${line}\n`)) rest = rest.slice(line.length + 1);
  }
  return rest.startsWith(GENERATED_BY);
}

/** The retired files in `outDir` that codegen wrote; the user's own files of those names are left alone. */
export async function leftoverFiles(outDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of RETIRED_FILES) {
    const text = await readFile(join(outDir, path), 'utf8').catch(() => undefined);
    if (text !== undefined && writtenByCodegen(text)) found.push(path);
  }
  return found;
}

/** The file's kind, or undefined when nothing is at `path`. */
async function kindAt(path: string): Promise<'directory' | 'file' | 'other' | undefined> {
  try {
    const stats = await lstat(path);
    return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
  } catch (error) {
    // ENOTDIR: an ancestor is a file, which the caller finds going up.
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return undefined;
    throw new WriteError('write_failed', path, `Cannot inspect ${path}: ${errnoOf(error)}.`, error);
  }
}

/**
 * Checks that the output directory and every target can be written, so a
 * run that cannot succeed fails before it changes anything.
 */
async function checkTargets(outDir: string, files: readonly GeneratedFile[]): Promise<void> {
  // The nearest existing ancestor must be a directory.
  for (let dir = outDir; ; dir = dirname(dir)) {
    const kind = await kindAt(dir);
    if (kind === 'directory') break;
    if (kind !== undefined) {
      throw new WriteError(
        'out_not_directory',
        dir,
        `${dir} is not a directory, so the output directory ${outDir} cannot be created there. Choose another --out, or move the file away.`,
      );
    }
    if (dirname(dir) === dir) break;
  }
  for (const file of files) {
    const target = join(outDir, file.path);
    const kind = await kindAt(target);
    if (kind !== undefined && kind !== 'file') {
      throw new WriteError(
        'target_not_file',
        target,
        `${target} is in the way: it is not a regular file, so the generated file cannot replace it. Remove it.`,
      );
    }
  }
}

/**
 * Writes the files as one change: it checks every target first, writes each
 * file to a temporary sibling, and only when all are written renames them
 * into place. A reader (a dev server, tsc --watch) never sees a half-written
 * file, and a run that fails before the renames leaves the disk as it was:
 * the temporary files, and any directory it created, are removed. Then the
 * files an earlier codegen wrote and this one no longer does are removed
 * (see {@link RETIRED_FILES}).
 */
export async function writeFilesAtomically(
  outDir: string,
  files: readonly GeneratedFile[],
): Promise<void> {
  await checkTargets(outDir, files);
  const created: string[] = [];
  const staged: { temporary: string; target: string }[] = [];
  const undo = async () => {
    for (const { temporary } of staged) await rm(temporary, { force: true });
    // The first directory each mkdir created holds only what this run wrote.
    for (const dir of created.reverse()) await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const file of files) {
      const target = join(outDir, file.path);
      const first = await mkdir(dirname(target), { recursive: true });
      if (first !== undefined) created.push(first);
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      staged.push({ temporary, target });
      await writeFile(temporary, file.contents, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    await undo();
    throw new WriteError(
      'write_failed',
      outDir,
      `Cannot write the generated files to ${outDir}: ${errnoOf(error) ?? (error as Error).message}.`,
      error,
    );
  }
  for (const [index, { temporary, target }] of staged.entries()) {
    try {
      await rename(temporary, target);
    } catch (error) {
      for (const rest of staged.slice(index)) await rm(rest.temporary, { force: true });
      throw new WriteError(
        'replace_failed',
        target,
        `Cannot replace ${target}: ${errnoOf(error) ?? (error as Error).message}. ${index} of ${staged.length} files were replaced.`,
        error,
      );
    }
  }
  for (const path of await leftoverFiles(outDir)) {
    const target = join(outDir, path);
    try {
      await rm(target);
    } catch (error) {
      throw new WriteError(
        'replace_failed',
        target,
        `Cannot remove ${target}, which an earlier version of codegen wrote: ${errnoOf(error) ?? (error as Error).message}. The new files were written.`,
        error,
      );
    }
  }
}

/** The files whose contents on disk differ from what the plan generates, or that are missing. */
export async function staleFiles(
  outDir: string,
  files: readonly GeneratedFile[],
): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) {
    const onDisk = await readFile(join(outDir, file.path), 'utf8').catch(() => undefined);
    if (onDisk !== file.contents) stale.push(file.path);
  }
  return stale;
}
