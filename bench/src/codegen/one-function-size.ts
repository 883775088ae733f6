import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { SAMPLE_PROPERTIES, sampleEvent } from './synthetic-plan.js';

const gzipBytes = async (source: string, resolveDir: string): Promise<number> => {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
};

/**
 * Bytes that importing one event function out of the plan adds to a
 * production bundle that already sets up its client: the gzipped bundle with
 * the call minus the same app without it.
 */
export async function trackplanOneFunctionBytes(
  generatedModule: string,
  planEvents: number,
): Promise<number> {
  const setup = `import { createAnalytics, setDefaultClient } from '@trackplan/core';
    setDefaultClient(createAnalytics({ writeKey: 'KEY' }));`;
  const fn = sampleEvent(planEvents).functionName;
  const withCall = `${setup}
    import { ${fn} } from ${JSON.stringify(generatedModule)};
    ${fn}(${JSON.stringify(SAMPLE_PROPERTIES)});`;
  const dir = dirname(generatedModule);
  return (await gzipBytes(withCall, dir)) - (await gzipBytes(setup, dir));
}

/** The same for Typewriter's output, whose app uses window.analytics: everything it bundles is added. */
export async function typewriterOneFunctionBytes(
  generatedModule: string,
  planEvents: number,
): Promise<number> {
  const fn = sampleEvent(planEvents).functionName;
  return gzipBytes(
    `import { ${fn} } from ${JSON.stringify(generatedModule)}; ${fn}(${JSON.stringify(SAMPLE_PROPERTIES)} as never);`,
    dirname(generatedModule),
  );
}
