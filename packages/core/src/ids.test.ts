import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUuid } from './ids.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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

  it('falls back to Math.random without Web Crypto', () => {
    vi.stubGlobal('crypto', undefined);
    const ids = new Set(Array.from({ length: 2000 }, createUuid));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
