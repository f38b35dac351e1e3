#!/usr/bin/env bash
# Packs the release build (dist/, made by `make dist`) for people who host the app
# without building it: target/release-zip/x1060-assess-<version>.zip, with the
# version from Cargo.toml, and beside it <zip>.sha256 in `sha256sum` format (check
# with `sha256sum -c x1060-assess-<version>.zip.sha256`). The zip holds one folder,
# x1060-assess-<version>/, with the site in it.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(awk -F'"' '/^\[package\]/ { p = 1 } p && /^version *=/ { print $2; exit }' Cargo.toml)
[ -n "$version" ] || { echo "release: no version in Cargo.toml's [package]" >&2; exit 1; }
[ -f dist/index.html ] || { echo "release: dist/ has no index.html; run make dist first" >&2; exit 1; }
command -v zip >/dev/null || { echo "release: zip not found (make setup installs it)" >&2; exit 1; }

name="x1060-assess-$version"
out=target/release-zip
stage="$out/stage"
rm -rf "$stage" "$out/$name.zip" "$out/$name.zip.sha256"
mkdir -p "$stage"
cp -R dist "$stage/$name"
# Same order every time (-X: no extra file attributes).
(cd "$stage" && find "$name" -type f | LC_ALL=C sort | zip -X -q "../$name.zip" -@)
rm -rf "$stage"
(cd "$out" && sha256sum "$name.zip" > "$name.zip.sha256")
echo "release: $out/$name.zip"
cat "$out/$name.zip.sha256"
