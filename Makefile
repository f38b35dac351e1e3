# Two commands do everything; each installs what is missing first (scripts/setup.sh).
#   make serve   build the app (release) and serve it on http://127.0.0.1:8080
#   make test    run every test: lint (fmt, clippy), native (cargo test), end-to-end in Chromium,
#                the core flows in all three engines (Chromium, Firefox, WebKit), and checks of
#                the repository (the CI workflow, the release zip)
# Also: make dist (release build into dist/), make release (a versioned zip of dist/ with
# its SHA-256, in target/release-zip/), make bench (figures, issue 6), make screenshots
# (the README's pictures, from the current build).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup setup-test serve dev dist dist-crash release test lint test-native test-e2e test-engines test-repo bench screenshots clean

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

# The release build (scripts/build-dist.sh): std rebuilt for size, and the code of rarely
# opened views split out of the first download (docs/wasm-split.md). `make serve` serves
# that build as a host would; `make dev` is Trunk's live-reloading server for working on
# the app (one wasm, no split, not size-tuned; built into target/dev, so dist/ stays the release).
serve: dist
	node scripts/serve.mjs dist 8080

dev: setup
	trunk serve --dist target/dev --address 127.0.0.1 --port 8080

dist: setup
	scripts/build-dist.sh dist

test: setup-test lint test-native dist dist-crash release test-e2e test-engines test-repo

# The lint gate: formatting (rustfmt, and leptosfmt for the view! macros), and clippy warnings as errors for the native build
# (model, storage, tests) and the web build (everything).
lint:
	cargo fmt --check
	leptosfmt --quiet --check --config-file .leptosfmt.toml src
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown -- -D warnings

# The same app with the `crash-test` feature, for the crash-notice and export-failure tests only.
dist-crash: setup
	FEATURES=crash-test scripts/build-dist.sh target/dist-crash

# target/release-zip/x1060-assess-<version>.zip and its .sha256 (scripts/release.sh).
release: dist
	@scripts/setup.sh release
	scripts/release.sh

test-native:
	cargo test --locked

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# Checks of the repository itself: the CI workflow calls only make targets, and the
# release zip matches its checksum and dist/ (after make release).
test-repo:
	node --test tests/repo/
# The core flows (tests/engines/flows.mjs) in Chromium, Firefox ESR and WebKitGTK
# (MiniBrowser under an Xvfb the suite starts). ENGINES=firefox,webkit picks engines.
test-engines:
	node --test --test-concurrency=1 tests/engines/

# Figures for issues 6 and 21, recorded in docs/BENCHMARKS.md (never asserted): the release
# dist/ against a minimal Leptos page (bench/minimal, its own crate and target dir), on the
# desktop and as a phone on Lighthouse's mobile profile (slow 4G, CPU 4x, gzip-served).
# The baseline is built without the app's rustflags (.cargo/config.toml), so tuning
# the app never moves it: an empty RUSTFLAGS overrides the config's.
bench: setup-test dist
	cd bench/minimal && RUSTFLAGS= trunk build --release --locked
	node bench/run.mjs

# The README's screenshots, from the current release build (scripts/screenshots.mjs).
screenshots: setup-test dist
	node scripts/screenshots.mjs

clean:
	rm -rf dist target node_modules bench/minimal/target bench/minimal/dist fuzz/target
