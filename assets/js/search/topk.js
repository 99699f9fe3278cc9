// Top-k: exact early termination over impact-ordered posting tiers (NRA, Fagin et al.), reading only the tiers it needs.
import { rest } from './postings.js';

/**
 * One step of the threshold algorithm (NRA, Fagin et al.) over what is loaded: the top k documents
 * having every clause, and whether they are final (exact scores, and no other document - seen or not -
 * can still reach them). `state` keeps one record per seen document: its value in every list (-1 unseen).
 */
function evaluate(state, k, filter, exclude) {
  const { lists, clauseLists, recs, all: records } = state;
  lists.forEach((l, j) => {
    for (let i = state.synced[j]; i < l.docs.length; i++) {
      const doc = l.docs[i];
      let rec = recs.get(doc);
      if (!rec) {
        rec = { doc, v: new Float64Array(lists.length).fill(-1), lb: 0, ub: 0 };
        recs.set(doc, rec);
        records.push(rec);
      }
      rec.v[j] = l.vals[i];
    }
    state.synced[j] = l.docs.length;
  });
  const restL = lists.map(rest);
  const restC = clauseLists.map((js) => js.reduce((m, j) => Math.max(m, restL[j]), 0));
  const unseen = restC.every((r) => r > 0) ? restC.reduce((a, b) => a + b, 0) : -Infinity;
  const better = (a, b) => a.lb > b.lb || (a.lb === b.lb && a.doc < b.doc);
  const top = [];
  let confirmed = 0;
  let exactTop = true;
  for (const rec of records) {
    rec.state = 0; // 0 impossible, 1 confirmed, 2 possible
    if ((filter && !filter.has(rec.doc)) || exclude.has(rec.doc)) continue;
    let lb = 0;
    let ub = 0;
    let seenAll = true;
    let exact = true;
    let possible = true;
    for (const js of clauseLists) {
      let lc = -1;
      let uc = 0;
      for (const j of js) {
        const v = rec.v[j];
        if (v >= 0) { if (v > lc) lc = v; if (v > uc) uc = v; } else if (restL[j] > uc) uc = restL[j];
      }
      if (lc < 0) {
        seenAll = false;
        if (uc === 0) { possible = false; break; }
      } else {
        lb += lc;
        if (uc > lc) exact = false;
      }
      ub += uc;
    }
    if (!possible) continue;
    rec.ub = ub;
    rec.lb = lb;
    rec.exact = exact;
    rec.state = seenAll ? 1 : 2;
    if (!seenAll) continue;
    confirmed++;
    if (top.length < k || better(rec, top[top.length - 1])) {
      let i = Math.min(top.length, k - 1);
      top[i] = rec;
      while (i > 0 && better(rec, top[i - 1])) { top[i] = top[i - 1]; top[i - 1] = rec; i--; }
    }
  }
  for (const t of top) if (!t.exact) exactTop = false;
  const complete = restL.every((r) => r === 0);
  let done = exactTop;
  if (done) {
    const inTop = new Set(top);
    if (top.length < k) {
      done = unseen === -Infinity && !records.some((r) => r.state === 2);
    } else {
      const { lb: theta, doc: kd } = top[k - 1];
      done = unseen < theta && !records.some((r) => r.state !== 0 && !inTop.has(r)
        && (r.ub > theta || (r.ub === theta && r.doc < kd)));
    }
  }
  return { top: top.map((t) => ({ doc: t.doc, lb: t.lb })), done: done || complete, complete, confirmed };
}

/** Loads tiers until the top k are final; each round loads the tier with the highest remaining bound. */
export async function topK(index, clauses, k, filter, exclude) {
  const lists = clauses.flatMap((c) => c.lists);
  const state = {
    lists, clauseLists: clauses.map((c) => c.lists.map((l) => lists.indexOf(l))),
    recs: new Map(), all: [], synced: lists.map(() => 0),
  };
  await Promise.all(lists.filter((l) => l.ord >= 0 && l.loaded === 0).map(index.loadNext));
  for (;;) {
    const r = evaluate(state, k, filter, exclude);
    if (r.done) return r;
    let best = null;
    for (const l of lists) if (rest(l) > 0 && (!best || rest(l) > rest(best))) best = l;
    await index.loadNext(best);
  }
}

/** Reads every tier of every list of the clauses. */
export async function loadAll(index, clauses) {
  for (const l of clauses.flatMap((c) => c.lists)) while (rest(l) > 0) await index.loadNext(l);
}
