// The release build's loader script (scripts/boot.js) with its names filled in, as
// it goes inline into index.html (scripts/build-dist.sh). Whole-line comments and
// indentation are dropped: they would only be bytes of the first download.
//
//   node scripts/boot.mjs <js url> <wasm url> <wasm integrity> <wasm size in bytes> <views>
//
// <views>: comma-separated views whose split module (split_<view>.wasm beside the JS)
// the loader may preload.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TEMPLATE = fileURLToPath(new URL('./boot.js', import.meta.url));

/** The loader's text for these files; throws if an argument is missing or malformed. */
export function bootLoader({ js, wasm, integrity, size, views = '' }) {
  if (!/^\.\/[\w./-]+\.js$/.test(js)) throw new Error(`boot.mjs: bad JS path ${js}`);
  if (!/^\.\/[\w./-]+\.wasm$/.test(wasm)) throw new Error(`boot.mjs: bad wasm path ${wasm}`);
  if (!/^sha384-[A-Za-z0-9+/]+=*$/.test(integrity)) throw new Error(`boot.mjs: bad integrity ${integrity}`);
  if (!/^[1-9]\d*$/.test(String(size))) throw new Error(`boot.mjs: bad size ${size}`);
  if (!/^([a-z]+(,[a-z]+)*)?$/.test(views)) throw new Error(`boot.mjs: bad views ${views}`);
  const names = { __JS__: js, __WASM__: wasm, __INTEGRITY__: integrity, __SIZE__: String(size), __VIEWS__: views };
  const text = readFileSync(TEMPLATE, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//'))
    .join('\n')
    .replace(/__(JS|WASM|INTEGRITY|SIZE|VIEWS)__/g, (m) => names[m]);
  if (text.includes('</script')) throw new Error('boot.mjs: the loader may not contain </script');
  return text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [js, wasm, integrity, size, views] = process.argv.slice(2);
  process.stdout.write(bootLoader({ js, wasm, integrity, size, views }));
}
