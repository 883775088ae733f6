import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * These tests run a receiver in a child process, since what they check is
 * whether the receiver keeps that process alive.
 */
let buildDir: string;

beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'trackplan-receiver-process-'));
});

afterAll(async () => {
  await rm(buildDir, { recursive: true, force: true });
});

/** Bundles `script`, which may import `./server.js`, into a file node can run. */
async function bundle(name: string, script: string): Promise<string> {
  const outfile = join(buildDir, `${name}.mjs`);
  await build({
    stdin: {
      contents: script,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    logLevel: 'silent',
  });
  return outfile;
}

interface Child {
  /** Resolves with the first line the child prints. */
  firstLine: Promise<string>;
  /** Resolves with the exit code, or null if the bound ran out and the child was killed. */
  exited: Promise<number | null>;
  hasExited(): boolean;
  kill(): void;
}

/** Runs a bundled script; it is killed if it is still running after `boundMs`. */
function run(file: string, boundMs = 15_000): Child {
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let done = false;
  const bound = setTimeout(() => child.kill(), boundMs);
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      done = true;
      clearTimeout(bound);
      resolve(code);
    });
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
    void exited.then(() => reject(new Error(`The child exited before printing a line: ${text}`)));
  });
  return { firstLine, exited, hasExited: () => done, kill: () => child.kill() };
}

describe('the process that runs a receiver', () => {
  it('stays alive while the receiver is down and the receiver comes back', async () => {
    // The receiver is the only thing keeping this process alive.
    const file = await bundle(
      'down-alone',
      `import { startReceiver } from './server.js';
       const receiver = await startReceiver();
       await receiver.down(300);
       console.log(receiver.url);`,
    );
    const child = run(file);
    const url = await child.firstLine;

    let status: number | undefined;
    for (let i = 0; i < 400 && status === undefined && !child.hasExited(); i += 1) {
      const response = await fetch(`${url}/v1/track`, {
        method: 'POST',
        body: JSON.stringify({ event: 'Back', userId: 'u' }),
      }).catch(() => undefined);
      status = response?.status;
      if (status === undefined) await new Promise((resolve) => setTimeout(resolve, 25));
    }

    const exitedEarly = child.hasExited();
    child.kill();
    await child.exited;

    expect(exitedEarly).toBe(false);
    expect(status).toBe(200);
  });

  it('is not held open by a receiver closed while down', async () => {
    const file = await bundle(
      'down-then-closed',
      `import { startReceiver } from './server.js';
       const receiver = await startReceiver();
       await receiver.down(600_000);
       await receiver.close();
       console.log('closed');`,
    );
    const child = run(file);

    expect(await child.firstLine).toBe('closed');
    expect(await child.exited).toBe(0);
  });

  it('is not held open by a receiver closed after overlapping downs', async () => {
    // The second down() starts while the first is still stopping the server.
    const file = await bundle(
      'overlapping-downs-then-closed',
      `import { startReceiver } from './server.js';
       const receiver = await startReceiver();
       const first = receiver.down(600_000);
       await receiver.down(600_000);
       await first;
       await receiver.close();
       console.log('closed');`,
    );
    const child = run(file);

    expect(await child.firstLine).toBe('closed');
    expect(await child.exited).toBe(0);
  });

  it.each([
    { first: 100, second: 200 },
    { first: 200, second: 100 },
  ])(
    'comes back once and serves after overlapping down($first) and down($second)',
    async ({ first, second }) => {
      // Counts listens by wrapping the prototype every server inherits it from.
      const file = await bundle(
        `overlapping-downs-${first}-${second}`,
        `import { Server } from 'node:net';
       import { startReceiver } from './server.js';
       let listens = 0;
       const listen = Server.prototype.listen;
       Server.prototype.listen = function (...args) {
         listens += 1;
         return listen.apply(this, args);
       };
       const receiver = await startReceiver({
         onError: (error) => console.log('onError ' + error.code),
       });
       void receiver.down(${first});
       await receiver.down(${second});
       // Timers run in order of their end, so both outages are over when this one fires.
       await new Promise((resolve) => setTimeout(resolve, 1_000));
       const response = await fetch(receiver.url + '/v1/track', {
         method: 'POST',
         body: JSON.stringify({ event: 'Back', userId: 'u' }),
       });
       console.log(response.status + ' after ' + (listens - 1) + ' listen(s) again');
       await receiver.close();`,
      );
      const child = run(file);

      expect(await child.firstLine).toBe('200 after 1 listen(s) again');
      expect(await child.exited).toBe(0);
    },
  );

  it('is not held open by a receiver closed while a request is held back', async () => {
    const file = await bundle(
      'delay-then-closed',
      `import { startReceiver } from './server.js';
       const receiver = await startReceiver();
       receiver.injectFaults({ delayMs: 600_000 });
       const held = fetch(receiver.url + '/v1/track', { method: 'POST', body: '{}' }).catch(() => {});
       while (receiver.requests().length === 0) await new Promise((resolve) => setImmediate(resolve));
       await receiver.close();
       await held;
       console.log('closed');`,
    );
    const child = run(file);

    expect(await child.firstLine).toBe('closed');
    expect(await child.exited).toBe(0);
  });
});
