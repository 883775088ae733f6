import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, type as osType, release, totalmem } from 'node:os';

const require = createRequire(import.meta.url);

export function machineSummary(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${osType()} ${release()}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`;
}

/** Installed version of a package, read from its own package.json. */
export function versionOf(name: string): string {
  try {
    const path =
      name === 'typewriter'
        ? new URL('../.work/typewriter/node_modules/typewriter/package.json', import.meta.url)
        : require.resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
