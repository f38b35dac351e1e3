// The facilitator's work in the workshop (issue 20): picks, decisions and rationales
// kept across a reload and a second tab, a damaged stored value set aside with a
// message; own services of two participants with one id told apart (and joined when
// the facilitator says so); thirty files read with the progress shown and no
// comparison of some of them meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, newPage, openApp, storageSettled } from './harness.mjs';

const ctx = useApp();
const PREF = 'x1060.v2.pref.workshop';

/** A participant's copy of round R, with the given services and own services. */
function copy(assessor, services, custom = []) {
  return {
    format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name: `R — ${assessor}`,
    services, custom_services: custom,
    workshop: { round: 'R', started: '2026-01-01T00:00:00Z', assessor },
  };
}

/** Writes documents to files of a new folder; their paths. */
async function files(docs) {
  const dir = await mkdtemp(join(tmpdir(), 'x1060-workshop-work-'));
  const paths = [];
  for (const [i, doc] of docs.entries()) {
    const path = join(dir, `${String(i).padStart(2, '0')}-${doc.workshop.assessor}.json`);
    await writeFile(path, JSON.stringify(doc));
    paths.push(path);
  }
  return paths;
}

async function openWorkshop(page) {
  await page.getByTestId('nav-workshop').click();
  await page.getByTestId('workshop-import').waitFor();
}

const pickOf = (page, assessor) => page.getByTestId('workshop-pick').and(page.getByLabel(`R — ${assessor}`));

test('picks, decisions and rationales survive a reload and a second tab; deleted ones drop out', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await openWorkshop(page);
  const scored = (current) => [{ id: 'A-1', level: 'basic', current }, { id: 'B-1', level: 'basic', current: 2 }];
  await page.getByTestId('workshop-import').setInputFiles(await files([copy('Ann', scored(1)), copy('Bo', scored(3)), copy('Cy', scored(5))]));
  await page.getByTestId('workshop-min-current-A').waitFor();
  await storageSettled(page);
  await pickOf(page, 'Cy').uncheck();
  await page.getByTestId('workshop-assessors').filter({ hasText: 'Assessors: Ann, Bo' }).waitFor();
  // Ann 1, Bo 3: proposed 1; the facilitator makes it 2 and types why (no blur).
  assert.equal(await page.getByTestId('workshop-decide-current-A-1').inputValue(), '1');
  await page.getByTestId('workshop-decide-current-A-1').selectOption('2');
  await page.getByTestId('workshop-rationale-A-1').pressSequentially('Logs partial');
  await page.reload();
  await openWorkshop(page);
  await page.getByTestId('workshop-decide-current-A-1').waitFor();
  assert.equal(await page.getByTestId('workshop-decide-current-A-1').inputValue(), '2');
  assert.equal(await page.getByTestId('workshop-rationale-A-1').inputValue(), 'Logs partial');
  assert.deepEqual(await page.getByTestId('workshop-pick').evaluateAll((b) => b.map((x) => x.checked)), [true, true, false]);
  // Only the field chosen is kept: the level still follows the proposal.
  assert.equal(await page.getByTestId('workshop-decide-level-A-1').inputValue(), 'basic');

  // A second tab sees the same work; both write it, the last change wins, nothing breaks.
  const second = await context.newPage();
  const secondProblems = [];
  second.on('pageerror', (e) => secondProblems.push(e.message));
  await openApp(second, ctx.server.url);
  await openWorkshop(second);
  await second.getByTestId('workshop-rationale-A-1').waitFor();
  assert.equal(await second.getByTestId('workshop-rationale-A-1').inputValue(), 'Logs partial');
  await second.getByTestId('workshop-rationale-A-1').pressSequentially(' (tab 2)');
  await pickOf(page, 'Cy').check();
  await second.reload();
  await openWorkshop(second);
  await second.getByTestId('workshop-rationale-A-1').waitFor();
  assert.equal(await second.getByTestId('workshop-rationale-A-1').inputValue(), 'Logs partial');
  assert.deepEqual(await second.getByTestId('workshop-pick').evaluateAll((b) => b.map((x) => x.checked)), [true, true, true]);
  await second.close();

  // Bo's copy deleted: no longer picked, after a reload too, and not kept as a pick.
  await page.getByTestId('nav-home').click();
  await page.getByTestId('assessment-item').filter({ hasText: 'R — Bo' }).click();
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('delete-assessment').click();
  await page.getByTestId('trash-item').first().waitFor({ state: 'attached' });
  await storageSettled(page);
  await page.reload();
  await openWorkshop(page);
  await page.getByTestId('workshop-assessors').filter({ hasText: 'Assessors: Ann, Cy' }).waitFor();
  await page.getByTestId('workshop-rationale-A-1').pressSequentially('!');
  const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), PREF));
  assert.equal(kept.format, 'x1060-workshop');
  assert.equal(kept.picked.length, 2);
  assert.equal(kept.services['A-1'].rationale, 'Logs partial!');
  assert.equal(kept.services['A-1'].current, 2);
  assert.deepEqual(problems, []);
  assert.deepEqual(secondProblems, []);
  await context.close();
});

test('on a phone the radar shows the categories\' ids, and names them in a key below it', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { phone: true });
  await openApp(page, ctx.server.url);
  await openWorkshop(page);
  const scored = (current) => [{ id: 'A-1', level: 'basic', current }, { id: 'B-1', level: 'basic', current: 2 }];
  await page.getByTestId('workshop-import').setInputFiles(await files([copy('Ann', scored(1)), copy('Bo', scored(3))]));
  await page.getByTestId('workshop-min-current-A').waitFor();
  const key = page.getByTestId('workshop-radar-key');
  await key.waitFor();
  const items = await key.locator('li').allTextContents();
  assert.ok(items.length >= 2, `a name per axis: ${items.join(' | ')}`);
  assert.match(items[0], /^A \S/, 'category A by its id and its name');
  assert.match(items[1], /^B \S/, 'category B by its id and its name');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged or foreign stored workshop is set aside with a message, never a crash', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  const cases = [
    ['{"format":"x1060-workshop","version":1,"services":{"A-1":{"current":9}}}', 'services.A-1.current is not valid'],
    ['{"format":"x1060-workshop","version":1,"picked":', 'it is not JSON'],
    ['{"theme":"dark"}', 'it is not a saved workshop'],
    ['{"format":"x1060-workshop","version":7}', 'it was saved by a newer version of the app (7)'],
  ];
  for (const [value, why] of cases) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [PREF, value]);
    await page.reload();
    await openWorkshop(page);
    const note = page.getByTestId('workshop-restore-problem');
    await note.waitFor();
    assert.equal(
      await note.textContent(),
      `The workshop work kept in this browser (picks, decisions, rationales) could not be read: ${why}. It is left aside; your next change in the workshop replaces it.`,
    );
    assert.ok(await page.getByTestId('workshop-pick-more').isVisible());
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('own services with one id and different names are told apart unless the facilitator says otherwise', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await openWorkshop(page);
  const own = (id, en) => [{ id, category: 'I', name: { en } }];
  // Ann and Bo each added one service to I and both got I-8; Cy has Ann's as I-9.
  const docs = [
    copy('Ann', [{ id: 'I-8', current: 2 }], own('I-8', 'Threat hunting')),
    copy('Bo', [{ id: 'I-8', current: 5 }], own('I-8', 'Purple team')),
    copy('Cy', [{ id: 'I-9', current: 4 }], own('I-9', 'threat  HUNTING')),
  ];
  await page.getByTestId('workshop-import').setInputFiles(await files(docs));
  const clash = page.getByTestId('workshop-clash');
  await clash.waitFor();
  assert.equal(await clash.count(), 1);
  assert.match(
    await clash.textContent(),
    /^Own service I-8: “Ann” has “Threat hunting”, “Bo” has “Purple team”\. Compared as two services; “Bo”'s is I-10 in the comparison and the merge\./,
  );
  assert.match(await page.getByTestId('workshop-notes').textContent(), /“Cy”'s own service I-9 “threat {2}HUNTING” has the name of I-8/);
  // Apart: Ann's and Cy's (2, 4 → 2) as I-8, Bo's 5 alone under the first id no
  // copy uses (I-8 and I-9 are taken), I-10.
  const row = (id) => page.locator(`table.who-said-what tr[data-service="${id}"]`);
  assert.equal(await page.getByTestId('workshop-decide-current-I-8').inputValue(), '2');
  assert.equal(await page.getByTestId('workshop-decide-current-I-10').inputValue(), '5');
  // The facilitator says they are the same: one service, scores pooled (2, 5, 4 → 4).
  await page.getByTestId('workshop-clash-same').check();
  await row('I-10').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('workshop-decide-current-I-8').inputValue(), '4');
  assert.match(await clash.textContent(), /Compared as one service, as you said\./);
  // Apart again, and merged apart.
  await page.getByTestId('workshop-clash-same').uncheck();
  await row('I-10').waitFor();
  await page.getByTestId('workshop-merge').click();
  await page.getByText('Merged into the new assessment').waitFor();
  await storageSettled(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const merged = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(merged.custom_services.map((c) => [c.id, c.name.en]), [['I-8', 'Threat hunting'], ['I-10', 'Purple team']]);
  const current = (id) => merged.services.find((s) => s.id === id)?.current;
  assert.deepEqual([current('I-8'), current('I-10')], [2, 5]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('thirty files at once: the progress is shown and the comparison waits for all of them', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await openWorkshop(page);
  const names = Array.from({ length: 30 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
  const docs = names.map((n, i) => copy(n, [{ id: 'A-1', level: 'basic', current: (i % 5) + 1 }, { id: 'B-2', current: 3 }]));
  const paths = await files(docs);
  // Every state the page goes through while the files are read.
  await page.evaluate(() => {
    window.seen = [];
    const look = () => {
      const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      window.seen.push({ progress: text('workshop-progress'), spread: text('workshop-spread') !== null, assessors: text('workshop-assessors') });
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('workshop-import').setInputFiles(paths);
  await page.getByTestId('workshop-min-current-A').waitFor();
  await page.getByTestId('workshop-progress').waitFor({ state: 'detached' });
  const seen = await page.evaluate(() => window.seen);
  const progress = seen.map((s) => s.progress).filter(Boolean);
  assert.ok(progress.length > 0, 'the progress was shown');
  for (const p of progress) assert.match(p, /^Reading file ([1-9]|[12]\d|30) of 30… The comparison follows once every file is read\.$/);
  const all = `Assessors: ${names.join(', ')}`;
  for (const s of seen.filter((x) => x.spread)) {
    assert.equal(s.progress, null, 'no comparison while files are read');
    assert.equal(s.assessors, all, 'the comparison shown is of every file');
  }
  assert.equal(await page.getByTestId('workshop-assessors').textContent(), all);
  assert.equal(await page.getByTestId('workshop-pick').count(), 30);
  assert.deepEqual(problems, []);
  await context.close();
});
