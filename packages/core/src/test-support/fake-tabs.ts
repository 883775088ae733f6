import type { BrowserGlobals, TabLocks } from '../browser/globals.js';

interface LockRequest {
  name: string;
  mode: LockMode;
  tab: number;
  held: boolean;
  grant: () => void;
}

/**
 * Web Locks shared by the fake tabs of one origin, as browsers keep them:
 * exclusive or shared, granted in request order, released when the
 * callback's promise settles, and all released (pending ones dropped) when a
 * tab goes away.
 */
export function fakeLockManager() {
  const requests: LockRequest[] = [];
  const closed = new Set<number>();

  /** Grantable when no held lock conflicts and no earlier request for the name waits. */
  function grantable(request: LockRequest, index: number): boolean {
    return requests.every(
      (other, at) =>
        other === request ||
        other.name !== request.name ||
        (other.held ? other.mode === 'shared' && request.mode === 'shared' : at > index),
    );
  }

  function pump(): void {
    requests.forEach((request, index) => {
      if (!request.held && grantable(request, index)) {
        request.held = true;
        request.grant();
      }
    });
  }

  function forTab(tab: number): TabLocks {
    function request(
      name: string,
      ...args: [LockGrantedCallback<unknown>] | [LockOptions, LockGrantedCallback<unknown>]
    ): Promise<unknown> {
      const [options, callback] = args.length === 1 ? [{}, args[0]] : args;
      return new Promise((resolve, reject) => {
        if (closed.has(tab)) return;
        const entry: LockRequest = {
          name,
          mode: options.mode ?? 'exclusive',
          tab,
          held: false,
          grant: () => {
            Promise.resolve()
              .then(() => callback({ name, mode: entry.mode } as Lock))
              .then(resolve, reject)
              .finally(() => {
                const index = requests.indexOf(entry);
                if (index >= 0) requests.splice(index, 1);
                pump();
              });
          },
        };
        // As in browsers, an abort withdraws a request not yet granted.
        options.signal?.addEventListener('abort', () => {
          const index = requests.indexOf(entry);
          if (entry.held || index < 0) return;
          requests.splice(index, 1);
          reject(options.signal?.reason);
          pump();
        });
        requests.push(entry);
        pump();
      });
    }
    const info = (held: boolean) =>
      requests
        .filter((r) => r.held === held)
        .map((r) => ({ name: r.name, mode: r.mode, clientId: String(r.tab) }));
    return {
      request: request as TabLocks['request'],
      query: async () => ({ held: info(true), pending: info(false) }),
    };
  }

  return {
    forTab,
    /** Names of the exclusive locks held now. */
    held: () => requests.filter((r) => r.held && r.mode === 'exclusive').map((r) => r.name),
    /** The tab's page is gone: its locks are released and its requests dropped. */
    close(tab: number): void {
      closed.add(tab);
      for (let i = requests.length - 1; i >= 0; i--) {
        if (requests[i]?.tab === tab) requests.splice(i, 1);
      }
      pump();
    },
  };
}

export interface FakeTab {
  win: BrowserGlobals;
  /** Fires a window event, as the browser would. */
  fire(type: 'pagehide' | 'visibilitychange' | 'online'): void;
  /** Window listeners added for good (not `once`) and not yet removed by their signal. */
  listening(): number;
  /** Changes what `document.visibilityState` and `navigator.onLine` say. */
  set(state: { hidden?: boolean; onLine?: boolean }): void;
}

/**
 * A browser tab over jsdom's shared localStorage: its own window events,
 * visibility and connectivity, and the given Web Locks (none to test the
 * fallback). `storage` replaces localStorage, e.g. with one that throws.
 */
export function fakeTab(
  locks: TabLocks | undefined,
  storage: BrowserGlobals['localStorage'] | (() => never) = globalThis.localStorage,
): FakeTab {
  const events = new EventTarget();
  const lasting: (AbortSignal | undefined)[] = [];
  const document = { title: 'Tab', referrer: '', cookie: '', visibilityState: 'visible' as const };
  const navigator: NonNullable<BrowserGlobals['navigator']> = {
    userAgent: 'test',
    language: 'en',
    onLine: true,
  };
  if (locks) navigator.locks = locks;
  const win: BrowserGlobals = {
    location: {
      href: 'https://shop.example/',
      pathname: '/',
      search: '',
      hostname: 'shop.example',
    },
    document,
    navigator,
    addEventListener: (type, listener, options) => {
      if (!options?.once) lasting.push(options?.signal);
      events.addEventListener(type, listener as () => void, options);
    },
  };
  if (typeof storage === 'function') Object.defineProperty(win, 'localStorage', { get: storage });
  else win.localStorage = storage;
  return {
    win,
    fire: (type) => events.dispatchEvent(new Event(type)),
    listening: () => lasting.filter((signal) => !signal?.aborted).length,
    set({ hidden, onLine }) {
      if (hidden !== undefined) {
        (document as { visibilityState: DocumentVisibilityState }).visibilityState = hidden
          ? 'hidden'
          : 'visible';
      }
      if (onLine !== undefined) navigator.onLine = onLine;
    },
  };
}
