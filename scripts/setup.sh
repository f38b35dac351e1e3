#!/usr/bin/env bash
# Installs what the build (and, with `test`, the tests) need, when it is missing.
# Idempotent and quick when everything is present. Everything comes from the
# package registries (crates.io, npm, Debian); no prebuilt tool is downloaded.
#
#   scripts/setup.sh build   wasm32 target, Trunk, wasm-bindgen-cli, x1060-wasm-split, wasm-opt,
#                            zopfli (the build's .gz copies, scripts/precompress.mjs)
#   scripts/setup.sh test    the above, plus leptosfmt (make lint), Chromium, chromedriver, a CJK font,
#                            pdftotext (to read the printed report in tests), zip, and for
#                            the cross-engine flows Firefox ESR, WebKitGTK's WebDriver
#                            with its MiniBrowser, and Xvfb (MiniBrowser needs a display)
#   scripts/setup.sh release zip (make release packs dist/ with it)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# x1060-wasm-split: cuts the release wasm at the lazy views' split points (scripts/build-dist.sh).
# It is wasm_split_cli_support from crates.io with one patch, built from tools/wasm-split;
# its version there says when to build it again.
WASM_SPLIT_VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' tools/wasm-split/Cargo.toml | head -1)
BINARYEN_VERSION=132
# leptosfmt: formats the view! macros, which rustfmt leaves alone (make lint checks it).
LEPTOSFMT_VERSION=0.1.33

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: need root to run: $*" >&2; exit 1
  fi
}

need_rust() {
  command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust with rustup first" >&2; exit 1; }
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The lint gate of `make test` (cargo fmt --check, cargo clippy -D warnings).
  local component
  # rust-src: the release build rebuilds the standard library for size (scripts/build-dist.sh).
  for component in rustfmt clippy rust-src; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      say "adding the $component component"
      rustup component add "$component"
    fi
  done
}

need_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION from crates.io (about 9 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

need_wasm_bindgen() {
  local want pinned
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  pinned=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
  if [ -z "$want" ]; then echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; fi
  if [ "$want" != "$pinned" ]; then
    echo "setup: Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has $want; make them equal" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want from crates.io (about 4 minutes)"
    # Not --locked: the crate's own lock names a dependency version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

need_wasm_split() {
  if [ "$(x1060-wasm-split --version 2>/dev/null)" != "wasm-split $WASM_SPLIT_VERSION" ]; then
    say "building x1060-wasm-split ($WASM_SPLIT_VERSION) from tools/wasm-split (about 2 minutes)"
    cargo install --locked --force --path tools/wasm-split --features build-binary
  fi
}

need_leptosfmt() {
  if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
    say "installing leptosfmt $LEPTOSFMT_VERSION from crates.io (about 3 minutes)"
    cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked
  fi
}

need_node_tools() {
  command -v npm >/dev/null || { say "installing Node.js and npm from Debian"; apt_install nodejs npm; }
  # npm ci again whenever package-lock.json changed since the last install.
  if [ "$(node_modules/.bin/wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ] \
     || ! cmp -s package-lock.json node_modules/.installed-lock.json; then
    say "installing npm packages (binaryen $BINARYEN_VERSION for wasm-opt, playwright-core, puppeteer-core, axe-core, yaml, iconv-lite)"
    npm ci --no-audit --no-fund
    cp package-lock.json node_modules/.installed-lock.json
  fi
}

APT_UPDATED=
apt_install() {
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

need_browser() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  # tests/engines/: Firefox over WebDriver BiDi; WebKitWebDriver starts MiniBrowser
  # (from libwebkit2gtk-4.1-0, a dependency) on an Xvfb display.
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing from Debian: ${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

# The release build's gzip copies (scripts/precompress.mjs; without it, zlib -9, a few % larger).
need_zopfli() {
  command -v zopfli >/dev/null || { say "installing zopfli from Debian"; apt_install zopfli; }
}

# `make release` packs dist/ with zip.
need_zip() {
  command -v zip >/dev/null || { say "installing zip from Debian"; apt_install zip; }
}

case "${1:-build}" in
  build) need_rust; need_trunk; need_wasm_bindgen; need_wasm_split; need_node_tools; need_zopfli ;;
  test) need_rust; need_trunk; need_wasm_bindgen; need_wasm_split; need_node_tools; need_zopfli; need_leptosfmt; need_browser; need_zip ;;
  release) need_zip ;;
  *) echo "usage: $0 [build|test|release]" >&2; exit 2 ;;
esac
