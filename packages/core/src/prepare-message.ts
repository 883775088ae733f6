import { addCampaign, browserContext, pageFields, pageOf } from './browser/context.js';
import type { BrowserGlobals } from './browser/globals.js';
import type { CallType } from './calls.js';
import { SEGMENT_LIMITS } from './delivery/limits.js';
import { AnalyticsError, type ErrorCode } from './errors.js';
import type { Identity } from './identity.js';
import { createUuid, readId } from './ids.js';
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

/** The object field each call carries: properties or traits. */
const BODY_FIELD: Partial<Record<CallType, string>> = {
  track: 'properties',
  page: 'properties',
  screen: 'properties',
  identify: 'traits',
  group: 'traits',
};

function refuse(code: ErrorCode, message: string, cause?: unknown): never {
  throw new AnalyticsError(code, message, { cause });
}

/**
 * Validates one call and turns it into a serialized wire message, or throws
 * the AnalyticsError that explains why it cannot be sent. Nothing here
 * touches the queue: a bad call is refused before anything is queued.
 */
export function prepareMessage(
  type: CallType,
  input: unknown,
  { writeKey: clientKey, requiresWriteKey, win, identity }: PrepareEnvironment,
  batchContext?: Fields,
): PreparedMessage {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    refuse('invalid_argument', __DEV__ ? `${type}() takes one object, e.g. ${type}({ … }).` : '');
  }
  const fields = input as Fields;
  const writeKey = readId(fields.writeKey) ?? clientKey;
  if (requiresWriteKey && writeKey === undefined) {
    refuse(
      'missing_write_key',
      __DEV__ ? 'No writeKey: pass createAnalytics({ writeKey }) or a writeKey on the call.' : '',
    );
  }
  const message: Fields = {
    type,
    messageId: readId(fields.messageId) ?? createUuid(),
    timestamp: readTimestamp(fields.timestamp) ?? new Date().toISOString(),
  };
  const userId = readId(fields.userId);
  if (type === 'alias') {
    message.userId =
      userId ??
      refuse('missing_user_id', __DEV__ ? 'alias needs a non-empty string "userId".' : '');
    message.previousId =
      readId(fields.previousId) ??
      identity?.userId() ??
      identity?.anonymousId() ??
      refuse('missing_previous_id', __DEV__ ? 'alias needs a non-empty string "previousId".' : '');
  } else {
    const user = userId ?? identity?.userId() ?? undefined;
    const anonymousId = readId(fields.anonymousId) ?? identity?.anonymousId();
    if (user === undefined && anonymousId === undefined) {
      refuse(
        'missing_identity',
        __DEV__
          ? `${type} needs a userId or an anonymousId; on a server pass one on every call.`
          : '',
      );
    }
    if (user !== undefined) message.userId = user;
    if (anonymousId !== undefined) message.anonymousId = anonymousId;
  }
  if (type === 'track') {
    message.event =
      (typeof fields.event === 'string' && fields.event) ||
      refuse('missing_event', __DEV__ ? 'track needs a non-empty string "event".' : '');
  } else if (type === 'group') {
    message.groupId =
      readId(fields.groupId) ??
      refuse('missing_group_id', __DEV__ ? 'group needs a non-empty string "groupId".' : '');
  } else if (type === 'page' || type === 'screen') {
    if (typeof fields.name === 'string') message.name = fields.name;
    if (typeof fields.category === 'string') message.category = fields.category;
  }
  const bodyField = BODY_FIELD[type];
  if (bodyField) {
    // analytics.js fills a page's properties from the location; explicit ones win.
    message[bodyField] = {
      ...(type === 'page' && win && pageFields(win)),
      ...readJsonObject(fields[bodyField], bodyField),
    };
  }
  const context = deepMerge(
    deepMerge(
      {
        library: { name: LIBRARY_NAME, version: LIBRARY_VERSION },
        ...(win &&
          browserContext(win, type === 'page' ? pageOf(message.properties as Fields) : undefined)),
      },
      batchContext,
    ),
    readJsonObject(fields.context, 'context'),
  ) as Fields;
  if (win) addCampaign(context);
  message.context = context;
  const integrations = readJsonObject(fields.integrations, 'integrations');
  if (integrations) message.integrations = integrations;

  let json = '';
  try {
    json = JSON.stringify(message);
  } catch (cause) {
    refuse(
      'invalid_json',
      __DEV__ ? `${type} holds a value JSON cannot encode (a BigInt or a circular reference).` : '',
      cause,
    );
  }
  const bytes = utf8ByteLength(json);
  if (bytes > SEGMENT_LIMITS.messageBytes) {
    refuse(
      'message_too_large',
      __DEV__
        ? `The ${type} message is ${bytes} bytes of UTF-8; Segment accepts at most ${SEGMENT_LIMITS.messageBytes}.`
        : '',
    );
  }
  return { message: message as unknown as Message, json, bytes, writeKey: writeKey ?? '' };
}
