import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Receiver, startReceiver } from '@trackplan/receiver';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { devFlagPlugin } from '../../../tooling/dev-flag.js';

// Node runs a real script bundled from core's sources: the only way to see
// whether timers hold a process open.
let dir: string;
let receiver: Receiver;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'trackplan-exit-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
});

async function runScript(
  source: string,
  nodeFlags: string[] = [],
): Promise<{ code: number | null; stdout: string }> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    conditions: ['@trackplan/source'],
    plugins: [devFlagPlugin()],
    write: false,
    logLevel: 'silent',
  });
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, result.outputFiles[0]?.text ?? '');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, file], {
      env: { ...process.env, ENDPOINT: receiver.url },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

const preamble = `
import { createAnalytics } from './index.ts';
const analytics = createAnalytics({
  writeKey: 'wk', endpoint: process.env.ENDPOINT, window: null,
  flushAt: 100, flushIntervalMs: 600000, maxRetries: 1,
});
`;

/** A client whose requests wait as long as the endpoint takes. */
const patient = preamble.replace('maxRetries: 1', 'maxRetries: 1, requestTimeoutMs: 600000');

describe('a Node process', () => {
  it('exits after close(), which drains the queue first', async () => {
    const { code, stdout } = await runScript(`${preamble}
      const result = analytics.track({ event: 'Before Exit', userId: 'u' });
      const closed = await analytics.close({ timeoutMs: 5000 });
      console.log(JSON.stringify({ closed, result: await result }));
    `);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.closed).toEqual({ drained: true });
    expect(printed.result.success).toBe(true);
    expect(receiver.messages().map((r) => r.message.event)).toEqual(['Before Exit']);
  });

  it('is not kept alive by the flush timer, and sends what is queued when it runs dry', async () => {
    // The flush interval is 10 minutes: if its timer held the process, this
    // test would hit its own timeout long before.
    const { code } = await runScript(`${preamble}
      void analytics.track({ event: 'Fire And Forget', userId: 'u' });
    `);
    expect(code).toBe(0);
    expect(receiver.messages().map((r) => r.message.event)).toEqual(['Fire And Forget']);
  });

  it('settles a result awaited at the top level without close()', async () => {
    // Without the drain, Node exits with code 13 (unsettled top-level await)
    // and nothing is sent.
    const { code, stdout } = await runScript(`${preamble}
      const first = await analytics.track({ event: 'First', userId: 'u' });
      const second = await analytics.track({ event: 'Second', userId: 'u' });
      console.log(JSON.stringify([first.success, second.success]));
    `);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([true, true]);
    expect(receiver.messages().map((r) => r.message.event)).toEqual(['First', 'Second']);
  });

  it('settles top-level awaits one after another with a fetch that does no I/O', async () => {
    // A mocked or cached fetch answers within the drain's own microtasks, so
    // Node has no reason to emit beforeExit again for the second call.
    const { code, stdout } = await runScript(`
      import { createAnalytics } from './index.ts';
      const sent = [];
      const analytics = createAnalytics({
        writeKey: 'wk', window: null, flushAt: 100, flushIntervalMs: 600000,
        fetch: async (_url, init) => {
          sent.push(...JSON.parse(init.body).batch.map((m) => m.event));
          return new Response('{}');
        },
      });
      const first = await analytics.track({ event: 'First', userId: 'u' });
      const second = await analytics.track({ event: 'Second', userId: 'u' });
      const third = await analytics.track({ event: 'Third', userId: 'u' });
      console.log(JSON.stringify({ results: [first.success, second.success, third.success], sent }));
    `);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      results: [true, true, true],
      sent: ['First', 'Second', 'Third'],
    });
  });

  it('settles top-level awaits on two clients with a fetch that does no I/O', async () => {
    // The second client's call comes while, or just after, the first one's
    // drain runs: it is sent too, and the script ends with code 0, not 13.
    const { code, stdout } = await runScript(`
      import { createAnalytics } from './index.ts';
      const sent = [];
      const fetch = async (_url, init) => {
        sent.push(...JSON.parse(init.body).batch.map((m) => m.event));
        return new Response('{}');
      };
      const options = { writeKey: 'wk', window: null, flushAt: 100, flushIntervalMs: 600000, fetch };
      const a = createAnalytics(options);
      const b = createAnalytics(options);
      const results = [(await a.track({ event: 'A1', userId: 'u' })).success];
      results.push((await b.track({ event: 'B1', userId: 'u' })).success);
      results.push(JSON.stringify(await a.close()));
      const c = createAnalytics(options);
      results.push((await c.track({ event: 'C1', userId: 'u' })).success);
      console.log(JSON.stringify({ results, sent }));
    `);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      results: [true, true, '{"drained":true}', true],
      sent: ['A1', 'B1', 'C1'],
    });
  });

  it('keeps retrying while it drains at exit', async () => {
    receiver.injectFaults({ status: 503 });
    const { code, stdout } = await runScript(`${preamble}
      const result = await analytics.track({ event: 'Retried', userId: 'u' });
      console.log(JSON.stringify(result.success));
    `);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('true');
    expect(receiver.requests().map((r) => r.status)).toEqual([503, 200]);
  });

  it('gives up holding the process when the endpoint never answers', async () => {
    receiver.injectFaults({ delayMs: 60_000, times: 5 });
    const started = Date.now();
    const { code, stdout } = await runScript(`${patient}
      const result = await analytics.track({ event: 'Stuck', userId: 'u' });
      console.log(result.error.code);
    `);
    // Held for the drain's 10 s, not for the request's 10-minute timeout.
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('close_timeout');
    expect(Date.now() - started).toBeLessThan(40_000);
  }, 60_000);

  it('still sends calls made after the drain at exit gave up', async () => {
    receiver.injectFaults({ delayMs: 12_000 });
    const { code, stdout } = await runScript(`${patient}
      const first = await analytics.track({ event: 'Stuck', userId: 'u' });
      const second = await analytics.track({ event: 'After', userId: 'u' });
      console.log(JSON.stringify([first.error?.code, second.success]));
    `);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(['close_timeout', true]);
    expect(receiver.messages().map((r) => r.message.event)).toContain('After');
  }, 60_000);

  it('leaves the timing to a close() begun during the drain at exit', async () => {
    receiver.injectFaults({ delayMs: 12_000 });
    const { code, stdout } = await runScript(`${patient}
      const result = analytics.track({ event: 'Slow', userId: 'u' });
      // Runs after core's own beforeExit listener has started the drain.
      process.once('beforeExit', () => {
        setTimeout(async () => {
          const closed = await analytics.close({ timeoutMs: 30000 });
          console.log(JSON.stringify({ closed, success: (await result).success }));
        }, 500);
      });
    `);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ closed: { drained: true }, success: true });
  }, 60_000);

  it('lets a client that sent its calls be collected', async () => {
    const { code, stdout } = await runScript(
      `${"import { createAnalytics } from './index.ts';"}
      const collected = [];
      const registry = new FinalizationRegistry((name) => collected.push(name));
      async function use(name) {
        const fetch = async () => new Response('{"success":true}', { status: 200 });
        registry.register(fetch, name);
        const analytics = createAnalytics({ writeKey: 'wk', fetch, window: null, flushAt: 1 });
        await analytics.track({ event: 'Sent', userId: 'u' });
      }
      await use('first');
      await use('second');
      for (let round = 0; round < 20 && collected.length < 2; round++) {
        globalThis.gc();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      console.log(JSON.stringify(collected.sort()));
    `,
      ['--expose-gc'],
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(['first', 'second']);
  });

  it('exits when close() times out against an endpoint that never answers', async () => {
    receiver.injectFaults({ delayMs: 15_000, times: 5 });
    const { code, stdout } = await runScript(`${preamble}
      const result = analytics.track({ event: 'Stuck', userId: 'u' });
      const closed = await analytics.close({ timeoutMs: 300 });
      console.log(JSON.stringify({ closed, code: (await result).error?.code }));
    `);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ closed: { drained: false }, code: 'close_timeout' });
  });
});
