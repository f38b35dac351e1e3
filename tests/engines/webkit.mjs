// A driver (driver.mjs) for WebKitGTK: Debian's WebKitWebDriver (webkit2gtk-driver)
// starts its MiniBrowser, which needs an X display, so an Xvfb server on a free
// display is started first. The client is a small W3C WebDriver (classic) one over
// fetch: each driver is a session, that is a MiniBrowser of its own, in automation
// mode (an ephemeral profile: nothing is kept between sessions or after the run).
// Page errors are seen through a hook set after each load (classic WebDriver has no
// console events), so an error during the first moments of a load goes unseen.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WAIT_MS } from './driver.mjs';

/** Where Debian's libwebkit2gtk puts MiniBrowser (scripts/setup.sh installs it). */
export const MINIBROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];

/** Starts Xvfb on a display it picks itself; resolves to { display, stop() }. */
async function startXvfb() {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (b) => (stderr += b));
  const display = await new Promise((ok, fail) => {
    let out = '';
    proc.stdio[3].on('data', (b) => {
      out += b;
      if (out.includes('\n')) ok(`:${out.trim()}`);
    });
    proc.on('exit', (code) => fail(new Error(`Xvfb exited (${code}): ${stderr}`)));
    setTimeout(() => fail(new Error(`Xvfb did not start: ${stderr}`)), WAIT_MS);
  });
  return { display, stop: () => stopProcess(proc) };
}

/** Stops a process: SIGTERM, then SIGKILL if it has not exited 5 s later (a hung driver ignores SIGTERM). */
function stopProcess(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const kill = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    proc.once('exit', () => {
      clearTimeout(kill);
      ok();
    });
    proc.kill('SIGTERM');
  });
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/**
 * Starts Xvfb; resolves to { version, newDriver(), close() }. WebKitWebDriver holds one
 * session at a time, so each driver gets a WebKitWebDriver of its own (on its own port,
 * on the shared display): a flow can hold two isolated pages at once.
 */
export async function launchWebKit(driverPath = 'WebKitWebDriver') {
  const binary = MINIBROWSER_PATHS.find((p) => existsSync(p));
  if (!binary) throw new Error(`MiniBrowser not found in ${MINIBROWSER_PATHS.join(', ')}: run scripts/setup.sh test`);
  const xvfb = await startXvfb();
  // A HOME of its own: GTK's and GStreamer's caches (and any real download) land there,
  // and are removed on close.
  const home = await mkdtemp(join(tmpdir(), 'x1060-webkit-'));
  const env = { DISPLAY: xvfb.display, HOME: home };
  const open = new Set();
  const newDriver = async () => {
    const server = await startDriver(driverPath, env);
    let session;
    try {
      session = await Session.start(server.base, binary, server.log);
    } catch (e) {
      await server.stop();
      throw e;
    }
    const end = async () => {
      open.delete(end);
      await session.end().catch(() => {});
      await server.stop();
    };
    open.add(end);
    return driverFor(session, newDriver, end);
  };
  let version;
  try {
    const server = await startDriver(driverPath, env);
    try {
      const probe = await Session.start(server.base, binary, server.log);
      version = probe.capabilities.browserVersion;
      await probe.end();
    } finally {
      await server.stop();
    }
  } catch (e) {
    await xvfb.stop();
    await rm(home, { recursive: true, force: true });
    throw e;
  }
  return {
    version: `MiniBrowser, WebKitGTK ${version}`,
    newDriver,
    async close() {
      for (const end of [...open]) await end();
      await xvfb.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Starts WebKitWebDriver on a free port; resolves once it answers: { base, log(), stop() }. */
async function startDriver(driverPath, env) {
  const port = await freePort();
  const proc = spawn(driverPath, [`--port=${port}`, '--host=local'], {
    // No locale but C.UTF-8 need be installed; LANGUAGE gives navigator.language.
    env: { ...process.env, ...env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LANGUAGE: 'en_GB:en', NO_AT_BRIDGE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  proc.stderr.on('data', (b) => (log = (log + b).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const ready = await fetch(`${base}/status`).then((r) => r.json(), () => null);
    if (ready?.value?.ready) break;
    if (Date.now() > end || proc.exitCode !== null) {
      await stopProcess(proc);
      throw new Error(`WebKitWebDriver did not start: ${log}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return { base, log: () => log, stop: () => stopProcess(proc) };
}

/** One W3C WebDriver session. */
class Session {
  static async start(base, binary, log) {
    const caps = { 'webkitgtk:browserOptions': { binary, args: ['--automation'] } };
    const res = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: caps } }, log);
    const session = new Session(base, res.sessionId, res.capabilities, log);
    await session.cmd('POST', '/timeouts', { implicit: WAIT_MS, script: WAIT_MS, pageLoad: 60_000 });
    await session.cmd('POST', '/window/rect', { width: 1280, height: 900 });
    return session;
  }

  constructor(base, id, capabilities, log) {
    this.base = `${base}/session/${id}`;
    this.capabilities = capabilities;
    this.log = log;
  }

  cmd(method, path, body) {
    return request(this.base, method, path, body, this.log);
  }

  /** The element reference of the first match (the implicit wait waits for one). */
  async find(sel) {
    const ref = await this.cmd('POST', '/element', { using: 'css selector', value: sel });
    return Object.values(ref)[0];
  }

  end() {
    return this.cmd('DELETE', '');
  }
}

/** How long one WebDriver command may take (a page load of the app takes a few seconds) before it fails. */
const COMMAND_MS = 40_000;

async function request(base, method, path, body, log) {
  const started = Date.now();
  trace(`> ${method} ${base}${path} ${body ? JSON.stringify(body).slice(0, 200) : ''}`);
  let res;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json; charset=utf-8' } : {},
      body: body ? JSON.stringify(body) : undefined,
      // A command WebKitWebDriver never answers fails, naming it, instead of hanging the run.
      signal: AbortSignal.timeout(COMMAND_MS),
    });
  } catch (e) {
    const error = new Error(`WebDriver ${method} ${path}: no answer (${e.name === 'TimeoutError' ? `${COMMAND_MS} ms` : e.message})\n${log().slice(-1000)}`);
    // The driver itself stopped answering (seen now and then with WebKitWebDriver,
    // at different commands): engines.test.mjs runs the flow once more.
    error.driverStalled = true;
    throw error;
  }
  trace(`< ${method} ${path} ${res.status} in ${Date.now() - started} ms`);
  const json = await res.json();
  if (json.value?.error) {
    throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}\n${log().slice(-1000)}`);
  }
  return json.value;
}

/** WEBDRIVER_TRACE=file appends each command and its answer time to that file. */
function trace(line) {
  if (process.env.WEBDRIVER_TRACE) appendFileSync(process.env.WEBDRIVER_TRACE, `${new Date().toISOString()} ${line}\n`);
}

/** Problems reported by the page: recorded in page JS after each load (errors before that go unseen). */
function watchProblems() {
  if (window.__engineProblems) return;
  const seen = [];
  window.__engineProblems = seen;
  addEventListener('error', (e) => seen.push(`uncaught: ${e.message}`));
  addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${e.reason}`));
  const error = console.error;
  console.error = (...args) => {
    seen.push(`console error: ${args.join(' ')}`);
    error.apply(console, args);
  };
}

function driverFor(session, fresh, end) {
  const problems = [];
  const evaluate = async (fn, ...args) => {
    // Execute Async Script: the last argument is the callback; a thrown error or a
    // rejected promise comes back as { error }.
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn})(...Array.from(arguments).slice(0, -1)))
        .then((value) => done({ value: value === undefined ? null : value }), (e) => done({ error: String(e && e.stack || e) }));`;
    const out = await session.cmd('POST', '/execute/async', { script, args });
    if (out.error) throw new Error(`in the page: ${out.error}`);
    return out.value;
  };
  const harvest = async () => {
    const seen = await evaluate(() => window.__engineProblems ?? []).catch(() => []);
    problems.push(...seen);
  };
  const loaded = () => evaluate(watchProblems);
  return {
    async goto(url) {
      await harvest();
      await session.cmd('POST', '/url', { url });
      await loaded();
    },
    async reload() {
      await harvest();
      await session.cmd('POST', '/refresh', {});
      await loaded();
    },
    async click(sel) {
      await session.cmd('POST', `/element/${await session.find(sel)}/click`, {});
    },
    async select(sel, value) {
      // Element Click on an <option> selects it and fires input and change, as a person's choice does.
      await session.find(sel);
      await session.cmd('POST', `/element/${await session.find(`${sel} option[value=${JSON.stringify(value)}]`)}/click`, {});
    },
    async fill(sel, text) {
      const el = await session.find(sel);
      await session.cmd('POST', `/element/${el}/clear`, {});
      await session.cmd('POST', `/element/${el}/value`, { text });
    },
    async setFile(sel, paths) {
      // W3C Element Send Keys on a file input: several files are one text, a path a line.
      await session.cmd('POST', `/element/${await session.find(sel)}/value`, { text: [paths].flat().join('\n') });
    },
    evaluate,
    fresh,
    problems: async () => {
      const now = await evaluate(() => window.__engineProblems ?? []).catch(() => []);
      return [...problems, ...now];
    },
    screenshot: async () => Buffer.from(await session.cmd('GET', '/screenshot'), 'base64'),
    close: end,
  };
}
