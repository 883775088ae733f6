/** The wire format: one union, discriminated on `type`. */
interface MessageBase {
  messageId: string;
  timestamp: string;
  userId?: string;
  anonymousId?: string;
  context: Record<string, unknown> & { library: { name: string; version: string } };
  integrations?: Record<string, unknown>;
}

export interface TrackMessage extends MessageBase {
  type: 'track';
  event: string;
  properties: Record<string, unknown>;
}
export interface IdentifyMessage extends MessageBase {
  type: 'identify';
  traits: Record<string, unknown>;
}
export interface PageMessage extends MessageBase {
  type: 'page';
  name?: string;
  category?: string;
  properties: Record<string, unknown>;
}
export interface ScreenMessage extends MessageBase {
  type: 'screen';
  name?: string;
  category?: string;
  properties: Record<string, unknown>;
}
export interface GroupMessage extends MessageBase {
  type: 'group';
  groupId: string;
  traits: Record<string, unknown>;
}
export interface AliasMessage extends MessageBase {
  type: 'alias';
  userId: string;
  previousId: string;
}

export type Message =
  | TrackMessage
  | IdentifyMessage
  | PageMessage
  | ScreenMessage
  | GroupMessage
  | AliasMessage;

/** A validated message, serialized once, with its size and destination. */
export interface PreparedMessage {
  message: Message;
  json: string;
  bytes: number;
  writeKey: string;
}
