import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteError, writeFilesAtomically } from './write-files.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'codegen-write-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

// Any files: codegen writes one today, but a write of several replaces them as one change.
const FILES = [
  { path: 'index.ts', contents: 'new index' },
  { path: 'second.ts', contents: 'new second' },
];

/** Every path under `dir`, relative to it, sorted. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('writeFilesAtomically', () => {
  it('writes every file, creating the directory, and leaves no temporary file', async () => {
    await writeFilesAtomically(join(root, 'a/b'), FILES);
    expect(tree(join(root, 'a/b'))).toEqual(['index.ts', 'second.ts']);
    expect(readFileSync(join(root, 'a/b/second.ts'), 'utf8')).toBe('new second');
  });

  const failures: {
    name: string;
    given: (out: string) => void;
    out: string;
    code: WriteError['code'];
  }[] = [
    {
      name: 'the output path is a file',
      given: () => writeFileSync(join(root, 'out'), 'mine'),
      out: 'out',
      code: 'out_not_directory',
    },
    {
      name: 'a parent of the output path is a file',
      given: () => writeFileSync(join(root, 'out'), 'mine'),
      out: 'out/sub',
      code: 'out_not_directory',
    },
    {
      name: 'a generated file is in the way as a directory',
      given: (out) => {
        mkdirSync(join(out, 'second.ts'), { recursive: true });
        writeFileSync(join(out, 'index.ts'), 'old index');
      },
      out: 'out',
      code: 'target_not_file',
    },
  ];
  it.each(failures)('writes nothing when $name', async ({ given, out, code }) => {
    given(join(root, out));
    const before = tree(root).map((path) => [path, snapshot(join(root, path))]);
    const error = await writeFilesAtomically(join(root, out), FILES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).code).toBe(code);
    expect((error as WriteError).message).toContain(join(root, out).split('/').pop());
    // Not one file written, replaced or left behind, and no directory created.
    expect(tree(root).map((path) => [path, snapshot(join(root, path))])).toEqual(before);
  });

  it('removes what it created when a write fails part way', async () => {
    const out = join(root, 'fresh/out');
    // Contents that writeFile refuses, after the others were written.
    const unwritable = [...FILES, { path: 'extra.ts', contents: Symbol() as unknown as string }];
    await expect(writeFilesAtomically(out, unwritable)).rejects.toBeInstanceOf(WriteError);
    expect(tree(root)).toEqual([]);
  });

  it('keeps the previous files whole when a write fails part way', async () => {
    const out = join(root, 'out');
    await writeFilesAtomically(out, FILES);
    const unwritable = [
      { path: 'index.ts', contents: 'newer index' },
      { path: 'second.ts', contents: Symbol() as unknown as string },
    ];
    await expect(writeFilesAtomically(out, unwritable)).rejects.toBeInstanceOf(WriteError);
    expect(tree(out)).toEqual(['index.ts', 'second.ts']);
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toBe('new index');
  });
});

function snapshot(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '<dir>';
  }
}
