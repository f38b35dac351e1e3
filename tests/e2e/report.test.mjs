// Report view and its print layout, chart downloads as PNG and SVG.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, newPage, openApp, SAMPLE, SAMPLE_JA, readJson } from './harness.mjs';
import { expectedScores } from './expected.mjs';

const ctx = useApp();
let dir;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'x1060-report-'));
});

async function printedText(page, name) {
  await page.emulateMedia({ media: 'print' });
  const pdf = join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  // pdftotext spaces Latin and Japanese runs apart: compare without white space.
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return { text, pages };
}

for (const [lang, locale, expect] of [
  ['en', 'en-GB', { title: 'CDC self-assessment report', overall: 'Overall', compared: 'Compared with the latest snapshot', gaps: 'Largest gaps', roadmap: 'Roadmap', sample: SAMPLE }],
  ['ja', 'ja-JP', { title: 'CDC セルフアセスメント報告', overall: '全体', compared: '最新のスナップショットとの比較', gaps: 'ギャップの大きいサービス', roadmap: 'ロードマップ', sample: SAMPLE_JA }],
]) {
  test(`the report prints to a clean A4 PDF in ${lang}`, async () => {
    const { context, page, problems } = await newPage(ctx.browser, { locale });
    await openApp(page, ctx.server.url);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('nav-report').click();
    await page.getByTestId('report').waitFor();
    // The sample opens in the interface language.
    const sample = await readJson(expect.sample);
    assert.equal(await page.getByTestId('report-organisation').textContent(), sample.organisation);
    const { text, pages } = await printedText(page, `report-${lang}`);
    assert.equal(pages, 2, 'the report on one page, the roadmap on the second');
    const scores = expectedScores(sample);
    const compared = `${expect.compared}: ${sample.snapshots.at(-1).label}`;
    for (const needle of [expect.title, sample.organisation, expect.overall, scores.overall.current, scores.A.current, scores.I.target, compared, expect.gaps, expect.roadmap]) {
      assert.ok(text.includes(needle.replace(/\s+/g, '')), `PDF has "${needle}"`);
    }
    // The app around the report is not printed.
    for (const hidden of ['Download as JSON', 'JSON でダウンロード', 'Print or save as PDF', '印刷・PDF で保存', 'Everything stays in this browser']) {
      assert.ok(!text.includes(hidden.replace(/\s+/g, '')), `PDF leaves out "${hidden}"`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('charts download as PNG and as SVG drawn by the same code', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('nav-dashboard').click();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('radar-categories-png').click()]);
  assert.equal(png.suggestedFilename(), 'x1060-categories.png');
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.ok(bytes.length > 10_000);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('radar-categories-svg').click()]);
  assert.equal(svg.suggestedFilename(), 'x1060-categories.svg');
  const text = await readFile(await svg.path(), 'utf8');
  assert.match(text, /^<svg[\s\S]*<\/svg>\s*$/);
  assert.match(text, /A Strategic management of CDC|Strategic management/);
  assert.match(text, /#1F5FBF/i);
  const file = join(dir, 'chart.svg');
  await writeFile(file, text);
  await context.close();
});
