// The core end-to-end flows, written once against the driver interface
// (driver.mjs) and run in every engine by engines.test.mjs.
//
// To add a flow, append { name, needs, run } to FLOWS:
//   run(d, app)  d: a driver on a fresh page (empty storage); app: { url, requests(),
//                offline() } — the app's URL under its sub-path, the paths the server
//                was asked for, and a switch that takes the server off the network
//                (it then drops every connection unanswered)
//   needs        engine features the flow requires (see engines.mjs); in an engine
//                without one the flow is skipped, saying which feature is missing
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { SAMPLE, readJson } from '../e2e/harness.mjs';
import { CATEGORIES, expectedScores } from '../e2e/expected.mjs';
import {
  T,
  activeWorker,
  attribute,
  captureDownloads,
  count,
  download,
  openApp,
  reloadApp,
  storageSettled,
  text,
  value,
  waitFor,
  waitForCount,
  waitUntil,
} from './driver.mjs';

/** Reads every score-current-{C} / score-target-{C} cell of the open dashboard. */
async function shownScores(d) {
  await waitFor(d, T('score-current-overall'));
  return d.evaluate((cats) => {
    const read = (id) => document.querySelector(`[data-testid="${id}"]`).textContent.trim();
    return Object.fromEntries(cats.map((c) => [c, { current: read(`score-current-${c}`), target: read(`score-target-${c}`) }]));
  }, [...CATEGORIES, 'overall']);
}

/** Asserts shown numbers equal expected ones; a missing value must be non-numeric. */
function assertScores(shown, expected) {
  for (const c of [...CATEGORIES, 'overall']) {
    for (const which of ['current', 'target']) {
      const want = expected[c][which];
      const got = shown[c][which];
      if (want === null) assert.ok(!/\d/.test(got), `${which} ${c}: expected no value, got ${got}`);
      else assert.equal(got, want, `${which} ${c}`);
    }
  }
}

/** Pixels of the radar canvas that differ from its corner, and a hash of them. */
function radarInk(d) {
  return d.evaluate((sel) => {
    const canvas = document.querySelector(sel);
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) ink += 1;
      hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13 + data[i + 3] * 17) >>> 0;
    }
    return { ink, hash, width: canvas.width };
  }, T('radar-categories'));
}

async function importSample(d) {
  await d.setFile(T('import-input'), SAMPLE);
  await waitFor(d, T('assessment-item'));
  await storageSettled(d);
}

async function assertNoProblems(d) {
  assert.deepEqual(await d.problems(), [], 'the page reported no errors');
}

// An assessment made in the interface, and the numbers its dashboard must show
// (docs/exchange-format.md, computed in tests/e2e/expected.mjs): A current (3+2)/2,
// target (5+4)/2; B-1's n/a current leaves B without a current mean; C-1 is not
// required, so it is neither profiled nor scored.
const EDITS = [
  { id: 'A-1', level: 'basic', sourcing: 'insource', current: '3', target: '5' },
  { id: 'A-2', level: 'standard', sourcing: 'outsource', current: '2', target: '4' },
  { id: 'B-1', level: 'advanced', sourcing: 'insource', current: 'n/a', target: '4' },
  { id: 'C-1', level: 'not_required' },
];
const score = (v) => (v === undefined ? undefined : v === 'n/a' ? 'n/a' : Number(v));
const SCORED = EDITS.filter((e) => e.sourcing);
const NOTE = 'Outsourced; SLA reviewed — 委託先と年次で見直し';
const EDITED = { services: EDITS.map((e) => ({ ...e, current: score(e.current), target: score(e.target) })) };

export const FLOWS = [
  {
    name: 'boots from a sub-path in English with nothing stored',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      assert.equal(await attribute(d, 'html', 'lang'), 'en', 'first visit follows the browser language (en-GB)');
      assert.match(await text(d, 'h1'), /X\.1060/);
      assert.equal(await count(d, T('assessment-item')), 0);
      const loaded = app.requests();
      assert.ok(loaded.some((p) => p.endsWith('_bg.wasm')), `the wasm was loaded: ${loaded.join(', ')}`);
      await assertNoProblems(d);
    },
  },
  {
    name: 'imports the sample: listed, active, and the dashboard shows its exact figures',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      await importSample(d);
      assert.equal(await count(d, T('assessment-item')), 1);
      assert.match(await text(d, T('assessment-item')), /Sample: Sakura Logistics CDC FY2026/);
      assert.equal(await attribute(d, T('assessment-item'), 'aria-current'), 'true');
      assert.equal(await count(d, '[role="alert"]'), 0);
      await d.click(T('nav-dashboard'));
      const expected = expectedScores(await readJson(SAMPLE));
      assertScores(await shownScores(d), expected);
      await waitFor(d, T('radar-categories'));
      const radar = await radarInk(d);
      assert.ok(radar.ink > 2000, `the radar is drawn (${radar.ink} pixels of ${radar.width} wide)`);
      await assertNoProblems(d);
    },
  },
  {
    name: 'edits levels, sourcing, scores and a note; the dashboard follows, and a reload at once keeps it all',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      await d.fill(T('new-name'), 'Engines edit');
      await d.click(T('create-assessment'));
      await waitFor(d, T('assessment-item'));
      await d.click(T('nav-catalogue'));
      for (const e of EDITS) await d.select(T(`level-${e.id}`), e.level);
      await d.click(T('nav-profile'));
      for (const e of SCORED) await d.select(T(`sourcing-${e.id}`), e.sourcing);
      await d.click(T('nav-portfolio'));
      for (const e of SCORED) {
        await d.select(T(`current-${e.id}`), e.current);
        await d.select(T(`target-${e.id}`), e.target);
      }
      await d.fill(T('note-A-2'), NOTE);
      await d.click(T('nav-dashboard'));
      const expected = expectedScores(EDITED);
      assert.equal(expected.A.current, '2.50');
      assert.equal(expected.overall.target, '4.33');
      assertScores(await shownScores(d), expected);
      const before = await radarInk(d);

      // No wait for the storage step: what is not stored yet is written as the page goes.
      await reloadApp(d);
      assert.equal(await d.evaluate(() => location.hash), '#/dashboard', 'the open view survives');
      assertScores(await shownScores(d), expected);
      assert.equal((await radarInk(d)).hash, before.hash, 'the same radar after the reload');
      await d.click(T('nav-portfolio'));
      for (const e of SCORED) assert.equal(await value(d, T(`current-${e.id}`)), e.current, `current-${e.id}`);
      assert.equal(await value(d, T('note-A-2')), NOTE);
      await assertNoProblems(d);
    },
  },
  {
    name: 'exports the active assessment as the same format v1 file, and as CSV with a BOM',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      await importSample(d);
      await captureDownloads(d);
      await d.click(T('export-json'));
      const json = await download(d, 1);
      assert.equal(json.name, 'Sample-Sakura-Logistics-CDC-FY2026.json');
      assert.match(json.type, /^application\/json/);
      assert.deepEqual(JSON.parse(json.text), JSON.parse(await readFile(SAMPLE, 'utf8')), 'the sample is in canonical form');

      await d.click(T('export-csv'));
      const csv = await download(d, 2);
      assert.equal(csv.name, 'Sample-Sakura-Logistics-CDC-FY2026.csv');
      const lines = csv.text.split(/\r?\n/).filter(Boolean);
      assert.equal(lines[0], '\uFEFFid,category,name_ja,name_en,level,sourcing,provider,current,target,gap,note');
      const doc = await readJson(SAMPLE);
      assert.equal(lines.length, 1 + 64 + doc.custom_services.length, 'a row per service of the catalogue and of the file');
      assert.match(lines[1], /^A-1,A,リスクマネジメント,Risk management,basic,insource,,3,3,0,/);
      await assertNoProblems(d);
    },
  },
  {
    name: 'switches the language; <html lang> follows and a reload keeps it',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      await d.click(T('lang-toggle'));
      await waitUntil(d, 'lang ja', () => document.documentElement.lang === 'ja');
      assert.match(await text(d, 'h1'), /セルフアセスメント/);
      await storageSettled(d);
      await reloadApp(d);
      assert.equal(await attribute(d, 'html', 'lang'), 'ja');
      assert.match(await text(d, T('nav-dashboard')), /[\u3040-\u30ff\u4e00-\u9fff]/, 'navigation in Japanese');
      await d.click(T('lang-toggle'));
      await waitUntil(d, 'lang en', () => document.documentElement.lang === 'en');
      assert.match(await text(d, 'h1'), /Self-assessment|X\.1060/);
      await assertNoProblems(d);
    },
  },
  {
    name: 'a share link opens on a fresh page as a preview, and imports when asked',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      await d.click(T('open-sample'));
      await waitFor(d, T('assessment-item'));
      await d.click('details.share summary');
      await d.click(T('share-make'));
      await waitFor(d, T('share-link'));
      const link = await value(d, T('share-link'));
      assert.ok(link.startsWith(`${app.url}#share=v1.`), link.slice(0, 80));

      const other = await d.fresh();
      try {
        await other.goto(link);
        await waitFor(other, T('share-preview'));
        assert.match(await text(other, T('share-summary')), /Sample: Sakura Logistics CDC FY2026/);
        assert.equal(await count(other, T('assessment-item')), 0, 'nothing imported before confirming');
        assert.ok(app.requests().every((p) => !p.includes('share')), 'the fragment never reached the server');
        await other.click(T('share-import'));
        await waitFor(other, T('assessment-item'));
        await other.click(T('nav-dashboard'));
        assertScores(await shownScores(other), expectedScores(await readJson(SAMPLE)));
        await assertNoProblems(other);
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'offline: a reload with the server gone starts from the service worker with the data',
    needs: ['serviceWorker'],
    async run(d, app) {
      await openApp(d, app.url);
      assert.equal(await activeWorker(d), `${app.url}sw.js`);
      await importSample(d);
      await reloadApp(d);
      await waitUntil(d, 'the worker controls the page', () => navigator.serviceWorker.controller !== null);

      const seen = app.requests().length;
      app.offline();
      await reloadApp(d);
      await waitForCount(d, T('assessment-item'), 1);
      assert.match(await text(d, T('assessment-item')), /Sample: Sakura Logistics CDC FY2026/);
      await d.click(T('nav-dashboard'));
      assertScores(await shownScores(d), expectedScores(await readJson(SAMPLE)));
      // A browser may look for a new sw.js on a navigation (it fails, and the old one stays).
      const asked = app.requests().slice(seen).filter((p) => !p.endsWith('/sw.js'));
      assert.deepEqual(asked, [], 'the page, its code and data came from the worker');
      await assertNoProblems(d);
    },
  },
];
