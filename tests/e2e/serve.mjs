// A static server for the end-to-end tests and `make bench`: serves built sites on 127.0.0.1,
// each under its own path (`cache-control: no-store`; no compression unless asked for),
// and records every request. Switched off the network (setOffline), it drops every
// connection unanswered, as a lost network would, and still records what was asked.
// With `compress: 'gzip'` (the bench's mobile profile) it answers as static hosts do: a
// compressible file goes out gzip-compressed to a client that accepts gzip, from a
// precompressed `<file>.gz` beside it when there is one, else compressed on the fly.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  // The build's precompressed copies (scripts/precompress.mjs) are served only when asked
  // for by name, as the archives they are: this server never answers `x.js` with
  // `x.js.gz`, nor sends a Content-Encoding, so every test sees the files as they are.
  '.gz': 'application/gzip',
  '.br': 'application/x-brotli',
};

// What static hosts compress: text, JSON, SVG, WebAssembly. Never images that are
// already compressed (png), nor anything unknown.
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.ico', '.webmanifest']);

/** Whether an Accept-Encoding header value accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(header) {
  return String(header ?? '')
    .split(',')
    .map((part) => part.trim().split(';').map((x) => x.trim()))
    .some(([coding, ...params]) => (coding === 'gzip' || coding === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p)));
}

/**
 * sites: { '/tools/x1060/': '/abs/dist', '/minimal/': '/abs/bench/minimal/dist' };
 * port: 0 for any free port (the tests), or a fixed one (`make serve`);
 * compress: undefined (the default: every file as it is) or 'gzip' (see above;
 * `content-encoding: gzip`, and `vary: accept-encoding` on every compressible file).
 * Resolves to { origin, url(base), requests, setOffline(on), close }; each request is
 * logged as { url, status, bytes } (bytes: the body as sent), plus `encoding` and
 * `raw` (the file's own size) when compressed.
 */
export async function serveSites(sites, { port: wanted = 0, compress } = {}) {
  if (compress !== undefined && compress !== 'gzip') throw new Error(`compress: ${compress} is not supported (only 'gzip')`);
  for (const [base, dir] of Object.entries(sites)) {
    if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base path ${base} must start and end with /`);
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build it first`);
  }
  const requests = [];
  // Files gzipped on the fly, by path, size and modification time: each is compressed once.
  const gzipped = new Map();
  const gzipOf = (path, info, body) => {
    const key = `${path}\0${info.size}\0${info.mtimeMs}`;
    if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
    return gzipped.get(key);
  };
  let offline = false;
  const server = createServer(async (req, res) => {
    if (offline) {
      requests.push({ url: req.url, status: 'offline', bytes: 0 });
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url, 'http://localhost');
    const entry = Object.entries(sites).find(([base]) => url.pathname.startsWith(base));
    if (!entry) {
      requests.push({ url: req.url, status: 404, bytes: 0 });
      res.writeHead(404).end('not found');
      return;
    }
    const [base, dir] = entry;
    const rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const path = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(path);
      const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (compress === 'gzip' && COMPRESSIBLE.has(extname(path))) {
        headers.vary = 'accept-encoding';
        if (acceptsGzip(req.headers['accept-encoding'])) {
          const pre = existsSync(`${path}.gz`) ? await readFile(`${path}.gz`) : null;
          const sent = pre ?? gzipOf(path, info.isDirectory() ? await stat(path) : info, body);
          headers['content-encoding'] = 'gzip';
          requests.push({ url: req.url, status: 200, bytes: sent.length, raw: body.length, encoding: pre ? 'gzip (precompressed)' : 'gzip' });
          res.writeHead(200, headers);
          res.end(sent);
          return;
        }
      }
      requests.push({ url: req.url, status: 200, bytes: body.length });
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      requests.push({ url: req.url, status: 404, bytes: 0 });
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(wanted, '127.0.0.1', ok));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (base) => `${origin}${base}`,
    requests,
    setOffline(on) {
      offline = on;
      if (on) server.closeAllConnections();
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
