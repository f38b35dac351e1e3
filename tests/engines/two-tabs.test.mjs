// Two tabs of one browser racing over one assessment, in Chromium and Firefox: every
// pair of a snapshot step (take, relabel, delete) in one tab and an edit in the
// other, both orders, 0-5 ms apart, twenty times each. Every step goes through one
// write path (src/storage/queue.rs), so nothing either tab did is lost, the
// assessment always reads whole after a reload, and each tab's snapshot list ends as
// what is stored. ENGINES=firefox limits the engines (WebKit's driver has one window).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from '../e2e/harness.mjs';
import { launchPuppeteerBrowser } from './puppeteer.mjs';

const ENGINES = [
  { name: 'chromium', kind: 'chrome', path: process.env.CHROMIUM ?? '/usr/bin/chromium' },
  { name: 'firefox', kind: 'firefox', path: process.env.FIREFOX ?? '/usr/bin/firefox-esr' },
];
const only = process.env.ENGINES?.split(',').filter(Boolean);
const ROUNDS = Number(process.env.RACE_ROUNDS ?? 20);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * What is stored of the one assessment (its levels, and its snapshots' labels by key
 * and as listed), and whether it holds what is wanted (`want`: service, level,
 * labels); null when not (unless `always`). Runs in the page (self-contained: its CSP allows no eval).
 */
function inspect(want, always) {
  const keys = Object.keys(localStorage);
  const work = keys.find((k) => k.startsWith('x1060.v2.work.'));
  if (!work) return always ? { ok: false, stored: null } : null;
  const id = work.slice('x1060.v2.work.'.length);
  const entry = JSON.parse(localStorage.getItem(work));
  const doc = JSON.parse(entry.document);
  const snapKeys = keys.filter((k) => k.startsWith(`x1060.v2.snap.${id}.`));
  const stored = {
    levels: Object.fromEntries(doc.services.map((s) => [s.id, s.level])),
    labels: snapKeys.map((k) => JSON.parse(localStorage.getItem(k)).label).sort(),
    listed: entry.snapshots.map(String).sort(),
    keyed: snapKeys.map((k) => k.slice(k.lastIndexOf('.') + 1)).sort(),
  };
  const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);
  // The keys hold the snapshots; the list only orders them (a deleted one it still
  // names is skipped), so what is wanted is in the keys.
  const ok = stored.levels[want.service] === want.level && same(stored.labels, want.labels);
  return ok || always ? { ok, stored } : null;
}

/** The labels of the snapshots a tab lists on the evaluation view. */
function shownLabels() {
  return [...document.querySelectorAll('[data-testid="snapshot-item"] input')].map((i) => i.value).sort();
}

/** Sets a `<select>` the way a user's choice does (one change event), at once. */
function choose([testid, value]) {
  const el = document.querySelector(`[data-testid="${testid}"]`);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The snapshot step, at once: `take` a snapshot labelled `label`, `relabel` the one labelled `from`, `delete` the one labelled `from`. */
function snapshotStep([kind, label, from]) {
  if (kind === 'take') {
    const input = document.querySelector('[data-testid="snapshot-new-label"]');
    input.value = label;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('[data-testid="snapshot-take"]').click();
    return;
  }
  const row = [...document.querySelectorAll('[data-testid="snapshot-item"]')].find((r) => r.querySelector('input').value === from);
  if (!row) throw new Error(`no snapshot labelled ${from}`);
  if (kind === 'relabel') {
    const input = row.querySelector('input');
    input.value = label;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    row.querySelector('[data-testid^="snapshot-delete-"]').click();
  }
}

for (const engine of ENGINES.filter((e) => !only || only.includes(e.name))) {
  describe(`two tabs, ${engine.name}`, { timeout: 900_000 }, () => {
    let browser;
    let server;
    before(async () => {
      browser = await launchPuppeteerBrowser(engine.kind, engine.path);
      server = await serveDist();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const step of ['take', 'relabel', 'delete']) {
      test(`a snapshot ${step} racing an edit in another tab loses nothing (${ROUNDS} races each order)`, async () => {
        const context = await browser.browser.createBrowserContext();
        const problems = [];
        const watch = (p) => {
          p.on('pageerror', (e) => problems.push(`pageerror: ${e.message ?? e}`));
          p.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
          p.on('dialog', (d) => d.accept());
          return p;
        };
        // Two tabs, one of them in the background: pages are driven by script (a
        // background tab gets no animation frames, which puppeteer's clicks wait for).
        const a = watch(await context.newPage());
        await a.goto(server.url);
        await a.waitForSelector('[data-testid="new-name"]');
        await a.evaluate((name) => {
          const input = document.querySelector('[data-testid="new-name"]');
          input.value = name;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          document.querySelector('[data-testid="create-assessment"]').click();
        }, `Race ${step}`);
        await a.waitForSelector('[data-testid="delete-assessment"]');
        await a.goto(`${server.url}#/evaluation`);
        await a.waitForSelector('[data-testid="snapshot-take"]');
        await a.evaluate(snapshotStep, ['take', 'kept', null]);
        await a.waitForFunction(() => document.querySelectorAll('[data-testid="snapshot-item"]').length === 1, { polling: 50 });
        const b = watch(await context.newPage());
        await b.goto(`${server.url}#/catalogue`);
        await b.waitForSelector('[data-testid="level-A-1"]');
        const levels = ['basic', 'standard', 'advanced', 'optional'];
        let expectedLabels = ['kept'];
        let relabelFrom = 'kept';
        for (let race = 0; race < 2 * ROUNDS; race++) {
          const aFirst = race < ROUNDS;
          const service = ['A-1', 'B-2', 'C-3', 'D-1', 'E-2', 'F-1', 'G-3', 'H-1', 'I-2'][race % 9];
          const level = levels[race % 4];
          let action;
          if (step === 'take') {
            action = ['take', `taken ${race}`, null];
            expectedLabels = [...expectedLabels, `taken ${race}`];
          } else if (step === 'relabel') {
            action = ['relabel', `relabelled ${race}`, relabelFrom];
            expectedLabels = [`relabelled ${race}`];
            relabelFrom = `relabelled ${race}`;
          } else {
            // A snapshot to delete, taken and settled first.
            await a.evaluate(snapshotStep, ['take', `victim ${race}`, null]);
            await a.waitForFunction((n) => document.querySelectorAll('[data-testid="snapshot-item"]').length === n, { polling: 50 }, 2);
            await a.evaluate(() => navigator.locks.request('x1060-storage', () => {}));
            action = ['delete', null, `victim ${race}`];
          }
          const offset = race % 6;
          const first = aFirst ? () => a.evaluate(snapshotStep, action) : () => b.evaluate(choose, [`level-${service}`, level]);
          const second = aFirst ? () => b.evaluate(choose, [`level-${service}`, level]) : () => a.evaluate(snapshotStep, action);
          await Promise.all([first(), sleep(offset).then(second)]);
          // Settled: a write lost to a tab that had not yet seen it is repaired a
          // moment later, by the tab whose write it was.
          const want = { service, level, labels: [...expectedLabels].sort() };
          const settled = await a
            .waitForFunction(inspect, { timeout: 10_000, polling: 50 }, want, false)
            .then(() => true, () => false);
          const now = (await a.evaluate(inspect, want, true)).stored;
          const label = `${step} race ${race} (${aFirst ? 'snapshot' : 'edit'} first, ${offset} ms)`;
          assert.ok(settled, `${label}: stored ${JSON.stringify(now)}, wanted ${JSON.stringify(want)}`);
          // The tab with the evaluation view lists what is stored.
          await a
            .waitForFunction((w) => JSON.stringify([...document.querySelectorAll('[data-testid="snapshot-item"] input')].map((i) => i.value).sort()) === JSON.stringify(w), { timeout: 5_000, polling: 50 }, want.labels)
            .catch(async () => assert.deepEqual(await a.evaluate(shownLabels), want.labels, `${label}: the list shows what is stored`));
        }
        // Both tabs read the assessment whole after a reload: nothing set aside.
        for (const p of [a, b]) {
          await p.reload();
          await p.waitForSelector('[data-testid="nav-home"]');
        }
        await a.goto(`${server.url}#/home`);
        await a.waitForSelector('[data-testid="assessment-item"]');
        assert.equal(await a.$$eval('[data-testid="unreadable-item"]', (l) => l.length), 0, 'nothing set aside');
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  });
}
