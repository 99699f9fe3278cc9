// Excerpts: the best passage of a result and a ~30-word snippet around its first match, as [{text, mark}] parts.
import { analyze } from './analysis.js';

const SNIPPET_WORDS = 30;

/**
 * Picks the passage whose distinct matched terms weigh most (each its `weights` entry, its rarity; 1 without one;
 * a phrase hit adds twice its terms' mean weight; the earlier passage wins ties) and cuts a snippet around the first
 * match; a matched name of the vocabulary is marked whole. Returns {anchor, text, snippet: [{text, mark}]} or null.
 */
export function bestPassage(passages, matchedTerms, phrases = [], vocabulary = null, weights = new Map()) {
  let best = null;
  const weight = (term) => weights.get(term) ?? 1;
  passages.forEach(([anchor, text], idx) => {
    const all = analyze(text, vocabulary);
    const toks = all.filter((t) => !t.syn);
    const hits = all.filter((t) => matchedTerms.has(t.term));
    let score = [...new Set(hits.map((t) => t.term))].reduce((a, t) => a + weight(t), 0);
    for (const ph of phrases) {
      for (let i = 0; i + ph.length <= toks.length; i++) {
        if (ph.every((term, k) => toks[i + k].term === term)) { score += (2 * ph.reduce((a, t) => a + weight(t), 0)) / ph.length; break; }
      }
    }
    if (!best || score > best.score) best = { anchor, text, hits, score, idx };
  });
  if (!best) return null;
  // no passage has a query word (the title or the people matched): the result links to the page, not a paragraph
  return { anchor: best.score > 0 ? best.anchor : '', text: best.text, snippet: snippet(best.text, best.hits) };
}

/** Cuts ~30 words of text around the first hit and splits it into [{text, mark}] parts. */
export function snippet(text, hits) {
  const words = [...text.matchAll(/\S+/g)];
  let startChar = 0;
  let endChar = text.length;
  if (words.length > SNIPPET_WORDS) {
    const firstHit = hits.length ? hits[0].start : 0;
    let wi = words.findIndex((w) => w.index + w[0].length > firstHit);
    if (wi < 0) wi = 0;
    const from = Math.max(0, Math.min(wi - 8, words.length - SNIPPET_WORDS));
    const to = Math.min(words.length, from + SNIPPET_WORDS);
    startChar = words[from].index;
    endChar = words[to - 1].index + words[to - 1][0].length;
  }
  const parts = [];
  if (startChar > 0) parts.push({ text: '… ', mark: false });
  let pos = startChar;
  for (const h of hits) {
    if (h.start < pos || h.end > endChar) continue;
    if (h.start > pos) parts.push({ text: text.slice(pos, h.start), mark: false });
    parts.push({ text: text.slice(h.start, h.end), mark: true });
    pos = h.end;
  }
  if (pos < endChar) parts.push({ text: text.slice(pos, endChar), mark: false });
  if (endChar < text.length) parts.push({ text: ' …', mark: false });
  return parts;
}
