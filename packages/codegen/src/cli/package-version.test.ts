import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageVersion } from './package-version.js';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

describe('the version the CLI prints', () => {
  const table: { name: string; given: URL | undefined }[] = [
    { name: 'read from sources', given: undefined },
    // Where tsup bundles the CLI; resolving needs no built file.
    {
      name: 'read from the built dist/cli.js',
      given: new URL('../../dist/cli.js', import.meta.url),
    },
  ];

  it.each(table)('is the package.json version $name', ({ given }) => {
    expect(packageVersion(given)).toBe(version);
  });
});
