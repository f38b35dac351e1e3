// Dashboard numbers computed independently of the app, from docs/exchange-format.md (“How the numbers are computed”), in
// integer arithmetic (so 101/40 is 2.53).
export const CATEGORIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];

export function categoryOf(id, customServices = []) {
  const custom = customServices.find((c) => c.id === id);
  return custom ? custom.category : id.split('-')[0];
}

/** Two decimals, half away from zero, of sum/count (both non-negative integers). */
export function formatMean(sum, count) {
  if (count === 0) return null;
  const h = Math.floor((2 * sum * 100 + count) / (2 * count));
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
}

/** { A: {current, target}, ..., overall: {...} } as the dashboard shows them (null: no value). */
export function expectedScores(doc) {
  const acc = {};
  for (const c of [...CATEGORIES, 'overall']) acc[c] = { cs: 0, cn: 0, ts: 0, tn: 0 };
  for (const s of doc.services) {
    if (!s.level || s.level === 'not_required') continue;
    for (const key of [categoryOf(s.id, doc.custom_services), 'overall']) {
      if (Number.isInteger(s.current)) { acc[key].cs += s.current; acc[key].cn += 1; }
      if (Number.isInteger(s.target)) { acc[key].ts += s.target; acc[key].tn += 1; }
    }
  }
  const out = {};
  for (const [k, a] of Object.entries(acc)) out[k] = { current: formatMean(a.cs, a.cn), target: formatMean(a.ts, a.tn) };
  return out;
}

/** Reads every score-current-{C} / score-target-{C} cell of the dashboard. */
export async function shownScores(page) {
  const out = {};
  for (const c of [...CATEGORIES, 'overall']) {
    out[c] = {
      current: (await page.getByTestId(`score-current-${c}`).textContent()).trim(),
      target: (await page.getByTestId(`score-target-${c}`).textContent()).trim(),
    };
  }
  return out;
}

/** Asserts shown numbers equal expected ones; a missing value must be non-numeric. */
export function assertScores(assert, shown, expected) {
  for (const c of [...CATEGORIES, 'overall']) {
    for (const which of ['current', 'target']) {
      const want = expected[c][which];
      const got = shown[c][which];
      if (want === null) assert.ok(!/\d/.test(got), `${which} ${c}: expected no value, got ${got}`);
      else assert.equal(got, want, `${which} ${c}`);
    }
  }
}

function sums(services, customServices = []) {
  const acc = {};
  for (const c of [...CATEGORIES, 'overall']) acc[c] = { cs: 0n, cn: 0n, ts: 0n, tn: 0n };
  for (const s of services) {
    if (!s.level || s.level === 'not_required') continue;
    for (const key of [categoryOf(s.id, customServices), 'overall']) {
      if (Number.isInteger(s.current)) { acc[key].cs += BigInt(s.current); acc[key].cn += 1n; }
      if (Number.isInteger(s.target)) { acc[key].ts += BigInt(s.target); acc[key].tn += 1n; }
    }
  }
  return acc;
}

/** Signed two-decimal delta of two exact means (docs/exchange-format.md), or null. */
export function formatDelta(nowSum, nowCount, baseSum, baseCount) {
  if (nowCount === 0n || baseCount === 0n) return null;
  const num = (nowSum * baseCount - baseSum * nowCount) * 100n;
  const den = nowCount * baseCount;
  const mag = (2n * (num < 0n ? -num : num) + den) / (2n * den);
  const h = num < 0n ? -mag : mag;
  const abs = h < 0n ? -h : h;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return h > 0n ? `+${text}` : h < 0n ? `-${text}` : text;
}

/** { C: {current, target} } deltas of `now` against `base` service lists. */
export function expectedDeltas(now, base, customServices = []) {
  const n = sums(now, customServices);
  const b = sums(base, customServices);
  const out = {};
  for (const c of [...CATEGORIES, 'overall']) {
    out[c] = {
      current: formatDelta(n[c].cs, n[c].cn, b[c].cs, b[c].cn),
      target: formatDelta(n[c].ts, n[c].tn, b[c].ts, b[c].tn),
    };
  }
  return out;
}

export async function shownDeltas(page) {
  const out = {};
  for (const c of [...CATEGORIES, 'overall']) {
    out[c] = {
      current: (await page.getByTestId(`delta-current-${c}`).textContent()).trim(),
      target: (await page.getByTestId(`delta-target-${c}`).textContent()).trim(),
    };
  }
  return out;
}

/**
 * Whether a share link's fragment stayed in the browser: no request the server saw
 * (paths, as strings) carries `share=` or the start of the link's payload. (The app's
 * own files may name "share", e.g. the split module split_share.wasm.)
 */
export function fragmentNeverSent(requests, link) {
  const at = link.indexOf('#share=') + '#share='.length;
  const payload = link.slice(at, at + 32);
  return requests.every((r) => !r.includes('share=') && !r.includes(payload));
}
