import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { devFlagPlugin } from '../../../tooling/dev-flag.js';
import { CORE_SCENARIO } from './scenarios.js';

/**
 * Where the bytes of core + one track go, gzipped: the whole bundle, then the
 * same bundle with the browser parts left out one after another.
 */
export interface CoreBreakdown {
  /** The whole bundle, built from core's sources. */
  wholeGzipBytes: number;
  /** What durable delivery (the localStorage queue shared by tabs) adds. */
  durableDeliveryGzipBytes: number;
  /** What analytics.js-compatible cookie and localStorage identity adds. */
  identityGzipBytes: number;
  /** What the browser's context and anonymous id add. */
  browserContextGzipBytes: number;
  /** What is left: validation, batching, splitting, retries and the six calls, as a server runs them. */
  serverPathGzipBytes: number;
}

/** A module of core and what stands in for it once its part is left out. */
interface Stub {
  file: RegExp;
  contents: string;
}

/** The parts left out, in this order and cumulatively: the modules a server does without. */
const PARTS: Stub[][] = [
  [
    {
      file: /\/browser\/durable-queue\.ts$/,
      contents: 'export const createDurableQueue = () => undefined;',
    },
  ],
  [
    {
      file: /\/browser\/identity-storage\.ts$/,
      contents: "export { memoryStorage as browserIdentityStorage } from '../identity.js';",
    },
  ],
  // No window to find and no context to read, as on a server.
  [
    { file: /\/browser\/globals\.ts$/, contents: 'export const detectBrowser = () => null;' },
    {
      file: /\/browser\/context\.ts$/,
      contents:
        'export const browserContext = () => ({}), pageFields = browserContext, pageOf = browserContext, addCampaign = () => {};',
    },
  ],
];

function leaveOut(stubs: Stub[], used: Set<Stub>): Plugin {
  return {
    name: 'leave-out',
    setup(builder) {
      for (const stub of stubs) {
        builder.onLoad({ filter: stub.file }, () => {
          used.add(stub);
          return { contents: stub.contents, loader: 'ts' };
        });
      }
    },
  };
}

async function gzippedCore(stubs: Stub[], resolveDir: string): Promise<number> {
  const used = new Set<Stub>();
  const result = await build({
    stdin: { contents: CORE_SCENARIO.source, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    // The sources, with __DEV__ written as the published build writes it.
    conditions: ['@trackplan/source'],
    plugins: [leaveOut(stubs, used), devFlagPlugin()],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  // A module renamed in core would otherwise leave nothing out, silently.
  const unused = stubs.filter((stub) => !used.has(stub));
  if (unused.length > 0) {
    throw new Error(
      `core breakdown: no module matched ${unused.map((stub) => stub.file).join(', ')}`,
    );
  }
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}

/**
 * Builds core + one track from the sources with the bundle table's esbuild
 * settings, leaving out durable delivery, then identity, then the browser
 * context; each part is the size it took off. Gzip shares bytes across parts,
 * so the parts are what leaving each out saves, in this order.
 */
export async function measureCoreBreakdown(resolveDir: string): Promise<CoreBreakdown> {
  const sizes: number[] = [];
  for (let count = 0; count <= PARTS.length; count++) {
    sizes.push(await gzippedCore(PARTS.slice(0, count).flat(), resolveDir));
  }
  const [whole = 0, noDurable = 0, noIdentity = 0, server = 0] = sizes;
  return {
    wholeGzipBytes: whole,
    durableDeliveryGzipBytes: whole - noDurable,
    identityGzipBytes: noDurable - noIdentity,
    browserContextGzipBytes: noIdentity - server,
    serverPathGzipBytes: server,
  };
}
