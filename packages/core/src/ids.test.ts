import { describe, expect, it } from 'vitest';
import { createUuid } from './ids.js';

describe('createUuid', () => {
  it('makes RFC 4122 version-4 ids', () => {
    for (let i = 0; i < 300; i++) {
      expect(createUuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });
  it('never repeats across pool refills', () => {
    const ids = new Set(Array.from({ length: 5000 }, createUuid));
    expect(ids.size).toBe(5000);
  });
});
