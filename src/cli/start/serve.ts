// A small static server on the loopback address: the demo page for `npm start`, fixtures for tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedPages {
  url: (path: string) => string;
  close: () => Promise<void>;
  server: Server;
}

/** Serves `pages` (path -> HTML, or a function for pages made per request) on 127.0.0.1. */
export async function servePages(pages: Record<string, string | (() => string)>): Promise<ServedPages> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const page = pages[path];
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(typeof page === 'function' ? page() : page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: (path) => `http://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
