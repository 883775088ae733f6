import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ReceiverError } from './errors.js';
import { FAULT_FIELD_LIST, faultIssue, MAX_TIMER_MS } from './faults.js';
import { BATCH_ROUTES, parseSegmentRequest, SINGLE_ROUTES } from './parse-request.js';
import type { Fault, ReceivedMessage, ReceivedRequest } from './types.js';

export interface ReceiverOptions {
  /** @default 0, any free port */
  port?: number;
  /** Loopback only by default; the receiver is for tests and local demos. @default '127.0.0.1' */
  host?: string;
  /**
   * The server stops itself after this long, so a forgotten one never lingers.
   * Capped at 2^31-1 ms (about 24.8 days), the longest timer Node can set.
   * @default 900000
   */
  maxLifetimeMs?: number;
  /** Largest body read before answering 400, protecting the test process. @default 8 MiB */
  maxBodyBytes?: number;
  /**
   * Called for each message of an accepted request, e.g. to print it, just before
   * the request's messages are recorded. If it throws, the request fails as a
   * whole: none of its messages are recorded and it is answered and logged as a 500.
   */
  onMessage?: (received: ReceivedMessage) => void;
  /**
   * Called when the receiver fails on its own, outside any call: after `down()`
   * it could not listen on its port again (code `relisten_failed`), so it has
   * closed. @default process.emitWarning, which prints it to stderr
   */
  onError?: (error: ReceiverError) => void;
}

export interface Receiver {
  /** Base URL to pass as the client's `endpoint`, e.g. `http://127.0.0.1:53123`. */
  readonly url: string;
  /** Every message recorded so far, in arrival order (duplicates included). */
  messages(): ReceivedMessage[];
  /**
   * Recorded messages with repeated messageIds removed, as Segment deduplicates;
   * messages without a messageId are all kept.
   */
  uniqueMessages(): ReceivedMessage[];
  /** Every request to a Segment route, faulted ones included. */
  requests(): ReceivedRequest[];
  /**
   * Queues faults for the next requests, in order. Throws a `ReceiverError`
   * with code `invalid_fault`, queuing none of them, if one cannot be applied
   * (e.g. `status: 99`).
   */
  injectFaults(...faults: Fault[]): void;
  /**
   * Forgets recorded messages, requests and pending faults. A request still in
   * flight is answered, but records nothing and takes no fault queued after.
   */
  clear(): void;
  /** Resolves once at least `count` messages are recorded, or rejects after `timeoutMs`. */
  waitForMessages(count: number, options?: { timeoutMs?: number }): Promise<ReceivedMessage[]>;
  /**
   * Goes down for `ms`, as a crashed or restarting endpoint: stops listening
   * and ends open connections, so clients get "connection refused", then
   * listens again on the same port. Resolves once it is down. Overlapping calls
   * make one outage that ends `ms` after the latest call, with one listen again.
   */
  down(ms: number): Promise<void>;
  /** Resolves once no request to a Segment route is being read or held back (`delayMs`). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, Content-Encoding',
  'Access-Control-Max-Age': '600',
};

/**
 * CORS headers for a preflight: the usual ones, plus any other request header
 * the client asks for (analytics-next adds `X-Retry-Count` to retries, as
 * Segment's API allows), so no SDK is blocked by the receiver alone.
 */
function preflightHeaders(asked: string | undefined): Record<string, string> {
  const allowed = CORS_HEADERS['Access-Control-Allow-Headers'];
  const known = allowed.toLowerCase().split(', ');
  const extra = (asked ?? '')
    .split(',')
    .map((header) => header.trim())
    .filter((header) => header !== '' && !known.includes(header.toLowerCase()));
  return extra.length === 0
    ? CORS_HEADERS
    : { ...CORS_HEADERS, 'Access-Control-Allow-Headers': [allowed, ...extra].join(', ') };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...CORS_HEADERS, ...extra });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts a Segment-compatible receiver on loopback: it accepts the Tracking
 * API routes, answers as Segment does, records what arrived, and injects the
 * faults a test asks for. Control routes under `/__receiver/` let a browser
 * or another process read and steer it.
 */
export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const recorded: ReceivedMessage[] = [];
  const requests: ReceivedRequest[] = [];
  let faults: Fault[] = [];
  const events = new EventEmitter();
  const sockets = new Set<Socket>();
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  /** Segment requests being read or answered. */
  let active = 0;
  /** The one timer that ends the current outage; a later down() replaces it. */
  let downTimer: NodeJS.Timeout | undefined;
  /** Counts down() calls, so only the latest one arms downTimer. */
  let downCalls = 0;
  /** Set while down() waits for the server to stop; overlapping calls share it. */
  let stopping: Promise<void> | undefined;
  /** Set while a listen after down() is under way, so down() can let it settle first. */
  let relistening: Promise<void> | undefined;
  /**
   * Counts clear() calls. A request that arrived before the latest one belongs to
   * what was cleared: it is still answered, but records nothing, is not listed,
   * and takes no fault queued since, so the record after clear() stays consistent.
   */
  let generation = 0;

  function takeFault(): Fault | undefined {
    const fault = faults[0];
    if (!fault) return undefined;
    const remaining = (fault.times ?? 1) - 1;
    if (remaining <= 0) faults.shift();
    else faults[0] = { ...fault, times: remaining };
    return fault;
  }

  function addFaults(list: Fault[]): void {
    // A fault for zero requests applies to none.
    faults.push(...list.filter((fault) => fault.times === undefined || fault.times > 0));
  }

  function injectFaults(list: Fault[]): void {
    // Check them all first, so a bad fault queues none of them, as the control route does.
    for (const [i, fault] of list.entries()) {
      const issue = faultIssue(fault, `faults[${i}]`);
      if (issue !== undefined) {
        throw new ReceiverError(
          'invalid_fault',
          `injectFaults: ${issue}. A fault has only these optional fields: ${FAULT_FIELD_LIST}.`,
        );
      }
    }
    addFaults(list);
  }

  async function handleSegment(
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
  ): Promise<void> {
    active += 1;
    try {
      await answerSegment(req, res, route);
    } finally {
      active -= 1;
      if (active === 0) events.emit('idle');
    }
  }

  async function answerSegment(
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
  ): Promise<void> {
    const arrivedIn = generation;
    const cleared = (): boolean => generation !== arrivedIn;
    const index = requests.length;
    const entry: ReceivedRequest = {
      index,
      method: req.method ?? 'POST',
      route,
      headers: req.headers,
      bodyBytes: 0,
      writeKey: null,
      messageCount: 0,
      status: 0,
    };
    requests.push(entry);
    const raw = await readBody(req, maxBodyBytes);
    const fault = cleared() ? undefined : takeFault();
    if (fault?.delayMs) {
      const delayMs = Math.min(fault.delayMs, MAX_TIMER_MS);
      // Unreferenced: a slow answer must not keep a test process alive after close().
      await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
    }
    if (fault?.dropConnection) {
      req.socket.destroy();
      return;
    }
    if (fault?.resetConnection) {
      req.socket.resetAndDestroy();
      return;
    }
    if (fault?.status !== undefined) {
      entry.status = fault.status;
      const extra: Record<string, string> = fault.retryAfter
        ? { 'Retry-After': fault.retryAfter }
        : {};
      return sendJson(
        res,
        fault.status,
        { success: false, error: `Injected ${fault.status}` },
        extra,
      );
    }
    if (raw === null) {
      entry.status = 400;
      return sendJson(res, 400, {
        success: false,
        error: `Request body exceeds the receiver's limit of ${maxBodyBytes} bytes`,
      });
    }
    const parsed = parseSegmentRequest(route, raw, {
      authorization: req.headers.authorization,
      'content-encoding': req.headers['content-encoding'],
    });
    entry.bodyBytes = parsed.bodyBytes;
    if (!parsed.ok) {
      entry.status = parsed.status;
      return sendJson(res, parsed.status, { success: false, error: parsed.error });
    }
    const received = parsed.messages.map(
      (message): ReceivedMessage => ({
        message,
        writeKey: parsed.writeKey,
        route,
        requestIndex: index,
      }),
    );
    // All of the request or none of it: a callback that throws fails the whole request,
    // so a client that retries it does not leave the messages before the throw twice.
    try {
      if (!cleared()) for (const message of received) options.onMessage?.(message);
    } catch (error) {
      entry.status = 500;
      const reason = error instanceof Error ? error.message : String(error);
      return sendJson(res, 500, {
        success: false,
        error: `Receiver error: onMessage threw: ${reason}`,
      });
    }
    entry.writeKey = parsed.writeKey;
    entry.messageCount = received.length;
    entry.status = 200;
    // Checked again: onMessage may have called clear().
    if (!cleared()) {
      // A loop, not push(...received): a 500 KB batch of `{}` is too many arguments for one call.
      for (const message of received) recorded.push(message);
      events.emit('recorded');
    }
    sendJson(res, 200, { success: true });
  }

  async function handleControl(
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
  ): Promise<void> {
    if (req.method === 'GET' && route === '/__receiver/messages') {
      return sendJson(res, 200, { messages: recorded });
    }
    if (req.method === 'GET' && route === '/__receiver/requests') {
      return sendJson(res, 200, { requests });
    }
    if (req.method === 'POST' && route === '/__receiver/faults') {
      const body = await readBody(req, maxBodyBytes);
      let value: unknown;
      let issue: string | undefined;
      try {
        value = JSON.parse(body?.toString('utf8') ?? '');
      } catch {
        issue = 'The body is not JSON';
      }
      const list: unknown[] = Array.isArray(value) ? value : [value];
      issue ??= Array.isArray(value)
        ? list.map((fault, i) => faultIssue(fault, `faults[${i}]`)).find(Boolean)
        : faultIssue(value, 'The fault');
      if (issue !== undefined) {
        return sendJson(res, 400, {
          success: false,
          error: `${issue}. Send a JSON fault or array of faults, each an object with only these optional fields: ${FAULT_FIELD_LIST}`,
        });
      }
      addFaults(list as Fault[]);
      return sendJson(res, 200, { success: true });
    }
    if (req.method === 'POST' && route === '/__receiver/reset') {
      clear();
      return sendJson(res, 200, { success: true });
    }
    if (req.method === 'POST' && route === '/__receiver/down') {
      const body = await readBody(req, maxBodyBytes);
      let ms: unknown;
      try {
        ms = JSON.parse(body?.toString('utf8') ?? '').ms;
      } catch {
        ms = undefined;
      }
      if (typeof ms !== 'number' || !(ms >= 0)) {
        return sendJson(res, 400, { success: false, error: 'Send {"ms": <milliseconds>}' });
      }
      // Answer first: going down ends this connection too.
      res.once('finish', () => void down(ms));
      return sendJson(res, 200, { success: true });
    }
    sendJson(res, 404, { success: false, error: 'Unknown control route' });
  }

  function clear(): void {
    generation += 1;
    recorded.length = 0;
    requests.length = 0;
    faults = [];
  }

  const server = createServer((req, res) => {
    const route = new URL(req.url ?? '/', 'http://receiver').pathname.replace(/\/+$/, '');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req.headers['access-control-request-headers']));
      res.end();
      return;
    }
    const handling = route.startsWith('/__receiver/')
      ? handleControl(req, res, route)
      : req.method === 'POST' && (BATCH_ROUTES.has(route) || route in SINGLE_ROUTES)
        ? handleSegment(req, res, route)
        : Promise.resolve(sendJson(res, 404, { success: false, error: `No route ${route}` }));
    handling.catch(() => {
      if (!res.headersSent) sendJson(res, 500, { success: false, error: 'Receiver error' });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    // Removed once listening, so it cannot swallow an error from a later listen.
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  /** Why the receiver closed, when it was not asked to: told to pending waitForMessages calls. */
  let closedBecause: string | undefined;
  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      clearTimeout(downTimer);
      events.emit('closed');
      // Calls back at once, with an error, when it is down and not listening.
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  }

  /**
   * Overlapping outages merge into one: each call replaces the pending timer, the
   * latest call's `ms` decides when the receiver comes back, and it listens once.
   * Two timers, or two listens on one server, would leave an orphan timer holding
   * the process after close(), or throw ERR_SERVER_ALREADY_LISTEN from a timer.
   */
  async function down(ms: number): Promise<void> {
    if (closing) return;
    downCalls += 1;
    const call = downCalls;
    clearTimeout(downTimer);
    downTimer = undefined;
    // Loops because a listen under way may end up listening, which then needs stopping.
    while (!closing && (relistening || stopping || server.listening)) {
      if (relistening) await relistening;
      else {
        stopping ??= stopServer();
        await stopping;
      }
    }
    // A later call owns the outage now; its timer alone brings the receiver back.
    if (closing || call !== downCalls) return;
    // Referenced, as the listening server it stands in for: a receiver that is down
    // still holds its process open (the CLI would otherwise exit), and close() or the
    // end of its lifetime clears it, so it never outlives the receiver.
    downTimer = setTimeout(
      () => {
        downTimer = undefined;
        if (!closing) listenAgain();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
  }

  function stopServer(): Promise<void> {
    return new Promise<void>((resolve) => {
      server.close(() => {
        stopping = undefined;
        resolve();
      });
      for (const socket of sockets) socket.destroy();
    });
  }

  /**
   * Listens on the same port after down(). If that fails (another process took
   * the port meanwhile), the receiver cannot come back: it closes, as close()
   * does, and reports why rather than staying down in silence.
   */
  function listenAgain(): void {
    let settle = (): void => {};
    relistening = new Promise<void>((resolve) => {
      settle = () => {
        relistening = undefined;
        resolve();
      };
    });
    const onError = (cause: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      settle();
      // Closed while the address was being looked up: there is nothing to come back to.
      if (closing) return;
      const hint =
        cause.code === 'EADDRINUSE'
          ? ` Another process took port ${port} while the receiver was down; give the receiver a port nothing else uses.`
          : '';
      const error = new ReceiverError(
        'relisten_failed',
        `The receiver could not listen again on ${url} after going down, so it has closed: ${cause.message}.${hint}`,
        { cause },
      );
      closedBecause = error.message;
      void close();
      if (options.onError) options.onError(error);
      else process.emitWarning(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      settle();
      // close() came while the address was being looked up, before it could stop this listen.
      if (closing) server.close();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  }
  // Node runs a longer timer after 1 ms, which would stop the server at once.
  const lifetimeMs = Math.min(options.maxLifetimeMs ?? 15 * 60 * 1000, MAX_TIMER_MS);
  const lifetime = setTimeout(() => void close(), lifetimeMs);
  lifetime.unref();

  return {
    url,
    messages: () => [...recorded],
    uniqueMessages: () => {
      const seen = new Set<string>();
      return recorded.filter(({ message }) => {
        const id = message.messageId;
        // Segment gives a message sent without an id its own, so it is never a duplicate.
        if (typeof id !== 'string' || id === '') return true;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    },
    requests: () => [...requests],
    injectFaults: (...list) => injectFaults(list),
    clear,
    waitForMessages(count, { timeoutMs = 10_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (recorded.length < count) return false;
          clearTimeout(timer);
          events.off('recorded', check);
          events.off('closed', onClosed);
          resolve([...recorded]);
          return true;
        };
        const stop = (reason: string): void => {
          clearTimeout(timer);
          events.off('recorded', check);
          events.off('closed', onClosed);
          reject(new Error(`Expected ${count} messages ${reason}, got ${recorded.length}.`));
        };
        const onClosed = (): void =>
          stop(
            closedBecause === undefined
              ? 'before the receiver closed'
              : `before the receiver closed (${closedBecause})`,
          );
        const timer = setTimeout(() => stop(`within ${timeoutMs} ms`), timeoutMs);
        if (check()) return;
        if (closing) return stop('but the receiver is closed');
        events.on('recorded', check);
        events.once('closed', onClosed);
      });
    },
    down,
    idle: () =>
      active === 0 || closing
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = (): void => {
              events.off('idle', done);
              events.off('closed', done);
              resolve();
            };
            events.on('idle', done);
            events.on('closed', done);
          }),
    close,
  };
}
