import type { JsonObjectInput } from './json-input.js';
import type { FieldOf, PageName, PlanShape, RegisteredPlan } from './register.js';
import type { TimestampInput } from './timestamp.js';

/**
 * Fields every call accepts.
 * @see https://segment.com/docs/connections/spec/common/
 */
export interface CommonFields {
  /** Overrides the client's writeKey for this call; it then goes in its own request. */
  writeKey?: string;
  userId?: string;
  anonymousId?: string;
  /** Merged over the automatic context (page, userAgent, locale, library…). */
  context?: JsonObjectInput;
  /** When the call happened. Defaults to now. */
  timestamp?: TimestampInput;
  /** Which destinations receive the call, e.g. `{ All: true, Mixpanel: false }`. */
  integrations?: JsonObjectInput;
  /** Normally generated. Segment deduplicates on it, so reuse it when re-sending. */
  messageId?: string;
}

type EventName<P extends PlanShape> = keyof P['events'] & string;

/**
 * A `track` call, typed by the registered plan.
 * @see https://segment.com/docs/connections/spec/track/
 */
export type TrackInput<P extends PlanShape = RegisteredPlan> = {
  [E in EventName<P>]: CommonFields & { event: E } & FieldOf<'properties', P['events'][E]>;
}[EventName<P>];

/** @see https://segment.com/docs/connections/spec/identify/ */
export type IdentifyInput<P extends PlanShape = RegisteredPlan> = CommonFields & {
  traits?: P['identifyTraits'];
};

/**
 * A `page` call. With a plan registered, a named page must be one of the
 * plan's pages with its properties; an unnamed page takes free properties.
 * @see https://segment.com/docs/connections/spec/page/
 */
export type PageInput<P extends PlanShape = RegisteredPlan> =
  string extends PageName<P>
    ? CommonFields & { name?: string; category?: string; properties?: JsonObjectInput }
    :
        | {
            [N in PageName<P>]: CommonFields & { name: N; category?: string } & FieldOf<
                'properties',
                P['pages'][N]
              >;
          }[PageName<P>]
        | (CommonFields & { name?: undefined; category?: string; properties?: JsonObjectInput });

/** @see https://segment.com/docs/connections/spec/screen/ */
export type ScreenInput = CommonFields & {
  name?: string;
  category?: string;
  properties?: JsonObjectInput;
};

/** @see https://segment.com/docs/connections/spec/group/ */
export type GroupInput<P extends PlanShape = RegisteredPlan> = CommonFields & {
  groupId: string;
  traits?: P['groupTraits'];
};

/** @see https://segment.com/docs/connections/spec/alias/ */
export type AliasInput = Omit<CommonFields, 'anonymousId' | 'userId'> & {
  userId: string;
  /**
   * The id the user had until now. In a browser it defaults, as in
   * analytics.js, to the stored userId, else the anonymousId; elsewhere a
   * call without one resolves with `missing_previous_id`.
   */
  previousId?: string;
};

type WithoutWriteKey<T> = T extends unknown ? Omit<T, 'writeKey'> : never;

/** One item of a `batch` call: any call, tagged with its `type`. */
export type BatchItem<P extends PlanShape = RegisteredPlan> =
  | WithoutWriteKey<{ type: 'track' } & TrackInput<P>>
  | WithoutWriteKey<{ type: 'identify' } & IdentifyInput<P>>
  | WithoutWriteKey<{ type: 'page' } & PageInput<P>>
  | WithoutWriteKey<{ type: 'screen' } & ScreenInput>
  | WithoutWriteKey<{ type: 'group' } & GroupInput<P>>
  | WithoutWriteKey<{ type: 'alias' } & AliasInput>;

/** @see https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#batch */
export interface BatchInput<P extends PlanShape = RegisteredPlan> {
  writeKey?: string;
  batch: BatchItem<P>[];
  /** Merged under each item's own context. */
  context?: JsonObjectInput;
}

export type CallType = 'track' | 'identify' | 'page' | 'screen' | 'group' | 'alias';
