import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from './utf8.js';

describe('utf8ByteLength', () => {
  const table = [
    { given: '', want: 0 },
    { given: 'hello', want: 5 },
    { given: 'é', want: 2 },
    { given: 'ü€', want: 5 },
    { given: '日本語', want: 9 },
    { given: '🎉', want: 4 },
    { given: 'a🎉b€', want: 9 },
    {
      given: JSON.stringify({ name: 'Zoë 😀' }),
      want: Buffer.byteLength(JSON.stringify({ name: 'Zoë 😀' })),
    },
  ];
  it.each(table)('counts $given as $want bytes', ({ given, want }) => {
    expect(utf8ByteLength(given)).toBe(want);
    expect(utf8ByteLength(given)).toBe(Buffer.byteLength(given, 'utf8'));
  });

  it('counts what string.length under-counts', () => {
    const text = '€'.repeat(20_000);
    expect(text.length).toBe(20_000);
    expect(utf8ByteLength(text)).toBe(60_000);
  });
});
