// Fails unless every built file starts with the 'use client' directive, which
// lets a Next.js server component render <AnalyticsProvider> directly.
import { readdirSync, readFileSync } from 'node:fs';

const files = readdirSync('dist').filter((name) => /\.c?js$/.test(name));
const missing = files.filter(
  (name) => !/^['"]use client['"];/.test(readFileSync(`dist/${name}`, 'utf8')),
);
if (files.length === 0 || missing.length > 0) {
  console.error(
    files.length === 0
      ? 'No built files: build first.'
      : `No leading 'use client' in: ${missing.join(', ')}`,
  );
  process.exit(1);
}
console.log(`${files.length} built files start with 'use client'.`);
