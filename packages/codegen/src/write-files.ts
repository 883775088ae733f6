import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
 * the temporary files, and any directory it created, are removed.
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
