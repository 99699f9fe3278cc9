// Suggestions: "Did you mean …?" for a query that finds nothing (loaded by search.js only then).
import { analyze } from './analysis.js';
import { parseQuery, typoTerms, editDistance } from './query.js';
import { newList } from './postings.js';

/**
 * The query with each word the index lacks replaced by the closest word of the archive (one edit more than typo
 * matching allows and at most one in four letters; a beginning, exact or misspelled, counts; numbers are not
 * corrected), as the archive writes it, provided that `search` finds something with it; else null. Phrases, words
 * left out and alternatives: null.
 */
export async function didYouMean(index, search, man, query, filters) {
  const parsed = parseQuery(query);
  if (parsed.phrases.length || parsed.without.length || parsed.either.length || !parsed.words.length) return null;
  const text = parsed.words.map((w) => w.text).join(' ');
  let out = '';
  let pos = 0;
  for (const tok of analyze(text)) {
    if (await index.exactTerm(man, tok.term)) continue;
    if (/^[\d.,]+$/.test(tok.term)) return null;
    const keys = [...new Set([tok.term, tok.surface])];
    const [best] = await typoTerms(index, man, keys, { extra: 1, beginning: true });
    // at most one edit in four letters: "crme" is crime, "cocaine" is not Cowan
    const budget = Math.max(1, Math.floor(tok.surface.length / 4));
    const near = (k) => Math.min(editDistance(k, best[0], budget), editDistance(k, best[0], budget, true)) <= budget;
    if (!best || !keys.some(near)) return null;
    const word = await writtenAs(index, best[0], best[1]);
    if (!word) return null;
    out += text.slice(pos, tok.start) + word;
    pos = tok.end;
  }
  if (!out) return null;
  out += text.slice(pos);
  const r = await search(out, { ...filters, limit: 1, suggest: false });
  return r.results.length ? out : null;
}

/** The term as the archive writes it: the word of its best document (in tier 0) that analyzes to it. */
async function writtenAs(index, term, entry) {
  const list = newList(term, entry, 1);
  if (list.ord >= 0) await index.loadNext(list);
  let doc = -1;
  for (const [d, v] of list.seen) if (doc < 0 || v > list.seen.get(doc) || (v === list.seen.get(doc) && d < doc)) doc = d;
  if (doc < 0) return null;
  const info = await index.chunk(doc, list.chunk.get(doc) || 0);
  for (const text of [info.title, ...(info.people || []), ...info.passages.map((p) => p[1])]) {
    const tok = analyze(text).find((t) => t.term === term);
    if (tok) return text.slice(tok.start, tok.end);
  }
  return null;
}

