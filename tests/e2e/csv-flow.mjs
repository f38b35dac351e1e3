// The steps of the spreadsheet round trip (docs/csv.md) as functions of a browser
// and the app's address: see csv-import.test.mjs (Chromium, playwright-core).
// Test-side CSV helpers, exported for the flows of every engine
// (tests/engines/flows.mjs): an RFC 4180 reader and writer, a cell setter, a
// Shift_JIS encoder (npm iconv-lite) as Excel on Japanese Windows saves, and a
// temporary file to hand to a file input.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { newPage, openApp, storageSettled, storageSnapshot, SAMPLE } from './harness.mjs';

/** RFC 4180 records of `text` (test side: CRLF or LF, quotes doubled inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Records back to CSV text with CRLF, quoting what needs it. */
export function writeCsv(rows) {
  const field = (f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Text as Shift_JIS bytes; fails if any character would be lost. */
export function shiftJis(text) {
  const bytes = iconv.encode(text, 'Shift_JIS');
  assert.equal(iconv.decode(bytes, 'Shift_JIS'), text, 'the edited file is representable in Shift_JIS');
  return bytes;
}

/** Clicks export-csv and returns the downloaded text (BOM included). */
export async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  return readFile(await download.path(), 'utf8');
}

/** Sets `column` of the row of service `id` (header row names the columns). */
export function setCell(rows, id, column, value) {
  const col = rows[0].indexOf(column);
  const row = rows.find((r) => r[0] === id);
  assert.ok(col >= 0 && row, `cell ${id}/${column}`);
  row[col] = value;
}

/** The values the test edits, as the app's controls show them. */
async function shown(page) {
  await page.getByTestId('nav-catalogue').click();
  const levelA2 = await page.getByTestId('level-A-2').inputValue();
  await page.getByTestId('nav-portfolio').click();
  const currentA3 = await page.getByTestId('current-A-3').inputValue();
  const noteA1 = await page.getByTestId('note-A-1').inputValue();
  const noteI8 = await page.getByTestId('note-I-8').inputValue();
  await page.getByTestId('nav-dashboard').click();
  const scoreA = await page.getByTestId('score-current-A').textContent();
  return { levelA2, currentA3, noteA1, noteI8, scoreA };
}

/** The note of service `id` in the stored working state of the active assessment. */
async function storedNote(page, id) {
  const all = await storageSnapshot(page);
  const work = JSON.parse(all[`x1060.v2.work.${all['x1060.v2.active']}`]);
  return JSON.parse(work.document).services.find((s) => s.id === id)?.note;
}

/** Writes `bytes` to a new temporary folder as `name`; resolves to the file's path. */
export async function tempFile(name, bytes) {
  const dir = await mkdtemp(join(tmpdir(), 'x1060-csv-'));
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const NOTE = 'Line one\nsays "hello", then stops';

/** Export, edit, save as Shift_JIS, import, preview, apply, undo; stored, and the undo too. */
export async function roundTrip(browser, url) {
  const { context, page, problems } = await newPage(browser);
  await openApp(page, url);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  const before = await shown(page);

  const exported = await exportCsv(page);
  assert.ok(exported.startsWith('\uFEFF'), 'export starts with a BOM');
  const rows = parseCsv(exported.slice(1));
  setCell(rows, 'A-1', 'note', NOTE);
  setCell(rows, 'A-2', 'level', 'アドバンスド');
  setCell(rows, 'A-3', 'current', '1');
  setCell(rows, 'I-8', 'note', '追加したサービス');
  const path = await tempFile('services-sjis.csv', shiftJis(writeCsv(rows)));

  await page.getByTestId('import-csv').setInputFiles(path);
  const change = page.getByTestId('csv-change');
  await change.first().waitFor();
  const listed = await change.evaluateAll((els) => els.map((e) => `${e.dataset.service}/${e.dataset.field}`));
  assert.deepEqual(listed.sort(), ['A-1/note', 'A-2/level', 'A-3/current', 'I-8/note']);
  const a2 = await page.locator('[data-testid="csv-change"][data-service="A-2"]').textContent();
  assert.match(a2, /Standard[\s\S]*Advanced/, 'old and new value shown');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'csv-preview-heading', 'the preview takes the focus');
  assert.deepEqual(await shown(page), before, 'nothing changes before apply');

  await page.getByTestId('csv-apply').click();
  await page.getByTestId('csv-change').first().waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('status').textContent(), /Applied 4 change\(s\)/);
  await storageSettled(page);
  const applied = await shown(page);
  assert.equal(applied.levelA2, 'advanced');
  assert.equal(applied.currentA3, '1');
  assert.equal(applied.noteA1, NOTE);
  assert.equal(applied.noteI8, '追加したサービス');
  assert.notEqual(applied.scoreA, before.scoreA, 'the dashboard follows');

  assert.equal(await storedNote(page, 'A-1'), NOTE, 'the applied note is stored');

  await page.getByTestId('undo').click();
  await page.getByTestId('status').filter({ hasText: 'Undid the 4 change(s)' }).waitFor();
  await storageSettled(page);
  assert.deepEqual(await shown(page), before, 'undo sets back what the import changed');
  await page.reload();
  await page.getByTestId('nav-home').waitFor();
  assert.deepEqual(await shown(page), before, 'and the undo is stored');
  assert.equal(await storedNote(page, 'A-1'), before.noteA1);
  assert.deepEqual(problems, []);
  await context.close();
}

/**
 * Issue 20, finding 1.7: the undo of an import leaves what changed since, in this tab
 * (a note typed) or another (a level chosen), says so, and sets back only the rest.
 */
export async function undoKeepsLaterChanges(browser, url) {
  const { context, page, problems } = await newPage(browser);
  await openApp(page, url);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  const before = await shown(page);
  const rows = parseCsv((await exportCsv(page)).slice(1));
  setCell(rows, 'A-1', 'note', 'from the file');
  setCell(rows, 'A-2', 'level', 'advanced');
  setCell(rows, 'A-3', 'current', '1');
  await page.getByTestId('import-csv').setInputFiles(await tempFile('later.csv', '\uFEFF' + writeCsv(rows)));
  await page.getByTestId('csv-change').first().waitFor();
  await page.getByTestId('csv-apply').click();
  await page.getByTestId('status').filter({ hasText: 'Applied 3 change(s)' }).waitFor();
  await storageSettled(page);

  await page.getByTestId('nav-portfolio').click();
  await page.getByTestId('note-A-1').fill('typed after the import');
  await storageSettled(page);
  const other = await context.newPage();
  await other.goto(url);
  await other.getByTestId('nav-catalogue').click();
  await other.getByTestId('level-A-2').selectOption('basic');
  await storageSettled(other);
  await page.getByTestId('status').filter({ hasText: 'another tab' }).waitFor();

  await page.getByTestId('undo').click();
  await page
    .getByTestId('status')
    .filter({
      hasText:
        'Undid 1 change(s) of the CSV import. Left 2 value(s) as they are, changed since the import: A-1 Note, A-2 Recommendation level.',
    })
    .waitFor();
  await storageSettled(page);
  const after = await shown(page);
  assert.equal(after.noteA1, 'typed after the import', 'the note typed since is kept');
  assert.equal(after.levelA2, 'basic', 'the level chosen in the other tab is kept');
  assert.equal(after.currentA3, before.currentA3, 'the untouched import is undone');
  assert.equal(await storedNote(page, 'A-1'), 'typed after the import');
  await other.reload();
  await other.getByTestId('level-A-2').waitFor();
  assert.equal(await other.getByTestId('level-A-2').inputValue(), 'basic', 'and stored so');
  assert.deepEqual(problems, []);
  await context.close();
}

/**
 * Issue 20, finding 1.9: a Shift_JIS file whose bytes are valid UTF-8 too (half-width
 * katakana) is read as Shift_JIS, the preview says so, and the user can switch.
 */
export async function encodingChoiceAndSwitch(browser, url) {
  const { context, page, problems } = await newPage(browser);
  await openApp(page, url);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  const bytes = shiftJis('id,note\r\nA-1,ﾉｳﾊｳ\r\n');
  assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'id,note\r\nA-1,ɳʳ\r\n', 'valid UTF-8 too');
  await page.getByTestId('import-csv').setInputFiles(await tempFile('kana.csv', bytes));
  const change = page.locator('[data-testid="csv-change"][data-service="A-1"][data-field="note"]');
  await change.waitFor();
  assert.equal(await page.getByTestId('csv-encoding').textContent(), 'Read as Shift_JIS.');
  assert.match(await change.textContent(), /ﾉｳﾊｳ/);
  const other = page.getByTestId('csv-switch-encoding');
  assert.equal(await other.textContent(), 'Read as UTF-8 instead');
  await other.click();
  await page.getByTestId('csv-encoding').filter({ hasText: 'Read as UTF-8.' }).waitFor();
  assert.match(await change.textContent(), /ɳʳ/, 'the other reading, garbled');
  assert.equal(await other.textContent(), 'Read as Shift_JIS instead');
  await other.click();
  await page.getByTestId('csv-encoding').filter({ hasText: 'Read as Shift_JIS.' }).waitFor();
  await page.getByTestId('csv-apply').click();
  await page.getByTestId('status').filter({ hasText: 'Applied 1 change(s)' }).waitFor();
  await page.getByTestId('nav-portfolio').click();
  assert.equal(await page.getByTestId('note-A-1').inputValue(), 'ﾉｳﾊｳ');
  // A file in UTF-8 with a byte order mark: read as UTF-8, nothing to switch to.
  await page.getByTestId('import-csv').setInputFiles(await tempFile('bom.csv', '\uFEFFid,note\r\nA-1,ɳʳ\r\n'));
  await page.getByTestId('csv-encoding').filter({ hasText: 'Read as UTF-8.' }).waitFor();
  assert.equal(await other.count(), 0);
  await page.getByTestId('csv-cancel').click();
  assert.deepEqual(problems, []);
  await context.close();
}

/** A file with an unknown service id is refused naming row and column; cancel changes nothing. */
export async function refusalAndCancel(browser, url) {
  const { context, page, problems } = await newPage(browser);
  await openApp(page, url);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  const before = await shown(page);
  await storageSettled(page);
  const stored = await storageSnapshot(page);

  const rows = parseCsv((await exportCsv(page)).slice(1));
  const id = rows[5][0];
  rows[5][0] = 'Q-99';
  setCell(rows, 'A-3', 'current', '1');
  await page.getByTestId('import-csv').setInputFiles(await tempFile('bad.csv', '\uFEFF' + writeCsv(rows)));
  const alert = page.locator('[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Row 6, column A \(id\): no service “Q-99”/);
  assert.equal(await page.getByTestId('csv-change').count(), 0, 'no preview');

  rows[5][0] = id;
  await page.getByTestId('import-csv').setInputFiles(await tempFile('good.csv', writeCsv(rows)));
  await page.getByTestId('csv-change').first().waitFor();
  assert.equal(await page.locator('[role="alert"]').count(), 0, 'a good file clears the old alert');
  await page.getByTestId('csv-cancel').click();
  await page.getByTestId('csv-change').first().waitFor({ state: 'detached' });
  await storageSettled(page);
  assert.deepEqual(await shown(page), before);
  assert.deepEqual(await storageSnapshot(page), stored, 'nothing stored changed');
  assert.deepEqual(problems, []);
  await context.close();
}

/** Japanese interface: the Japanese CSV reads back as no change; the preview in Japanese, by keyboard. */
export async function japaneseAndKeyboard(browser, url) {
  const { context, page, problems } = await newPage(browser, { locale: 'ja-JP' });
  await openApp(page, url);
  await page.getByTestId('import-input').setInputFiles(SAMPLE);
  await page.getByTestId('assessment-item').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-ja').click()]);
  const text = await readFile(await download.path(), 'utf8');
  const rows = parseCsv(text.slice(1));
  assert.deepEqual(rows[0].slice(0, 5), ['ID', 'カテゴリー', 'サービス名（日本語）', 'サービス名（英語）', '推奨レベル']);
  await page.getByTestId('import-csv').setInputFiles(await tempFile('ja.csv', shiftJis(writeCsv(rows))));
  await page.getByTestId('status').filter({ hasText: '変更はありません' }).waitFor();

  setCell(rows, 'A-2', '推奨レベル', 'advanced');
  await page.getByTestId('import-csv').setInputFiles(await tempFile('ja2.csv', shiftJis(writeCsv(rows))));
  const change = page.locator('[data-testid="csv-change"][data-service="A-2"][data-field="level"]');
  await change.waitFor();
  assert.match(await change.textContent(), /推奨レベル[\s\S]*スタンダード[\s\S]*アドバンスド/);
  // Keyboard: the preview has the focus; Tab reaches apply, then cancel; Enter cancels.
  const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.id);
  assert.equal(await focused(), 'csv-preview-heading');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'csv-apply');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'csv-cancel');
  await page.keyboard.press('Enter');
  await change.waitFor({ state: 'detached' });
  await page.getByTestId('nav-catalogue').click();
  assert.equal(await page.getByTestId('level-A-2').inputValue(), 'standard', 'cancel changed nothing');
  assert.deepEqual(problems, []);
  await context.close();
}
