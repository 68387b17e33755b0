import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Gzip text responses for clients that accept it, as a production host does. */
  compress?: boolean;
  /** Files that exist only in memory, by URL path, such as a generated story. */
  extra?: Record<string, string>;
  /** Answers a request itself, as a misbehaving server would; returns false to let the folder answer. */
  intercept?: (path: string, response: ServerResponse) => boolean;
}

/**
 * Serves a folder on 127.0.0.1, as any static host would: no rewrites, no caching.
 * `headersFor` adds response headers by URL path, such as a Content-Security-Policy.
 */
export function serveFolder(folder: string, headersFor: (path: string) => Record<string, string> = () => ({}), options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(folder);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const send = (body: Buffer, type: string) => {
      const gzip = options.compress && !type.startsWith('image/png') && /\bgzip\b/.test(String(request.headers['accept-encoding']));
      const headers = { 'content-type': type, 'cache-control': 'no-store', ...headersFor(path), ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}) };
      response.writeHead(200, headers).end(gzip ? gzipSync(body) : body);
    };
    if (options.intercept?.(path, response)) return;
    const extra = options.extra?.[path];
    if (extra !== undefined) {
      send(Buffer.from(extra), TYPES[extname(path)] ?? 'application/octet-stream');
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    send(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  });
  return new Promise((resolveServer) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolveServer({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise((done) => {
            // Stalled and trickling answers (see faults.ts) would otherwise hold the server open.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
