/** One message as it arrived: its messageId and the call it came from (`properties.seq`). */
export interface Arrival {
  messageId: unknown;
  seq: unknown;
}

/** What became of the tracked calls at the receiver. */
export interface Tally {
  tracked: number;
  /** Calls that never arrived, under any messageId. */
  lost: number;
  /**
   * Calls that arrived under more than one messageId, one per extra id: copies
   * Segment cannot recognise, so they stay duplicated after deduplication.
   */
  duplicated: number;
  /** Repeats of a messageId that had already arrived: Segment drops them. */
  resent: number;
}

/** Counts lost and duplicated calls, before and after deduplication by messageId. */
export function tally(tracked: readonly string[], arrivals: readonly Arrival[]): Tally {
  const idsByCall = new Map<unknown, Set<unknown>>();
  const seenIds = new Set<unknown>();
  let resent = 0;
  for (const { messageId, seq } of arrivals) {
    if (seenIds.has(messageId)) {
      resent++;
      continue;
    }
    seenIds.add(messageId);
    const ids = idsByCall.get(seq) ?? new Set();
    ids.add(messageId);
    idsByCall.set(seq, ids);
  }
  let lost = 0;
  let duplicated = 0;
  for (const call of new Set(tracked)) {
    const ids = idsByCall.get(call)?.size ?? 0;
    if (ids === 0) lost++;
    else duplicated += ids - 1;
  }
  return { tracked: new Set(tracked).size, lost, duplicated, resent };
}
