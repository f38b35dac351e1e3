// The X.1060 build process in the browser: catalogue, profile, portfolio and
// dashboard, checked against numbers computed here, across reloads, export and
// import, and in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, newPage, openApp, openSample, openView, SAMPLE, readJson } from './harness.mjs';
import { expectedScores, shownScores, assertScores } from './expected.mjs';

const ctx = useApp();

// Decisions spread over several categories, with n/a, a one-sided score, a
// not-required service holding scores, and an out-of-scope service.
const PLAN = [
  { id: 'A-1', level: 'basic', sourcing: 'insource', current: '3', target: '4' },
  { id: 'A-2', level: 'standard', sourcing: 'insource', current: '2', target: '5' },
  { id: 'A-3', level: 'advanced', sourcing: 'outsource', current: 'n/a', target: 'n/a' },
  { id: 'B-1', level: 'standard', sourcing: 'outsource', current: '2', target: '5' },
  { id: 'B-2', level: 'optional', sourcing: 'insource', current: '1' },
  { id: 'E-6', level: 'advanced', sourcing: 'insource', current: '4', target: '4' },
  { id: 'G-13', level: 'basic', sourcing: 'outsource', current: '5', target: '5' },
  { id: 'I-7', level: 'basic', sourcing: 'insource', current: '1', target: '3' },
];

function planAsDoc(plan) {
  return {
    services: plan.map((p) => ({
      id: p.id,
      level: p.level,
      current: p.current === undefined ? undefined : p.current === 'n/a' ? 'n/a' : Number(p.current),
      target: p.target === undefined ? undefined : p.target === 'n/a' ? 'n/a' : Number(p.target),
    })),
  };
}

async function canvasInk(page, testid) {
  return page.getByTestId(testid).evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const bg = [data[0], data[1], data[2]];
    let ink = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== bg[0] || data[i + 1] !== bg[1] || data[i + 2] !== bg[2]) ink += 1;
      hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) >>> 0;
    }
    return { ink, hash };
  });
}

async function createAssessment(page, name) {
  await page.getByTestId('new-name').fill(name);
  await page.getByTestId('create-assessment').click();
  await page.getByTestId('assessment-item').first().waitFor();
}

async function fillPlan(page, plan) {
  await page.getByTestId('nav-catalogue').click();
  for (const p of plan) await page.getByTestId(`level-${p.id}`).selectOption(p.level);
  await page.getByTestId('nav-profile').click();
  for (const p of plan) await page.getByTestId(`sourcing-${p.id}`).selectOption(p.sourcing);
  await page.getByTestId('provider-B-1').fill('MSS vendor');
  await page.getByTestId('provider-B-1').press('Tab');
  await page.getByTestId('nav-portfolio').click();
  for (const p of plan) {
    if (p.current) await page.getByTestId(`current-${p.id}`).selectOption(p.current);
    if (p.target) await page.getByTestId(`target-${p.id}`).selectOption(p.target);
  }
}

test('walks catalogue, profile and portfolio to a dashboard with exact numbers', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await createAssessment(page, 'E2E build process');
  await fillPlan(page, PLAN);

  // A not-required service keeps its scores out of every mean.
  await page.getByTestId('nav-catalogue').click();
  await page.getByTestId('level-C-1').selectOption('not_required');

  await page.getByTestId('nav-dashboard').click();
  const expected = expectedScores(planAsDoc(PLAN));
  assert.equal(expected.A.current, '2.50');
  assert.equal(expected.overall.current, '2.57');
  assertScores(assert, await shownScores(page), expected);
  const summary = await page.getByTestId('not-assessed-summary').textContent();
  assert.match(summary, /8 services in scope; 1 not yet assessed; 55 without a recommendation level/);

  const before = await canvasInk(page, 'radar-categories');
  assert.ok(before.ink > 5000, `radar drawn (${before.ink} pixels)`);

  // An edit redraws: raise I-7's current score.
  await page.getByTestId('nav-portfolio').click();
  await page.getByTestId('current-I-7').selectOption('3');
  await page.getByTestId('nav-dashboard').click();
  const edited = PLAN.map((p) => (p.id === 'I-7' ? { ...p, current: '3' } : p));
  assertScores(assert, await shownScores(page), expectedScores(planAsDoc(edited)));
  const after = await canvasInk(page, 'radar-categories');
  assert.notEqual(after.hash, before.hash, 'radar redrawn after the edit');
  assert.deepEqual(problems, []);
  await context.close();
});

test('everything survives a reload, including the open view', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await createAssessment(page, 'E2E reload');
  await fillPlan(page, PLAN);
  await page.getByTestId('nav-dashboard').click();
  const shown = await shownScores(page);
  await page.reload();
  await page.getByTestId('score-current-overall').waitFor();
  assert.deepEqual(await shownScores(page), shown);
  await page.getByTestId('nav-portfolio').click();
  for (const p of PLAN) {
    assert.equal(await page.getByTestId(`current-${p.id}`).inputValue(), p.current ?? '');
    assert.equal(await page.getByTestId(`target-${p.id}`).inputValue(), p.target ?? '');
  }
  await page.getByTestId('nav-profile').click();
  assert.equal(await page.getByTestId('provider-B-1').inputValue(), 'MSS vendor');
  assert.equal(await page.getByTestId('sourcing-G-13').inputValue(), 'outsource');
  await context.close();
});

test('export then import gives identical numbers', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await createAssessment(page, 'E2E round trip');
  await fillPlan(page, PLAN);
  await page.getByTestId('nav-dashboard').click();
  const shown = await shownScores(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  assertScores(assert, shown, expectedScores(doc));
  await page.getByTestId('nav-home').click();
  await page.getByTestId('import-input').setInputFiles(await download.path());
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  await page.getByTestId('nav-dashboard').click();
  assert.deepEqual(await shownScores(page), shown);
  await context.close();
});

test('the sample assessment opens as a copy and its dashboard matches the file', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('open-sample').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  await page.getByTestId('nav-dashboard').click();
  assertScores(assert, await shownScores(page), expectedScores(await readJson(SAMPLE)));
  assert.ok((await page.getByTestId('gap-row').count()) > 0, 'largest gaps listed');
  await page.getByTestId('category-select').selectOption('G');
  assert.ok((await canvasInk(page, 'radar-category')).ink > 3000, 'category radar drawn');
  await context.close();
});

test('names, levels and criteria in Japanese and English', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await createAssessment(page, 'E2E languages');
  await page.getByTestId('nav-catalogue').click();
  const row = page.getByTestId('category-A');
  assert.match(await row.textContent(), /Risk management/);
  assert.match(await page.getByTestId('level-A-1').textContent(), /Not required[\s\S]*Basic[\s\S]*Standard[\s\S]*Advanced[\s\S]*Optional/);
  await page.getByTestId('level-A-1').selectOption('basic');
  await page.getByTestId('lang-toggle').click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.match(await row.textContent(), /リスクマネジメント/);
  assert.match(await page.getByTestId('level-A-1').textContent(), /不要[\s\S]*ベーシック[\s\S]*スタンダード[\s\S]*アドバンスド[\s\S]*オプション/);
  assert.equal(await page.getByTestId('level-A-1').inputValue(), 'basic');

  // Criteria follow the sourcing, in the interface language.
  await page.getByTestId('nav-portfolio').click();
  const card = page.getByTestId('score-card-A-1');
  assert.match(await card.textContent(), /先に内製か外部委託かを選んでください/);
  await page.getByTestId('portfolio-sourcing-A-1').selectOption('outsource');
  await page.getByTestId('current-A-1').selectOption('5');
  assert.match(await card.textContent(), /サービス内容と得られる結果を理解でき、想定通り/);
  await page.getByTestId('lang-toggle').click();
  assert.match(await card.textContent(), /The service content and its results are understood, and are as expected/);
  await context.close();
});

test('a whole category at once, and a custom service', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await createAssessment(page, 'E2E bulk and custom');
  await page.getByTestId('nav-catalogue').click();
  await page.getByTestId('bulk-level-G').selectOption('standard');
  await page.getByTestId('bulk-apply-G').click();
  for (let i = 1; i <= 13; i++) assert.equal(await page.getByTestId(`level-G-${i}`).inputValue(), 'standard');
  await page.getByTestId('custom-category').selectOption('I');
  await page.getByTestId('custom-name-en').fill('Supplier security assessment');
  await page.getByTestId('custom-name-ja').fill('委託先のセキュリティ評価');
  await page.getByTestId('custom-add').click();
  await page.getByTestId('level-I-8').selectOption('basic');
  assert.match(await page.getByTestId('category-I').textContent(), /Supplier security assessment/);
  // The organisation's own service is marked as such wherever its row is labelled.
  const ownTag = (page) => page.locator('tr', { has: page.getByTestId(/^(level|sourcing)-I-8$/) }).locator('td .tag');
  assert.equal(await ownTag(page).textContent(), 'own');
  await page.getByTestId('nav-profile').click();
  assert.equal(await ownTag(page).textContent(), 'own');
  await page.getByTestId('nav-portfolio').click();
  await page.getByTestId('portfolio-sourcing-I-8').selectOption('insource');
  await page.getByTestId('current-I-8').selectOption('2');
  await page.getByTestId('target-I-8').selectOption('4');
  await page.getByTestId('nav-dashboard').click();
  assert.equal((await page.getByTestId('score-current-I').textContent()).trim(), '2.00');
  assert.equal((await page.getByTestId('score-target-I').textContent()).trim(), '4.00');
  await page.reload();
  await page.getByTestId('score-current-I').waitFor();
  assert.equal((await page.getByTestId('score-current-I').textContent()).trim(), '2.00');
  await context.close();
});

test('delete asks first and can be undone; duplicate and rename', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await createAssessment(page, 'Keep me');
  await page.getByTestId('active-name').fill('Kept and renamed');
  await page.getByTestId('active-name').press('Tab');
  assert.match(await page.getByTestId('assessment-item').first().textContent(), /Kept and renamed/);
  await page.getByTestId('duplicate-assessment').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  page.once('dialog', (d) => d.dismiss());
  await page.getByTestId('delete-assessment').click();
  assert.equal(await page.getByTestId('assessment-item').count(), 2, 'dismissed: nothing deleted');
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('delete-assessment').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 1);
  await page.getByTestId('undo').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-item"]').length === 2);
  await page.reload();
  await page.getByTestId('assessment-item').first().waitFor();
  const names = await page.getByTestId('assessment-item').allTextContents();
  assert.ok(names.some((n) => /Kept and renamed \(copy\)/.test(n)), names.join(' | '));
  await context.close();
});

// Each text field takes as many characters as the reader accepts there, and no more
// (docs/exchange-format.md): names, labels and owners 200, plan actions 2000, notes 10000.
test('every text field is limited to what the reader accepts', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openSample(page, ctx.server.url);
  const limits = async (selector) => {
    const found = await page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute('maxlength')));
    assert.ok(found.length > 0, `${selector}: none found`);
    return [...new Set(found)];
  };
  const expect = async (view, fields) => {
    if (view) await openView(page, view);
    for (const [selector, max] of fields) assert.deepEqual(await limits(selector), [String(max)], selector);
  };
  await expect(null, [
    ['[data-testid="new-name"], [data-testid="new-organisation"]', 200],
    ['[data-testid="active-name"], [data-testid="active-organisation"]', 200],
  ]);
  await expect('catalogue', [['[data-testid^="custom-name-"]', 200]]);
  await expect('profile', [['input[data-testid^="provider-"]', 200]]);
  await expect('portfolio', [['textarea[data-testid^="note-"]', 10000]]);
  await expect('plan', [
    ['textarea[data-testid^="plan-action-"]', 2000],
    ['input[data-testid^="plan-owner-"]', 200],
  ]);
  await expect('evaluation', [['[data-testid="snapshot-new-label"], input[data-testid^="snapshot-label-"]', 200]]);
  await expect('workshop', [['[data-testid="workshop-round"]', 200]]);
  await context.close();
});
