// Writes a gzip (`.gz`) and a brotli (`.br`) copy next to every compressible file of
// a build, for hosts that serve precompressed files (README, "Hosting"): nginx's
// gzip_static / brotli_static, Caddy's `precompressed`, Apache with rewrite rules.
// gzip with zopfli where it is installed (scripts/setup.sh installs Debian's), else
// zlib at level 9; brotli at quality 11 (Node's zlib). Run by scripts/build-dist.sh
// after Trunk's build and its post_build hook (sw.js is written by then and leaves
// these copies out of its precache list: scripts/sw.mjs, isPrecompressed).
//
//   node scripts/precompress.mjs <dir>
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Extensions of the files that get compressed copies (text, and wasm). */
export const COMPRESSIBLE = ['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.webmanifest', '.json'];
/** Extensions of the compressed copies. */
export const PRECOMPRESSED = ['.gz', '.br'];

/** Files under dir, as paths relative to it (dot entries left out). */
function walk(dir, sub = '') {
  return readdirSync(join(dir, sub), { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? walk(dir, join(sub, e.name)) : e.isFile() ? [join(sub, e.name)] : []));
}

function hasZopfli() {
  try {
    execFileSync('zopfli', ['-h'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function gzip(file, zopfli) {
  // zopfli writes file.gz itself (and keeps the original).
  if (zopfli) execFileSync('zopfli', ['--gzip', file]);
  else writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
}

function brotli(file) {
  const data = readFileSync(file);
  const text = extname(file) !== '.wasm';
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
    [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  };
  writeFileSync(`${file}.br`, brotliCompressSync(data, { params }));
}

/** Writes the copies for every compressible file under dir (old copies replaced); returns their count and bytes. */
export function precompress(dir) {
  const zopfli = hasZopfli();
  for (const file of walk(dir)) {
    if (PRECOMPRESSED.includes(extname(file))) rmSync(join(dir, file));
  }
  const files = walk(dir).filter((f) => COMPRESSIBLE.includes(extname(f)));
  const sum = { files: files.length, raw: 0, gz: 0, br: 0, zopfli };
  for (const rel of files) {
    const file = join(dir, rel);
    gzip(file, zopfli);
    brotli(file);
    sum.raw += statSync(file).size;
    sum.gz += statSync(`${file}.gz`).size;
    sum.br += statSync(`${file}.br`).size;
  }
  return sum;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/precompress.mjs <dir>');
    process.exit(2);
  }
  const s = precompress(dir);
  console.log(`precompress: ${s.files} files, ${s.raw} bytes: ${s.gz} gzip (${s.zopfli ? 'zopfli' : 'zlib -9'}), ${s.br} brotli`);
}
