import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const WORK_DIR = fileURLToPath(new URL('../../.work/', import.meta.url));
export const TYPEWRITER_DIR = join(WORK_DIR, 'typewriter');
export const CODEGEN_CLI = require
  .resolve('@trackplan/codegen/package.json')
  .replace(/package\.json$/, 'dist/cli.js');
const TSC = require.resolve('typescript/lib/tsc.js');

/** Longest any one timed command may run; past it the time is reported as "did not finish". */
export const TIMEOUT_MS = 10 * 60_000;

/** Wait before the one retry of a failed command. */
const RETRY_AFTER_MS = 30_000;

/**
 * Runs a command to completion and returns its wall time in ms (Infinity past
 * the timeout). A failure is retried once, after a pause: on a shared machine
 * another engineer's build can leave a workspace package's dist half written
 * for a few seconds (tsup cleans it first), which a second run tells apart
 * from a real failure. A second failure throws.
 */
export function timeCommand(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs = TIMEOUT_MS,
): number {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const result = spawnSync(command, args, {
      cwd,
      encoding: 'utf8',
      timeout: timeoutMs,
      // Typewriter ignores SIGTERM while it works.
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'development' },
    });
    const elapsed = performance.now() - started;
    if (result.status === null && elapsed >= timeoutMs) return Number.POSITIVE_INFINITY;
    if (result.status === 0) return elapsed;
    const failure = `${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`;
    if (attempt > 1) throw new Error(failure);
    console.warn(`${failure}\nRetrying once in ${RETRY_AFTER_MS / 1000} s.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_AFTER_MS);
  }
}

export function freshDir(path: string): string {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return path;
}

/**
 * Installs Typewriter 9.2 from npm into bench/.work, with typescript@5
 * pinned (it asks for `typescript: *`, and TypeScript 7 breaks it) and ajv,
 * which its development output imports.
 */
export function ensureTypewriter(): void {
  if (existsSync(join(TYPEWRITER_DIR, 'node_modules/typewriter/bin/run'))) return;
  mkdirSync(TYPEWRITER_DIR, { recursive: true });
  writeFileSync(
    join(TYPEWRITER_DIR, 'package.json'),
    JSON.stringify({ name: 'typewriter-peer', private: true, overrides: { typescript: '5.9.3' } }),
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  timeCommand(
    npm,
    ['install', '--no-audit', '--no-fund', 'typewriter@9.2.0', 'typescript@5.9.3', 'ajv@8.17.1'],
    TYPEWRITER_DIR,
  );
}

export const TYPEWRITER_BIN = join(TYPEWRITER_DIR, 'node_modules/typewriter/bin/run');

/** `tsc --noEmit` over one file with the same strict settings for both tools. */
export function timeTypecheck(dir: string, file: string): number {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM'],
        skipLibCheck: true,
        types: [],
      },
      files: [file],
    }),
  );
  return timeCommand(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], dir);
}
