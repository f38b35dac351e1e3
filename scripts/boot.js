// The release build's loader, inlined into index.html as a module script by
// scripts/build-dist.sh (through scripts/boot.mjs, which fills in the __NAMES__ and
// drops these comment lines). It downloads the app's wasm itself, to show the bytes
// received in the page's shell (index.html #boot), checks the bytes against their
// subresource integrity, starts the app, and announces it (TrunkApplicationStarted,
// on which index.html removes the shell). A failure is named in the shell in both
// languages, with a button to try again.
//
// Why not fetch's `integrity` option: with it, fetch() resolves only once the whole
// body is downloaded and checked, so there is no progress to show. The same SHA-384
// is checked here with SubtleCrypto instead; where there is none (plain http other
// than localhost is not a secure context) the download falls back to fetch's check.
// The wasm's size before compression is written into the page at build time: a host
// that compresses sends no usable Content-Length, and the bytes read are decompressed.
(() => {
  if (location.protocol === 'file:') return;
  const JS = '__JS__';
  const WASM = '__WASM__';
  const SRI = '__INTEGRITY__';
  const SIZE = __SIZE__;
  // The views whose code is a split module that needs no other (scripts/build-dist.sh
  // EVERYDAY): the one this start opens is fetched beside the main module (preload).
  const VIEWS = '__VIEWS__'.split(',');
  // No byte for this long and the download counts as stalled.
  const STALL_MS = 30000;
  const TEXTS = {
    network: ['The app could not be downloaded: the network or the server did not answer.', 'アプリをダウンロードできませんでした。ネットワークまたはサーバーが応答しませんでした。'],
    http: ['The app could not be downloaded: the server answered with HTTP status %d.', 'アプリをダウンロードできませんでした。サーバーの応答は HTTP ステータス %d でした。'],
    integrity: ['The downloaded app is not the file this page expects: its integrity check failed.', 'ダウンロードしたアプリが、このページの想定するファイルと一致しません（完全性の検査に失敗しました）。'],
    stall: ['The download stopped: nothing arrived for 30 seconds.', 'ダウンロードが止まりました。30 秒間、何も届きませんでした。'],
    wasm: ['This browser cannot run WebAssembly, which the app needs.', 'このブラウザでは、このアプリに必要な WebAssembly を実行できません。'],
    start: ['The app stopped with an error while starting.', 'アプリが起動中にエラーで停止しました。'],
  };
  const $ = (id) => document.getElementById(id);
  const boot = $('boot');
  const bar = $('boot-progress');
  const status = $('boot-status');
  const alert = $('boot-error');
  const retry = $('boot-retry');
  const kb = (n) => Math.round(n / 1024) + ' KB';
  const show = (got) => {
    $('boot-bytes').textContent = kb(got) + ' / ' + kb(SIZE);
    if (got) {
      bar.max = SIZE;
      bar.value = Math.min(got, SIZE);
    }
  };
  const fail = (kind, code) => {
    throw Object.assign(new Error(kind), { kind, code });
  };
  // The app's JS module (preloaded with its integrity by the page); imported once: a
  // failed import is remembered by the browser, and an app that failed while starting
  // cannot start again in this page, so then trying again reloads the page.
  let js;
  let reloadOnRetry = false;
  let tries = 0;

  // Compiles the module from its stream while it downloads (the bytes are checked
  // before the module runs: see download). A module that does not compile is a
  // browser that cannot run it.
  function compile(stream) {
    const W = WebAssembly;
    const compiled = W.compileStreaming
      ? W.compileStreaming(new Response(stream, { headers: { 'Content-Type': 'application/wasm' } }))
      : new Response(stream).arrayBuffer().then((b) => W.compile(b));
    return compiled.catch((err) => (err instanceof W.CompileError ? fail('wasm') : Promise.reject(err)));
  }

  // Downloads the module, counting the bytes on one branch of the stream and
  // compiling them on the other; resolves to the compiled module once its bytes
  // match their integrity.
  async function download(signal, arm) {
    const subtle = globalThis.crypto && crypto.subtle;
    const response = await fetch(WASM, subtle ? { signal } : { signal, integrity: SRI });
    if (!response.ok) fail('http', response.status);
    const [toCompile, toCount] = response.body.tee();
    const compiled = compile(toCompile);
    // Awaited below, after the download and its check, which fail first when both do.
    compiled.catch(() => {});
    const reader = toCount.getReader();
    const chunks = [];
    let got = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      if (subtle) chunks.push(value);
      got += value.length;
      show(got);
    }
    if (subtle) {
      const bytes = new Uint8Array(got);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      const digest = new Uint8Array(await subtle.digest('SHA-384', bytes));
      if ('sha384-' + btoa(String.fromCharCode(...digest)) !== SRI) fail('integrity');
    }
    return compiled;
  }

  async function load() {
    tries += 1;
    boot.dataset.state = 'loading';
    delete boot.dataset.failure;
    alert.replaceChildren();
    status.hidden = false;
    retry.hidden = true;
    show(0);
    const abort = new AbortController();
    let stalled = false;
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        abort.abort();
      }, STALL_MS);
    };
    const aborted = new Promise((_, no) => abort.signal.addEventListener('abort', () => no(new Error('stalled'))));
    aborted.catch(() => {});
    let init;
    let module;
    try {
      if (typeof WebAssembly !== 'object') fail('wasm');
      if (!js) {
        js = import(JS);
        js.catch(() => {
          reloadOnRetry = true;
        });
      }
      arm();
      module = await download(abort.signal, arm);
      init = (await Promise.race([js, aborted])).default;
    } catch (err) {
      report(stalled ? 'stall' : err.kind || 'network', err.code);
      return;
    } finally {
      clearTimeout(timer);
    }
    let wasm;
    try {
      wasm = await init({ module_or_path: module });
    } catch (err) {
      // A trap (a panic: the release build aborts at once) is a crash: the crash
      // notice (public/crash.js) replaces the page, the shell with it.
      if (err instanceof WebAssembly.RuntimeError && window.x1060ShowCrash) {
        window.x1060ShowCrash(err);
        return;
      }
      // Compiling, linking or the memory failed: this browser cannot run the module.
      // Anything else happened while the app ran.
      if (boot.isConnected) {
        const W = WebAssembly;
        const cannot = err instanceof W.CompileError || err instanceof W.LinkError || err instanceof RangeError;
        reloadOnRetry = !cannot;
        report(cannot ? 'wasm' : 'start');
      }
      // Still an error of the page, for its handlers and the console.
      throw err;
    }
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  }

  function report(kind, code) {
    boot.dataset.state = 'failed';
    boot.dataset.failure = kind;
    status.hidden = true;
    // The bar stops where the download stopped (an indeterminate bar would still move).
    if (!bar.hasAttribute('value')) bar.value = 0;
    const box = document.createElement('div');
    box.className = 'boot-fail';
    TEXTS[kind].forEach((text, i) => {
      const p = document.createElement('p');
      p.lang = i ? 'ja' : 'en';
      p.textContent = text.replace('%d', code);
      box.append(p);
    });
    alert.replaceChildren(box);
    retry.hidden = false;
    if (tries > 1) retry.focus();
  }

  // The view the app will open (as src/state/view.rs Nav::load picks it): the
  // address's, else the last one used, stored under src/storage/keys.rs's PREF +
  // "view", else Home. A split view's module is preloaded, so that it does not wait for a
  // second round trip after the main module (the handout's QR code opens #/quick).
  function preloadView() {
    let view = (/^#\/([a-z]+)\/?$/.exec(location.hash) || [])[1];
    if (!view) {
      try {
        view = localStorage.getItem('x1060.v2.pref.view');
      } catch {
        view = null;
      }
    }
    // Home is in the main module: no module to preload for it.
    if (!view || !VIEWS.includes(view)) return;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = JS.replace(/[^/]+$/, 'split_' + view + '.wasm');
    document.head.append(link);
  }

  retry.addEventListener('click', () => (reloadOnRetry ? location.reload() : load()));
  preloadView();
  load();
})();
