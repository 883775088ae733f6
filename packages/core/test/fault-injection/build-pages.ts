import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Library, PAGES } from './harness.js';

const SOURCES: Record<Library, string> = {
  trackplan: 'trackplan-page.ts',
  'analytics-next': 'analytics-next-page.ts',
};

/**
 * Runs the page of `?page=` inside an iframe sandboxed without
 * allow-same-origin: its origin is opaque, so reading localStorage (and
 * asking for Web Locks) throws, as where storage is disabled.
 */
const SANDBOXED = `<!doctype html><meta charset="utf-8"><title>Storage disabled</title>
<script>
  const params = new URLSearchParams(location.search);
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.src = params.get('page') + location.search;
  document.documentElement.append(frame);
</script>`;

export interface BuiltPages {
  dir: string;
  remove(): void;
}

/** Bundles each library's test page for the browser, into a temporary directory. */
export async function buildPages(): Promise<BuiltPages> {
  const dir = mkdtempSync(join(tmpdir(), 'trackplan-fault-pages-'));
  for (const [library, html] of Object.entries(PAGES) as [Library, string][]) {
    await build({
      entryPoints: [join(import.meta.dirname, 'pages', SOURCES[library])],
      outfile: join(dir, `${library}.js`),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      logLevel: 'silent',
      define: { __DEV__: 'true', 'process.env.NODE_ENV': '"production"' },
    });
    writeFileSync(
      join(dir, html),
      `<!doctype html><meta charset="utf-8"><title>${library}</title><script src="${library}.js"></script>`,
    );
  }
  writeFileSync(join(dir, 'sandboxed.html'), SANDBOXED);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fault injection</title>');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
