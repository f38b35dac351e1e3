// Evidence in the page (rules: docs/exchange-format.md, "Evidence"; hooks:
// docs/test-hooks.md, "Evidence"): a file fingerprinted in the page gives what
// `sha256sum` prints; checking a file says match or no match; stale items are marked
// and left out of the dashboard's count; a `javascript:` location stays text; items
// survive a reload, an export and an import; the report lists the scores without
// current evidence; a large file is read in pieces (memory does not grow by its size)
// and can be cancelled; a file that changes while it is read is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, useApp, newPage, openApp, openView, storageSettled } from './harness.mjs';

const ctx = useApp();

const SAMPLE = join(ROOT, 'tests/fixtures/evidence-sample.bin');
/** `sha256sum tests/fixtures/evidence-sample.bin` (tests/fingerprint.rs). */
const SAMPLE_SHA256 = 'f2091b02b159ceb7eb1c2ccc232fb863cbb92acfc2aceca33d68b90475184bef';

const pad = (n) => String(n).padStart(2, '0');
/** The browser's own calendar date, `days` from today (the app uses the user's day). */
function day(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function sha256sum(path) {
  return execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];
}

/** Three rated services of category A in scope, none with evidence. */
function doc(extra = {}) {
  return {
    format: 'x1060-assessment', version: 1, catalogue: 'x1060-2021', name: 'Evidence test',
    services: [
      { id: 'A-1', level: 'basic', sourcing: 'insource', current: 3, target: 4 },
      { id: 'A-2', level: 'basic', sourcing: 'insource', current: 2, target: 4 },
      { id: 'A-3', level: 'basic', sourcing: 'insource', current: 1, target: 3 },
    ],
    ...extra,
  };
}

async function importDoc(page, document, name = 'evidence.json') {
  await page.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
  await page.getByTestId('last-export').waitFor();
}

/** Opens the portfolio and the evidence of `id`; resolves to the panel. */
async function openEvidence(page, id) {
  await openView(page, 'portfolio');
  await page.getByTestId(`evidence-open-${id}`).click();
  const panel = page.getByTestId('evidence-panel');
  await panel.getByTestId('evidence-add').waitFor();
  return panel;
}

/** Fills the add form and adds the item; `file` is fingerprinted first. */
async function addItem(panel, { title, location = '', reviewBy = '', file = null }) {
  await panel.getByTestId('evidence-title').fill(title);
  await panel.getByTestId('evidence-location').fill(location);
  if (reviewBy) await panel.getByTestId('evidence-review-by').fill(reviewBy);
  if (file) {
    await panel.getByTestId('evidence-file').setInputFiles(file);
    await panel.getByTestId('evidence-new-sha256').waitFor();
  }
  const before = await panel.getByTestId('evidence-item').count();
  await panel.getByTestId('evidence-add').click();
  await panel.getByTestId('evidence-item').nth(before).waitFor();
}

test('a file fingerprinted in the page is what sha256sum prints, and checking says match or not', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'x1060-evidence-'));
  const changed = join(dir, 'evidence-sample-changed.bin');
  const bytes = await readFile(SAMPLE);
  bytes[100] ^= 1; // one byte changed
  await writeFile(changed, bytes);
  assert.equal(sha256sum(SAMPLE), SAMPLE_SHA256);
  assert.equal(createHash('sha256').update(await readFile(SAMPLE)).digest('hex'), SAMPLE_SHA256);

  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, doc());
  const panel = await openEvidence(page, 'A-1');
  assert.equal(await page.getByTestId('evidence-open-A-1').getAttribute('aria-expanded'), 'true');
  await panel.getByTestId('evidence-title').fill('Runbook <b>v3</b>');
  await panel.getByTestId('evidence-location').fill('https://intranet.example/ir/runbook.pdf');
  await panel.getByTestId('evidence-review-by').fill(day(30));
  await panel.getByTestId('evidence-file').setInputFiles(SAMPLE);
  assert.equal(await panel.getByTestId('evidence-new-sha256').textContent(), SAMPLE_SHA256);
  await panel.getByTestId('evidence-add').click();
  const item = panel.getByTestId('evidence-item');
  await item.waitFor();
  assert.equal(await item.getAttribute('data-sha256'), SAMPLE_SHA256);
  assert.equal(await item.getAttribute('data-stale'), 'false');
  assert.equal(await panel.getByTestId('evidence-new-sha256').count(), 0, 'the form is emptied');
  assert.equal(await panel.getByTestId('evidence-title').inputValue(), '');
  assert.match(await page.getByTestId('status').textContent(), /Evidence added: .*Runbook <b>v3<\/b>/);
  // Markup in a title is text.
  assert.match(await item.locator('.evidence-title').textContent(), /Runbook <b>v3<\/b>/);
  assert.equal(await item.locator('b').count(), 0);
  // An https location is a link that opens only on a click, in a new tab, without referrer.
  const link = item.getByTestId('evidence-location').locator('a');
  assert.equal(await link.getAttribute('href'), 'https://intranet.example/ir/runbook.pdf');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  // The whole fingerprint is in the tooltip.
  assert.equal(await item.getByTestId('evidence-sha256').getAttribute('title'), SAMPLE_SHA256);
  assert.equal(await page.getByTestId('evidence-open-A-1').getAttribute('data-count'), '1');
  assert.equal(await page.getByTestId('evidence-open-A-1').textContent(), 'Evidence (1)');

  // The same file: match. A one-byte change: no match.
  await item.getByTestId('evidence-verify').setInputFiles(SAMPLE);
  const result = item.getByTestId('evidence-verify-result');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-match'), 'true');
  assert.equal(await result.textContent(), 'Match: “evidence-sample.bin” is the recorded file.');
  await item.getByTestId('evidence-verify').setInputFiles(changed);
  await page.waitForFunction(() => document.querySelector('[data-testid="evidence-verify-result"]')?.dataset.match === 'false');
  assert.equal(
    await result.textContent(),
    `No match: “evidence-sample-changed.bin” is not the recorded file (its SHA-256 is ${sha256sum(changed)}).`,
  );

  // Removed, then brought back by undo.
  await item.getByTestId('evidence-remove').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="evidence-item"]'));
  assert.match(await page.getByTestId('status').textContent(), /Evidence removed/);
  await page.getByTestId('undo').click();
  await panel.getByTestId('evidence-item').waitFor();
  assert.equal(await panel.getByTestId('evidence-item').getAttribute('data-sha256'), SAMPLE_SHA256);
  assert.deepEqual(problems, []);
  await context.close();
});

test('checking a file and the panel speak Japanese', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { locale: 'ja-JP' });
  await openApp(page, ctx.server.url);
  await importDoc(page, doc());
  const panel = await openEvidence(page, 'A-1');
  await addItem(panel, { title: '手順書', file: SAMPLE });
  assert.equal(await page.getByTestId('evidence-open-A-1').textContent(), 'エビデンス（1 件）');
  const item = panel.getByTestId('evidence-item');
  await item.getByTestId('evidence-verify').setInputFiles(SAMPLE);
  assert.equal(await item.getByTestId('evidence-verify-result').textContent(), '一致：「evidence-sample.bin」は記録されたファイルです。');
  // A title that shows nothing is refused, named in Japanese, and nothing is added.
  await panel.getByTestId('evidence-title').fill('   ');
  await panel.getByTestId('evidence-add').click();
  assert.equal(await panel.getByTestId('evidence-error').textContent(), 'エビデンスにはタイトルが必要です。');
  assert.equal(await panel.getByTestId('evidence-item').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('stale evidence is marked, left out of the dashboard count, listed by the report, and renewed by the plan', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { phone: true });
  await openApp(page, ctx.server.url);
  await importDoc(page, doc());
  // No evidence listed at all: one line, not a list of every service.
  await openView(page, 'report');
  assert.equal(
    await page.getByTestId('report-unbacked-none-listed').textContent(),
    'No evidence is listed yet: none of the 3 rated services in scope rests on any.',
  );
  assert.equal(await page.getByTestId('report-unbacked-item').count(), 0);
  // current evidence. A-2: only an item past its review-by date (yesterday),
  // with a `javascript:` location. A-3: none.
  let panel = await openEvidence(page, 'A-1');
  await addItem(panel, { title: 'SOC charter', reviewBy: day(0) });
  await page.getByTestId('evidence-open-A-2').click();
  panel = page.getByTestId('evidence-panel');
  await panel.getByTestId('evidence-add').waitFor();
  assert.equal(await page.getByTestId('evidence-open-A-1').getAttribute('aria-expanded'), 'false', 'one service at a time');
  await addItem(panel, { title: 'Old playbook', location: 'javascript:alert(1)', reviewBy: day(-1) });
  const item = panel.getByTestId('evidence-item');
  assert.equal(await item.getAttribute('data-stale'), 'true');
  assert.equal(await item.getAttribute('data-sha256'), '');
  assert.equal(await item.getByTestId('evidence-stale').textContent(), 'Stale');
  const location = item.getByTestId('evidence-location');
  assert.equal(await location.textContent(), 'javascript:alert(1)');
  assert.equal(await location.locator('a').count(), 0, 'not a link');
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  const button = page.getByTestId('evidence-open-A-2');
  assert.equal(await button.getAttribute('data-stale'), 'true');
  assert.equal(await button.textContent(), 'Evidence (1, 1 stale)');
  // Nothing is wider than the phone's screen.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');

  await openView(page, 'dashboard');
  assert.equal(await page.getByTestId('evidence-count-A').textContent(), '1');
  assert.equal(await page.getByTestId('evidence-count-B').textContent(), '0');

  await openView(page, 'report');
  const unbacked = page.getByTestId('report-unbacked-item');
  await unbacked.first().waitFor();
  assert.deepEqual(
    await unbacked.evaluateAll((items) => items.map((i) => [i.dataset.service, i.dataset.why])),
    [['A-2', 'stale'], ['A-3', 'none']],
  );
  assert.match(await unbacked.first().textContent(), new RegExp(`1 stale item \\(review was due ${day(-1)}\\)`));

  await openView(page, 'plan');
  assert.equal(await page.getByTestId('plan-renew-evidence-A-1').count(), 0);
  await page.getByTestId('plan-action-A-2').fill('Hire an analyst');
  await page.getByTestId('plan-renew-evidence-A-2').click();
  assert.equal(await page.getByTestId('plan-action-A-2').inputValue(), 'Hire an analyst\nRenew the evidence: Old playbook');

  // A new review-by date makes it current again.
  panel = await openEvidence(page, 'A-2');
  await panel.getByTestId('evidence-item-review-by').fill(day(90));
  await page.waitForFunction(() => document.querySelector('[data-testid="evidence-item"]')?.dataset.stale === 'false');
  await openView(page, 'dashboard');
  assert.equal(await page.getByTestId('evidence-count-A').textContent(), '2');
  assert.deepEqual(problems, []);
  await context.close();
});

test('evidence survives a reload, a JSON export and its import elsewhere; the evaluation shows what was added', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  // The baseline snapshot lists an item that is gone now.
  const baseline = { label: 'FY2025', taken: '2025-04-01T09:00:00Z', services: [{ id: 'A-1', level: 'basic', current: 2, evidence: [{ title: 'Draft policy' }] }] };
  await importDoc(page, doc({ snapshots: [baseline] }));
  const panel = await openEvidence(page, 'A-1');
  await addItem(panel, { title: 'Incident report 2026-03', location: '\\\\fileserver\\ir\\2026-03.pdf', reviewBy: '2099-12-31', file: SAMPLE });
  await storageSettled(page);
  await page.reload();
  await page.getByTestId('nav-home').waitFor();
  const again = await openEvidence(page, 'A-1');
  const item = again.getByTestId('evidence-item');
  assert.equal(await item.getAttribute('data-sha256'), SAMPLE_SHA256);
  assert.equal(await item.getByTestId('evidence-location').textContent(), '\\\\fileserver\\ir\\2026-03.pdf');

  await openView(page, 'evaluation');
  const change = page.getByTestId('eval-evidence-change');
  await change.waitFor();
  assert.equal(await change.getAttribute('data-service'), 'A-1');
  assert.deepEqual(
    await change.locator('li').evaluateAll((items) => items.map((i) => [i.dataset.kind, i.querySelector('bdi').textContent])),
    [['added', 'Incident report 2026-03'], ['gone', 'Draft policy']],
  );

  await openView(page, 'home');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  // Kept past this context (its downloads go with it).
  const file = join(await mkdtemp(join(tmpdir(), 'x1060-evidence-export-')), 'evidence.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  const a1 = exported.services.find((s) => s.id === 'A-1');
  assert.deepEqual(a1.evidence, [
    { title: 'Incident report 2026-03', location: '\\\\fileserver\\ir\\2026-03.pdf', review_by: '2099-12-31', sha256: SAMPLE_SHA256 },
  ]);
  assert.deepEqual(problems, []);
  await context.close();

  // Another browser profile imports the file: the item is there.
  const other = await newPage(ctx.browser);
  await openApp(other.page, ctx.server.url);
  await other.page.getByTestId('import-input').setInputFiles(file);
  await other.page.getByTestId('last-export').waitFor();
  const imported = await openEvidence(other.page, 'A-1');
  assert.equal(await imported.getByTestId('evidence-item').getAttribute('data-sha256'), SAMPLE_SHA256);
  assert.deepEqual(other.problems, []);
  await other.context.close();
});

/** Writes a file of `mib` MiB with varied content; resolves to its SHA-256. */
async function bigFile(path, mib) {
  const handle = await open(path, 'w');
  const hash = createHash('sha256');
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < mib; i++) {
    for (let j = 0; j < block.length; j += 4) block.writeUInt32LE((i * 2654435761 + j) >>> 0, j);
    hash.update(block);
    await handle.write(block);
  }
  await handle.close();
  return hash.digest('hex');
}

test('a large file is hashed in pieces with progress, without memory growing by its size; cancel keeps nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'x1060-evidence-big-'));
  const big = join(dir, 'big.bin');
  const digest = await bigFile(big, 128);
  assert.equal(sha256sum(big), digest);
  const { context, page, problems } = await newPage(ctx.browser);
  // The app's WebAssembly memory (it only ever grows), to see what reading a file costs.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.x1060Wasm = e.detail.wasm; }));
  await openApp(page, ctx.server.url);
  await importDoc(page, doc());
  const panel = await openEvidence(page, 'A-1');
  const memory = () => page.evaluate(() => window.x1060Wasm.memory.buffer.byteLength);
  const heap = async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize;
  };
  const [memoryBefore, heapBefore] = [await memory(), await heap()];

  const started = Date.now();
  await panel.getByTestId('evidence-file').setInputFiles(big);
  const progress = panel.getByTestId('evidence-progress');
  await progress.waitFor();
  // The progress bar moves: its maximum is the file's size.
  assert.equal(await progress.locator('progress').getAttribute('max'), String(128 * 1024 * 1024));
  assert.match(await progress.textContent(), /Reading “big\.bin”: .* of 134\.2 MB/);
  assert.equal(await panel.getByTestId('evidence-add').isDisabled(), true, 'no adding while a file is read');
  await panel.getByTestId('evidence-new-sha256').waitFor({ timeout: 60_000 });
  const seconds = (Date.now() - started) / 1000;
  assert.equal(await panel.getByTestId('evidence-new-sha256').textContent(), digest);
  assert.equal(await progress.count(), 0);
  const [memoryAfter, heapAfter] = [await memory(), await heap()];
  const grew = memoryAfter - memoryBefore;
  const heapGrew = heapAfter - heapBefore;
  // Recorded (docs/test-hooks.md, "Evidence"): 128 MiB read in 4 MiB pieces.
  console.log(`# 128 MiB hashed in ${seconds.toFixed(1)} s; wasm memory ${memoryBefore} → ${memoryAfter} B (+${grew}); JS heap +${heapGrew} B after GC`);
  assert.ok(grew < 16 * 1024 * 1024, `wasm memory grew by ${grew} B`);
  assert.ok(heapGrew < 16 * 1024 * 1024, `JS heap grew by ${heapGrew} B`);

  // Cancelled: the reading stops, no fingerprint is kept, nothing is added. (A sparse
  // file of 2 GiB: its reading takes seconds.)
  const huge = join(dir, 'huge.bin');
  await writeFile(huge, '');
  await truncate(huge, 2 * 1024 * 1024 * 1024);
  await panel.getByTestId('evidence-file').setInputFiles(huge);
  await progress.waitFor();
  await panel.getByTestId('evidence-cancel').click();
  await progress.waitFor({ state: 'detached' });
  assert.equal(await panel.getByTestId('evidence-new-sha256').count(), 0);
  assert.match(await panel.locator('.hash-status').textContent(), /Stopped reading “huge\.bin”: nothing was kept\./);
  assert.equal(await panel.getByTestId('evidence-item').count(), 0);
  assert.equal(await panel.getByTestId('evidence-add').isDisabled(), false);
  assert.deepEqual(problems, []);
  await context.close();
  await rm(dir, { recursive: true, force: true });
});

test('a file that changes while it is read is reported, and nothing is kept', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'x1060-evidence-change-'));
  const path = join(dir, 'moving.bin');
  await writeFile(path, '');
  await truncate(path, 2 * 1024 * 1024 * 1024);
  const { context, page, problems } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await importDoc(page, doc());
  const panel = await openEvidence(page, 'A-1');
  await panel.getByTestId('evidence-file').setInputFiles(path);
  await panel.getByTestId('evidence-progress').waitFor();
  await truncate(path, 1024);
  const error = panel.getByTestId('evidence-file-error');
  await error.waitFor();
  assert.match(await error.textContent(), /^“moving\.bin” could not be read \(NotReadableError: .*\)\. Nothing was kept\.$/);
  assert.equal(await panel.getByTestId('evidence-new-sha256').count(), 0);
  assert.equal(await panel.getByTestId('evidence-progress').count(), 0);
  // The browser logs the failed read; nothing else went wrong.
  assert.deepEqual(problems.filter((p) => !/NotReadableError|net::ERR_FILE_NOT_FOUND|ERR_UPLOAD_FILE_CHANGED/i.test(p)), []);
  await context.close();
  await rm(dir, { recursive: true, force: true });
});
