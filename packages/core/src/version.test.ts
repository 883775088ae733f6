import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LIBRARY_NAME, LIBRARY_VERSION } from './version.js';

it('reports the package name and version as context.library', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  expect({ name: LIBRARY_NAME, version: LIBRARY_VERSION }).toEqual({
    name: pkg.name,
    version: pkg.version,
  });
});
