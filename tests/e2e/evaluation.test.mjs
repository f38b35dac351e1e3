// Evaluation and management processes: snapshots, comparison with a baseline
// (every delta checked against numbers computed here), trend, and the plan.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, newPage, openApp, storageSnapshot } from './harness.mjs';
import { expectedDeltas, shownDeltas, assertScores } from './expected.mjs';

const ctx = useApp();
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'x1060-e2e-'));
});

const s = (id, level, sourcing, current, target, provider) => ({ id, level, sourcing, current, target, ...(provider ? { provider } : {}) });

// FY2024 is stored after FY2025 on purpose: the default baseline is the newest
// by date, not the last in the file.
const DOC = {
  format: 'x1060-assessment',
  version: 1,
  catalogue: 'x1060-2021',
  name: 'Evaluation E2E',
  organisation: 'Example Corp',
  services: [
    s('A-1', 'basic', 'insource', 4, 5),
    s('A-2', 'standard', 'outsource', 3, 4, 'New MSS'),
    s('A-3', 'advanced', 'insource', 2, 4),
    s('B-1', 'basic', 'insource', 3, 3),
    s('C-1', 'standard', 'outsource', 'n/a', 'n/a'),
    s('D-1', 'basic', 'insource', 1, 4),
    s('G-1', 'optional', 'insource', 2, 2),
  ],
  snapshots: [
    {
      label: 'FY2025',
      taken: '2025-04-01T09:00:00+09:00',
      services: [
        s('A-1', 'basic', 'insource', 3, 5),
        s('A-2', 'standard', 'outsource', 2, 4, 'Old MSS'),
        s('A-3', 'advanced', 'insource', 2, 3),
        s('B-1', 'basic', 'outsource', 2, 3),
        s('C-1', 'standard', 'outsource', 1, 3),
        s('E-1', 'basic', 'insource', 2, 3),
      ],
    },
    {
      label: 'FY2024',
      taken: '2024-04-01T09:00:00Z',
      services: [s('A-1', 'basic', 'insource', 2, 4), s('A-2', 'standard', 'insource', 1, 3), s('B-1', 'basic', 'outsource', 1, 2)],
    },
  ],
};

async function importDoc(page, doc, name = 'eval.json') {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(doc));
  await page.getByTestId('import-input').setInputFiles(path);
  await page.getByTestId('assessment-item').first().waitFor();
}

test('deltas against the newest snapshot by default, then against another baseline', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, DOC);
  await page.getByTestId('nav-evaluation').click();
  assert.equal(await page.getByTestId('baseline-select').inputValue(), 'FY2025', 'newest by date');
  assertScores(assert, await shownDeltas(page), expectedDeltas(DOC.services, DOC.snapshots[0].services));
  const fy25 = expectedDeltas(DOC.services, DOC.snapshots[0].services);
  assert.equal(fy25.A.current, '+0.67');

  await page.getByTestId('baseline-select').selectOption('FY2024');
  assertScores(assert, await shownDeltas(page), expectedDeltas(DOC.services, DOC.snapshots[1].services));

  // Two snapshots compared with each other.
  await page.getByTestId('compare-select').selectOption('FY2025');
  assertScores(assert, await shownDeltas(page), expectedDeltas(DOC.snapshots[0].services, DOC.snapshots[1].services));
  assert.deepEqual(problems, []);
  await context.close();
});

test('catalogue, profile and portfolio evaluations list each kind of change', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, DOC);
  await page.getByTestId('nav-evaluation').click();
  await page.getByTestId('level-change').first().waitFor();
  const levels = (await page.getByTestId('level-change').allTextContents()).join('\n');
  assert.match(levels, /D-1[^\n]*Entered scope/);
  assert.match(levels, /G-1[^\n]*Entered scope/);
  assert.match(levels, /E-1[^\n]*Left scope/);
  const sourcing = (await page.getByTestId('sourcing-change').allTextContents()).join('\n');
  assert.match(sourcing, /B-1[^\n]*Moved[^\n]*Outsourced → In-house/);
  assert.match(sourcing, /A-2[^\n]*Provider changed[^\n]*Old MSS[^\n]*New MSS/);
  const scores = (await page.getByTestId('score-change').allTextContents()).join('\n');
  assert.match(scores, /A-1[^\n]*3 → 4[^\n]*\+1[^\n]*improved/);
  assert.match(scores, /C-1[^\n]*1 → n\/a[^\n]*not comparable/);
  // B-1 improved or unchanged; C-1 not comparable (in scope on both sides).
  assert.match(await page.getByTestId('movement-counts').textContent(), /3 improved · 0 worsened · 1 unchanged · 1 not comparable/);
  const trendRows = await page.getByTestId('trend-table').locator('tbody tr').allTextContents();
  assert.equal(trendRows.length, 3);
  assert.match(trendRows[0], /^FY2024/);
  assert.match(trendRows[2], /^Now/);
  const ink = await page.getByTestId('trend-chart').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
    return n;
  });
  assert.ok(ink > 3000, `trend chart drawn (${ink})`);
  await context.close();
});

test('a snapshot taken after an edit becomes the default baseline; snapshots round-trip', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, DOC);
  await page.getByTestId('nav-portfolio').click();
  await page.getByTestId('current-D-1').selectOption('3');
  await page.getByTestId('nav-evaluation').click();
  await page.getByTestId('snapshot-new-label').fill('After review');
  await page.getByTestId('snapshot-take').click();
  await page.getByTestId('snapshot-item').nth(2).waitFor();
  assert.equal(await page.getByTestId('baseline-select').inputValue(), 'After review');
  for (const c of ['A', 'B', 'D', 'G', 'overall']) {
    assert.equal((await page.getByTestId(`delta-current-${c}`).textContent()).trim(), '0.00', c);
  }
  assert.ok(!/\d/.test(await page.getByTestId('delta-current-E').textContent()), 'no value on either side');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.snapshots.length, 3);
  assert.deepEqual(exported.snapshots.slice(0, 2), DOC.snapshots.map((snap) => ({
    ...snap,
    services: snap.services.map((x) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined))),
  })), 'imported snapshots written back exactly');
  assert.equal(exported.snapshots[2].label, 'After review');
  assert.equal(exported.snapshots[2].services.find((x) => x.id === 'D-1').current, 3);

  await page.getByTestId('nav-home').click();
  await page.getByTestId('import-input').setInputFiles(await download.path());
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  assert.deepEqual(JSON.parse(await readFile(await again.path(), 'utf8')).snapshots, exported.snapshots);
  await context.close();
});

test('deleting a snapshot asks first and can be undone', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, DOC);
  await page.getByTestId('nav-evaluation').click();
  page.once('dialog', (d) => d.accept());
  // Hooks name a snapshot by its id: a file's snapshots are numbered 1, 2, ... in file order.
  await page.getByTestId('snapshot-delete-1').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="snapshot-item"]').length === 1);
  assert.equal(await page.getByTestId('baseline-select').inputValue(), 'FY2024');
  await page.getByTestId('undo').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="snapshot-item"]').length === 2);
  assert.equal(await page.getByTestId('baseline-select').inputValue(), 'FY2025');
  await context.close();
});

test('improvement plan: gaps ranked, items saved, overdue marked, CSV for spreadsheets', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, DOC);
  await page.getByTestId('nav-plan').click();
  await page.getByTestId('plan-table').waitFor();
  const rows = await page.getByTestId('plan-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.testid));
  // Gaps: D-1 +3, A-3 +2 (advanced), A-1 +1 (basic), A-2 +1 (standard).
  assert.deepEqual(rows, ['plan-row-D-1', 'plan-row-A-3', 'plan-row-A-1', 'plan-row-A-2']);
  await page.getByTestId('plan-action-D-1').fill('Write the incident response runbook');
  await page.getByTestId('plan-action-D-1').press('Tab');
  await page.getByTestId('plan-owner-D-1').fill('CSIRT lead');
  await page.getByTestId('plan-owner-D-1').press('Tab');
  await page.getByTestId('plan-due-D-1').fill('2020-01-31');
  await page.getByTestId('plan-due-D-1').press('Tab');
  await page.getByTestId('plan-row-D-1').locator('.tag').waitFor();
  assert.match(await page.getByTestId('plan-row-D-1').textContent(), /Overdue/);
  assert.match(await page.getByTestId('plan-overdue-count').textContent(), /^1 /);
  await page.getByTestId('plan-status-D-1').selectOption('done');
  assert.doesNotMatch(await page.getByTestId('plan-row-D-1').textContent(), /Overdue/);
  await page.getByTestId('plan-status-D-1').selectOption('in_progress');

  await page.reload();
  await page.getByTestId('plan-action-D-1').waitFor();
  assert.equal(await page.getByTestId('plan-action-D-1').inputValue(), 'Write the incident response runbook');
  assert.equal(await page.getByTestId('plan-due-D-1').inputValue(), '2020-01-31');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan-csv').click()]);
  const text = await readFile(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\ufeffid,category,name_ja,name_en,level,current,target,gap,action,owner,due,status,overdue,expected\r\n'));
  assert.match(text, /\r\nD-1,D,[^\r\n]*,basic,1,4,3,Write the incident response runbook,CSIRT lead,2020-01-31,in_progress,yes,\r\n/);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.deepEqual(doc.plan, [{ id: 'D-1', action: 'Write the incident response runbook', owner: 'CSIRT lead', due: '2020-01-31', status: 'in_progress' }]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('services CSV export: BOM, header, one row per service', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, DOC);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  assert.match(csv.suggestedFilename(), /\.csv$/);
  const text = await readFile(await csv.path(), 'utf8');
  const lines = text.split('\r\n');
  assert.equal(
    lines[0],
    '\ufeffid,category,name_ja,name_en,level,sourcing,provider,current,target,gap,note,evidence_count,evidence_titles',
  );
  assert.equal(lines.length, 1 + 64 + 1, 'header, 64 services, and the final CRLF');
  assert.ok(lines.includes('A-2,A,リスクアセスメント,Risk assessment,standard,outsource,New MSS,3,4,1,,0,'));
  const before = await storageSnapshot(page);
  assert.ok(Object.keys(before).length > 0);
  await context.close();
});
