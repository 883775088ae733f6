import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

/** A CLI process, its stdout split into lines as they arrive. */
interface RunningCli {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line matching, or rejects if the process ends first. */
  line(pattern: RegExp): Promise<string>;
  /** Resolves once the process has exited and its output is all read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

const LISTENING =
  /^Segment-compatible receiver listening on (http:\/\/127\.0\.0\.1:\d+) \(stops by itself after (\S+) s\)$/;

let buildDir: string;
let cliFile: string;
const running: RunningCli[] = [];

// The CLI is TypeScript and tests run without a build, so bundle it once for node.
beforeAll(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'trackplan-receiver-cli-'));
  cliFile = join(buildDir, 'cli.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./cli.ts', import.meta.url))],
    outfile: cliFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    logLevel: 'silent',
  });
});

afterEach(async () => {
  for (const cli of running.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill();
    await cli.closed;
  }
});

afterAll(async () => {
  await rm(buildDir, { recursive: true, force: true });
});

function runCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [cliFile, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let pending = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) => {
    child.on('close', (code, signal) => {
      if (pending) lines.push(pending);
      ended = true;
      for (const wake of waiters) wake();
      resolve({ code, signal, stderr });
    });
  });
  const line = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const wake = (): void => {
        const found = lines.find((text) => pattern.test(text));
        if (found === undefined && !ended) return;
        waiters.delete(wake);
        if (found === undefined) {
          reject(new Error(`CLI ended without printing ${pattern}; stderr: ${stderr}`));
        } else {
          resolve(found);
        }
      };
      waiters.add(wake);
      wake();
    });
  const cli = { child, lines, line, closed };
  running.push(cli);
  return cli;
}

async function listeningUrl(cli: RunningCli): Promise<string> {
  const match = LISTENING.exec(await cli.line(LISTENING));
  return match?.[1] ?? '';
}

function basicAuth(writeKey: string): string {
  return `Basic ${Buffer.from(`${writeKey}:`, 'utf8').toString('base64')}`;
}

describe('trackplan-receiver CLI', () => {
  it('prints the URL it listens on, with port 0 resolved to a real port', async () => {
    const cli = runCli(['--port', '0', '--max-lifetime-seconds', '30']);

    const line = await cli.line(LISTENING);

    expect(LISTENING.exec(line)?.[2]).toBe('30');
    expect(await listeningUrl(cli)).not.toMatch(/:0$/);
  });

  it('accepts --max-lifetime-seconds up to the longest timer Node can set', async () => {
    const cli = runCli(['--port=0', '--max-lifetime-seconds=2147483.647', '--quiet']);

    const line = await cli.line(LISTENING);

    expect(LISTENING.exec(line)?.[2]).toBe('2147483.647');
  });

  it('prints a line for each message it records', async () => {
    const cli = runCli(['--port', '0', '--max-lifetime-seconds', '30']);
    const url = await listeningUrl(cli);

    const batch = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basicAuth('cli-key') },
      body: JSON.stringify({
        batch: [
          { type: 'track', event: 'Order Completed', userId: 'user-1' },
          { type: 'identify', userId: 'user-1' },
          { type: 'page', name: 'Home', userId: 'user-1' },
          { type: 'group', groupId: 'g-1', userId: 'user-1' },
        ],
      }),
    });
    const single = await fetch(`${url}/v1/track`, {
      method: 'POST',
      body: JSON.stringify({ event: 'Signed Up', anonymousId: 'anon-1' }),
    });

    expect([batch.status, single.status]).toEqual([200, 200]);
    await cli.line(/Signed Up/);
    expect(cli.lines.slice(1)).toEqual([
      'track    Order Completed  writeKey=cli-key',
      'identify user-1  writeKey=cli-key',
      'page     Home  writeKey=cli-key',
      'group    g-1  writeKey=cli-key',
      'track    Signed Up  writeKey=-',
    ]);
  });

  it('records without printing under --quiet', async () => {
    const cli = runCli(['--port', '0', '--max-lifetime-seconds', '30', '--quiet']);
    const url = await listeningUrl(cli);

    const response = await fetch(`${url}/v1/track`, {
      method: 'POST',
      body: JSON.stringify({ event: 'Hushed', writeKey: 'cli-key' }),
    });
    const recorded = await fetch(`${url}/__receiver/messages`);
    cli.child.kill();
    await cli.closed;

    expect(response.status).toBe(200);
    expect(await recorded.json()).toEqual({
      messages: [expect.objectContaining({ message: { event: 'Hushed', type: 'track' } })],
    });
    expect(cli.lines).toEqual([expect.stringMatching(LISTENING)]);
  });

  it('closes and exits 0 on SIGTERM', async () => {
    const cli = runCli(['--port', '0', '--max-lifetime-seconds', '30']);
    const url = await listeningUrl(cli);

    cli.child.kill('SIGTERM');
    const { code, signal, stderr } = await cli.closed;

    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    await expect(fetch(`${url}/__receiver/messages`)).rejects.toThrow(TypeError);
  });

  const badArgs: { given: string[]; want: string }[] = [
    {
      given: ['--port', 'abc'],
      want: '--port must be a whole number from 0 to 65535 (0 picks a free port), got "abc".',
    },
    {
      given: ['--port', '65536'],
      want: '--port must be a whole number from 0 to 65535 (0 picks a free port), got "65536".',
    },
    {
      given: ['--port', '80.5'],
      want: '--port must be a whole number from 0 to 65535 (0 picks a free port), got "80.5".',
    },
    {
      given: ['--port', '0', '--max-lifetime-seconds', '15m'],
      want: '--max-lifetime-seconds must be a number of seconds above 0, got "15m".',
    },
    {
      given: ['--port', '0', '--max-lifetime-seconds', '0'],
      want: '--max-lifetime-seconds must be a number of seconds above 0, got "0".',
    },
    {
      given: ['--port', '0', '--max-lifetime-seconds', ''],
      want: '--max-lifetime-seconds must be a number of seconds above 0, got "".',
    },
    {
      given: ['--port', '0', '--max-lifetime-seconds', 'Infinity'],
      want: '--max-lifetime-seconds must be a number of seconds above 0, got "Infinity".',
    },
    {
      given: ['--port', '0', '--max-lifetime-seconds', '1e10'],
      want: '--max-lifetime-seconds can be at most 2147483.647 (about 24.8 days, the longest timer Node can set), got "1e10".',
    },
    {
      given: ['--host', '0.0.0.0'],
      want: 'Unknown flag --host. The flags are --port <n>, --max-lifetime-seconds <s> and --quiet.',
    },
    {
      given: ['--port', '0', '-q'],
      want: 'Unknown flag -q. The flags are --port <n>, --max-lifetime-seconds <s> and --quiet.',
    },
    {
      given: ['serve'],
      want: 'Unexpected argument "serve". The flags are --port <n>, --max-lifetime-seconds <s> and --quiet.',
    },
    {
      given: ['--port'],
      want: '--port needs a value. The flags are --port <n>, --max-lifetime-seconds <s> and --quiet.',
    },
    {
      given: ['--port', '0', '--quiet=yes'],
      want: '--quiet takes no value, got "yes".',
    },
  ];

  it.each(badArgs)('exits 1 without listening given $given', async ({ given, want }) => {
    const cli = runCli(given);

    const { code, signal, stderr } = await cli.closed;

    expect({ code, signal, stderr }).toEqual({ code: 1, signal: null, stderr: `${want}\n` });
    expect(cli.lines).toEqual([]);
  });

  it('stays alive while down and answers again afterwards', async () => {
    const cli = runCli(['--port', '0', '--max-lifetime-seconds', '30']);
    const url = await listeningUrl(cli);
    let exited = false;
    void cli.closed.then(() => {
      exited = true;
    });

    const down = await fetch(`${url}/__receiver/down`, {
      method: 'POST',
      body: JSON.stringify({ ms: 500 }),
    });
    expect(down.status).toBe(200);
    const answers = async (): Promise<boolean> =>
      (await fetch(`${url}/__receiver/messages`).catch(() => undefined)) !== undefined;
    // It goes down once its answer is sent, so wait until it refuses, a bounded number of times.
    let refused = false;
    for (let i = 0; i < 100 && !refused; i += 1) refused = !(await answers());
    // Then either it answers again or the process has exited, which is the bug.
    let back = false;
    for (let i = 0; i < 400 && !back && !exited; i += 1) {
      back = await answers();
      if (!back) await new Promise((resolve) => setTimeout(resolve, 25));
    }

    expect(refused).toBe(true);
    expect(exited).toBe(false);
    expect(back).toBe(true);
  });

  it('exits 1 saying why when another process took its port while it was down', async () => {
    const cli = runCli(['--port', '0', '--max-lifetime-seconds', '30']);
    const url = await listeningUrl(cli);
    const down = await fetch(`${url}/__receiver/down`, {
      method: 'POST',
      body: JSON.stringify({ ms: 1000 }),
    });
    expect(down.status).toBe(200);
    let refused = false;
    for (let i = 0; i < 100 && !refused; i += 1) {
      refused = (await fetch(`${url}/__receiver/messages`).catch(() => undefined)) === undefined;
    }
    const squatter = createNetServer();
    await new Promise<void>((resolve) => {
      squatter.listen(Number(new URL(url).port), '127.0.0.1', resolve);
    });

    try {
      const { code, signal, stderr } = await cli.closed;

      expect(refused).toBe(true);
      expect({ code, signal }).toEqual({ code: 1, signal: null });
      expect(stderr).toMatch(
        new RegExp(
          `^The receiver could not listen again on ${url} after going down, so it has closed: .*EADDRINUSE.*\n$`,
        ),
      );
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('stops by itself after --max-lifetime-seconds', async () => {
    const cli = runCli(['--port', '0', '--max-lifetime-seconds', '0.05']);

    const { code, signal, stderr } = await cli.closed;

    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(cli.lines).toEqual([expect.stringMatching(LISTENING)]);
  });
});
