import { readFileSync } from 'node:fs';
import { cpus, type as osType, release, totalmem } from 'node:os';

export function machineSummary(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${osType()} ${release()}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`;
}

const INSTALLS = {
  bench: new URL('../node_modules/', import.meta.url),
  typewriter: new URL('../.work/typewriter/node_modules/', import.meta.url),
};

/**
 * Installed version of a package, read from its own package.json: bench's
 * direct dependencies through bench/node_modules (some, like
 * @rudderstack/analytics-js, do not export their package.json), Typewriter
 * and what it runs with from its install in bench/.work.
 */
export function versionOf(
  name: string,
  installedIn: keyof typeof INSTALLS = name === 'typewriter' ? 'typewriter' : 'bench',
): string {
  try {
    const path = new URL(`${name}/package.json`, INSTALLS[installedIn]);
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
