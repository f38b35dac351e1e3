// Trunk post-build hook: adds a strict Content-Security-Policy to the built
// index.html. Inline scripts (Trunk's loader, whose text is known only after the
// build, and index.html's one line for a page opened as a file) are allowed by their
// SHA-256 hashes; nothing else inline runs.
// No connection may leave the page's origin (connect-src 'self').
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
if (html.includes('http-equiv="Content-Security-Policy"')) process.exit(0);

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
export const POLICY = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`;
html = html.replace(/<head>/, `<head>\n    ${meta}`);
writeFileSync(file, html);
console.log(`csp.mjs: policy added with ${hashes.length} inline script hash(es)`);
