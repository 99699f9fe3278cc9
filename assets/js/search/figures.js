// Figures: the archive's figures near or equal to a number of the query (loaded by search.js only for a query with
// a number, on the search page). The index files them by value, 64 to a file; the manifest lists each file's
// first value (SearchExport.figures).
import { analyze, scaled, spelledAsDigits } from './analysis.js';

/** A number as readers write it, with its magnitude letter if any. */
const NUMBER = /(\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(k|m|bn)?\b/gi;

/** The numbers of a query as readers write them: 1,187 / 1 187 / 1187 / £12,000 / £12k / £1.2m / 27% / fifteen. */
export function numbersOf(query) {
  return [...spelledAsDigits(query).matchAll(NUMBER)]
    .map((m) => {
      const digits = m[1].replace(/[, ]/g, '');
      return Number(m[2] ? scaled(digits, m[2].toLowerCase()) : digits);
    })
    .filter((v) => v > 0);
}

/** Every figure [value, label, url, title] with lo <= value <= hi, from the files that can hold one. */
async function between(index, man, lo, hi) {
  const firsts = man.figures || [];
  const out = [];
  for (let i = 0; i < firsts.length; i++) {
    if (firsts[i] > hi) break;
    if (i + 1 < firsts.length && firsts[i + 1] < lo) continue;
    for (const f of await index.get(`figures/${i}.json`)) if (f[0] >= lo && f[0] <= hi) out.push(f);
  }
  return out;
}

/** Whether a figure's words share one with the query (its numbers aside). */
const sharesWord = (query) => {
  // numbers spelled out are numbers too ("fifteen"), not words a figure can share
  const words = new Set(analyze(spelledAsDigits(query).replace(NUMBER, ' ')).map((t) => t.term));
  return (f) => words.size === 0 || analyze(`${f[1]} ${f[3]}`).some((t) => words.has(t.term));
};

/**
 * The claims whose figure is a number of the query and that share a word with it (or the query is only numbers):
 * "1,100 deaths" → the claim of "more than 1,100 deaths — drug deaths in Scotland (2018)". At most 2 [{label, url, title}].
 */
export async function answers(index, man, query) {
  const shares = sharesWord(query);
  const out = [];
  for (const v of numbersOf(query)) {
    for (const f of await between(index, man, v, v)) if (shares(f) && !out.some((o) => o.url === f[2])) out.push({ label: f[1], url: f[2], title: f[3] });
  }
  return out.slice(0, 2);
}

/**
 * The archive's figures within a quarter of a number of the query, those sharing a word with it first, then the
 * closest: at most 3 [{value, label, url}] ("1,187" → "more than 1,100 deaths — drug deaths in Scotland (2018)").
 */
export async function nearFigures(index, man, query) {
  const shares = sharesWord(query);
  const out = new Map();
  for (const v of numbersOf(query)) {
    for (const f of await between(index, man, v * 0.75, v * 1.25)) {
      const rank = (shares(f) ? 0 : 1) + Math.abs(Math.log(f[0] / v));
      if (!out.has(f[2]) || out.get(f[2]).rank > rank) out.set(f[2], { value: f[0], label: f[1], url: f[2], rank });
    }
  }
  return [...out.values()].sort((a, b) => a.rank - b.rank || (a.url < b.url ? -1 : 1)).slice(0, 3)
    .map(({ value, label, url }) => ({ value, label, url }));
}
