// Structure (issue 10): views have addresses (back, forward, reload, bookmarks), the
// views of an assessment say when there is none, X.1060 wording is exact (the n/a
// criterion once), the evaluation follows the build order with its review
// questions, and a first visit explains itself in the interface language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, newPage, openApp, SAMPLE_JA, readJson } from './harness.mjs';

const ctx = useApp();

/** The view the page shows: the `nav-*` hook marked as the current page. */
async function currentView(page) {
  return page.locator('nav [aria-current="page"]').getAttribute('data-testid');
}

async function waitForView(page, view) {
  await page.locator(`[data-testid="nav-${view}"][aria-current="page"]`).waitFor();
}

test('back, forward and reload move between views by their addresses', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  assert.match(page.url(), /#\/home$/, 'a visit without an address shows Home at #/home');
  await page.getByTestId('open-sample').click();
  await page.getByTestId('assessment-item').first().waitFor();

  await page.getByTestId('nav-catalogue').click();
  await page.getByTestId('level-A-1').waitFor();
  assert.match(page.url(), /#\/catalogue$/);
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('radar-categories').waitFor();
  assert.match(page.url(), /#\/dashboard$/);

  await page.goBack();
  await waitForView(page, 'catalogue');
  await page.getByTestId('level-A-1').waitFor();
  await page.goBack();
  await waitForView(page, 'home');
  await page.getByTestId('assessment-item').first().waitFor();
  await page.goForward();
  await waitForView(page, 'catalogue');
  assert.match(page.url(), /#\/catalogue$/);

  await page.reload();
  await waitForView(page, 'catalogue');
  await page.getByTestId('level-A-1').waitFor();
  assert.equal(await currentView(page), 'nav-catalogue');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bookmarked or pasted address opens that view', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('assessment-item').first().waitFor();

  // A bookmark: a fresh load of the report's address.
  const other = await context.newPage();
  await other.goto(`${ctx.server.url}#/report`);
  await other.getByTestId('report').waitFor();
  await waitForView(other, 'report');

  // An address typed into a tab already showing the app.
  await other.evaluate(() => { location.hash = '#/portfolio'; });
  await waitForView(other, 'portfolio');
  await other.getByTestId('current-A-1').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a view of an assessment says so when there is none, with a way on', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#/dashboard`);
  const notice = page.getByTestId('needs-assessment');
  await notice.waitFor();
  assert.match(await notice.textContent(), /there is none yet/);
  await notice.getByRole('button').click();
  await waitForView(page, 'home');
  assert.match(page.url(), /#\/home$/);
  await page.getByTestId('create-assessment').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [lang, locale, na, criterion] of [
  ['ja', 'ja-JP', '適用外', 'インソースとしては実施しないと決めた'],
  ['en', 'en-GB', 'not applicable', 'Decided not to perform it in-house'],
]) {
  test(`the portfolio shows the n/a criterion once (${lang})`, async () => {
    const { context, page, problems } = await newPage(ctx.browser, { locale });
    await openApp(page, ctx.server.url);
    await page.getByTestId('new-name').fill('n/a wording');
    await page.getByTestId('create-assessment').click();
    await page.getByTestId('nav-catalogue').click();
    await page.getByTestId('level-A-1').selectOption('basic');
    await page.getByTestId('nav-profile').click();
    await page.getByTestId('sourcing-A-1').selectOption('insource');
    await page.getByTestId('nav-portfolio').click();
    const select = page.getByTestId('current-A-1');
    const option = await select.locator('option[value="n/a"]').textContent();
    assert.ok(option.includes(criterion), option);
    assert.equal(option.split(na).length - 1, 1, `"${na}" once in: ${option}`);
    await select.selectOption('n/a');
    const card = page.getByTestId('score-card-A-1');
    const shown = await card.locator('.criterion').first().textContent();
    assert.equal(shown, criterion, 'the criterion line: the text alone, no "n/a" label added');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [lang, locale, questions] of [
  ['ja', 'ja-JP', [['選んだものは妥当だったか？', '状況の変化に対応しているか？'], ['このままで良いか？', '割り当てを変えるか？'], ['今のスコアはどうなった？', '目標は変わったか？']]],
  ['en', 'en-GB', [['Were the services chosen right?'], ['Is the profile fine as it is?'], ['How have the current scores changed?', 'Have the targets changed?']]],
]) {
  test(`the evaluation follows the build order with its review questions (${lang})`, async () => {
    const { context, page, problems } = await newPage(ctx.browser, { locale });
    await openApp(page, ctx.server.url);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('nav-evaluation').click();
    await page.getByTestId('eval-portfolio').waitFor();
    const sections = ['eval-catalogue', 'eval-profile', 'eval-portfolio'];
    const order = await page.evaluate((ids) => {
      const all = [...document.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid'));
      return all.filter((id) => ids.includes(id));
    }, sections);
    assert.deepEqual(order, sections, 'catalogue, then profile, then portfolio');
    for (const [i, id] of sections.entries()) {
      const text = await page.getByTestId(id).getByTestId('review-questions').textContent();
      for (const q of questions[i]) assert.ok(text.includes(q), `${id} asks "${q}": ${text}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a first visit explains X.1060 and the build steps; the Japanese sample reads in Japanese', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { locale: 'ja-JP' });
  await openApp(page, ctx.server.url);
  const intro = page.getByTestId('intro');
  assert.equal(await intro.evaluate((d) => d.open), true, 'open on a first visit');
  const text = await intro.textContent();
  for (const needle of ['X.1060', 'SOC', 'CSIRT', 'サービスカタログ', 'サービスプロファイル', 'サービスポートフォリオ']) {
    assert.ok(text.includes(needle), `intro mentions ${needle}`);
  }
  assert.equal(await intro.locator('ol li').count(), 3);

  await page.getByTestId('open-sample').click();
  const sample = await readJson(SAMPLE_JA);
  const item = page.getByTestId('assessment-item').first();
  await item.waitFor();
  assert.match(await item.textContent(), new RegExp(sample.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.match(sample.name, /[\u3040-\u30ff\u4e00-\u9fff]/, 'the Japanese sample has a Japanese name');
  await page.reload();
  await page.getByTestId('assessment-item').first().waitFor();
  assert.equal(await page.getByTestId('intro').evaluate((d) => d.open), false, 'folded once there is an assessment');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a share link opened in a tab already showing the app is previewed', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.locator('details.share summary').click();
  await page.getByTestId('share-make').click();
  await page.getByTestId('share-link').waitFor();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await context.newPage();
  await other.goto(`${ctx.server.url}#/dashboard`);
  await waitForView(other, 'dashboard');
  await other.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await other.getByTestId('share-preview').waitFor();
  await waitForView(other, 'home');
  assert.ok(!other.url().includes('share='), 'the link leaves the address');
  assert.deepEqual(problems, []);
  await context.close();
});

test('charts follow the system switch between light and dark while the page is open', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('nav-dashboard').click();
  const radar = page.getByTestId('radar-categories');
  await radar.waitFor();
  const pixels = () => radar.evaluate((c) => c.toDataURL());
  const light = await pixels();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(([el, before]) => el.toDataURL() !== before, [await radar.elementHandle(), light]);
  assert.notEqual(await pixels(), light, 'redrawn in dark colours without a reload');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(([el, before]) => el.toDataURL() === before, [await radar.elementHandle(), light]);
  assert.deepEqual(problems, []);
  await context.close();
});
