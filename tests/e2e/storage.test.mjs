// Nothing lost (issue 11): storage layout 2 and its migration from layout 1, two
// tabs writing at the same moment, a delete racing an edit, text kept as it is
// typed, damaged trash entries, names of invisible characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, newPage, openApp, storageSnapshot, storageSettled, fillStorage, SAMPLE, readJson } from './harness.mjs';

const ctx = useApp();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Writes localStorage of the app's origin before the app runs (from a file of the same origin). */
async function seed(page, entries) {
  await page.goto(`${ctx.server.url}icon.svg`);
  await page.evaluate((e) => {
    for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v);
  }, entries);
  // The browser's own request for a favicon of that page, answered 404, is over.
  await page.waitForLoadState('networkidle');
}

/** What a release before storage layout 2 left: the sample and a small one. */
async function layout1() {
  const sample = await readJson(SAMPLE);
  const small = { format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name: 'Small one', services: [{ id: 'A-1', level: 'basic' }] };
  return {
    sample,
    entries: {
      'x1060.v1.assessment.a1': JSON.stringify(sample),
      'x1060.v1.assessment.a2': JSON.stringify(small),
      'x1060.v1.index': JSON.stringify(['a1', 'a2']),
      'x1060.v1.active': 'a1',
      'x1060.v1.pref.lang': 'en',
    },
  };
}

async function listed(page) {
  return page.getByTestId('assessment-item').allTextContents();
}

test('storage layout 1 moves to layout 2 at the first start, nothing lost', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  const { sample, entries } = await layout1();
  await seed(page, entries);
  problems.length = 0; // the seeding page's own requests (a favicon) are not the app's
  await openApp(page, ctx.server.url);
  await page.getByTestId('assessment-item').nth(1).waitFor();
  const names = await listed(page);
  assert.match(names[0], new RegExp(sample.name));
  assert.match(names[1], /Small one/);
  assert.equal(await page.getByTestId('assessment-item').first().getAttribute('aria-current'), 'true', 'still active');
  const stored = await storageSnapshot(page);
  assert.deepEqual(Object.keys(stored).filter((k) => k.startsWith('x1060.v1.')), [], 'layout 1 emptied');
  assert.ok(stored['x1060.v2.work.a1'] && stored['x1060.v2.work.a2'], 'ids kept');
  assert.equal(Object.keys(stored).filter((k) => k.startsWith('x1060.v2.snap.a1.')).length, sample.snapshots.length);
  await page.getByTestId('nav-evaluation').click();
  await page.getByTestId('snapshot-item').first().waitFor();
  assert.equal(await page.getByTestId('snapshot-item').count(), sample.snapshots.length, 'snapshots kept');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the move from layout 1 keeps the language and the last view', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  const { entries } = await layout1();
  await seed(page, { ...entries, 'x1060.v1.pref.lang': 'ja', 'x1060.v1.pref.view': 'dashboard' });
  problems.length = 0;
  await openApp(page, ctx.server.url);
  await page.getByTestId('score-current-A').waitFor();
  assert.match(page.url(), /#\/dashboard$/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  const stored = await storageSnapshot(page);
  assert.equal(stored['x1060.v2.pref.view'], 'dashboard');
  assert.equal(stored['x1060.v2.pref.lang'], 'ja');
  assert.deepEqual(problems, []);
  await context.close();
});

test('storage full half way: the rest stays readable where it was, and the app says so', async () => {
  const { context, page } = await newPage(ctx.browser);
  const { sample, entries } = await layout1();
  await seed(page, entries);
  // Fill the origin's quota with other data, down to the last bytes.
  await fillStorage(page);
  await openApp(page, ctx.server.url);
  const alert = page.locator('[role="alert"]').first();
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be moved[\s\S]*storage is full[\s\S]*intact and readable/);
  await page.getByTestId('assessment-item').nth(1).waitFor();
  assert.match((await listed(page)).join(' | '), new RegExp(`${sample.name}[\\s\\S]*Small one`));
  const stored = await storageSnapshot(page);
  assert.ok(stored['x1060.v1.assessment.a1'], 'the old data stays');
  // Readable: the dashboard of the one left where it was.
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('radar-categories').waitFor();
  // Space freed: the next start moves it.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junk-') || /^j\d+$/.test(k)).forEach((k) => localStorage.removeItem(k)));
  await page.reload();
  await page.getByTestId('nav-home').click();
  await page.getByTestId('assessment-item').nth(1).waitFor();
  const after = await storageSnapshot(page);
  assert.deepEqual(Object.keys(after).filter((k) => k.startsWith('x1060.v1.assessment.')), []);
  assert.ok(after['x1060.v2.work.a1']);
  await context.close();
});

test('two tabs starting at once on layout 1 data end with one copy of each', async () => {
  const { context, page } = await newPage(ctx.browser);
  const { entries } = await layout1();
  await seed(page, entries);
  const other = await context.newPage();
  await Promise.all([page.goto(ctx.server.url), other.goto(ctx.server.url)]);
  for (const p of [page, other]) {
    await p.getByTestId('assessment-item').nth(1).waitFor();
    assert.equal(await p.getByTestId('assessment-item').count(), 2);
  }
  const stored = await storageSnapshot(page);
  assert.deepEqual(Object.keys(stored).filter((k) => k.startsWith('x1060.v2.work.')).sort(), ['x1060.v2.work.a1', 'x1060.v2.work.a2']);
  assert.deepEqual(JSON.parse(stored['x1060.v2.index']).map((l) => l.id), ['a1', 'a2']);
  await context.close();
});

/** Sets a `<select>` hook's value as a user would, from inside the page (no waiting). */
function pick(page, testid, value) {
  return page.evaluate(([id, v]) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, [testid, value]);
}

/** The stored working document of the only assessment. */
async function storedDoc(page) {
  const stored = await storageSnapshot(page);
  const key = Object.keys(stored).find((k) => k.startsWith('x1060.v2.work.'));
  return JSON.parse(JSON.parse(stored[key]).document);
}

test('two tabs editing different services at the same moment keep both edits (20 races, 0-5 ms apart)', async () => {
  const { context, page: a } = await newPage(ctx.browser);
  await openApp(a, ctx.server.url);
  await a.getByTestId('new-name').fill('Race');
  await a.getByTestId('create-assessment').click();
  await a.getByTestId('nav-catalogue').click();
  await a.getByTestId('level-A-1').waitFor();
  const b = await context.newPage();
  await b.goto(`${ctx.server.url}#/catalogue`);
  await b.getByTestId('level-A-1').waitFor();
  const levels = ['basic', 'standard', 'advanced', 'optional'];
  const expected = {};
  for (let round = 0; round < 20; round++) {
    const level = levels[round % 4];
    const [sa, sb] = [`A-${(round % 13) + 1}`, `G-${(round % 13) + 1}`];
    expected[sa] = level;
    expected[sb] = level;
    const offset = round % 6;
    await Promise.all([pick(a, `level-${sa}`, level), sleep(offset).then(() => pick(b, `level-${sb}`, level))]);
  }
  // Both tabs settle on the same state, which holds every edit. (Another tab sees a
  // write a moment later, so a lost write is repaired shortly after: wait for it.)
  await a.waitForFunction((want) => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('x1060.v2.work.'));
    const doc = JSON.parse(JSON.parse(localStorage.getItem(key)).document);
    const level = (id) => doc.services.find((s) => s.id === id)?.level;
    return Object.entries(want).every(([id, l]) => level(id) === l);
  }, expected, { timeout: 15_000 }).catch(() => {});
  await storageSettled(a);
  const doc = await storedDoc(a);
  const levelOf = (id) => doc.services.find((s) => s.id === id)?.level;
  for (const [id, level] of Object.entries(expected)) assert.equal(levelOf(id), level, `${id} kept`);
  for (const p of [a, b]) {
    await p.reload();
    await p.getByTestId('level-A-1').waitFor();
    for (const [id, level] of Object.entries(expected)) assert.equal(await p.getByTestId(`level-${id}`).inputValue(), level, `${id} shown`);
  }
  await context.close();
});

test('a delete in one tab racing an edit in another leaves the id in one place, with the edit (20 races)', async () => {
  const { context, page: a } = await newPage(ctx.browser);
  await openApp(a, ctx.server.url);
  const b = await context.newPage();
  await b.goto(ctx.server.url);
  b.on('dialog', (d) => d.accept());
  let keptRounds = 0;
  for (let round = 0; round < 20; round++) {
    await a.getByTestId('nav-home').click();
    await a.getByTestId('new-name').fill(`Round ${round}`);
    await a.getByTestId('create-assessment').click();
    await a.getByTestId('nav-catalogue').click();
    await a.getByTestId('level-A-1').waitFor();
    await b.reload();
    await b.getByTestId('delete-assessment').waitFor();
    const offset = round % 6;
    await Promise.all([
      pick(a, 'level-A-1', 'advanced'),
      sleep(offset).then(() => b.evaluate(() => document.querySelector('[data-testid="delete-assessment"]').click())),
    ]);
    // Settled: not live, in the trash once (a write that came late is folded in).
    await a.waitForFunction(() => {
      const keys = Object.keys(localStorage);
      return !keys.some((k) => k.startsWith('x1060.v2.work.')) && keys.filter((k) => k.startsWith('x1060.v2.trash.')).length === 1;
    }, null, { timeout: 15_000 }).catch(() => {});
    await storageSettled(a);
    await sleep(50);
    const stored = await storageSnapshot(a);
    const live = Object.keys(stored).filter((k) => k.startsWith('x1060.v2.work.'));
    const trash = Object.keys(stored).filter((k) => k.startsWith('x1060.v2.trash.'));
    assert.equal(live.length, 0, `round ${round}: not live again`);
    assert.equal(trash.length, 1, `round ${round}: in the trash once`);
    // The edit is kept in the trash copy, unless this tab had already learnt of the
    // delete when it was made (then it says the assessment was deleted).
    const doc = JSON.parse(stored[trash[0]]).document;
    const kept = doc.services.find((s) => s.id === 'A-1')?.level === 'advanced';
    const told = await a
      .locator('[role="alert"]', { hasText: /deleted in another tab/ })
      .first()
      .waitFor({ timeout: 10_000 })
      .then(() => true, () => false);
    assert.ok(kept || told, `round ${round}: the edit is in the trash copy, or the tab said it was deleted`);
    assert.ok(told, `round ${round}: the editing tab says the assessment was deleted elsewhere`);
    if (kept) keptRounds++;
    await a.evaluate((k) => localStorage.removeItem(k), trash[0]);
  }
  assert.ok(keptRounds > 0, 'edits racing a delete end in the trash copy');
  await context.close();
});

test('text is stored as it is typed: a reload right after typing keeps it', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('nav-portfolio').click();
  const note = page.getByTestId('note-A-1');
  await note.fill('');
  await note.pressSequentially('typed, never left');
  await page.reload();
  await page.getByTestId('note-A-1').waitFor();
  assert.equal(await page.getByTestId('note-A-1').inputValue(), 'typed, never left');
  await page.getByTestId('nav-home').click();
  const name = page.getByTestId('active-name');
  await name.fill('Renamed while typing ');
  await page.reload();
  await page.getByTestId('active-name').waitFor();
  assert.equal(await page.getByTestId('active-name').inputValue(), 'Renamed while typing ');
  await context.close();
});

test('another tab changing the same service never discards text being typed', async () => {
  const { context, page: a } = await newPage(ctx.browser);
  await openApp(a, ctx.server.url);
  await a.getByTestId('open-sample').click();
  await a.getByTestId('nav-portfolio').click();
  const b = await context.newPage();
  await b.goto(`${ctx.server.url}#/portfolio`);
  await b.getByTestId('current-A-1').waitFor();
  const note = a.getByTestId('note-A-1');
  await note.fill('');
  await note.pressSequentially('draft in progress');
  await b.getByTestId('current-A-1').selectOption('5');
  await a.waitForFunction(() => document.querySelector('[data-testid="current-A-1"]').value === '5');
  await note.pressSequentially(' and more');
  assert.equal(await note.inputValue(), 'draft in progress and more');
  await sleep(200);
  await storageSettled(a);
  const doc = await storedDoc(a);
  const service = doc.services.find((s) => s.id === 'A-1');
  assert.equal(service.note, 'draft in progress and more');
  assert.equal(service.current, 5);
  await context.close();
});

test('damaged trash entries are listed and can be discarded', async () => {
  const { context, page } = await newPage(ctx.browser);
  await seed(page, { 'x1060.v2.trash.broken': '{"deleted": "2026-01-01T00:00:00Z", "document": {trunc' });
  await openApp(page, ctx.server.url);
  const item = page.getByTestId('unreadable-item');
  await item.waitFor();
  assert.match(await item.textContent(), /x1060\.v2\.trash\.broken/);
  page.once('dialog', (d) => d.accept());
  await item.getByRole('button', { name: 'Discard' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="unreadable-item"]'));
  assert.equal(await page.evaluate(() => localStorage.getItem('x1060.v2.trash.broken')), null);
  await context.close();
});

test('a name of only invisible characters is refused; names are isolated from the text around them', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('new-name').fill('\u200B\u200D\u2060\uFEFF');
  await page.getByTestId('create-assessment').click();
  assert.equal(await page.getByTestId('new-name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('assessment-item').count(), 0);
  await page.getByTestId('new-name').fill('\u202Eevil name');
  await page.getByTestId('create-assessment').click();
  await page.getByTestId('assessment-item').first().waitFor();
  assert.equal(await page.getByTestId('assessment-item').locator('bdi.item-name').count(), 1);
  assert.match(await page.getByTestId('status').textContent(), /\u2068\u202Eevil name\u2069/, 'the status isolates the name');
  await context.close();
});

test('a file with a duplicate key is refused, naming the key and the line', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  const text = '{"format":"x1060-assessment","version":1,"catalogue":"x1060-2021","name":"Dup",\n"services":[],\n"services":[{"id":"A-1","level":"basic"}]}';
  await page.getByTestId('import-input').setInputFiles({ name: 'dup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  const message = await alert.textContent();
  assert.match(message, /services/);
  assert.match(message, /[Ll]ine 3/);
  assert.equal(await page.getByTestId('assessment-item').count(), 0);
  await context.close();
});

test('a backup with a damaged member offers the others and names the bad one', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  const sample = await readFile(SAMPLE, 'utf8');
  const backup = { format: 'x1060-backup', version: 1, created: '2026-01-01T00:00:00Z', assessments: [JSON.parse(sample), { format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name: 'Broken', services: [{ id: 'Z-99' }] }] };
  await page.getByTestId('import-input').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByTestId('restore-preview').waitFor();
  assert.equal(await page.getByTestId('restore-item').count(), 1);
  assert.match(await page.getByTestId('restore-damaged').textContent(), /Broken[\s\S]*Z-99/);
  await page.getByTestId('restore-confirm').click();
  await page.getByTestId('assessment-item').first().waitFor();
  assert.equal(await page.getByTestId('assessment-item').count(), 1);
  await context.close();
});

test('the crash address does nothing in the release build', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await page.goto(`${ctx.server.url}#x1060-panic-test`);
  await page.getByTestId('nav-home').waitFor();
  assert.equal(await page.getByTestId('crash-notice').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
