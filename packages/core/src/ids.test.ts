import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUuid } from './ids.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const realCrypto = globalThis.crypto;
const real = () => realCrypto;

describe('createUuid', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes RFC 4122 version-4 ids', () => {
    for (let i = 0; i < 300; i++) expect(createUuid()).toMatch(V4);
  });

  it('never repeats', () => {
    const ids = new Set(Array.from({ length: 5000 }, createUuid));
    expect(ids.size).toBe(5000);
  });

  it('fills the same layout from getRandomValues where randomUUID is missing (insecure pages)', () => {
    const real = globalThis.crypto;
    const getRandomValues = vi.fn((bytes: Uint8Array) => real.getRandomValues(bytes));
    vi.stubGlobal('crypto', { getRandomValues });
    const ids = new Set(Array.from({ length: 2000 }, createUuid));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(V4);
    expect(getRandomValues).toHaveBeenCalledTimes(2000);
  });

  it.each([
    ['getRandomValues', () => ({ getRandomValues: (b: Uint8Array) => real().getRandomValues(b) })],
    ['Math.random', () => undefined],
  ])('fills every random digit in the %s fallback', (_, crypto) => {
    vi.stubGlobal('crypto', crypto());
    const ids = Array.from({ length: 200 }, createUuid);
    for (let at = 0; at < 36; at++) {
      const seen = new Set(ids.map((id) => id[at]));
      // Dashes, the version 4 and the variant digit (8-b) are the only fixed positions.
      if ([8, 13, 18, 23].includes(at)) expect(seen).toEqual(new Set(['-']));
      else if (at === 14) expect(seen).toEqual(new Set(['4']));
      else if (at === 19) expect([...seen].every((d) => '89ab'.includes(d!))).toBe(true);
      else expect(seen.size).toBeGreaterThan(8);
    }
  });

  it('falls back to Math.random without Web Crypto', () => {
    vi.stubGlobal('crypto', undefined);
    const ids = new Set(Array.from({ length: 2000 }, createUuid));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
