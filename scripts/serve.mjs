// `make serve`: serves a built dist/ on http://127.0.0.1:<port>/ as a static host would
// (the same small server the end-to-end tests use, sending the build's precompressed
// gzip copies to browsers that accept them), until Ctrl-C.
//   node scripts/serve.mjs <dist-dir> <port>
import { resolve } from 'node:path';
import { serveSites } from '../tests/e2e/serve.mjs';

const [dir = 'dist', port = '8080'] = process.argv.slice(2);
try {
  const server = await serveSites({ '/': resolve(dir) }, { port: Number(port), compress: 'gzip' });
  console.log(`Serving ${dir}/ on ${server.url('/')} (Ctrl-C stops)`);
} catch (e) {
  console.error(`serve: ${e.message}`);
  process.exit(1);
}
