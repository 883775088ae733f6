const HEX: string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const POOL_IDS = 128;
const pool = new Uint8Array(16 * POOL_IDS);
let poolOffset = pool.length;

function fillPool(): void {
  const webCrypto = (globalThis as { crypto?: Crypto }).crypto;
  if (webCrypto?.getRandomValues) {
    webCrypto.getRandomValues(pool);
  } else {
    for (let i = 0; i < pool.length; i++) pool[i] = Math.floor(Math.random() * 256);
  }
  poolOffset = 0;
}

/**
 * A random RFC 4122 version-4 UUID. `crypto.getRandomValues` works in insecure
 * contexts too, where browsers lack `crypto.randomUUID`; random bytes are
 * drawn 128 ids at a time, since one call per id dominates enqueue cost.
 */
export function createUuid(): string {
  if (poolOffset === pool.length) fillPool();
  const at = poolOffset;
  poolOffset += 16;
  pool[at + 6] = (pool[at + 6]! & 0x0f) | 0x40;
  pool[at + 8] = (pool[at + 8]! & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[pool[at + i]!];
  }
  return out;
}
