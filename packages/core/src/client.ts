import type { Analytics } from './analytics.js';
import { createDurableQueue } from './browser/durable-queue.js';
import { detectBrowser } from './browser/globals.js';
import { browserIdentityStorage } from './browser/identity-storage.js';
import type { CallType } from './calls.js';
import type { Delivery, DeliveryOutcome } from './delivery/delivery.js';
import { createHttpDelivery } from './delivery/http-delivery.js';
import { fetchTransport } from './delivery/transport.js';
import { AnalyticsError } from './errors.js';
import { createIdentity, memoryStorage } from './identity.js';
import { readJsonObject } from './json-input.js';
import type { PreparedMessage } from './messages.js';
import { type AnalyticsOptions, resolveDeliverySettings } from './options.js';
import { type PrepareEnvironment, prepareMessage, readId } from './prepare-message.js';
import type { PlanShape, RegisteredPlan } from './register.js';
import type { BatchResult } from './results.js';

type Fields = Record<string, unknown>;
type Result = Fields & { success: boolean; error?: AnalyticsError; messageId?: string };

const CALL_TYPES: CallType[] = ['track', 'identify', 'page', 'screen', 'group', 'alias'];

/** The field a result names its call by, besides the user. */
const SUBJECT: Partial<Record<CallType, string>> = {
  track: 'event',
  page: 'name',
  screen: 'name',
  group: 'groupId',
};

function asFields(input: unknown): Fields {
  return input !== null && typeof input === 'object' ? (input as Fields) : {};
}

/**
 * A result in the documented shape, read from the message or, when refused,
 * from the input: `{ success, <subject>, userId, anonymousId }`, where alias
 * has previousId instead of anonymousId, and unnamed pages a null name.
 */
function describe(type: CallType, source: Fields, success: boolean): Result {
  const subject = SUBJECT[type];
  const result: Result = { success };
  const id = (key: string) => readId(source[key]) ?? null;
  if (subject) {
    const value = subject === 'groupId' ? id(subject) : source[subject];
    result[subject] = typeof value === 'string' ? value : subject === 'name' ? null : '';
  }
  result.userId = type === 'alias' ? (id('userId') ?? '') : id('userId');
  if (type === 'alias') result.previousId = id('previousId') ?? '';
  else result.anonymousId = id('anonymousId');
  return result;
}

/**
 * Creates a Segment client for browsers and Node.
 *
 * @example
 * const analytics = createAnalytics({ writeKey: 'YOUR_WRITE_KEY' });
 * await analytics.track({ event: 'Signed Up', userId: 'u_1' });
 * await analytics.close();
 */
export function createAnalytics<P extends PlanShape = RegisteredPlan>(
  options: AnalyticsOptions = {},
): Analytics<P> {
  const win = options.window === undefined ? detectBrowser() : options.window;
  const report = (error: AnalyticsError): void => {
    try {
      options.onError?.(error);
    } catch {
      // A throwing onError must not turn into a throwing call.
    }
  };
  const settings = resolveDeliverySettings(options, win !== null);
  const delivery: Delivery =
    options.delivery ??
    createHttpDelivery(
      options.transport ?? fetchTransport(options.fetch),
      settings,
      win ? createDurableQueue(win, settings, report) : undefined,
    );
  const identity = win
    ? createIdentity(
        options.storage === false
          ? memoryStorage()
          : (options.storage ?? browserIdentityStorage(win, options.cookie)),
      )
    : null;
  const env: PrepareEnvironment = {
    writeKey: options.writeKey,
    requiresWriteKey: delivery.requiresWriteKey,
    win,
    identity,
  };
  let closed = false;

  function failed<R extends { error?: AnalyticsError }>(result: R, error: AnalyticsError): R {
    result.error = error;
    report(error);
    return result;
  }

  /** Validation and the plan check for one message; nothing is queued. */
  function prepare(
    type: CallType,
    input: unknown,
    batchContext?: Fields,
  ): PreparedMessage | AnalyticsError {
    if (closed) {
      return new AnalyticsError(
        'client_closed',
        __DEV__ ? `${type} was called after close(); it was not sent.` : '',
      );
    }
    const prepared = prepareMessage(type, input, env, batchContext);
    if (prepared instanceof AnalyticsError) return prepared;
    return options.plan?.check(prepared.message, options.onViolation ?? 'warn') ?? prepared;
  }

  /** Hands a prepared message over; identify calls are remembered at call time, like analytics.js. */
  function deliver(prepared: PreparedMessage): Promise<DeliveryOutcome> {
    const { message } = prepared;
    if (identity && message.type === 'identify') {
      identity.remember(
        message.userId,
        Object.keys(message.traits).length > 0 ? message.traits : undefined,
      );
    }
    return delivery.deliver(prepared).catch((cause: unknown) => ({
      ok: false as const,
      error: new AnalyticsError('internal_error', __DEV__ ? 'Delivery failed unexpectedly.' : '', {
        cause,
      }),
    }));
  }

  function call(type: CallType, input: unknown): Promise<never> {
    let result: Result;
    try {
      const prepared = prepare(type, input ?? {});
      if (prepared instanceof AnalyticsError) {
        const known = asFields(input);
        result = describe(type, { userId: identity?.userId(), ...known }, false);
        return Promise.resolve(failed(result, prepared) as never);
      }
      const settled = describe(type, prepared.message as unknown as Fields, false);
      settled.messageId = prepared.message.messageId;
      return deliver(prepared).then((outcome) => {
        if (outcome.ok) settled.success = true;
        else failed(settled, outcome.error);
        return settled as never;
      });
    } catch (cause) {
      if (cause instanceof AnalyticsError && cause.code === 'plan_violation') throw cause;
      result = { success: false };
      const error = new AnalyticsError(
        'internal_error',
        __DEV__ ? `${type} failed unexpectedly.` : '',
        { cause },
      );
      return Promise.resolve(failed(result, error) as never);
    }
  }

  function batch(input: unknown): Promise<BatchResult> {
    const result: BatchResult = { success: false, count: 0 };
    const refuse = (error: AnalyticsError) => Promise.resolve(failed(result, error));
    try {
      const { batch: items, context, writeKey } = asFields(input);
      if (!Array.isArray(items) || items.length === 0) {
        return refuse(
          new AnalyticsError(
            'invalid_batch',
            __DEV__ ? 'batch needs a non-empty array "batch".' : '',
          ),
        );
      }
      const batchContext = readJsonObject(context, 'context');
      if (batchContext instanceof AnalyticsError) return refuse(batchContext);
      const prepared: PreparedMessage[] = [];
      for (const [index, item] of items.entries()) {
        const type = asFields(item).type as CallType;
        const one = CALL_TYPES.includes(type)
          ? prepare(
              type,
              writeKey === undefined ? item : { ...(item as Fields), writeKey },
              batchContext,
            )
          : new AnalyticsError(
              'invalid_batch',
              __DEV__ ? `type ${JSON.stringify(type)} is not one of ${CALL_TYPES.join(', ')}` : '',
            );
        if (one instanceof AnalyticsError) {
          return refuse(
            new AnalyticsError(
              one.code,
              __DEV__ ? `batch item ${index} (${String(type)}): ${one.message}` : '',
              {
                cause: one,
              },
            ),
          );
        }
        prepared.push(one);
      }
      result.count = prepared.length;
      result.messageIds = prepared.map((one) => one.message.messageId);
      return Promise.all(prepared.map(deliver)).then((outcomes) => {
        for (const outcome of outcomes) if (!outcome.ok) return failed(result, outcome.error);
        result.success = true;
        return result;
      });
    } catch (cause) {
      if (cause instanceof AnalyticsError && cause.code === 'plan_violation') throw cause;
      return refuse(
        new AnalyticsError('internal_error', __DEV__ ? 'batch failed unexpectedly.' : '', {
          cause,
        }),
      );
    }
  }

  return {
    track: (input) => call('track', input),
    identify: (input) => call('identify', input),
    page: (input) => call('page', input),
    screen: (input) => call('screen', input),
    group: (input) => call('group', input),
    alias: (input) => call('alias', input),
    batch,
    flush: () => delivery.flush().catch(() => undefined),
    async close({ timeoutMs = 10_000 } = {}) {
      closed = true;
      try {
        return await delivery.close(timeoutMs);
      } catch {
        return { drained: false };
      }
    },
    reset: () => identity?.reset(),
    user: () => identity?.snapshot() ?? { userId: null, anonymousId: null, traits: {} },
  };
}
