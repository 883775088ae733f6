/**
 * A random RFC 4122 version-4 UUID. Browsers offer `crypto.randomUUID` only in
 * secure contexts and Node from 19; elsewhere the same layout is filled from
 * `crypto.getRandomValues`, or from `Math.random` when there is no Web Crypto.
 */
export function createUuid(): string {
  const webCrypto = (globalThis as { crypto?: Crypto }).crypto;
  if (webCrypto?.randomUUID) return webCrypto.randomUUID();
  // One random byte for each of the 31 x and y slots; each gives its low bits.
  const bytes = new Uint8Array(31);
  if (webCrypto?.getRandomValues) webCrypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.random() * 256;
  let i = 0;
  // x takes a random nibble; y takes the variant bits 10 and two random bits.
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (slot) => {
    const byte = bytes[i++]!;
    return (slot === 'x' ? byte & 15 : (byte & 3) | 8).toString(16);
  });
}

/** An id as Segment takes it: a non-empty string, or a finite number as text. */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
