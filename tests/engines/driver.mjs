// The one interface the cross-engine flows are written against, and the helpers
// built on it. Each engine module (puppeteer.mjs, webkit.mjs) returns drivers
// with exactly these methods; a flow never reaches past them.
//
// Elements are named by CSS selector (use `T('export-json')` for a data-testid);
// every method acts on the first element that matches, waiting (bounded) until
// one is in the document.
//
// interface Driver {
//   goto(url)                 navigate; resolves once the page has loaded
//   reload()                  reload; resolves once the page has loaded
//   click(sel)                a real click on the element, scrolled into view
//   select(sel, value)        choose the <option value=…> of a <select>, as a person would
//   fill(sel, text)           clear a text field and type into it
//   setFile(sel, paths)       choose files on an <input type="file">, as one choice (one
//                             change event): a path, or an array of paths (several only
//                             on an <input multiple>); paths of files on this machine
//   evaluate(fn, ...args)     run fn(...args) in the page (fn: a function whose source is
//                             sent; args and result: JSON); awaits a returned promise
//   fresh()                   a new driver on an isolated page: no storage, cache or worker
//                             shared with this one
//   problems()                resolves to the errors the page reported so far (console
//                             errors, uncaught exceptions) that this engine lets the driver see
//   screenshot()              resolves to a PNG of the viewport (saved when a flow fails)
//   close()                   close this page (and its isolated context)
// }
//
// Everything else (reading text, waiting, downloads) is built below from these.

export const WAIT_MS = 15_000;

/** The CSS selector of a data-testid hook (docs/test-hooks.md). */
export const T = (id) => `[data-testid="${id}"]`;

/** Polls `fn(...args)` in the page until it returns a truthy value; resolves to it. */
export async function waitUntil(d, what, fn, ...args) {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const value = await d.evaluate(fn, ...args);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Waits until an element matches `sel`. */
export function waitFor(d, sel) {
  return waitUntil(d, sel, (s) => document.querySelector(s) !== null, sel);
}

/** Waits until exactly `n` elements match `sel`. */
export function waitForCount(d, sel, n) {
  return waitUntil(d, `${n} × ${sel}`, (s, k) => document.querySelectorAll(s).length === k, sel, n);
}

/** Opens the app (or any address of it) and waits until it is interactive. */
export async function openApp(d, url) {
  await d.goto(url);
  await waitFor(d, T('nav-home'));
}

/** Reloads and waits until the app is interactive again. */
export async function reloadApp(d) {
  await d.reload();
  await waitFor(d, T('nav-home'));
}

/** The text of the first element matching `sel` (waits for it). */
export async function text(d, sel) {
  await waitFor(d, sel);
  return d.evaluate((s) => document.querySelector(s).textContent, sel);
}

/** The value of the first form field matching `sel` (waits for it). */
export async function value(d, sel) {
  await waitFor(d, sel);
  return d.evaluate((s) => document.querySelector(s).value, sel);
}

export function count(d, sel) {
  return d.evaluate((s) => document.querySelectorAll(s).length, sel);
}

export function attribute(d, sel, name) {
  return d.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, sel, name);
}

/** Waits until the app's queued storage steps are done (they run in order under one Web Lock). */
export function storageSettled(d) {
  return d.evaluate(() => navigator.locks.request('x1060-storage', () => true));
}

/**
 * Captures the page's downloads from now on, in page JS, the same way in every engine:
 * the app saves a file by clicking an `<a download>` made for a blob URL it has just
 * made, or for a `data:` URL (src/browser/files.rs). The hook remembers each blob made,
 * and records the click of a download link with the file's name, type and text (UTF-8,
 * a byte order mark kept) instead of handing it to the browser, so no file is written
 * anywhere. Call again after a navigation.
 */
export function captureDownloads(d) {
  return d.evaluate(() => {
    if (window.__engineDownloads) return true;
    const downloads = [];
    const blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = function (object) {
      const url = create.call(URL, object);
      if (object instanceof Blob) blobs.set(url, object);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (!this.hasAttribute('download')) return click.call(this);
      const record = { name: this.download, type: null, text: null, error: null };
      downloads.push(record);
      const href = this.href;
      const blob = blobs.has(href) ? Promise.resolve(blobs.get(href)) : href.startsWith('data:') ? fetch(href).then((r) => r.blob()) : null;
      if (!blob) record.error = `not a blob or data URL of this page: ${href.slice(0, 40)}`;
      else {
        blob
          .then(async (b) => {
            record.type = b.type;
            record.text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await b.arrayBuffer());
          })
          .catch((e) => (record.error = String(e)));
      }
      return undefined;
    };
    window.__engineDownloads = downloads;
    return true;
  });
}

/** Waits for the n-th download (from 1) captured since captureDownloads; resolves to { name, type, text }. */
export async function download(d, n = 1) {
  const record = await waitUntil(
    d,
    `download ${n}`,
    (k) => {
      const r = window.__engineDownloads?.[k - 1];
      return r && (r.text !== null || r.error !== null) ? r : null;
    },
    n,
  );
  if (record.error) throw new Error(`download ${n} (${record.name}): ${record.error}`);
  return record;
}

/**
 * Resolves to the script URL of the page's activated service worker, or throws
 * after WAIT_MS. Only for engines whose `serviceWorker` feature is true.
 */
export function activeWorker(d) {
  return waitUntil(d, 'an activated service worker', async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.active?.state === 'activated' ? reg.active.scriptURL : null;
  });
}
