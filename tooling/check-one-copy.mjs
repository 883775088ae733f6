// Fails when a package's build bundles one source module into two output files
// of the same format. Each copy would hold its own module state: its own
// AnalyticsError class (so instanceof fails across entry points), its own React
// context (so an adapter cannot see the provider), its own default client.
//
// Usage, from a package directory after its build: node ../../tooling/check-one-copy.mjs [dist]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] ?? 'dist';

/** esbuild marks where each bundled module starts with a `// src/…` comment. */
const MODULE_MARKER = /^\/\/ (src\/\S+\.tsx?)$/gm;

function* outputFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* outputFiles(path);
    else if (/\.(c?js)$/.test(entry.name)) yield path;
  }
}

const seen = new Map();
const problems = [];
let modules = 0;
for (const file of outputFiles(dist)) {
  const format = file.endsWith('.cjs') ? 'CommonJS' : 'ESM';
  // A module's code may be marked more than once in one file (around hoisted
  // imports); only another file holding it makes a second copy.
  const inFile = new Set(
    Array.from(readFileSync(file, 'utf8').matchAll(MODULE_MARKER), (m) => m[1]),
  );
  for (const module of inFile) {
    modules++;
    const key = `${format} ${module}`;
    const first = seen.get(key);
    if (first)
      problems.push(`${module} is in both ${first} and ${relative('.', file)} (${format})`);
    else seen.set(key, relative('.', file));
  }
}

if (modules === 0) {
  console.error(`No bundled modules found under ${dist}: build the package first.`);
  process.exit(1);
}
if (problems.length > 0) {
  console.error(`${problems.length} source modules are bundled twice; enable splitting in tsup:`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`${seen.size} bundled modules, each in one output file per format.`);
