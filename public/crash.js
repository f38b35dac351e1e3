// The crash notice. The release build aborts at once on a panic (docs/wasm-split.md,
// "Panics"): the WebAssembly traps, and the trap reaches the page as a
// WebAssembly.RuntimeError, thrown out of an event handler (window `error`) or out of
// a task or promise (`unhandledrejection`). A trapped instance cannot be trusted to
// run again, so this plain script, which needs none of the app's code, replaces the
// page with the notice of index.html's `#crash-template` (both languages) and makes
// its link download everything the app keeps in this browser (keys starting with
// `x1060.`), so nothing is lost though the app has stopped. Builds whose panics run
// a hook first (make dev) leave the panic's message in `window.x1060PanicMessage`,
// shown as the detail. A same-origin script: the page's CSP allows no inline code.
(function () {
  'use strict';
  var PREFIX = 'x1060.';
  var shown = false;

  function storedData() {
    var data = {};
    try {
      var storage = window.localStorage;
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (key !== null && key.indexOf(PREFIX) === 0) data[key] = storage.getItem(key);
      }
    } catch (e) {
      // Storage switched off: there is nothing stored to offer.
    }
    return JSON.stringify(data, null, 2);
  }

  function show(error) {
    if (shown) return;
    var template = document.getElementById('crash-template');
    if (!template || !document.body) return;
    shown = true;
    var notice = template.content.cloneNode(true);
    document.body.replaceChildren(notice);
    var detail = document.getElementById('crash-detail');
    if (detail) {
      // The error's name and message, then its stack (WebKit's stack leaves them out).
      var text = String(error);
      var stack = error && error.stack ? String(error.stack) : '';
      var trace = stack.indexOf(text) === 0 ? stack : stack ? text + '\n' + stack : text;
      detail.textContent = window.x1060PanicMessage || trace;
    }
    var link = document.getElementById('crash-download');
    if (link) {
      var blob = new Blob([storedData()], { type: 'application/json' });
      link.href = URL.createObjectURL(blob);
      link.download = 'x1060-stored-data.json';
    }
  }

  function isTrap(error) {
    return typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
  }

  window.addEventListener('error', function (event) {
    if (isTrap(event.error)) show(event.error);
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (isTrap(event.reason)) show(event.reason);
  });
  // The loader reports a trap while the app starts (its `init` promise rejects) here.
  window.x1060ShowCrash = show;
})();
