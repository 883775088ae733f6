import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The registry of waiting drains is module state: each test loads a fresh copy.
let exitDrain: typeof import('./exit-drain.js').exitDrain;
beforeEach(async () => {
  vi.resetModules();
  ({ exitDrain } = await import('./exit-drain.js'));
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('exitDrain', () => {
  it('drains a busy delivery when the process runs out of work, once at a time', async () => {
    const host = new EventEmitter();
    const round = deferred();
    const drain = vi.fn(() => round.promise);
    exitDrain(drain, host).busy();

    host.emit('beforeExit');
    host.emit('beforeExit');
    expect(drain).toHaveBeenCalledTimes(1);

    round.resolve();
    await round.promise;
    await Promise.resolve();
    host.emit('beforeExit');
    expect(drain).toHaveBeenCalledTimes(2);
  });

  it('holds the event loop for one more turn after starting drains, and only then', async () => {
    vi.useFakeTimers();
    try {
      const host = new EventEmitter();
      const exit = exitDrain(
        vi.fn(async () => {}),
        host,
      );
      // Nothing waits: the process may end.
      host.emit('beforeExit');
      expect(vi.getTimerCount()).toBe(0);
      // Something waits: the turn after its drain lets beforeExit come again.
      exit.busy();
      host.emit('beforeExit');
      expect(vi.getTimerCount()).toBe(1);
      await vi.runAllTimersAsync();
      exit.idle();
      host.emit('beforeExit');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets a delivery once it is idle, so an unused client is not kept', () => {
    const host = new EventEmitter();
    const drain = vi.fn(async () => {});
    const exit = exitDrain(drain, host);
    exit.busy();
    exit.idle();
    host.emit('beforeExit');
    expect(drain).not.toHaveBeenCalled();
  });

  it('listens once for any number of deliveries', () => {
    const host = new EventEmitter();
    const drains = Array.from({ length: 20 }, () => vi.fn(async () => {}));
    for (const drain of drains) exitDrain(drain, host).busy();
    expect(host.listenerCount('beforeExit')).toBe(1);
    host.emit('beforeExit');
    for (const drain of drains) expect(drain).toHaveBeenCalledTimes(1);
  });

  it('does nothing where there is no process to listen to', () => {
    const drain = vi.fn(async () => {});
    const exit = exitDrain(drain, undefined);
    exit.busy();
    exit.idle();
    expect(drain).not.toHaveBeenCalled();
  });
});
