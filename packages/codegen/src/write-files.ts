import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './generate.js';

/**
 * Writes each file through a temporary sibling and a rename, so a reader (a
 * dev server, tsc --watch) never sees a half-written file and a failed run
 * leaves the previous files whole.
 */
export async function writeFilesAtomically(
  outDir: string,
  files: readonly GeneratedFile[],
): Promise<void> {
  for (const file of files) {
    const target = join(outDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, file.contents, 'utf8');
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
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
