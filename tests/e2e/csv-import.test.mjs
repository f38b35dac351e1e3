// The spreadsheet round trip (docs/csv.md): the services CSV that export-csv
// downloads is edited as a spreadsheet would (a quoted note with a line break and
// doubled quotes, a Japanese level word), saved as Shift_JIS like Excel on Japanese
// Windows, imported with import-csv, previewed (one csv-change per change), applied,
// undone; a file with an unknown service id is refused naming row and column, and
// cancel changes nothing. The steps are in csv-flow.mjs, for any engine; here in Chromium.
import { test } from 'node:test';
import { useApp } from './harness.mjs';
import { roundTrip, refusalAndCancel, japaneseAndKeyboard, undoKeepsLaterChanges, encodingChoiceAndSwitch } from './csv-flow.mjs';

const ctx = useApp();

test('export, edit, save as Shift_JIS, import, preview, apply, undo', () => roundTrip(ctx.browser, ctx.server.url));

test('undo leaves what changed since the import, here or in another tab, and names it', () =>
  undoKeepsLaterChanges(ctx.browser, ctx.server.url));

test('a Shift_JIS file that is valid UTF-8 too is read as Shift_JIS, and the preview can switch', () =>
  encodingChoiceAndSwitch(ctx.browser, ctx.server.url));

test('a file with an unknown service id is refused naming row and column; cancel changes nothing', () =>
  refusalAndCancel(ctx.browser, ctx.server.url));

test('Japanese interface: Japanese CSV export reads back as no change; preview in Japanese, by keyboard', () =>
  japaneseAndKeyboard(ctx.browser, ctx.server.url));
