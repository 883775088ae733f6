import { browserContext, pageFields } from './browser/context.js';
import type { BrowserGlobals } from './browser/globals.js';
import type { CallType } from './calls.js';
import { SEGMENT_LIMITS } from './delivery/limits.js';
import { AnalyticsError, type ErrorCode } from './errors.js';
import type { Identity } from './identity.js';
import { createUuid } from './ids.js';
import { deepMerge, readJsonObject } from './json-input.js';
import type { Message, PreparedMessage } from './messages.js';
import { readTimestamp } from './timestamp.js';
import { utf8ByteLength } from './utf8.js';
import { LIBRARY_NAME, LIBRARY_VERSION } from './version.js';

/** What the client knows when it prepares a call. */
export interface PrepareEnvironment {
  writeKey: string | undefined;
  requiresWriteKey: boolean;
  win: BrowserGlobals | null;
  identity: Identity | null;
}

type Fields = Record<string, unknown>;

function readId(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function isFields(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fail(code: ErrorCode, message: string): AnalyticsError {
  return new AnalyticsError(code, message);
}

function requiredId(
  input: Fields,
  key: string,
  code: ErrorCode,
  call: string,
): string | AnalyticsError {
  const value = readId(input[key]);
  return value ?? fail(code, __DEV__ ? `${call} needs a non-empty string "${key}".` : '');
}

/** Reads an object field and returns it, or throws the error to the caller below. */
function objectField(input: Fields, key: string): Fields | undefined {
  const value = readJsonObject(input[key], key);
  if (value instanceof AnalyticsError) throw value;
  return value;
}

function automaticContext(env: PrepareEnvironment): Fields {
  const library = { library: { name: LIBRARY_NAME, version: LIBRARY_VERSION } };
  return env.win ? { ...library, ...browserContext(env.win) } : library;
}

/**
 * Validates one call and turns it into a serialized wire message, or returns
 * the error that explains why it cannot be sent. Nothing here touches the
 * queue: a bad call is refused before anything is queued.
 */
export function prepareMessage(
  type: CallType,
  input: unknown,
  env: PrepareEnvironment,
  batchContext?: Fields,
): PreparedMessage | AnalyticsError {
  if (!isFields(input)) {
    return fail(
      'invalid_argument',
      __DEV__ ? `${type}() takes one object, e.g. ${type}({ … }).` : '',
    );
  }
  try {
    return prepareFields(type, input, env, batchContext);
  } catch (error) {
    if (error instanceof AnalyticsError) return error;
    throw error;
  }
}

function prepareFields(
  type: CallType,
  input: Fields,
  env: PrepareEnvironment,
  batchContext: Fields | undefined,
): PreparedMessage | AnalyticsError {
  const writeKey = readId(input.writeKey) ?? env.writeKey;
  if (env.requiresWriteKey && writeKey === undefined) {
    return fail(
      'missing_write_key',
      __DEV__ ? 'No writeKey: pass createAnalytics({ writeKey }) or a writeKey on the call.' : '',
    );
  }

  const timestamp = readTimestamp(input.timestamp);
  if (timestamp instanceof AnalyticsError) return timestamp;
  const context = deepMerge(
    deepMerge(automaticContext(env), batchContext),
    objectField(input, 'context'),
  );
  const integrations = objectField(input, 'integrations');
  const identity = env.identity;

  const head = {
    type,
    messageId: readId(input.messageId) ?? createUuid(),
    timestamp: timestamp ?? new Date().toISOString(),
  };
  let message: Fields;

  if (type === 'alias') {
    const userId = requiredId(input, 'userId', 'missing_user_id', 'alias');
    if (userId instanceof AnalyticsError) return userId;
    const previousId = readId(input.previousId) ?? identity?.userId() ?? identity?.anonymousId();
    if (previousId === undefined) {
      return fail(
        'missing_previous_id',
        __DEV__ ? 'alias needs a non-empty string "previousId".' : '',
      );
    }
    message = { ...head, userId, previousId };
  } else {
    const userId = readId(input.userId) ?? identity?.userId() ?? undefined;
    const anonymousId = readId(input.anonymousId) ?? identity?.anonymousId();
    if (userId === undefined && anonymousId === undefined) {
      return fail(
        'missing_identity',
        __DEV__
          ? `${type} needs a userId or an anonymousId; on a server pass one on every call.`
          : '',
      );
    }
    message = { ...head };
    if (userId !== undefined) message.userId = userId;
    if (anonymousId !== undefined) message.anonymousId = anonymousId;
    const bodyOrError = typeFields(type, input, env);
    if (bodyOrError instanceof AnalyticsError) return bodyOrError;
    Object.assign(message, bodyOrError);
  }
  message.context = context;
  if (integrations) message.integrations = integrations;

  let json: string;
  try {
    json = JSON.stringify(message);
  } catch (cause) {
    return new AnalyticsError(
      'invalid_json',
      __DEV__ ? `${type} holds a value JSON cannot encode (a BigInt or a circular reference).` : '',
      { cause },
    );
  }
  const bytes = utf8ByteLength(json);
  if (bytes > SEGMENT_LIMITS.messageBytes) {
    return fail(
      'message_too_large',
      __DEV__
        ? `The ${type} message is ${bytes} bytes of UTF-8; Segment accepts at most ${SEGMENT_LIMITS.messageBytes}.`
        : '',
    );
  }
  return { message: message as unknown as Message, json, bytes, writeKey: writeKey ?? '' };
}

function typeFields(
  type: CallType,
  input: Fields,
  env: PrepareEnvironment,
): Fields | AnalyticsError {
  switch (type) {
    case 'track': {
      const event = input.event;
      if (typeof event !== 'string' || event === '') {
        return fail('missing_event', __DEV__ ? 'track needs a non-empty string "event".' : '');
      }
      return { event, properties: objectField(input, 'properties') ?? {} };
    }
    case 'identify':
      return { traits: objectField(input, 'traits') ?? {} };
    case 'group': {
      const groupId = requiredId(input, 'groupId', 'missing_group_id', 'group');
      if (groupId instanceof AnalyticsError) return groupId;
      return { groupId, traits: objectField(input, 'traits') ?? {} };
    }
    case 'page':
    case 'screen': {
      const fields: Fields = {};
      if (typeof input.name === 'string') fields.name = input.name;
      if (typeof input.category === 'string') fields.category = input.category;
      const properties = objectField(input, 'properties') ?? {};
      // analytics.js fills a page's properties from the location; explicit ones win.
      fields.properties =
        type === 'page' && env.win ? { ...pageFields(env.win), ...properties } : properties;
      return fields;
    }
    default:
      return fail('invalid_argument', __DEV__ ? `Unknown call type "${String(type)}".` : '');
  }
}
