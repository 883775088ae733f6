import type { Analytics } from './analytics.js';
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
import { checkPlan } from './plan-validation.js';
import { type PrepareEnvironment, prepareMessage } from './prepare-message.js';
import type { PlanShape, RegisteredPlan } from './register.js';
import type { BatchResult, ResultBase } from './results.js';

const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;
const CALL_TYPES = new Set<string>(['track', 'identify', 'page', 'screen', 'group', 'alias']);

type Fields = Record<string, unknown>;

function asFields(input: unknown): Fields {
  return input !== null && typeof input === 'object' ? (input as Fields) : {};
}

function idOrNull(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return null;
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
  const delivery: Delivery =
    options.delivery ??
    createHttpDelivery(
      options.transport ?? fetchTransport(options.fetch),
      resolveDeliverySettings(options, win !== null),
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
  const onViolation = options.onViolation ?? 'warn';
  let closed = false;

  function report(error: AnalyticsError): void {
    try {
      options.onError?.(error);
    } catch {
      // A throwing onError must not turn into a throwing call.
    }
  }

  /** Validation, plan check and identity memory for one message; no delivery. */
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
    if (options.plan) {
      const violation = checkPlan(options.plan, onViolation, prepared.message);
      if (violation) return violation;
    }
    return prepared;
  }

  function remember(prepared: PreparedMessage): void {
    const { message } = prepared;
    if (identity && message.type === 'identify') {
      identity.remember(
        message.userId,
        Object.keys(message.traits).length > 0 ? message.traits : undefined,
      );
    }
  }

  function describe(
    type: CallType,
    input: unknown,
    prepared?: PreparedMessage,
  ): ResultBase & Fields {
    const fields = prepared ? (prepared.message as unknown as Fields) : asFields(input);
    const userId = idOrNull(fields.userId) ?? (prepared ? null : (identity?.userId() ?? null));
    const anonymousId = idOrNull(fields.anonymousId);
    switch (type) {
      case 'track':
        return {
          success: false,
          event: typeof fields.event === 'string' ? fields.event : '',
          userId,
          anonymousId,
        };
      case 'page':
      case 'screen':
        return {
          success: false,
          name: typeof fields.name === 'string' ? fields.name : null,
          userId,
          anonymousId,
        };
      case 'group':
        return { success: false, groupId: idOrNull(fields.groupId) ?? '', userId, anonymousId };
      case 'alias':
        return {
          success: false,
          userId: userId ?? '',
          previousId: idOrNull(fields.previousId) ?? '',
        };
      default:
        return { success: false, userId, anonymousId };
    }
  }

  function settle(result: ResultBase & Fields, outcome: DeliveryOutcome): ResultBase & Fields {
    if (outcome.ok) {
      result.success = true;
    } else {
      result.error = outcome.error;
      report(outcome.error);
    }
    return result;
  }

  function call(type: CallType, input: unknown): Promise<never> {
    let result: ResultBase & Fields;
    try {
      const prepared = prepare(type, input ?? {});
      if (prepared instanceof AnalyticsError) {
        result = describe(type, input);
        return Promise.resolve(settle(result, { ok: false, error: prepared }) as never);
      }
      remember(prepared);
      result = describe(type, input, prepared);
      result.messageId = prepared.message.messageId;
      const resolved = result;
      return delivery.deliver(prepared).then(
        (outcome) => settle(resolved, outcome) as never,
        (cause: unknown) =>
          settle(resolved, {
            ok: false,
            error: new AnalyticsError(
              'internal_error',
              __DEV__ ? 'Delivery failed unexpectedly.' : '',
              { cause },
            ),
          }) as never,
      );
    } catch (cause) {
      if (cause instanceof AnalyticsError && cause.code === 'plan_violation') throw cause;
      const error = new AnalyticsError(
        'internal_error',
        __DEV__ ? `${type} failed unexpectedly.` : '',
        { cause },
      );
      return Promise.resolve(
        settle({ ...describeSafely(type, input) }, { ok: false, error }) as never,
      );
    }
  }

  function describeSafely(type: CallType, input: unknown): ResultBase & Fields {
    try {
      return describe(type, input);
    } catch {
      return { success: false };
    }
  }

  function batch(input: unknown): Promise<BatchResult> {
    const failed = (error: AnalyticsError): Promise<BatchResult> => {
      report(error);
      return Promise.resolve({ success: false, count: 0, error });
    };
    try {
      const fields = asFields(input);
      const items = fields.batch;
      if (!Array.isArray(items) || items.length === 0) {
        return failed(
          new AnalyticsError(
            'invalid_batch',
            __DEV__ ? 'batch needs a non-empty array "batch".' : '',
          ),
        );
      }
      const context = readJsonObject(fields.context, 'context');
      if (context instanceof AnalyticsError) return failed(context);
      const prepared: PreparedMessage[] = [];
      for (const [index, item] of items.entries()) {
        const type = asFields(item).type;
        if (typeof type !== 'string' || !CALL_TYPES.has(type)) {
          return failed(
            new AnalyticsError(
              'invalid_batch',
              __DEV__
                ? `batch item ${index} has type ${JSON.stringify(type)}; use track, identify, page, screen, group or alias.`
                : '',
            ),
          );
        }
        const withKey =
          fields.writeKey === undefined ? item : { ...(item as Fields), writeKey: fields.writeKey };
        const one = prepare(type as CallType, withKey, context);
        if (one instanceof AnalyticsError) {
          return failed(
            new AnalyticsError(
              one.code,
              __DEV__ ? `batch item ${index} (${type}): ${one.message}` : '',
              {
                cause: one,
              },
            ),
          );
        }
        prepared.push(one);
      }
      for (const one of prepared) remember(one);
      const messageIds = prepared.map((one) => one.message.messageId);
      return Promise.all(prepared.map((one) => delivery.deliver(one))).then((outcomes) => {
        const failure = outcomes.find((outcome) => !outcome.ok);
        if (failure && !failure.ok) {
          report(failure.error);
          return { success: false, count: prepared.length, messageIds, error: failure.error };
        }
        return { success: true, count: prepared.length, messageIds };
      });
    } catch (cause) {
      if (cause instanceof AnalyticsError && cause.code === 'plan_violation') throw cause;
      return failed(
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
    batch: (input) => batch(input),
    flush: () => delivery.flush().catch(() => undefined),
    async close({ timeoutMs = DEFAULT_CLOSE_TIMEOUT_MS } = {}) {
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
