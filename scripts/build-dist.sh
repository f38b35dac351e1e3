#!/usr/bin/env bash
# The release build (`make dist`, `make dist-crash`): the app in a folder any static
# host can serve, with the code of rarely opened views (src/split/views.rs) split out
# of the first download and fetched the first time such a view opens.
# docs/wasm-split.md explains the steps; in short, as cargo-leptos's `--split` does:
#   1. cargo builds the wasm with relocations kept (-Clink-args=--emit-relocs) and
#      `--cfg x1060_split` (which turns the split points on), std rebuilt for size;
#   2. x1060-wasm-split (crates.io's `wasm_split_cli_support` with one patch, built from
#      tools/wasm-split by setup.sh) cuts it into the main module, one module per split
#      point (plus chunks shared by several) and the link file __wasm_split.js that
#      fetches them. The code the everyday views share with any other split module
#      stays in the main module (--keep-shared-in-main), so opening one of them fetches
#      one file;
#   3. wasm-bindgen on the main module (--keep-lld-exports: the split modules import
#      the main module's functions by their linker names);
#   4. wasm-opt -Oz on the main module and on every split module;
#   5. all of it goes into one folder named after a hash of its contents (new URLs for
#      every release; the relative names inside stay valid), and Trunk builds the page
#      from index.html with the Rust link replaced by that folder and a loader script.
#      Trunk.toml's post_build hook then adds the CSP and writes sw.js, as always;
#   6. gzip and brotli copies next to the compressible files, for hosts that serve them.
#
#   scripts/build-dist.sh <dist-dir>          FEATURES=crash-test for the test build
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
DIST=${1:?usage: scripts/build-dist.sh <dist-dir>}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
NAME=x1060-assess
WORK=$TARGET/split-work/$(basename "$DIST")

for tool in x1060-wasm-split wasm-bindgen wasm-opt trunk; do
  command -v "$tool" >/dev/null || { echo "build-dist: $tool not found; run scripts/setup.sh build" >&2; exit 1; }
done

# 1. cargo. The standard library is rebuilt for size (about 35 KB gzip less wasm):
# cargo's -Z build-std with std's optimize_for_size feature, panics without file and
# line (-Zlocation-detail=none), and panics that abort at once (-Cpanic=immediate-abort:
# no panic message, no hook, about 10 KB gzip less; the trap reaches public/crash.js,
# which shows the crash notice). These are unstable options of the installed stable
# toolchain, allowed by RUSTC_BOOTSTRAP=1 for this build only; they need the rust-src
# component (setup.sh adds it). These rustflags replace .cargo/config.toml's, so they
# repeat its cfg.
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort --cfg x1060_split -Clink-args=--emit-relocs" \
  cargo build --locked --release --target wasm32-unknown-unknown --bin "$NAME" ${FEATURES:+--features "$FEATURES"}

# 2. split
rm -rf "$WORK"
mkdir -p "$WORK/split" "$WORK/pkg"
# The everyday views split out (src/split/views.rs): quick check, catalogue, profile, portfolio, dashboard.
EVERYDAY=quick,catalogue,profile,portfolio,dashboard
x1060-wasm-split "$TARGET/wasm32-unknown-unknown/release/$NAME.wasm" "$WORK/split" --target web --out-name "$NAME" \
  --keep-shared-in-main "$EVERYDAY"

# 3. wasm-bindgen on the main module
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$WORK/pkg" --out-name "$NAME" "$WORK/split/$NAME.wasm"

# 4. wasm-opt -Oz on each module. Split modules have no target_features section, so the
# features the toolchain enables are named. A function with one caller is inlined only
# up to 1000 bytes (by default wasm-opt inlines them all): large parts of the main
# module stay functions of their own, so start-up compiles what it runs and not the
# rest (browsers compile a wasm function whole when it first runs).
OPT=(-Oz --one-caller-inline-max-function-size 1000
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-multivalue --enable-reference-types)
wasm-opt "${OPT[@]}" "$WORK/pkg/${NAME}_bg.wasm" -o "$WORK/pkg/${NAME}_bg.wasm"
for f in "$WORK/split"/*.wasm; do
  b=$(basename "$f")
  [ "$b" = "$NAME.wasm" ] && continue
  wasm-opt "${OPT[@]}" "$f" -o "$WORK/pkg/$b"
done
cp "$WORK/split"/*.js "$WORK/pkg/"

# 5. a content-named folder, and the page
HASH=$(cd "$WORK/pkg" && find . -type f | sort | xargs sha256sum | sha256sum | cut -c1-16)
PKG="$WORK/pkg-$HASH"
mv "$WORK/pkg" "$PKG"
sri() { node -e 'const c = require("crypto"), fs = require("fs");
  process.stdout.write("sha384-" + c.createHash("sha384").update(fs.readFileSync(process.argv[1])).digest("base64"));' "$1"; }
# Subresource integrity on the main JS and wasm, as Trunk's own loader has. The loader
# (scripts/boot.js) downloads the wasm itself to show its progress in the page's shell
# (index.html #boot), checks its integrity, and announces the start as Trunk's loader
# does (TrunkApplicationStarted); it needs the wasm's size before compression.
WASM_SRI=$(sri "$PKG/${NAME}_bg.wasm")
BOOT=$(node scripts/boot.mjs "./pkg-$HASH/$NAME.js" "./pkg-$HASH/${NAME}_bg.wasm" "$WASM_SRI" "$(stat -c %s "$PKG/${NAME}_bg.wasm")" "$EVERYDAY")
LOADER="<link data-trunk rel=\"copy-dir\" href=\"../pkg-$HASH\" />
    <link rel=\"modulepreload\" href=\"./pkg-$HASH/$NAME.js\" crossorigin=\"anonymous\" integrity=\"$(sri "$PKG/$NAME.js")\" />
    <link rel=\"preload\" href=\"./pkg-$HASH/${NAME}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" integrity=\"$WASM_SRI\" />
    <script type=\"module\">$BOOT</script>"
# The page sits in a folder of its own: with no Rust link, Trunk would build a
# Cargo.toml next to the page. Its data-trunk paths are rewritten to point back here.
PAGE_DIR="$WORK/page"
mkdir -p "$PAGE_DIR"
LOADER="$LOADER" BACK="$(realpath --relative-to="$PAGE_DIR" "$ROOT")" node -e '
  const fs = require("fs");
  let html = fs.readFileSync("index.html", "utf8");
  const re = /<link data-trunk rel="rust"[^>]*\/>/;
  if (!re.test(html)) throw new Error("no Rust link in index.html");
  html = html.replace(/(<(?:link|script) data-trunk[^>]*?\s(?:href|src)=")([^"]+)"/g, (m, a, p) => `${a}${process.env.BACK}/${p}"`);
  fs.writeFileSync(process.argv[1], html.replace(re, () => process.env.LOADER));
' "$PAGE_DIR/index.html"
trunk build "$PAGE_DIR/index.html" --release --dist "$DIST"
rm -rf "$WORK"
# 6. gzip and brotli copies of the text files and the wasm, for hosts that serve
# precompressed files (scripts/precompress.mjs; sw.js does not precache them).
node scripts/precompress.mjs "$DIST"
echo "build-dist: $DIST"
( cd "$DIST" && for f in "pkg-$HASH"/*; do case $f in *.gz|*.br) continue ;; esac; printf '  %-64s %9d raw %9d gzip\n' "$f" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"; done )
