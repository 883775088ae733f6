import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** An empty page of the app's origin, for clearing its storage without running the app. */
export const BLANK_PATH = '/__e2e/blank';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built single-page app from `root` on 127.0.0.1, answering every
 * unknown path with index.html as a host of a client-routed app would.
 * It stops by itself after `maxLifetimeMs` so no test leaves it running.
 */
export async function serveStatic(
  root: string,
  { maxLifetimeMs = 10 * 60_000 }: { maxLifetimeMs?: number } = {},
): Promise<StaticServer> {
  const base = normalize(root + sep);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === BLANK_PATH) {
      response
        .writeHead(200, { 'Content-Type': TYPES['.html'] })
        .end('<!doctype html><title>blank</title>');
      return;
    }
    const file = normalize(join(base, path));
    const inside = file.startsWith(base) && extname(file) !== '';
    try {
      const body = await readFile(inside ? file : join(base, 'index.html'));
      response.writeHead(200, {
        'Content-Type': TYPES[inside ? extname(file) : '.html'] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lifetime = setTimeout(() => server.close(), maxLifetimeMs);
  lifetime.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        clearTimeout(lifetime);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
