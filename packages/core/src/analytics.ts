import type {
  AliasInput,
  BatchInput,
  GroupInput,
  IdentifyInput,
  PageInput,
  ScreenInput,
  TrackInput,
} from './calls.js';
import type { IdentitySnapshot } from './identity.js';
import type { PlanShape, RegisteredPlan } from './register.js';
import type {
  AliasResult,
  BatchResult,
  CloseResult,
  GroupResult,
  IdentifyResult,
  PageResult,
  TrackResult,
} from './results.js';

/**
 * A Segment client. Every call takes one object and resolves, never rejects,
 * once its outcome is known: `success: true` when the endpoint accepted it,
 * otherwise `success: false` with an `error` whose `code` is stable.
 *
 * With a plan registered (see {@link Register}), events, pages and traits are
 * typed by it; without one they take any JSON object.
 */
export interface Analytics<P extends PlanShape = RegisteredPlan> {
  /**
   * Records an action the user performed.
   * @example await analytics.track({ event: 'Order Completed', properties: { order_id: '42' } })
   * @see https://segment.com/docs/connections/spec/track/
   */
  track(input: TrackInput<P>): Promise<TrackResult>;
  /**
   * Ties the user to their traits. In a browser the userId and traits are remembered.
   * @example await analytics.identify({ userId: 'u_1', traits: { email: 'ada@example.com' } })
   * @see https://segment.com/docs/connections/spec/identify/
   */
  identify(input: IdentifyInput<P>): Promise<IdentifyResult>;
  /**
   * Records a page view. In a browser, url, path, title, referrer and search are filled in.
   * @example await analytics.page({ name: 'Product Detail', properties: { product_id: 'p_1' } })
   * @see https://segment.com/docs/connections/spec/page/
   */
  page(input?: PageInput<P>): Promise<PageResult>;
  /**
   * Records a screen view in a mobile or desktop app.
   * @see https://segment.com/docs/connections/spec/screen/
   */
  screen(input?: ScreenInput): Promise<PageResult>;
  /**
   * Associates the user with a group, such as a company or team.
   * @see https://segment.com/docs/connections/spec/group/
   */
  group(input: GroupInput<P>): Promise<GroupResult>;
  /**
   * Merges two identities: `previousId` becomes known as `userId`.
   * @see https://segment.com/docs/connections/spec/alias/
   */
  alias(input: AliasInput): Promise<AliasResult>;
  /**
   * Sends many calls of any type together. The batch-level context is merged
   * under each item's own. Either every item is valid and queued, or none is.
   * @see https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#batch
   */
  batch(input: BatchInput<P>): Promise<BatchResult>;
  /** Sends everything queued now; resolves when those sends have settled. */
  flush(): Promise<void>;
  /**
   * Stops accepting calls and drains the queue, waiting at most `timeoutMs`
   * (default 10000). Call it before a Node process or serverless handler ends.
   */
  close(options?: { timeoutMs?: number }): Promise<CloseResult>;
  /** Forgets the browser user: userId, traits and anonymousId. */
  reset(): void;
  /** The browser user as stored now; on a server every field is empty. */
  user(): IdentitySnapshot;
}
