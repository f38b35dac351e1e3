// The room (issue 22, docs/room.md): participants hand in their quick checks as a QR
// code, a link or a code; the facilitator's room adds them by paste, by link and by
// camera, and shows the figures, computed here independently (tests/e2e/handin-code.mjs
// writes and reads codes by the documented rules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { useApp, newPage, openApp, storageSettled, CHROMIUM_ARGS } from './harness.mjs';
import { CATEGORIES, fragmentNeverSent } from './expected.mjs';
import { encodeHandIn, decodeHandIn, newerCode, expectedCounts, expectedMedian, modulesOfPath, qrVideo } from './handin-code.mjs';

const ctx = useApp();

const ROOM_PREF = 'x1060.v2.pref.room';

/** Participants of a small room, with every kind of answer. */
const SMALL = [
  { key: 0x0000000000a1n, made: 1000, answers: { A: ['insource', '2', '4'], B: ['outsource', '3', '3'], C: ['insource', 'n/a', 'n/a'], D: ['', '1', '5'] } },
  { key: 0x0000000000b2n, made: 1000, answers: { A: ['insource', '3', '5'], B: ['insource', '1', ''], C: ['outsource', '2', '4'], D: ['', '', ''] } },
  { key: 0x0000000000c3n, made: 1000, answers: { A: ['outsource', '2', '4'], B: ['outsource', '5', '4'], C: ['', '', 'n/a'], E: ['insource', '4', '4'] } },
  { key: 0x0000000000d4n, made: 1000, answers: { A: ['', '4', '5'], B: ['', '2', '2'], C: ['', '', ''], I: ['outsource', 'n/a', '3'] } },
];

const codeOf = encodeHandIn;

async function openRoom(page) {
  await openApp(page, ctx.server.url);
  await page.getByTestId('nav-room').click();
  await page.getByTestId('room-paste').waitFor();
}

async function paste(page, text) {
  await page.getByTestId('room-paste').fill(text);
  await page.getByTestId('room-add').click();
}

async function count(page) {
  return Number((await page.getByTestId('room-count').textContent()).trim());
}

async function waitForCount(page, n) {
  await page.waitForFunction((n) => document.querySelector('[data-testid="room-count"]')?.textContent.trim() === String(n), n);
}

/** The figures shown for every category: counts and medians of current and target. */
async function shownFigures(page) {
  const out = {};
  for (const c of CATEGORIES) {
    out[c] = {};
    for (const [which, column] of [['current', 1], ['target', 2]]) {
      out[c][`${which}Counts`] = await page.getByTestId(`room-dist-${which}-${c}`).getAttribute('data-counts');
      out[c][which] = (await page.getByTestId(`room-median-${which}-${c}`).textContent()).trim();
      void column;
    }
  }
  return out;
}

function expectedFigures(participants) {
  const out = {};
  for (const c of CATEGORIES) {
    out[c] = {};
    for (const [which, column] of [['current', 1], ['target', 2]]) {
      out[c][`${which}Counts`] = expectedCounts(participants, c, column);
      out[c][which] = String(expectedMedian(participants, c, column) ?? '–');
    }
  }
  return out;
}

test('the hand-in card shows the code, the link and the QR code, which follow the answers', async () => {
  const { context, page, problems } = await newPage(ctx.browser, { phone: true });
  await openApp(page, ctx.server.url);
  await page.getByTestId('quick-start').tap();
  await page.getByTestId('quick-handin').tap();
  const card = async () => ({
    code: (await page.getByTestId('quick-handin-code').textContent()).trim(),
    href: await page.getByTestId('quick-handin-link').getAttribute('href'),
    qr: await page.getByTestId('quick-handin-qr').locator('path').getAttribute('d'),
  });
  const first = await card();
  assert.match(first.code, /^[0-9A-Z]{11}-[0-9A-Z]{11}-[0-9A-Z]{11}$/, 'grouped for reading aloud');
  const firstRead = decodeHandIn(first.code);
  assert.equal(first.href, `${ctx.server.url}#h=${first.code.replaceAll('-', '')}`);
  assert.deepEqual(Object.values(firstRead.answers).flat().filter(Boolean), [], 'nothing answered yet');
  assert.ok(first.qr.length > 100);
  // The QR code is coarse: version 4 or 5 (33 or 37 modules and the quiet zone).
  const box = await page.getByTestId('quick-handin-qr').getAttribute('viewBox');
  assert.ok(['-4 -4 41 41', '-4 -4 45 45'].includes(box), box);
  const width = await page.getByTestId('quick-handin-qr').evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(width >= 280, `drawn large on a phone (${width} px)`);

  await page.getByTestId('quick-sourcing-A').selectOption('insource');
  await page.getByTestId('quick-current-A').selectOption('2');
  await page.getByTestId('quick-target-C').selectOption('n/a');
  await page.waitForFunction((before) => document.querySelector('[data-testid="quick-handin-code"]').textContent.trim() !== before, first.code);
  const second = await card();
  const read = decodeHandIn(second.code);
  assert.deepEqual(read.answers.A, ['insource', '2', '']);
  assert.deepEqual(read.answers.C, ['', '', 'n/a']);
  assert.equal(read.key, firstRead.key, 'the same participant key');
  assert.ok(read.made > firstRead.made, 'a later hand-in orders after the earlier one');
  assert.notEqual(second.qr, first.qr);
  assert.equal(second.href, `${ctx.server.url}#h=${second.code.replaceAll('-', '')}`);
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `no horizontal overflow (${scroll} > ${inner})`);

  // Kept: after a reload the same answers show the same hand-in.
  await storageSettled(page);
  await page.reload();
  await page.getByTestId('quick-handin').tap();
  assert.equal((await card()).code, second.code);

  // The printed handout explains both steps in both languages.
  const handout = await page.getByTestId('handout').textContent();
  assert.match(handout, /scan the code/);
  assert.match(handout, /press “Hand in to the room”/);
  assert.match(handout, /コードをスマートフォンで読み取って/);
  assert.match(handout, /「ルームに提出」を押し/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pasted codes: the valid ones are added, each invalid one is named by its line, nothing else changes', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openRoom(page);
  const [p1, p2] = SMALL;
  const good = codeOf(p1);
  const damaged = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
  const lines = [
    good.toLowerCase(),
    damaged,
    `${ctx.server.url}#h=${codeOf(p2)}`,
    'https://example.org/some/page',
    newerCode(2),
    `${ctx.server.url}#share=v1.eJzLSM3JyVcozy_KSQEAGgQEXQ`,
  ];
  await paste(page, lines.join('\n'));
  await waitForCount(page, 2);
  const errors = page.getByTestId('room-errors');
  assert.equal(await errors.getAttribute('role'), 'alert');
  assert.deepEqual(await errors.locator('li').allTextContents(), [
    'Line 2: This hand-in is damaged: a character is wrong, missing or extra. Scan the QR code again, or copy the whole code again.',
    "Line 4: This is not a hand-in: it is neither a hand-in code nor a hand-in link from this app's quick check.",
    'Line 5: This hand-in was made by a newer version of the app (format 2; this app reads format 1). Reload this page to get the newer version, then add it again.',
    'Line 6: This is a link to a whole assessment, not a hand-in: open it in the app to import the assessment. To hand in, use "Hand in to the room" in the quick check.',
  ]);
  assert.match(await errors.textContent(), /^4 not added/);
  assert.equal(await page.getByTestId('room-paste').inputValue(), lines.join('\n'), 'the text stays while some was refused');
  assert.equal(await page.getByTestId('room-added').textContent(), 'Added 2 new participant(s); 0 updated by a later hand-in; 0 already in the room; 0 older than the hand-in in the room (ignored).');
  // The button names the quick check's button, as the message does.
  const kept = await page.evaluate((k) => localStorage.getItem(k), ROOM_PREF);
  assert.deepEqual(JSON.parse(kept).handins.sort(), [good, codeOf(p2)].sort());

  // Only bad input: nothing changes, in the page or in storage.
  await paste(page, `${damaged}\n\nhello`);
  await page.waitForFunction(() => document.querySelector('[data-testid="room-errors"] li')?.textContent.startsWith('Line 1:'));
  assert.deepEqual((await errors.locator('li').allTextContents()).map((l) => l.split(':')[0]), ['Line 1', 'Line 3']);
  assert.equal(await count(page), 2);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), ROOM_PREF), kept);
  // Nothing pasted is said too.
  await paste(page, '   ');
  await page.waitForFunction(() => /Paste at least one/.test(document.querySelector('[data-testid="room-errors"]').textContent));
  // Once all is added, the text goes and the alert is empty.
  await paste(page, codeOf(SMALL[2]));
  await waitForCount(page, 3);
  assert.equal(await page.getByTestId('room-paste').inputValue(), '');
  assert.equal(await errors.getAttribute('role'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('refusals in Japanese', async () => {
  const { context, page } = await newPage(ctx.browser, { locale: 'ja-JP' });
  await openRoom(page);
  assert.equal((await page.getByTestId('nav-room').textContent()).trim(), 'ルーム');
  const good = codeOf(SMALL[0]);
  await paste(page, `${good}\n${good.slice(0, -1)}`);
  await waitForCount(page, 1);
  assert.deepEqual(await page.getByTestId('room-errors').locator('li').allTextContents(), [
    '2 行目：提出データが壊れています（文字の誤り、欠け、余分な文字があります）。QR コードをもう一度読み取るか、コード全体をもう一度コピーしてください。',
  ]);
  await context.close();
});

test("a participant's later hand-in replaces the earlier one, whatever the order", async () => {
  const earlier = { key: 0x777n, made: 5000, answers: { A: ['insource', '1', '2'] } };
  const later = { key: 0x777n, made: 5001, answers: { A: ['outsource', '4', '5'] } };
  for (const order of [[earlier, later], [later, earlier]]) {
    const { context, page } = await newPage(ctx.browser);
    await openRoom(page);
    await paste(page, codeOf(order[0]));
    await waitForCount(page, 1);
    await paste(page, codeOf(order[1]));
    await page.getByTestId('room-added').filter({ hasText: /0 new/ }).waitFor();
    assert.equal(await count(page), 1, 'one participant');
    assert.equal(await page.getByTestId('room-median-current-A').textContent(), '4', 'the later answers count');
    assert.equal(await page.getByTestId('room-dist-target-A').getAttribute('data-counts'), '0,0,0,0,1,0,0');
    const said = await page.getByTestId('room-added').textContent();
    assert.match(said, order[1] === later ? /1 updated/ : /1 older than the hand-in in the room/);
    await context.close();
  }
});

test('medians and distributions of a small room, computed by hand; gaps; the radar', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openRoom(page);
  await paste(page, SMALL.map(codeOf).join(' '));
  await waitForCount(page, 4);
  const shown = await shownFigures(page);
  assert.deepEqual(shown, expectedFigures(SMALL));
  // By hand, for A and C: current 2,3,2,4 → sorted 2,2,3,4 → lower middle 2; target 4,5,4,5 → 4.
  assert.deepEqual(shown.A, { currentCounts: '0,2,1,1,0,0,0', current: '2', targetCounts: '0,0,0,2,2,0,0', target: '4' });
  // C: n/a and no answer only in current but one 2: median 2; target: 4 with two n/a, one no answer.
  assert.deepEqual(shown.C, { currentCounts: '0,1,0,0,0,1,2', current: '2', targetCounts: '0,0,0,1,0,2,1', target: '4' });
  // F: nobody answered: no figure.
  assert.deepEqual(shown.F, { currentCounts: '0,0,0,0,0,0,4', current: '–', targetCounts: '0,0,0,0,0,0,4', target: '–' });
  // Gaps: D 1→5 (+4), C 2→4 (+2), A 2→4 (+2), B 2→3 (+1), E 4→4 (0); equal gaps in category order.
  assert.deepEqual(await page.getByTestId('room-gaps').locator('li').evaluateAll((l) => l.map((e) => e.dataset.testid)), [
    'room-gap-D', 'room-gap-A', 'room-gap-C', 'room-gap-B', 'room-gap-E',
  ]);
  assert.equal(await page.getByTestId('room-radar').evaluate((el) => el.tagName), 'CANVAS');
  assert.deepEqual(problems, []);
  await context.close();
});

test('opening a hand-in link adds it and opens the room; a reload keeps the room', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  const before = ctx.server.requests.length;
  const link = `${ctx.server.url}#h=${codeOf(SMALL[0])}`;
  await page.goto(link);
  await waitForCount(page, 1);
  assert.equal(await page.evaluate(() => location.hash), '#/room', 'the hand-in leaves the address');
  assert.ok(fragmentNeverSent(ctx.server.requests.slice(before), link), 'the hand-in never reached the server');
  // Another link opened in the same tab (the address changes).
  await page.evaluate((code) => { location.hash = `#h=${code}`; }, codeOf(SMALL[1]));
  await waitForCount(page, 2);
  // A damaged link: said, nothing added.
  await page.evaluate((code) => { location.hash = `#h=${code}`; }, codeOf(SMALL[2]).slice(0, -2));
  await page.getByTestId('room-errors').locator('li').waitFor();
  assert.match(await page.getByTestId('room-errors').textContent(), /^1 not added.*The hand-in link was not added: This hand-in is damaged/s);
  assert.equal(await count(page), 2);
  await storageSettled(page);
  await page.reload();
  await waitForCount(page, 2);
  assert.deepEqual(await shownFigures(page), expectedFigures(SMALL.slice(0, 2)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('clear and undo; the CSV export, one row per participant without names', async () => {
  const { context, page } = await newPage(ctx.browser);
  await openRoom(page);
  await paste(page, SMALL.map(codeOf).join('\n'));
  await waitForCount(page, 4);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('room-export-csv').click()]);
  assert.equal(download.suggestedFilename(), 'x1060-room.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const header = ['participant', ...CATEGORIES.flatMap((c) => ['sourcing', 'current', 'target'].map((f) => `${c}_${f}`))].join(',');
  const rows = [...SMALL].sort((a, b) => (a.key < b.key ? -1 : 1)).map((p, i) => [i + 1, ...CATEGORIES.flatMap((c) => p.answers[c] ?? ['', '', ''])].join(','));
  assert.equal(csv, `\ufeff${[header, ...rows].join('\r\n')}\r\n`);

  await page.getByTestId('room-clear').click();
  await waitForCount(page, 0);
  await page.getByTestId('room-empty').waitFor();
  await page.getByTestId('room-undo').click();
  await waitForCount(page, 4);
  await storageSettled(page);
  await page.reload();
  await waitForCount(page, 4);
  // Cleared and reloaded: empty.
  await page.getByTestId('room-clear').click();
  await waitForCount(page, 0);
  await page.reload();
  await waitForCount(page, 0);
  await context.close();
});

test('an assessment started from the room holds its medians in the quick check', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openRoom(page);
  await paste(page, SMALL.map(codeOf).join('\n'));
  await waitForCount(page, 4);
  await page.getByTestId('room-start').click();
  await page.getByTestId('quick-current-A').waitFor();
  assert.match(page.url(), /#\/quick$/);
  // Medians; n/a where nobody gave a number but someone said n/a; sourcing: the most given, ties unset.
  const expected = {
    A: ['insource', '2', '4'], // insource 2, outsource 1
    B: ['outsource', '2', '3'], // outsource 2, insource 1; target 3,4,2 → 3
    C: ['', '2', '4'], // insource 1, outsource 1: a tie
    D: ['', '1', '5'],
    E: ['insource', '4', '4'],
    F: ['', '', ''],
    I: ['outsource', 'n/a', '3'],
  };
  for (const [c, [who, current, target]] of Object.entries(expected)) {
    assert.equal(await page.getByTestId(`quick-sourcing-${c}`).inputValue(), who, `${c} sourcing`);
    assert.equal(await page.getByTestId(`quick-current-${c}`).inputValue(), current, `${c} current`);
    assert.equal(await page.getByTestId(`quick-target-${c}`).inputValue(), target, `${c} target`);
  }
  await page.getByTestId('nav-home').click();
  assert.match(await page.getByTestId('assessment-item').first().textContent(), /Room \d{4}-\d{2}-\d{2}/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('projector mode: the figures alone, large; Esc leaves and the focus returns', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openRoom(page);
  await paste(page, SMALL.map(codeOf).join('\n'));
  await waitForCount(page, 4);
  await page.getByTestId('room-projector').click();
  const view = page.getByTestId('room-projector-view');
  await view.waitFor();
  assert.equal(await view.getAttribute('role'), 'dialog');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'room-projector-leave');
  assert.equal(await view.getByTestId('room-count').textContent(), '4');
  assert.equal(await page.getByTestId('room-paste').count(), 0, 'nothing else of the view');
  // It covers the window: the page's header is under it.
  const onTop = await page.evaluate(() => {
    const nav = document.querySelector('[data-testid="nav-home"]').getBoundingClientRect();
    const el = document.elementFromPoint(nav.x + 2, nav.y + 2);
    return Boolean(el.closest('[data-testid="room-projector-view"]'));
  });
  assert.ok(onTop, 'nothing else on screen');
  const size = await view.getByTestId('room-count').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 48, `large type (${size} px)`);
  const colours = await view.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.keyboard.press('Escape');
  await view.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'room-projector');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a room of 500 pasted hand-ins renders', async () => {
  const { context, page, problems } = await newPage(ctx.browser);
  await openRoom(page);
  const scores = ['', '1', '2', '3', '4', '5', 'n/a'];
  const participants = Array.from({ length: 500 }, (_, i) => ({
    key: BigInt(1000 + i * 7919),
    made: 100,
    answers: Object.fromEntries(CATEGORIES.map((c, j) => [c, [['', 'insource', 'outsource'][(i + j) % 3], scores[(i * 3 + j) % 7], scores[(i * 5 + j) % 7]]])),
  }));
  await paste(page, participants.map(codeOf).join('\n'));
  await waitForCount(page, 500);
  assert.deepEqual(await shownFigures(page), expectedFigures(participants));
  await storageSettled(page);
  await page.reload();
  await waitForCount(page, 500);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without a camera the room says so plainly, and pasting still works', async () => {
  // Headless Chromium without a fake device: no camera, or none allowed.
  const { context, page, problems } = await newPage(ctx.browser);
  await openRoom(page);
  await page.getByTestId('room-camera').click();
  const error = page.getByTestId('room-camera-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.ok(
    [
      "No camera was found, or another app is using it. Paste codes or open hand-in links instead.",
      "The camera was not allowed. Allow the camera for this page in the browser's settings and try again, or paste codes instead.",
    ].includes(await error.textContent()),
    await error.textContent(),
  );
  await paste(page, codeOf(SMALL[0]));
  await waitForCount(page, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the camera: a hand-in QR code shown to the (fake) camera is read in the page and added', async () => {
  // The participant's card: its QR code's modules, from the SVG the app draws.
  const { context, page } = await newPage(ctx.browser);
  await openApp(page, ctx.server.url);
  await page.getByTestId('quick-start').click();
  await page.getByTestId('quick-current-B').selectOption('3');
  await page.getByTestId('quick-target-B').selectOption('5');
  await page.getByTestId('quick-handin').click();
  const code = (await page.getByTestId('quick-handin-code').textContent()).replaceAll('-', '');
  const box = (await page.getByTestId('quick-handin-qr').getAttribute('viewBox')).split(' ').map(Number);
  const dark = modulesOfPath(await page.getByTestId('quick-handin-qr').locator('path').getAttribute('d'), box[2] - 8);
  await context.close();
  const dir = await mkdtemp(join(tmpdir(), 'x1060-room-camera-'));
  const video = join(dir, 'handin.y4m');
  await writeFile(video, qrVideo(dark));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const { page: room, problems, requests } = await newPage(browser);
    await room.context().grantPermissions(['camera'], { origin: new URL(ctx.server.url).origin });
    await openRoom(room);
    const before = requests.length;
    await room.getByTestId('room-camera').click();
    await waitForCount(room, 1);
    assert.ok(requests.slice(before).some((u) => /\/split_camera[^/]*\.wasm$/.test(u)), 'the reading code arrives with the camera');
    assert.equal(await room.getByTestId('room-camera').getAttribute('aria-pressed'), 'true');
    assert.equal(await room.getByTestId('room-camera-seen').textContent(), 'Hand-in added: 1 participant(s) in the room.');
    assert.equal(await room.getByTestId('room-median-current-B').textContent(), '3');
    assert.equal(await room.getByTestId('room-median-target-B').textContent(), '5');
    assert.deepEqual(JSON.parse(await room.evaluate((k) => localStorage.getItem(k), ROOM_PREF)).handins, [code]);
    // Seen again frame after frame: still one participant.
    await room.waitForTimeout(800);
    assert.equal(await count(room), 1);
    await room.getByTestId('room-camera').click();
    assert.equal(await room.getByTestId('room-camera').getAttribute('aria-pressed'), 'false');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
