import type { Analytics } from './analytics.js';
import { createDurableQueue } from './browser/durable-queue.js';
import { detectBrowser } from './browser/globals.js';
import { browserIdentityStorage } from './browser/identity-storage.js';
import type { CallType } from './calls.js';
import type { DeliveryOutcome } from './delivery/delivery.js';
import { createHttpDelivery } from './delivery/http-delivery.js';
import { AnalyticsError } from './errors.js';
import { createIdentity, memoryStorage } from './identity.js';
import { readId } from './ids.js';
import { readJsonObject } from './json-input.js';
import type { PreparedMessage } from './messages.js';
import { type AnalyticsOptions, resolveDeliverySettings } from './options.js';
import { prepareMessage } from './prepare-message.js';
import type { PlanShape, RegisteredPlan } from './register.js';
import type { BatchResult } from './results.js';

type Fields = Record<string, unknown>;
type Result = { success: boolean; error?: AnalyticsError; messageId?: string } & Fields;

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
 * A failed result in the documented shape, read from the message or, when
 * refused, from the input: `{ success, <subject>, userId, anonymousId }`,
 * where alias has previousId instead of anonymousId, and unnamed pages a null name.
 */
function describe(type: CallType, source: Fields): Result {
  const subject = SUBJECT[type];
  const result: Result = { success: false };
  const id = (key: string) => readId(source[key]) ?? null;
  if (subject) {
    const value = source[subject];
    result[subject] =
      subject === 'groupId'
        ? (id(subject) ?? '')
        : typeof value === 'string'
          ? value
          : subject === 'name'
            ? null
            : '';
  }
  if (type === 'alias') {
    result.userId = id('userId') ?? '';
    result.previousId = id('previousId') ?? '';
  } else {
    result.userId = id('userId');
    result.anonymousId = id('anonymousId');
  }
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
  const settings = resolveDeliverySettings(options, !!win);
  const delivery =
    options.delivery ??
    createHttpDelivery(
      options.fetch,
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
  const env = {
    writeKey: options.writeKey,
    requiresWriteKey: delivery.requiresWriteKey,
    win,
    identity,
  };
  let closed = false;

  function fail<R extends { error?: AnalyticsError }>(result: R, error: AnalyticsError): R {
    result.error = error;
    report(error);
    return result;
  }

  /**
   * Settles a call that threw before anything was queued: a refusal keeps its
   * code, anything else is an internal error. Only a plan violation under
   * `onViolation: 'throw'` reaches the caller, as that option asks.
   */
  function refuse<R extends { error?: AnalyticsError }>(
    result: R,
    cause: unknown,
    type: string,
  ): Promise<R> {
    const known = cause instanceof AnalyticsError;
    if (known && cause.code === 'plan_violation' && options.onViolation === 'throw') throw cause;
    return Promise.resolve(
      fail(
        result,
        known
          ? cause
          : new AnalyticsError('internal_error', __DEV__ ? `${type} failed unexpectedly.` : '', {
              cause,
            }),
      ),
    );
  }

  /** Validation and the plan check for one message; throws the refusal, queues nothing. */
  function prepare(type: CallType, input: unknown, batchContext?: Fields): PreparedMessage {
    if (closed) {
      throw new AnalyticsError(
        'client_closed',
        __DEV__ ? `${type} was called after close(); it was not sent.` : '',
      );
    }
    const prepared = prepareMessage(type, input, env, batchContext);
    const violation = options.plan?.check(prepared.message, options.onViolation ?? 'warn');
    if (violation) throw violation;
    return prepared;
  }

  /** Hands a prepared message over; identify calls are remembered at call time, like analytics.js. */
  function deliver(prepared: PreparedMessage): Promise<DeliveryOutcome> {
    const { message } = prepared;
    if (identity && message.type === 'identify') {
      identity.remember(
        message.userId,
        Object.keys(message.traits).length ? message.traits : undefined,
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
    try {
      const prepared = prepare(type, input ?? {});
      const result = describe(type, prepared.message as unknown as Fields);
      result.messageId = prepared.message.messageId;
      return deliver(prepared).then((outcome) => {
        if (!outcome.ok) return fail(result, outcome.error) as never;
        result.success = true;
        return result as never;
      });
    } catch (cause) {
      let result = { success: false } as Result;
      try {
        result = describe(type, { userId: identity?.userId(), ...asFields(input) });
      } catch {
        // An input whose getters throw: the bare result.
      }
      return refuse(result, cause, type) as Promise<never>;
    }
  }

  function batch(input: unknown): Promise<BatchResult> {
    const result: BatchResult = { success: false, count: 0 };
    try {
      const { batch: items, context, writeKey } = asFields(input);
      if (!Array.isArray(items) || !items.length) {
        throw new AnalyticsError(
          'invalid_batch',
          __DEV__ ? 'batch needs a non-empty array "batch".' : '',
        );
      }
      const batchContext = readJsonObject(context, 'context');
      const prepared = items.map((item: unknown, index) => {
        const type = asFields(item).type as CallType;
        try {
          if (!CALL_TYPES.includes(type)) {
            throw new AnalyticsError(
              'invalid_batch',
              __DEV__ ? `type ${JSON.stringify(type)} is not one of ${CALL_TYPES.join(', ')}` : '',
            );
          }
          return prepare(
            type,
            writeKey === undefined ? item : { ...(item as Fields), writeKey },
            batchContext,
          );
        } catch (cause) {
          // In development, say which item it was; the code stays the item's own.
          throw __DEV__ && cause instanceof AnalyticsError
            ? new AnalyticsError(
                cause.code,
                `batch item ${index} (${String(type)}): ${cause.message}`,
                {
                  cause,
                },
              )
            : cause;
        }
      });
      result.count = prepared.length;
      result.messageIds = prepared.map((one) => one.message.messageId);
      return Promise.all(prepared.map(deliver)).then((outcomes) => {
        for (const outcome of outcomes) if (!outcome.ok) return fail(result, outcome.error);
        result.success = true;
        return result;
      });
    } catch (cause) {
      return refuse(result, cause, 'batch');
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
