// Dashboard numbers computed independently of the app, from CONTRACT.md §2, in
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
