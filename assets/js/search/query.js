// Query: parsing, and each word's clause of posting lists (exact term, prefix and typo expansions); phrase matching.
import { analyze } from './analysis.js';
import { newList, shardIndex } from './postings.js';

/**
 * Parses a query into {words: [{text, prefix}], phrases: [string], without: [string], either: [[string]]}, as web
 * search engines read it: text in double quotes (straight or curly) is a phrase; a word after a minus ("-council")
 * is one the results must not have (`without`); words joined by an upper-case OR ("fix OR DCR") are alternatives,
 * any of which a result may have (`either`: one group per run of ORs). When `live` is set and the query does not
 * end in a space, the last plain word is a prefix.
 */
export function parseQuery(q, { live = false } = {}) {
  const phrases = [];
  const words = [];
  const without = [];
  const either = [];
  const re = /["“”]([^"“”]*)["“”]?|([^\s"“”]+)/g;
  let m;
  let lastWordIndex = -1;
  let lastEnd = 0;
  // the last plain word, while it may still start a group of alternatives ({word, group}); an OR seen after it
  let open = null;
  let or = false;
  while ((m = re.exec(q)) !== null) {
    const text = m[2];
    if (text === 'OR' && open) {
      or = true;
      lastWordIndex = -1;
    } else if (m[1] !== undefined) {
      if (m[1].trim()) phrases.push(m[1].trim());
      lastWordIndex = -1;
      open = null;
    } else if (/^[-−]\D/.test(text)) {
      without.push(text.slice(1));
      lastWordIndex = -1;
      open = null;
    } else if (or) {
      // the word before the OR leaves the plain words for a group of alternatives (or joins the group it is in)
      if (!open.group) {
        words.splice(words.indexOf(open.word), 1);
        open.group = [open.word.text];
        either.push(open.group);
      }
      open.group.push(text);
      open = { word: { text }, group: open.group };
      lastWordIndex = -1;
    } else {
      const word = { text, prefix: false };
      words.push(word);
      lastWordIndex = words.length - 1;
      open = { word, group: null };
    }
    if (text !== 'OR') or = false;
    lastEnd = re.lastIndex;
  }
  if (live && lastWordIndex >= 0 && lastEnd === q.length) words[lastWordIndex].prefix = true;
  return { words, phrases, without, either };
}

/** OSA edit distance of a and b (with `prefix`: of a and b's closest beginning), or more than max once it exceeds max. */
export function editDistance(a, b, max = 2, prefix = false) {
  if (!prefix && Math.abs(a.length - b.length) > max) return max + 1;
  if (prefix && b.length + max < a.length) return max + 1;
  const prev2 = new Array(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let prevPrev = prev2;
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prefix ? Math.min(...prev) : prev[b.length];
}

/** Typo edits by word length, as FuzzyQuery is used: none below 5 letters, 1 up to 7, 2 (its maximum) from 8. */
export function maxEdits(length) {
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}

/** Score multipliers of inexact matches. */
export const PREFIX_FACTOR = 0.8;
export const TYPO_FACTOR = 0.5;
/** A prefix expands to at most this many terms (highest df first) of at most this many dictionary shards. */
const MAX_EXPANSIONS = 8;
const MAX_PREFIX_SHARDS = 2;

/** Terms starting with the prefix, from the (at most MAX_PREFIX_SHARDS) shards its range overlaps. */
async function prefixTerms(index, man, prefix) {
  const out = [];
  if (!man.dict.length) return out;
  for (let i = shardIndex(man.dict, prefix), n = 0; i < man.dict.length && n < MAX_PREFIX_SHARDS; i++, n++) {
    if (n > 0 && !man.dict[i].startsWith(prefix)) break;
    const terms = await index.shardTerms(i);
    for (const t of Object.keys(terms)) if (t.startsWith(prefix)) out.push([t, terms[t]]);
  }
  return out;
}

/**
 * Terms within maxEdits (+ extra) of a key, or with a beginning that is ("middlesboro" → middlesbrough; an exact one
 * only with `beginning`), in the shard where the key sorts, the next, and the one before when the key's shard starts with its first three
 * letters: the best MAX_EXPANSIONS [term, entry, factor].
 */
export async function typoTerms(index, man, keys, { extra = 0, beginning = false } = {}) {
  if (!man.dict.length) return [];
  const shardIds = new Set();
  for (const k of keys) {
    const i = shardIndex(man.dict, k);
    shardIds.add(i);
    if (i + 1 < man.dict.length) shardIds.add(i + 1);
    // a missing letter can sort the word after its shard ("consumtion" after every "consump…")
    if (i > 0 && man.dict[i].slice(0, 3) === k.slice(0, 3)) shardIds.add(i - 1);
  }
  const out = new Map();
  for (const i of shardIds) {
    const terms = await index.shardTerms(i);
    for (const t of Object.keys(terms)) {
      if (t.startsWith('=')) continue; // group terms of the vocabulary are not words
      for (const key of keys) {
        const max = maxEdits(key.length) + extra;
        if (max <= 0) continue;
        let factor = 0;
        const d = editDistance(key, t, max);
        if (d <= max && d > 0) factor = TYPO_FACTOR / d;
        if (t.length > key.length) {
          const p = editDistance(key, t, max, true);
          if (p <= max && (p > 0 || beginning)) factor = Math.max(factor, (TYPO_FACTOR * PREFIX_FACTOR) / Math.max(1, p));
        }
        const prev = out.get(t);
        if (factor > 0 && (!prev || prev.factor < factor)) out.set(t, { entry: terms[t], factor });
      }
    }
  }
  return [...out.entries()]
    .sort((a, b) => b[1].factor - a[1].factor || b[1].entry[0] - a[1].entry[0] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_EXPANSIONS).map(([t, v]) => [t, v.entry, v.factor]);
}

/**
 * Builds one required clause for an analyzed word: its posting lists (exact, prefix or typo terms), read
 * from the index opened by openIndex; `nearSpelling` is the word as typed when only its near spellings were found.
 */
export async function wordClause(index, man, tok, prefix, found = false) {
  const lists = [];
  const exact = await index.exactTerm(man, tok.term);
  if (exact) lists.push(newList(tok.term, exact, 1));
  if (prefix) {
    const cands = new Map();
    for (const key of new Set([tok.term, tok.surface])) {
      for (const [t, e] of await prefixTerms(index, man, key)) if (t !== tok.term) cands.set(t, e);
    }
    const ranked = [...cands.entries()].sort((a, b) => b[1][0] - a[1][0] || (a[0] < b[0] ? -1 : 1));
    for (const [t, e] of ranked.slice(0, MAX_EXPANSIONS)) lists.push(newList(t, e, PREFIX_FACTOR));
  }
  // a number is never a typo of another: 11000 is not 12000 (the page offers figures near it instead)
  if (!lists.length && !found && maxEdits(tok.surface.length) > 0 && !/^[\d.,]+$/.test(tok.term)) {
    // as Lucene's FuzzyQuery blends them: every expansion scores with the idf of the most frequent one, so that a
    // rare word one edit away (a misprint, a run-together word) does not outrank the common word that was meant
    const found2 = await typoTerms(index, man, [...new Set([tok.term, tok.surface])]);
    const idf = (df) => Math.log(1 + (man.N - df + 0.5) / (df + 0.5));
    const common = idf(Math.max(0, ...found2.map(([, e]) => e[0])));
    for (const [t, e, factor] of found2) lists.push(newList(t, e, (factor * common) / idf(e[0])));
    // the word as typed, which the archive does not have: its near spellings were searched for instead
    if (lists.length) return { lists, nearSpelling: tok.surface };
  }
  return { lists };
}

/** The clause of a vocabulary name (token `syn`, then its `covered` tokens): the group term, and a one-word name's own lists. */
export async function vocabularyClause(index, man, syn, covered, prefix) {
  const lists = [];
  const e = await index.exactTerm(man, syn.term);
  if (e) lists.push(newList(syn.term, e, 1));
  if (covered.length === 1) lists.push(...(await wordClause(index, man, covered[0], prefix, lists.length > 0)).lists);
  return { lists };
}

/** Whether the analyzed text has the phrase's terms at the phrase's relative positions (stop-word gaps kept). */
function hasPhrase(toks, phrase) {
  const at = new Map(toks.map((t) => [t.position, t.term]));
  const base = phrase[0].position;
  return toks.some((t) => t.term === phrase[0].term
    && phrase.every((p) => at.get(t.position + p.position - base) === p.term));
}

/** Whether document id has every phrase (analyzed tokens) in its title, people or a passage: reads all its chunks. */
export async function phraseHolds(index, id, phrases) {
  const { info, passages } = await index.wholeDoc(id);
  const texts = [info.title, ...(info.people || []), ...passages.map((p) => p[1])];
  return phrases.every((ph) => texts.some((text) => hasPhrase(analyze(text), ph)));
}
