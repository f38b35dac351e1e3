// The comparison and merge rules of docs/exchange-format.md (“Workshop rounds”),
// written independently of the app, for the workshop tests of every engine
// (workshop.test.mjs in Chromium, tests/engines/flows.mjs in each engine).
const isSet = (v) => v !== undefined && v !== null && v !== '';

function lowerMedian(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/** The proposal for `current` or `target` from the assessors' values. */
export function proposeScore(values) {
  const set = values.filter(isSet);
  if (set.filter((v) => v === 'n/a').length * 2 > set.length) return 'n/a';
  const ints = set.filter(Number.isInteger);
  return ints.length ? lowerMedian(ints) : undefined;
}

/** The proposal for `level` or `sourcing`: the most chosen value; a tie proposes nothing. */
export function plurality(values) {
  const counts = new Map();
  for (const v of values.filter(isSet)) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  const best = [...counts].filter(([, n]) => n === top);
  return best.length === 1 ? best[0][0] : undefined;
}

/** Whether the assessors' states of one service make a disagreement. */
export function disagrees(states) {
  const distinct = (k) => new Set(states.map((s) => s[k]).filter(isSet)).size > 1;
  const span = (k) => {
    const ints = states.map((s) => s[k]).filter(Number.isInteger);
    return ints.length > 0 && Math.max(...ints) - Math.min(...ints) >= 2;
  };
  return distinct('level') || distinct('sourcing') || span('current') || span('target');
}

/** Per service id: each document's state (an empty object where it has none). */
export function byService(docs) {
  const ids = new Set(docs.flatMap((d) => d.services.map((s) => s.id)));
  return new Map([...ids].map((id) => [id, docs.map((d) => d.services.find((s) => s.id === id) ?? {})]));
}

/** The merged services by the rules, with the facilitator's `overrides` per id. */
export function mergedDoc(docs, overrides = {}) {
  const services = [];
  for (const [id, states] of byService(docs)) {
    services.push({
      id,
      level: plurality(states.map((x) => x.level)),
      sourcing: plurality(states.map((x) => x.sourcing)),
      current: proposeScore(states.map((x) => x.current)),
      target: proposeScore(states.map((x) => x.target)),
      ...overrides[id],
    });
  }
  return { services, custom_services: docs[0].custom_services ?? [] };
}
