// The roadmap (#/roadmap): projected means per quarter from the plan's due dates and
// expected scores, the report's roadmap, and plan against reality between snapshots.
// Every figure is worked out by hand in the comments (rules: docs/exchange-format.md,
// "Roadmap").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, newPage, openApp, openView, storageSettled } from './harness.mjs';

const ctx = useApp();

// Calendar quarters of the browser's own date (the app uses the user's day too).
const pad = (n) => String(n).padStart(2, '0');
function quarterOf(date) {
  return { y: date.getFullYear(), q: Math.floor(date.getMonth() / 3) + 1 };
}
const next = ({ y, q }) => (q === 4 ? { y: y + 1, q: 1 } : { y, q: q + 1 });
const label = ({ y, q }) => `${y}-Q${q}`;
function lastDay({ y, q }) {
  const month = q * 3; // 3, 6, 9, 12
  const day = new Date(y, month, 0).getDate();
  return `${y}-${pad(month)}-${pad(day)}`;
}

const q0 = quarterOf(new Date());
const q1 = next(q0);
const q2 = next(q1);

/**
 * Three services of category A in scope, a plan item due at the end of each of the
 * next three quarters (this one included):
 * A-1 2 → 3 (expected) by the end of q0; A-2 1 → 3 (its target) by q1; A-3 2 → 4 by q2.
 * Category A (and overall, nothing else in scope): today (2+1+2)/3 = 1.67;
 * end of q0 (3+1+2)/3 = 2.00; q1 (3+3+2)/3 = 2.67; q2 (3+3+4)/3 = 3.33.
 */
function roadmapDoc() {
  return {
    format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name: 'Roadmap test',
    services: [
      { id: 'A-1', level: 'basic', current: 2, target: 4 },
      { id: 'A-2', level: 'basic', current: 1, target: 3 },
      { id: 'A-3', level: 'basic', current: 2, target: 5 },
    ],
    plan: [
      { id: 'A-1', action: 'Write the playbook', due: lastDay(q0), status: 'open', expected: 3 },
      { id: 'A-2', action: 'Hire an analyst', due: lastDay(q1), status: 'in_progress' },
      { id: 'A-3', action: 'Automate triage', due: lastDay(q2), status: 'open', expected: 4 },
    ],
  };
}

async function importDoc(page, doc, name = 'roadmap.json') {
  await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByTestId('last-export').waitFor();
}

async function meansAt(page, quarter) {
  await page.getByTestId('roadmap-quarter').selectOption(label(quarter));
  return [await page.getByTestId('roadmap-mean-A').textContent(), await page.getByTestId('roadmap-mean-overall').textContent()];
}

test('the roadmap projects the category means quarter by quarter', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, roadmapDoc());
  await openView(page, 'roadmap');
  const options = await page.getByTestId('roadmap-quarter').locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(options, [label(q0), label(q1), label(q2)], 'today’s quarter to the latest due date');
  assert.deepEqual(await meansAt(page, q0), ['2.00', '2.00']);
  assert.deepEqual(await meansAt(page, q1), ['2.67', '2.67']);
  assert.deepEqual(await meansAt(page, q2), ['3.33', '3.33']);
  assert.equal(await page.getByTestId('roadmap-radar').count(), 1);
  // One small radar per quarter; picking one picks the quarter.
  await page.getByTestId(`roadmap-strip-${label(q1)}`).click();
  assert.equal(await page.getByTestId('roadmap-quarter').inputValue(), label(q1));
  assert.equal(await page.getByTestId('roadmap-mean-A').textContent(), '2.67');
  // Each action is listed under the quarter it falls due in.
  assert.equal(await page.getByTestId(`roadmap-due-${label(q2)}`).getByTestId('roadmap-due-item-A-3').count(), 1);
  assert.equal(await page.getByTestId(`roadmap-due-${label(q0)}`).getByTestId('roadmap-due-item-A-3').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('editing an expected score in the plan moves the projection', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, roadmapDoc());
  await openView(page, 'plan');
  assert.equal(await page.getByTestId('plan-expected-A-3').inputValue(), '4');
  assert.equal(await page.getByTestId('plan-expected-A-2').inputValue(), '', 'no expected score: the target');
  // A-3 to 5: end of q2 (3+3+5)/3 = 3.67.
  await page.getByTestId('plan-expected-A-3').selectOption('5');
  await storageSettled(page);
  await page.getByTestId('plan-open-roadmap').click();
  await page.locator('[data-view="roadmap"]').waitFor();
  assert.deepEqual(await meansAt(page, q2), ['3.67', '3.67']);
  // A-1 back to its target 4: end of q0 (4+1+2)/3 = 2.33; end of q2 (4+3+5)/3 = 4.00.
  await openView(page, 'plan');
  await page.getByTestId('plan-expected-A-1').selectOption('');
  await storageSettled(page);
  await openView(page, 'roadmap');
  assert.deepEqual(await meansAt(page, q0), ['2.33', '2.33']);
  assert.deepEqual(await meansAt(page, q2), ['4.00', '4.00']);
  // Stored: a reload shows the same.
  await page.reload();
  await page.locator('[data-view="roadmap"]').waitFor();
  assert.deepEqual(await meansAt(page, q2), ['4.00', '4.00']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the printed report carries the roadmap: today, the next two quarters, the target', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  const doc = roadmapDoc();
  // An overdue action (due last year, not done) is listed as late.
  doc.services.push({ id: 'B-1', level: 'basic', current: 1, target: 2 });
  doc.plan.push({ id: 'B-1', action: 'Buy a sensor', due: `${q0.y - 1}-06-30`, status: 'open' });
  await importDoc(page, doc);
  await openView(page, 'report');
  await page.getByTestId('report-roadmap').waitFor();
  // Category A: today 1.67, end of q0 2.00, end of q1 2.67, target (4+3+5)/3 = 4.00.
  const cells = [];
  for (let i = 0; i < 4; i++) cells.push(await page.getByTestId(`report-roadmap-A-${i}`).textContent());
  assert.deepEqual(cells, ['1.67', '2.00', '2.67', '4.00']);
  // Overall with B-1 (1 → 2, overdue: due before today, so in every projection):
  // today (2+1+2+1)/4 = 1.50; end of q0 (3+1+2+2)/4 = 2.00.
  assert.equal(await page.getByTestId('report-roadmap-overall-0').textContent(), '1.50');
  assert.equal(await page.getByTestId('report-roadmap-overall-1').textContent(), '2.00');
  assert.match(await page.getByTestId('report-roadmap-late').textContent(), /B-1 .*Buy a sensor/);
  const dir = await mkdtemp(join(tmpdir(), 'x1060-roadmap-'));
  await page.emulateMedia({ media: 'print' });
  const pdf = join(dir, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const needle of ['Roadmap', `Endof${label(q0)}`, `Endof${label(q1)}`, 'Overdueactions', 'Buyasensor']) {
    assert.ok(text.includes(needle), `PDF has "${needle}"`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('plan against reality: what an earlier snapshot’s plan projected beside what a later one holds', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  const doc = {
    format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name: 'Reality',
    services: [{ id: 'A-1', level: 'basic', current: 3, target: 4 }],
    snapshots: [
      {
        label: 'January', taken: '2026-01-05T09:00:00+09:00',
        services: [
          { id: 'A-1', level: 'basic', current: 2, target: 4 },
          { id: 'A-2', level: 'basic', current: 1, target: 3 },
          { id: 'B-1', level: 'basic', current: 2, target: 4 },
        ],
        plan: [
          { id: 'A-1', action: 'a', due: '2026-02-15', expected: 3 },
          { id: 'A-2', action: 'b', due: '2026-05-10' },
          { id: 'B-1', action: 'c', due: '2026-03-31', expected: 4 },
        ],
      },
      {
        label: 'April', taken: '2026-04-02T09:00:00Z',
        services: [
          { id: 'A-1', level: 'basic', current: 3, target: 4 },
          { id: 'A-2', level: 'basic', current: 1, target: 3 },
          { id: 'B-1', level: 'basic', current: 2, target: 4 },
        ],
        plan: [],
      },
    ],
  };
  await importDoc(page, doc, 'reality.json');
  await openView(page, 'roadmap');
  // 2026-Q1 ended between them. January's plan projected A-1 3, A-2 1 (due in May),
  // B-1 4: (3+1+4)/3 = 2.67; April holds (3+1+2)/3 = 2.00; B-1 was late.
  await page.getByTestId('roadmap-reality-2026-Q1').waitFor();
  assert.equal(await page.getByTestId('roadmap-reality-projected-2026-Q1').textContent(), '2.67');
  assert.equal(await page.getByTestId('roadmap-reality-held-2026-Q1').textContent(), '2.00');
  assert.match(await page.getByTestId('roadmap-reality-late-2026-Q1').textContent(), /^B-1 /);
  assert.equal(await page.getByTestId('roadmap-reality-2026-Q2').count(), 0, 'April is before the end of Q2');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a snapshot taken in the app keeps the plan, and it survives export and import', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, roadmapDoc());
  await openView(page, 'evaluation');
  await page.getByTestId('snapshot-take').click();
  await storageSettled(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const { readFile } = await import('node:fs/promises');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  const kept = exported.snapshots.at(-1).plan;
  assert.deepEqual(kept.map((p) => [p.id, p.expected ?? null]), [['A-1', 3], ['A-2', null], ['A-3', 4]]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('due dates past the twelfth quarter: the roadmap shows twelve and says so; no dates: it says what to do', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  const doc = roadmapDoc();
  doc.plan[2].due = `${q0.y + 4}-01-15`;
  await importDoc(page, doc);
  await openView(page, 'roadmap');
  const options = await page.getByTestId('roadmap-quarter').locator('option').count();
  assert.equal(options, 12);
  assert.match(await page.getByTestId('roadmap-cut').textContent(), /first 12 quarters/);
  assert.equal(await page.getByTestId('roadmap-no-dates').count(), 0);
  const undated = roadmapDoc();
  for (const item of undated.plan) delete item.due;
  undated.name = 'Undated';
  await openView(page, 'home');
  await importDoc(page, undated, 'undated.json');
  await page.getByTestId('assessment-item').filter({ hasText: 'Undated' }).waitFor();
  await openView(page, 'roadmap');
  await page.getByTestId('roadmap-no-dates').waitFor();
  assert.equal(await page.getByTestId('roadmap-quarter').locator('option').count(), 1, 'today’s quarter alone');
  assert.equal(await page.getByTestId('roadmap-mean-A').textContent(), '1.67', 'nothing due: today’s means');
  assert.deepEqual(problems, []);
  await context.close();
});
