// The static server of the tests and the bench (tests/e2e/serve.mjs): by default every
// file goes out as it is; with `compress: 'gzip'` (the bench's mobile profile) it answers
// as static hosts do. No browser: raw HTTP requests, so the bytes on the wire are seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { serveSites, acceptsGzip } from './serve.mjs';

const HTML = `<!doctype html><title>t</title>${'<p>hello</p>'.repeat(200)}`;
const JS = `export const x = ${JSON.stringify('abc'.repeat(500))};\n`;
const CSS = `body { color: red; }\n`.repeat(100);
const PNG = Buffer.from('89504e470d0a1a0a' + '00'.repeat(400), 'hex');
// A precompressed file whose content differs from its source, to see which one is sent.
const CSS_GZ_TEXT = '/* from the precompressed file */\n';

async function site() {
  const dir = await mkdtemp(join(tmpdir(), 'x1060-serve-test-'));
  await writeFile(join(dir, 'index.html'), HTML);
  await writeFile(join(dir, 'app.js'), JS);
  await writeFile(join(dir, 'style.css'), CSS);
  await writeFile(join(dir, 'style.css.gz'), gzipSync(CSS_GZ_TEXT));
  await writeFile(join(dir, 'icon.png'), PNG);
  return dir;
}

/** GET with the given Accept-Encoding; resolves to { status, headers, body } (raw bytes, not decoded). */
function get(url, acceptEncoding) {
  return new Promise((ok, fail) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

test('by default every file is sent as it is, whatever the client accepts', async () => {
  const dir = await site();
  const server = await serveSites({ '/app/': dir });
  try {
    for (const [path, content] of [['', HTML], ['app.js', JS], ['style.css', CSS]]) {
      const res = await get(server.url(`/app/${path}`), 'gzip, deflate, br');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], undefined, `${path || 'index'}: not compressed`);
      assert.equal(res.headers.vary, undefined);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.body.toString(), content);
    }
    assert.deepEqual(
      server.requests.map((r) => r.bytes),
      [HTML, JS, CSS].map((c) => Buffer.byteLength(c)),
    );
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("compress: 'gzip' gzips on the fly, prefers <file>.gz, leaves png alone, and varies on accept-encoding", async () => {
  const dir = await site();
  const server = await serveSites({ '/app/': dir }, { compress: 'gzip' });
  try {
    // Compressed on the fly (the directory's index.html too).
    for (const [path, content, type] of [['', HTML, 'text/html'], ['app.js', JS, 'text/javascript']]) {
      const res = await get(server.url(`/app/${path}`), 'gzip, deflate, br, zstd');
      assert.equal(res.headers['content-encoding'], 'gzip', `${path || 'index'}: gzip`);
      assert.equal(res.headers.vary, 'accept-encoding');
      assert.match(res.headers['content-type'], new RegExp(`^${type}`));
      assert.equal(gunzipSync(res.body).toString(), content);
      assert.ok(res.body.length < Buffer.byteLength(content) / 4, `${path || 'index'}: ${res.body.length} bytes sent`);
    }
    // The precompressed file is sent when there is one.
    const css = await get(server.url('/app/style.css'), 'gzip');
    assert.equal(css.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(css.body).toString(), CSS_GZ_TEXT);
    // A client that does not accept gzip (or refuses it) gets the file as it is, still with vary.
    for (const accept of [undefined, 'identity', 'br', 'gzip;q=0, identity']) {
      const res = await get(server.url('/app/app.js'), accept);
      assert.equal(res.headers['content-encoding'], undefined, `accept-encoding ${accept}`);
      assert.equal(res.headers.vary, 'accept-encoding');
      assert.equal(res.body.toString(), JS);
    }
    // An already-compressed type goes out as it is.
    const png = await get(server.url('/app/icon.png'), 'gzip');
    assert.equal(png.headers['content-encoding'], undefined);
    assert.equal(png.headers.vary, undefined);
    assert.deepEqual(png.body, PNG);
    // The log holds the bytes as sent and the file's own size.
    const js = server.requests.find((r) => r.url === '/app/app.js');
    assert.equal(js.encoding, 'gzip');
    assert.equal(js.raw, Buffer.byteLength(JS));
    assert.ok(js.bytes < js.raw);
    assert.equal(server.requests.find((r) => r.url === '/app/style.css').encoding, 'gzip (precompressed)');
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('accept-encoding parsing', () => {
  assert.ok(acceptsGzip('gzip, deflate, br, zstd'));
  assert.ok(acceptsGzip('br;q=1.0, gzip;q=0.8'));
  assert.ok(acceptsGzip('*'));
  assert.ok(!acceptsGzip('gzip;q=0'));
  assert.ok(!acceptsGzip('gzip; q=0.000'));
  assert.ok(!acceptsGzip('br, identity'));
  assert.ok(!acceptsGzip(undefined));
  assert.ok(!acceptsGzip(''));
});

test('an unknown compression is refused', async () => {
  await assert.rejects(async () => {
    const server = await serveSites({}, { compress: 'br' });
    await server.close();
  }, /only 'gzip'/);
});
