export { RECEIVER_ERROR_CODES, ReceiverError, type ReceiverErrorCode } from './errors.js';
export { LIMITS, type ParsedRequest, parseSegmentRequest } from './parse-request.js';
export { type Receiver, type ReceiverOptions, startReceiver } from './server.js';
export type { Fault, ReceivedMessage, ReceivedRequest } from './types.js';
