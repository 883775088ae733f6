import { afterEach, expect, it, vi } from 'vitest';
import { startReceiver } from './server.js';

afterEach(() => { vi.useRealTimers(); });
it('exp', async () => {
  const r = await startReceiver();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  console.log('count0', vi.getTimerCount());
  r.injectFaults({ delayMs: 5000 });
  let settled = false;
  const p = fetch(`${r.url}/v1/track`, { method: 'POST', body: '{"event":"A"}' }).then((res) => { settled = true; return res; });
  for (let i = 0; i < 20; i++) { await new Promise((res) => setImmediate(res)); console.log('count', i, vi.getTimerCount(), r.requests().length); }
  await vi.advanceTimersByTimeAsync(4999);
  for (let i = 0; i < 5; i++) await new Promise((res) => setImmediate(res));
  console.log('settled after 4999', settled);
  await vi.advanceTimersByTimeAsync(1);
  const res = await p;
  console.log(res.status, r.messages().length);
  vi.useRealTimers();
  await r.close();
});
