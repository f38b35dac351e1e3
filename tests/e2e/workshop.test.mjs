// The workshop (issue 13): a round's template out as a file and as a share link,
// participants scoring on their own devices (separate browser profiles), their
// files imported together, the spread and disagreements checked against figures
// computed here from the files, a value changed with a rationale, the merge, the
// merged dashboard, the sources unchanged; the same file twice and the same
// assessor's new copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, newPage, openApp, storageSettled } from './harness.mjs';
import { CATEGORIES, expectedScores } from './expected.mjs';
import { byService, disagrees, mergedDoc, proposeScore } from './workshop-rules.mjs';

const ctx = useApp();

function two(x) {
  return x ?? '–';
}

// --- Helpers.
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { path: await file.path(), name: file.suggestedFilename() };
}

/** A participant on a device of their own: names themselves, scores, downloads their file. */
async function participate(page, name, scores) {
  await page.getByTestId('nav-workshop').click();
  await page.getByTestId('workshop-assessor').fill(name);
  await page.getByTestId('workshop-assessor').press('Tab');
  await page.getByTestId('nav-portfolio').click();
  for (const [id, current, target] of scores) {
    await page.getByTestId(`current-${id}`).selectOption(current);
    await page.getByTestId(`target-${id}`).selectOption(target);
  }
  await storageSettled(page);
  const file = await download(page, 'export-json');
  return JSON.parse(await readFile(file.path, 'utf8'));
}

test('a workshop round: template by file and link, three participants, compare, decide, merge', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'x1060-workshop-'));
  // The facilitator starts from the sample.
  const fac = await newPage(ctx.browser);
  const page = fac.page;
  await openApp(page, ctx.server.url);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('nav-workshop').click();
  assert.match(page.url(), /#\/workshop$/);
  await page.getByTestId('workshop-round').fill('Round 1');
  const templateFile = await download(page, 'workshop-template');
  const template = JSON.parse(await readFile(templateFile.path, 'utf8'));
  // Read back like every JSON export.
  assert.match(await page.getByTestId('export-verified').textContent(), /Round 1/);
  assert.equal(template.workshop.round, 'Round 1');
  assert.ok(template.workshop.started);
  assert.ok(template.services.length > 10, 'levels and sourcing kept');
  for (const s of template.services) {
    assert.ok(!('current' in s) && !('target' in s) && !('note' in s), `${s.id} scores cleared`);
  }
  await page.getByTestId('workshop-template-link').click();
  const link = await page.getByTestId('workshop-link').inputValue();
  assert.ok(link.startsWith(`${ctx.server.url}#share=v1.`), link.slice(0, 60));

  // Bo opens the link on a device of his own.
  const bo = await newPage(ctx.browser);
  await bo.page.goto(link);
  await bo.page.getByTestId('share-import').click();
  const boDoc = await participate(bo.page, 'Bo', [['A-1', '2', '4'], ['A-2', '4', '4'], ['B-1', '3', '4']]);
  assert.equal(boDoc.workshop.assessor, 'Bo');
  assert.equal(boDoc.workshop.started, template.workshop.started);
  assert.equal(boDoc.name, 'Round 1 — Bo');
  // Cy imports the template file.
  const cy = await newPage(ctx.browser);
  await openApp(cy.page, ctx.server.url);
  await cy.page.getByTestId('import-input').setInputFiles(templateFile.path);
  await cy.page.getByTestId('nav-workshop').click();
  const cyDoc = await participate(cy.page, 'Cy', [['A-1', '4', '5'], ['A-2', '3', '4'], ['B-1', '2', '3']]);
  // Ann's file is written here: n/a on B-1, and another level for A-3.
  const annDoc = structuredClone(template);
  annDoc.name = 'Round 1 — Ann';
  annDoc.workshop.assessor = 'Ann';
  const set = (id, values) => Object.assign(annDoc.services.find((s) => s.id === id), values);
  set('A-1', { current: 1, target: 4 });
  set('A-2', { current: 3, target: 3 });
  set('B-1', { current: 'n/a', target: 'n/a' });
  set('A-3', { level: annDoc.services.find((s) => s.id === 'A-3').level === 'advanced' ? 'basic' : 'advanced' });
  const files = { ann: join(dir, 'ann.json'), bo: join(dir, 'bo.json'), cy: join(dir, 'cy.json') };
  await writeFile(files.ann, JSON.stringify(annDoc));
  await writeFile(files.bo, JSON.stringify(boDoc));
  await writeFile(files.cy, JSON.stringify(cyDoc));

  // The facilitator imports the three at once: each stored and picked.
  await page.getByTestId('workshop-import').setInputFiles([files.ann, files.bo, files.cy]);
  await page.getByTestId('workshop-min-current-A').waitFor();
  await storageSettled(page);
  const picks = page.getByTestId('workshop-pick');
  assert.equal(await picks.count(), 4, 'the sample and three copies');
  const checked = await picks.evaluateAll((boxes) => boxes.map((b) => b.checked));
  assert.deepEqual(checked, [false, true, true, true]);
  assert.match(await page.getByTestId('workshop-assessors').textContent(), /Ann, Bo, Cy/);

  // Spread per category, from the files.
  const docs = [annDoc, boDoc, cyDoc];
  const each = docs.map((d) => expectedScores(d));
  for (const c of [...CATEGORIES, 'overall']) {
    for (const field of ['current', 'target']) {
      const values = each.map((e) => e[c][field]).filter((v) => v !== null).map(Number);
      const min = values.length ? Math.min(...values).toFixed(2) : null;
      const max = values.length ? Math.max(...values).toFixed(2) : null;
      assert.equal(await page.getByTestId(`workshop-min-${field}-${c}`).textContent(), two(min), `min ${field} ${c}`);
      assert.equal(await page.getByTestId(`workshop-max-${field}-${c}`).textContent(), two(max), `max ${field} ${c}`);
    }
  }
  // Disagreements, from the files: listed first, each once.
  const expected = [...byService(docs)].filter(([, states]) => disagrees(states)).map(([id]) => id).sort();
  assert.ok(expected.includes('A-1') && expected.includes('A-3'), expected.join());
  const shown = await page.getByTestId('workshop-disagreement').evaluateAll((rows) => rows.map((r) => r.dataset.service));
  assert.deepEqual([...shown].sort(), expected);
  const firstRows = await page.locator('table.who-said-what tbody tr').evaluateAll((rows, n) => rows.slice(0, n).map((r) => r.dataset.testid), expected.length);
  assert.ok(firstRows.every((t) => t === 'workshop-disagreement'), 'disagreements first');

  // The proposal for A-1 (1, 2, 4 → 2); the facilitator makes it 3 with a rationale.
  assert.equal(await page.getByTestId('workshop-decide-current-A-1').inputValue(), '2');
  // B-1: n/a, 3, 2 (one n/a of three) → the lower median of 3 and 2.
  assert.equal(await page.getByTestId('workshop-decide-current-B-1').inputValue(), String(proposeScore(['n/a', 3, 2])));
  await page.getByTestId('workshop-decide-current-A-1').selectOption('3');
  await page.getByTestId('workshop-rationale-A-1').fill('Log coverage is partial: 3 agreed.');

  // The sources as stored, before the merge.
  const worksBefore = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.includes('.work.')).map((k) => [k, localStorage.getItem(k)])));
  await page.getByTestId('workshop-merge').click();
  await page.getByText('Merged into the new assessment').waitFor();
  await storageSettled(page);
  const worksAfter = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.includes('.work.')).map((k) => [k, localStorage.getItem(k)])));
  for (const [k, v] of Object.entries(worksBefore)) assert.equal(worksAfter[k], v, `${k} unchanged`);
  assert.equal(Object.keys(worksAfter).length, Object.keys(worksBefore).length + 1);

  // The merged dashboard follows the rules (with the facilitator's 3 on A-1).
  const merged = mergedDoc(docs, { 'A-1': { current: 3 } });
  const want = expectedScores(merged);
  await page.getByTestId('nav-dashboard').click();
  for (const c of [...CATEGORIES, 'overall']) {
    assert.equal(await page.getByTestId(`score-current-${c}`).textContent(), two(want[c].current), `merged current ${c}`);
    assert.equal(await page.getByTestId(`score-target-${c}`).textContent(), two(want[c].target), `merged target ${c}`);
  }
  // The merged file: assessors, round, the rationale in the note, a snapshot.
  const mergedFile = JSON.parse(await readFile((await download(page, 'export-json')).path, 'utf8'));
  assert.deepEqual(mergedFile.workshop.assessors, ['Ann', 'Bo', 'Cy']);
  assert.equal(mergedFile.workshop.round, 'Round 1');
  assert.match(mergedFile.services.find((s) => s.id === 'A-1').note, /^Log coverage is partial: 3 agreed\./);
  assert.equal(mergedFile.snapshots.at(-1).label, 'Round 1');
  for (const s of merged.services) {
    const got = mergedFile.services.find((x) => x.id === s.id) ?? {};
    for (const k of ['level', 'sourcing', 'current', 'target']) assert.equal(got[k], s[k], `${s.id} ${k}`);
  }

  // The same file again: noticed, not doubled.
  await page.getByTestId('nav-workshop').click();
  await page.getByTestId('workshop-pick').first().waitFor();
  const before = await page.getByTestId('workshop-pick').count();
  assert.equal(before, 5, 'the sample, three copies and the merged one');
  await page.getByTestId('workshop-import').setInputFiles(files.bo);
  await page.getByText('is stored already with the same content').waitFor();
  assert.equal(await page.getByTestId('workshop-pick').count(), before);
  // Ann's corrected copy: offered as a replacement; replacing keeps the count.
  annDoc.services.find((s) => s.id === 'A-2').current = 4;
  await writeFile(files.ann, JSON.stringify(annDoc));
  await page.getByTestId('workshop-import').setInputFiles(files.ann);
  await page.getByTestId('workshop-replacement').waitFor();
  await page.getByTestId('workshop-replace').click();
  await page.getByTestId('workshop-replacement').waitFor({ state: 'detached' });
  await storageSettled(page);
  assert.equal(await page.getByTestId('workshop-pick').count(), before);
  // Said as a replacement, not as a deletion (issue 20, 1.10).
  assert.equal(
    await page.getByTestId('status').textContent(),
    'Replaced “\u2068Round 1 — Ann\u2069” with the returned copy “\u2068Round 1 — Ann\u2069”. The old copy is in the trash.',
  );

  for (const p of [fac, bo, cy]) assert.deepEqual(p.problems, []);
  for (const p of [fac, bo, cy]) await p.context.close();
});

test('assessments that cannot be compared are named, and one pick is not a comparison', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { locale: 'ja-JP' });
  await openApp(page, ctx.server.url);
  const dir = await mkdtemp(join(tmpdir(), 'x1060-workshop-'));
  const doc = (name, category) => ({
    format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name,
    services: [{ id: 'I-8', level: 'basic', current: 2 }],
    custom_services: [{ id: 'I-8', category, name: { ja: '独自', en: 'Own' } }],
  });
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  await writeFile(a, JSON.stringify(doc('Alpha', 'I')));
  await writeFile(b, JSON.stringify(doc('Beta', 'H')));
  await page.getByTestId('nav-workshop').click();
  await page.getByTestId('workshop-import').setInputFiles([a, b]);
  await page.getByTestId('workshop-notes').getByText('Beta').waitFor();
  assert.match(await page.getByTestId('workshop-notes').textContent(), /I-8/);
  assert.equal(await page.getByTestId('workshop-min-current-A').count(), 0, 'nothing compared');
  assert.ok(await page.getByTestId('workshop-pick-more').isVisible());
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.deepEqual(problems, []);
  await context.close();
});
