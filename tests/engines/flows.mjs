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
import { readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SAMPLE, readJson } from '../e2e/harness.mjs';
import { CATEGORIES, expectedScores, assertScores, fragmentNeverSent } from '../e2e/expected.mjs';
import { parseCsv, setCell, shiftJis, tempFile, writeCsv } from '../e2e/csv-flow.mjs';
import { byService, disagrees, mergedDoc } from '../e2e/workshop-rules.mjs';
import { decodeHandIn, encodeHandIn } from '../e2e/handin-code.mjs';
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

/**
 * The radar once it has settled: fonts loaded and the same pixels twice, 200 ms
 * apart (right after a load, an engine may draw it again when a font arrives).
 */
async function settledRadar(d) {
  await d.evaluate(() => document.fonts.ready.then(() => true));
  // Settled: the same pixels in three samples 200 ms apart (two were not always enough
  // in WebKit on a loaded machine: a redraw could follow a pause of 200 ms).
  let last = await radarInk(d);
  let same = 0;
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await radarInk(d);
    same = now.hash === last.hash ? same + 1 : 0;
    if (same === 2) return now;
    last = now;
  }
  return last;
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

/** The values the CSV flows edit, as the app's controls show them; ends on the dashboard. */
async function csvShown(d) {
  await d.click(T('nav-catalogue'));
  const levelA2 = await value(d, T('level-A-2'));
  await d.click(T('nav-portfolio'));
  const currentA3 = await value(d, T('current-A-3'));
  const noteA1 = await value(d, T('note-A-1'));
  await d.click(T('nav-dashboard'));
  return { levelA2, currentA3, noteA1, scores: await shownScores(d) };
}

/** Clicks export-csv; resolves to the CSV's records (the BOM checked and taken off). */
async function exportedCsv(d, n) {
  await captureDownloads(d);
  await d.click(T('export-csv'));
  const csv = await download(d, n);
  assert.ok(csv.text.startsWith('\uFEFF'), 'the CSV starts with a BOM');
  return parseCsv(csv.text.slice(1));
}

/** The data-service/data-field of every csv-change row, sorted. */
function csvChanges(d) {
  return d.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => `${e.dataset.service}/${e.dataset.field}`).sort(), T('csv-change'));
}

/** The app's keys in localStorage with their values. */
function stored(d) {
  return d.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('x1060.')).sort().map((k) => [k, localStorage.getItem(k)])));
}

// The CSV round trip's edits (docs/csv.md): a score, a level as the Japanese word,
// a note with a line break and doubled quotes; the file saved as Shift_JIS.
const CSV_NOTE = 'Line one\nsays "hello", then stops';

/** Removes the temporary folders of files made by tempFile (once the page has read them). */
async function removeTemp(paths) {
  for (const p of paths) await rm(dirname(p), { recursive: true, force: true });
}

/** Records the number of files of each change event of the file input `sel` (in __fileChoices). */
function countFileChoices(d, sel) {
  return d.evaluate((s) => {
    window.__fileChoices = [];
    document.addEventListener('change', (e) => e.target.matches(s) && window.__fileChoices.push(e.target.files.length), true);
    return true;
  }, sel);
}

/** A workshop participant's copy: the sample with a round, an assessor and scores of their own. */
function participant(sample, assessor, scores, extra = {}) {
  const doc = structuredClone(sample);
  doc.name = `R1 — ${assessor}`;
  doc.workshop = { round: 'R1', started: '2026-12-01T10:00:00Z', assessor };
  for (const [id, current, target] of scores) Object.assign(doc.services.find((s) => s.id === id), { current, target });
  for (const [id, values] of Object.entries(extra)) Object.assign(doc.services.find((s) => s.id === id), values);
  return doc;
}

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
      assertScores(assert, await shownScores(d), expected);
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
      assertScores(assert, await shownScores(d), expected);
      const before = await settledRadar(d);

      // No wait for the storage step: what is not stored yet is written as the page goes.
      await reloadApp(d);
      assert.equal(await d.evaluate(() => location.hash), '#/dashboard', 'the open view survives');
      assertScores(assert, await shownScores(d), expected);
      assert.equal((await settledRadar(d)).hash, before.hash, 'the same radar after the reload');
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
      assert.equal(
        lines[0],
        '\uFEFFid,category,name_ja,name_en,level,sourcing,provider,current,target,gap,note,evidence_count,evidence_titles',
      );
      const doc = await readJson(SAMPLE);
      assert.equal(lines.length, 1 + 64 + doc.custom_services.length, 'a row per service of the catalogue and of the file');
      assert.match(lines[1], /^A-1,A,リスクマネジメント,Risk management,basic,insource,,4,5,1,/);
      await assertNoProblems(d);
    },
  },
  {
    name: 'CSV round trip: export, edit, save as Shift_JIS, import, preview, apply, the figures follow, undo',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      await importSample(d);
      const sample = await readJson(SAMPLE);
      const before = await csvShown(d);
      assertScores(assert, before.scores, expectedScores(sample));

      const rows = await exportedCsv(d, 1);
      assert.equal(rows.length, 1 + 64 + sample.custom_services.length);
      setCell(rows, 'A-1', 'note', CSV_NOTE);
      setCell(rows, 'A-2', 'level', 'アドバンスド');
      setCell(rows, 'A-3', 'current', '1');
      const bytes = shiftJis(writeCsv(rows));
      assert.ok(bytes.includes(0x0d) && bytes.includes(0x0a), 'CRLF line ends');
      const file = await tempFile('services-sjis.csv', bytes);
      await d.setFile(T('import-csv'), file);

      await waitForCount(d, T('csv-change'), 3);
      assert.deepEqual(await csvChanges(d), ['A-1/note', 'A-2/level', 'A-3/current']);
      assert.match(await text(d, `${T('csv-change')}[data-service="A-2"]`), /Standard[\s\S]*Advanced/, 'old and new level shown');
      assert.equal(await count(d, '[role="alert"]'), 0);

      await d.click(T('csv-apply'));
      await waitForCount(d, T('csv-change'), 0);
      assert.match(await text(d, T('status')), /Applied 3 change\(s\)/);
      await removeTemp([file]);
      await storageSettled(d);
      const edited = structuredClone(sample);
      Object.assign(edited.services.find((s) => s.id === 'A-2'), { level: 'advanced' });
      Object.assign(edited.services.find((s) => s.id === 'A-3'), { current: 1 });
      const want = expectedScores(edited);
      assert.notEqual(want.A.current, expectedScores(sample).A.current, 'the edit moves category A');
      const applied = await csvShown(d);
      assert.equal(applied.levelA2, 'advanced');
      assert.equal(applied.currentA3, '1');
      assert.equal(applied.noteA1, CSV_NOTE);
      assertScores(assert, applied.scores, want);

      await d.click(T('undo'));
      await waitUntil(d, 'the undo', () => /Undid the 3 change\(s\)/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''));
      await storageSettled(d);
      assert.deepEqual(await csvShown(d), before, 'undo sets back what the import changed');
      await reloadApp(d);
      assert.deepEqual(await csvShown(d), before, 'and the undo is stored');
      await assertNoProblems(d);
    },
  },
  {
    name: 'CSV import: a file with an unknown service id is refused naming the row; nothing changes',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      await importSample(d);
      const before = await csvShown(d);
      const rows = await exportedCsv(d, 1);
      await storageSettled(d);
      const kept = await stored(d);
      assert.equal(rows[5][0], 'A-5');
      rows[5][0] = 'Q-99';
      setCell(rows, 'A-3', 'current', '1');
      const file = await tempFile('bad.csv', '\uFEFF' + writeCsv(rows));
      await d.setFile(T('import-csv'), file);
      await waitFor(d, '[role="alert"]');
      await removeTemp([file]);
      assert.match(await text(d, '[role="alert"]'), /Row 6, column A \(id\): no service “Q-99”/);
      assert.equal(await count(d, T('csv-change')), 0, 'no preview');
      await storageSettled(d);
      assert.deepEqual(await stored(d), kept, 'nothing stored changed');
      assert.deepEqual(await csvShown(d), before, 'nothing shown changed');
      await assertNoProblems(d);
    },
  },
  {
    name: 'workshop: three copies imported at once, spread and disagreements, merged by the rules',
    needs: [],
    async run(d, app) {
      const sample = await readJson(SAMPLE);
      const a3 = sample.services.find((s) => s.id === 'A-3').level;
      const docs = [
        participant(sample, 'Ann', [['A-1', 1, 4], ['A-2', 3, 3], ['B-1', 'n/a', 'n/a']], { 'A-3': { level: a3 === 'advanced' ? 'basic' : 'advanced' } }),
        participant(sample, 'Bo', [['A-1', 2, 4], ['A-2', 4, 4], ['B-1', 3, 4]]),
        participant(sample, 'Cy', [['A-1', 4, 5], ['A-2', 3, 4], ['B-1', 2, 3]]),
      ];
      const paths = [];
      for (const doc of docs) paths.push(await tempFile(`${doc.workshop.assessor}.json`, JSON.stringify(doc)));

      await openApp(d, app.url);
      await d.click(T('nav-workshop'));
      await waitFor(d, T('workshop-import'));
      await countFileChoices(d, T('workshop-import'));
      await d.setFile(T('workshop-import'), paths);
      await waitForCount(d, T('workshop-pick'), 3);
      assert.deepEqual(await d.evaluate(() => window.__fileChoices), [3], 'the three files in one choice');
      await removeTemp(paths);
      await waitFor(d, T('workshop-min-current-A'));
      await storageSettled(d);
      assert.deepEqual(await d.evaluate((sel) => [...document.querySelectorAll(sel)].map((b) => b.checked), T('workshop-pick')), [true, true, true]);
      assert.match(await text(d, T('workshop-assessors')), /Ann, Bo, Cy/);

      // The spread of category A and overall: min and max of each copy's means.
      const each = docs.map((doc) => expectedScores(doc));
      for (const c of ['A', 'overall']) {
        const means = each.map((e) => Number(e[c].current));
        assert.equal(await text(d, T(`workshop-min-current-${c}`)), Math.min(...means).toFixed(2), `min current ${c}`);
        assert.equal(await text(d, T(`workshop-max-current-${c}`)), Math.max(...means).toFixed(2), `max current ${c}`);
      }
      // Disagreements: A-1 (1, 2, 4 span 3) and A-3 (two levels), by the rules.
      const expected = [...byService(docs)].filter(([, states]) => disagrees(states)).map(([id]) => id).sort();
      assert.deepEqual(expected, ['A-1', 'A-3']);
      const shown = await d.evaluate((sel) => [...document.querySelectorAll(sel)].map((r) => r.dataset.service).sort(), T('workshop-disagreement'));
      assert.deepEqual(shown, expected);

      await d.click(T('workshop-merge'));
      await waitUntil(d, 'the merge', () => /Merged into the new assessment/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''));
      await storageSettled(d);
      await d.click(T('nav-home'));
      await waitForCount(d, T('assessment-item'), 4);
      assert.match(await text(d, `${T('assessment-item')}[aria-current="true"]`), /R1/, 'the merged result is the active one');
      await d.click(T('nav-dashboard'));
      const want = expectedScores(mergedDoc(docs));
      // A: A-1's proposal 2 (of 1, 2, 4), A-2's 3 (of 3, 4, 3), A-3 basic (two of three), the rest the sample's.
      assert.equal(want.A.current, '2.67', 'A current: 32/12');
      assertScores(assert, await shownScores(d), want);
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
        assert.ok(fragmentNeverSent(app.requests(), link), 'the fragment never reached the server');
        await other.click(T('share-import'));
        await waitFor(other, T('assessment-item'));
        await other.click(T('nav-dashboard'));
        assertScores(assert, await shownScores(other), expectedScores(await readJson(SAMPLE)));
        await assertNoProblems(other);
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'the room: a quick check handed in by its link, and codes pasted; figures, refusals, a reload',
    needs: [],
    async run(d, app) {
      await openApp(d, app.url);
      await d.click(T('quick-start'));
      await d.select(T('quick-current-A'), '2');
      await d.select(T('quick-target-A'), '4');
      await d.click(T('quick-handin'));
      await waitFor(d, T('quick-handin-code'));
      const code = (await text(d, T('quick-handin-code'))).replaceAll('-', '');
      assert.deepEqual(decodeHandIn(code).answers.A, ['', '2', '4']);
      const link = await attribute(d, T('quick-handin-link'), 'href');
      assert.equal(link, `${app.url}#h=${code}`);
      assert.ok((await attribute(d, `${T('quick-handin-qr')} path`, 'd')).length > 100, 'a QR code');

      const room = await d.fresh();
      try {
        await room.goto(link);
        await waitUntil(room, 'one participant', (s) => document.querySelector(s)?.textContent.trim() === '1', T('room-count'));
        assert.equal(await room.evaluate(() => location.hash), '#/room');
        const other = encodeHandIn({ key: 0xabcn, made: 7, answers: { A: ['insource', '4', '5'] } });
        await room.fill(T('room-paste'), `${other} ${other.slice(0, -1)}`);
        await room.click(T('room-add'));
        await waitUntil(room, 'two participants', (s) => document.querySelector(s)?.textContent.trim() === '2', T('room-count'));
        assert.match(await text(room, `${T('room-errors')} li`), /^Line 1: This hand-in is damaged/);
        assert.equal(await text(room, T('room-median-current-A')), '2', 'the lower middle of 2 and 4');
        assert.equal(await attribute(room, T('room-dist-target-A'), 'data-counts'), '0,0,0,1,1,0,0');
        await storageSettled(room);
        await reloadApp(room);
        await room.click(T('nav-room'));
        await waitUntil(room, 'kept', (s) => document.querySelector(s)?.textContent.trim() === '2', T('room-count'));
        await assertNoProblems(room);
      } finally {
        await room.close();
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
      assertScores(assert, await shownScores(d), expectedScores(await readJson(SAMPLE)));
      // A browser may look for a new sw.js on a navigation (it fails, and the old one stays).
      const asked = app.requests().slice(seen).filter((p) => !p.endsWith('/sw.js'));
      assert.deepEqual(asked, [], 'the page, its code and data came from the worker');
      await assertNoProblems(d);
    },
  },
];
