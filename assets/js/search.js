// In-browser search over the static index written by org.evidencearchive.search.SearchExport.
// Dependency-free ES module: analysis (a port of Lucene's EnglishAnalyzer), query parsing,
// shard loading (injectable loader), BM25 ranking with field weights, phrases, prefix and typo matching,
// filters, best passage and snippet. See docs/search-index.md for the file format.

// ---------------------------------------------------------------------------------------------
// Analysis: StandardTokenizer (UAX#29 via Intl.Segmenter) -> EnglishPossessiveFilter ->
// LowerCaseFilter -> StopFilter (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) -> PorterStemFilter.

/** The 33 stop words of Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET. */
export const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not',
  'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was',
  'will', 'with',
]);

const SPLIT_SINGLE = /[\p{Script=Han}\p{Script=Hiragana}]/u;
// Lucene keeps a run of Thai, Lao, Myanmar or Khmer as one token; ICU splits it with a dictionary.
// Lucene's StandardTokenizer emits emoji (sequences) as tokens; Intl.Segmenter marks them not word-like.
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})/u;
const EMOJI_RUN = /\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*/gu;
const W = '[\\p{L}\\p{Nl}\\p{Nd}\\p{M}_]';
const SE_ASIAN = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]+$/u;

/**
 * Splits text into word tokens like Lucene's StandardTokenizer: [{text, start, end}] (UTF-16 offsets).
 * Uses Intl.Segmenter (UAX#29 word boundaries); Han and Hiragana become one token per character.
 */
export function tokenize(text) {
  const out = [];
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    const seg = new Intl.Segmenter('und', { granularity: 'word' });
    for (const s of seg.segment(text)) {
      if (!s.isWordLike && !EMOJI.test(s.segment)) continue;
      const prev = out[out.length - 1];
      if (prev && prev.end === s.index && SE_ASIAN.test(prev.text) && SE_ASIAN.test(s.segment)) {
        prev.text += s.segment;
        prev.end += s.segment.length;
        continue;
      }
      pushToken(out, s.segment, s.index);
    }
  } else {
    // Fallback: letters/digits joined by in-word punctuation (MidLetter/MidNum/MidNumLet).
    // MidNumLet joins letters or digits; MidLetter only letters; MidNum only digits (UAX#29 WB6-7, WB11-12).
    const re = new RegExp(`${W}+(?:(?:[.'’\\uFF0E\\uFF07]|(?<=\\p{L})[:\\u00B7\\u2027\\uFE13\\uFE55\\uFF1A](?=\\p{L})`
      + `|(?<=\\p{Nd})[,;\\u066C\\u2044\\uFE10\\uFE14\\uFE50\\uFE54\\uFF0C\\uFF1B](?=\\p{Nd}))${W}+)*`, 'gu');
    const found = [...text.matchAll(re), ...text.matchAll(EMOJI_RUN)].sort((a, b) => a.index - b.index);
    for (const m of found) pushToken(out, m[0], m.index);
  }
  return out;
}

function pushToken(out, segment, index) {
  if (SPLIT_SINGLE.test(segment)) {
    let run = '';
    let runStart = index;
    let off = index;
    for (const ch of segment) {
      if (SPLIT_SINGLE.test(ch)) {
        if (run) out.push({ text: run, start: runStart, end: off });
        out.push({ text: ch, start: off, end: off + ch.length });
        run = '';
        runStart = off + ch.length;
      } else {
        run += ch;
      }
      off += ch.length;
    }
    if (run) out.push({ text: run, start: runStart, end: off });
    return;
  }
  out.push({ text: segment, start: index, end: index + segment.length });
}

/** EnglishPossessiveFilter: strips a trailing 's, ’s or ＇s (either case of s). */
export function stripPossessive(t) {
  const n = t.length;
  if (n >= 2 && (t[n - 1] === 's' || t[n - 1] === 'S')) {
    const q = t[n - 2];
    if (q === "'" || q === '\u2019' || q === '\uFF07') return t.slice(0, n - 2);
  }
  return t;
}

/** LowerCaseFilter: Java's Character.toLowerCase per code point (no context-dependent rules). */
export function lowerCase(t) {
  let out = '';
  for (const ch of t) {
    if (ch === '\u0130') { out += 'i'; continue; }
    const l = ch.toLowerCase();
    out += [...l].length === 1 ? l : ch;
  }
  return out;
}

/** Lucene's PorterStemmer (the original 1980 algorithm, release 3) on a lower-cased word. */
export function porterStem(word) {
  const b = word.split('');
  let k = b.length - 1;
  const k0 = 0;
  let j = 0;
  if (k <= k0 + 1) return word;

  const cons = (i) => {
    switch (b[i]) {
      case 'a': case 'e': case 'i': case 'o': case 'u': return false;
      case 'y': return i === k0 ? true : !cons(i - 1);
      default: return true;
    }
  };
  const m = () => {
    let n = 0;
    let i = k0;
    for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
    i++;
    for (;;) {
      for (;;) { if (i > j) return n; if (cons(i)) break; i++; }
      i++; n++;
      for (;;) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
    }
  };
  const vowelinstem = () => { for (let i = k0; i <= j; i++) if (!cons(i)) return true; return false; };
  const doublec = (jj) => jj >= k0 + 1 && b[jj] === b[jj - 1] && cons(jj);
  const cvc = (i) => {
    if (i < k0 + 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
    const ch = b[i];
    return !(ch === 'w' || ch === 'x' || ch === 'y');
  };
  const ends = (s) => {
    const l = s.length;
    const o = k - l + 1;
    if (o < k0) return false;
    for (let i = 0; i < l; i++) if (b[o + i] !== s[i]) return false;
    j = k - l;
    return true;
  };
  const setto = (s) => { const o = j + 1; for (let i = 0; i < s.length; i++) b[o + i] = s[i]; k = j + s.length; };
  const r = (s) => { if (m() > 0) setto(s); };

  // step1: plurals, -ed, -ing
  if (b[k] === 's') {
    if (ends('sses')) k -= 2;
    else if (ends('ies')) setto('i');
    else if (b[k - 1] !== 's') k--;
  }
  if (ends('eed')) {
    if (m() > 0) k--;
  } else if ((ends('ed') || ends('ing')) && vowelinstem()) {
    k = j;
    if (ends('at')) setto('ate');
    else if (ends('bl')) setto('ble');
    else if (ends('iz')) setto('ize');
    else if (doublec(k)) {
      const ch = b[k--];
      if (ch === 'l' || ch === 's' || ch === 'z') k++;
    } else if (m() === 1 && cvc(k)) setto('e');
  }
  // step2: y -> i
  if (ends('y') && vowelinstem()) b[k] = 'i';
  // step3: double suffixes
  if (k !== k0) {
    const rules3 = {
      a: [['ational', 'ate'], ['tional', 'tion']],
      c: [['enci', 'ence'], ['anci', 'ance']],
      e: [['izer', 'ize']],
      l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
      o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
      s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
      t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
      g: [['logi', 'log']],
    }[b[k - 1]];
    if (rules3) for (const [suf, rep] of rules3) if (ends(suf)) { r(rep); break; }
  }
  // step4: -ic-, -full, -ness
  {
    const rules4 = {
      e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
      i: [['iciti', 'ic']],
      l: [['ical', 'ic'], ['ful', '']],
      s: [['ness', '']],
    }[b[k]];
    if (rules4) for (const [suf, rep] of rules4) if (ends(suf)) { r(rep); break; }
  }
  // step5: -ant, -ence etc.
  if (k !== k0) {
    let hit = false;
    switch (b[k - 1]) {
      case 'a': hit = ends('al'); break;
      case 'c': hit = ends('ance') || ends('ence'); break;
      case 'e': hit = ends('er'); break;
      case 'i': hit = ends('ic'); break;
      case 'l': hit = ends('able') || ends('ible'); break;
      case 'n': hit = ends('ant') || ends('ement') || ends('ment') || ends('ent'); break;
      case 'o':
        hit = (ends('ion') && j >= 0 && (b[j] === 's' || b[j] === 't')) || ends('ou');
        break;
      case 's': hit = ends('ism'); break;
      case 't': hit = ends('ate') || ends('iti'); break;
      case 'u': hit = ends('ous'); break;
      case 'v': hit = ends('ive'); break;
      case 'z': hit = ends('ize'); break;
      default: hit = false;
    }
    if (hit && m() > 1) k = j;
  }
  // step6: final -e, -ll
  j = k;
  if (b[k] === 'e') {
    const a = m();
    if (a > 1 || (a === 1 && !cvc(k - 1))) k--;
  }
  if (b[k] === 'l' && doublec(k) && m() > 1) k--;
  return b.slice(0, k + 1).join('');
}

/**
 * Runs the EnglishAnalyzer chain: returns [{term, position, start, end, surface}] where position counts
 * removed stop words (like Lucene's position increments) and start/end are offsets into text.
 */
export function analyze(text) {
  const out = [];
  let position = -1;
  for (const tok of tokenize(text)) {
    position++;
    const lower = lowerCase(stripPossessive(tok.text));
    if (STOP_WORDS.has(lower)) continue;
    out.push({ term: porterStem(lower), position, start: tok.start, end: tok.end, surface: lower });
  }
  return out;
}

/** Returns just the terms EnglishAnalyzer would index for the text. */
export function analyzeTerms(text) {
  return analyze(text).map((t) => t.term);
}

// ---------------------------------------------------------------------------------------------
// Query parsing

/**
 * Parses a query into {words: [{text, prefix}], phrases: [string]}. Text in double quotes (straight or
 * curly) is a phrase; when `live` is set and the query does not end in a space, the last word is a prefix.
 */
export function parseQuery(q, { live = false } = {}) {
  const phrases = [];
  const words = [];
  const re = /["“”]([^"“”]*)["“”]?|([^\s"“”]+)/g;
  let m;
  let lastWordIndex = -1;
  let lastEnd = 0;
  while ((m = re.exec(q)) !== null) {
    if (m[1] !== undefined) {
      if (m[1].trim()) phrases.push(m[1].trim());
      lastWordIndex = -1;
    } else {
      words.push({ text: m[2], prefix: false });
      lastWordIndex = words.length - 1;
    }
    lastEnd = re.lastIndex;
  }
  if (live && lastWordIndex >= 0 && lastEnd === q.length) words[lastWordIndex].prefix = true;
  return { words, phrases };
}

// ---------------------------------------------------------------------------------------------
// Edit distance (optimal string alignment), bounded.

/** Returns the OSA edit distance between a and b, or max + 1 once it exceeds max. */
export function editDistance(a, b, max = 2) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
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
  return prev[b.length];
}

// ---------------------------------------------------------------------------------------------
// Index access

/** Score multipliers of inexact matches. */
export const PREFIX_FACTOR = 0.8;
export const TYPO_FACTOR = 0.5;
const MAX_EXPANSIONS = 30;

/**
 * Creates a searcher. `load(path)` returns a Promise of the parsed JSON file at that path relative to the
 * index directory (fetch in the browser, fs in tests). Files are fetched at most once.
 */
export function createSearch(load) {
  const cache = new Map();
  const get = (path) => {
    if (!cache.has(path)) cache.set(path, Promise.resolve(load(path)));
    return cache.get(path);
  };
  const manifest = () => get('manifest.json');

  /** Index of the shard that would hold the term: the last shard whose first term is <= term. */
  function shardIndex(shards, term) {
    let lo = 0;
    let hi = shards.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (shards[mid].first <= term) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }

  async function shardTerms(i) {
    const man = await manifest();
    return (await get(man.termShards[i].file)).terms;
  }

  async function exactTerm(term) {
    const man = await manifest();
    if (!man.termShards.length) return null;
    const terms = await shardTerms(shardIndex(man.termShards, term));
    return Object.prototype.hasOwnProperty.call(terms, term) ? terms[term] : null;
  }

  async function prefixTerms(prefix) {
    const man = await manifest();
    const out = [];
    for (let i = shardIndex(man.termShards, prefix); i < man.termShards.length; i++) {
      const s = man.termShards[i];
      if (s.first > prefix && !s.first.startsWith(prefix)) break;
      const terms = await shardTerms(i);
      for (const t of Object.keys(terms)) if (t.startsWith(prefix)) out.push([t, terms[t]]);
      if (out.length >= MAX_EXPANSIONS * 4) break;
    }
    return out;
  }

  /** Terms within edit distance of any of the keys, searched in the shards that would hold the keys. */
  async function typoTerms(keys) {
    const man = await manifest();
    if (!man.termShards.length) return [];
    const shardIds = [...new Set(keys.map((k) => shardIndex(man.termShards, k)))];
    const out = new Map();
    for (const i of shardIds) {
      const terms = await shardTerms(i);
      for (const t of Object.keys(terms)) {
        for (const key of keys) {
          const max = key.length >= 8 ? 2 : 1;
          const d = editDistance(key, t, max);
          if (d <= max) {
            const prev = out.get(t);
            if (!prev || prev.d > d) out.set(t, { postings: terms[t], d });
          }
        }
      }
    }
    return [...out.entries()].map(([t, v]) => [t, v.postings, v.d]);
  }

  function termScores(man, postings, factor, into) {
    for (const [field, list] of Object.entries(postings)) {
      const w = (man.fields[field] && man.fields[field].weight) || 1;
      for (const p of list) {
        into.set(p[0], (into.get(p[0]) || 0) + w * p[1] * factor);
      }
    }
  }

  /** Builds one required clause for an analyzed word: doc -> score, plus the matched terms. */
  async function wordClause(man, tok, prefix) {
    const scores = new Map();
    const matched = new Set();
    const exact = await exactTerm(tok.term);
    if (exact) { termScores(man, exact, 1, scores); matched.add(tok.term); }
    if (prefix) {
      const cands = new Map();
      for (const key of new Set([tok.term, tok.surface])) {
        for (const [t, postings] of await prefixTerms(key)) if (t !== tok.term) cands.set(t, postings);
      }
      const ranked = [...cands.entries()].sort((a, b) => df(b[1]) - df(a[1]) || (a[0] < b[0] ? -1 : 1));
      for (const [t, postings] of ranked.slice(0, MAX_EXPANSIONS)) {
        const s = new Map();
        termScores(man, postings, PREFIX_FACTOR, s);
        maxInto(scores, s);
        matched.add(t);
      }
    }
    if (!exact && scores.size === 0 && tok.surface.length >= 5) {
      for (const [t, postings, d] of await typoTerms([...new Set([tok.term, tok.surface])])) {
        const s = new Map();
        termScores(man, postings, TYPO_FACTOR / d, s);
        maxInto(scores, s);
        matched.add(t);
      }
    }
    return { scores, matched };
  }

  /** Builds a phrase clause: docs where the analyzed terms occur at consecutive positions in one field. */
  async function phraseClause(man, phrase) {
    const toks = analyze(phrase);
    const scores = new Map();
    const matched = new Set(toks.map((t) => t.term));
    if (!toks.length) return null;
    const lists = [];
    for (const t of toks) {
      const postings = await exactTerm(t.term);
      if (!postings) return { scores, matched, phrase: toks };
      lists.push(postings);
    }
    const base = toks[0].position;
    for (const field of Object.keys(man.fields)) {
      const perTerm = lists.map((l) => new Map((l[field] || []).map((p) => [p[0], p])));
      const w = man.fields[field].weight || 1;
      for (const [doc, first] of perTerm[0]) {
        if (!perTerm.every((m) => m.has(doc))) continue;
        const sets = perTerm.map((m) => new Set(m.get(doc).slice(2)));
        const hit = first.slice(2).some((start) =>
          toks.every((t, i) => sets[i].has(start + t.position - base)));
        if (!hit) continue;
        const s = perTerm.reduce((acc, m2) => acc + m2.get(doc)[1], 0) * w;
        scores.set(doc, (scores.get(doc) || 0) + s);
      }
    }
    return { scores, matched, phrase: toks };
  }

  async function filterSet(man, field, values) {
    if (!values || !values.length) return null;
    const set = new Set();
    for (const v of values) {
      const entry = man.filters[field] && man.filters[field][v];
      if (!entry) continue;
      for (const id of (await get(entry.file)).docs) set.add(id);
    }
    return set;
  }

  async function docInfo(man, id) {
    const size = man.docShards.size;
    const rows = (await get(man.docShards.files[Math.floor(id / size)])).docs;
    return rows[id - Math.floor(id / size) * size];
  }

  /**
   * Runs a query. Options: live (last word is a prefix), types, topics (filter values; OR within a
   * filter, AND across), limit. Returns {total, results: [{id, url, type, title, topics, score, anchor,
   * href, snippet: [{text, mark}]}], partial} in rank order (score desc, then doc id). Every word and
   * phrase is required; when no document has them all, the documents matching the most of them are
   * returned with partial = true.
   */
  async function search(query, { live = false, types = [], topics = [], limit = 10 } = {}) {
    const man = await manifest();
    const parsed = parseQuery(query, { live });
    const clauses = [];
    for (const w of parsed.words) {
      const toks = analyze(w.text);
      toks.forEach((tok, i) => clauses.push(wordClause(man, tok, w.prefix && i === toks.length - 1)));
    }
    for (const p of parsed.phrases) clauses.push(phraseClause(man, p));
    const done = (await Promise.all(clauses)).filter(Boolean);
    if (!done.length) return { total: 0, results: [] };
    let scores = new Map(done[0].scores);
    for (const c of done.slice(1)) {
      const next = new Map();
      for (const [doc, s] of scores) if (c.scores.has(doc)) next.set(doc, s + c.scores.get(doc));
      scores = next;
    }
    let partial = false;
    if (scores.size === 0 && done.length > 1) {
      // No document has every word: fall back to documents with the most of them (coordination).
      const count = new Map();
      const sum = new Map();
      for (const c of done) {
        for (const [doc, s] of c.scores) {
          count.set(doc, (count.get(doc) || 0) + 1);
          sum.set(doc, (sum.get(doc) || 0) + s);
        }
      }
      const most = Math.max(0, ...count.values());
      if (most > 0) {
        partial = true;
        for (const [doc, n] of count) if (n === most) scores.set(doc, sum.get(doc));
      }
    }
    for (const f of [await filterSet(man, 'type', types), await filterSet(man, 'topic', topics)]) {
      if (f) for (const doc of [...scores.keys()]) if (!f.has(doc)) scores.delete(doc);
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const matched = new Set(done.flatMap((c) => [...c.matched]));
    const phrases = done.filter((c) => c.phrase).map((c) => c.phrase.map((t) => t.term));
    const results = await Promise.all(ranked.slice(0, limit).map(async ([id, score]) => {
      const info = await docInfo(man, id);
      const frag = await get(`fragments/${id}.json`);
      const best = bestPassage(frag.passages, matched, phrases);
      const anchor = best ? best.anchor : '';
      return {
        id, url: info.url, type: info.type, title: info.title, topics: info.topics, score,
        anchor, href: anchor ? `${info.url}#${anchor}` : info.url,
        snippet: best ? best.snippet : [],
      };
    }));
    return { total: ranked.length, partial, results };
  }

  return { search, manifest, load: get };
}

function df(postings) {
  const docs = new Set();
  for (const list of Object.values(postings)) for (const p of list) docs.add(p[0]);
  return docs.size;
}

function maxInto(target, source) {
  for (const [doc, s] of source) if (!target.has(doc) || target.get(doc) < s) target.set(doc, s);
}

// ---------------------------------------------------------------------------------------------
// Best passage and snippet

const SNIPPET_WORDS = 30;

/**
 * Picks the passage with the most distinct matched terms (phrase hits count double, earlier passage wins
 * ties) and cuts a snippet around the first match. Returns {anchor, snippet: [{text, mark}]} or null.
 */
export function bestPassage(passages, matchedTerms, phrases = []) {
  let best = null;
  passages.forEach(([anchor, text], idx) => {
    const toks = analyze(text);
    const hits = toks.filter((t) => matchedTerms.has(t.term));
    let score = new Set(hits.map((t) => t.term)).size;
    for (const ph of phrases) {
      for (let i = 0; i + ph.length <= toks.length; i++) {
        if (ph.every((term, k) => toks[i + k].term === term)) { score += 2; break; }
      }
    }
    if (!best || score > best.score) best = { anchor, text, hits, score, idx };
  });
  if (!best) return null;
  return { anchor: best.anchor, snippet: snippet(best.text, best.hits) };
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

// ---------------------------------------------------------------------------------------------
// Rendering (DOM APIs and textContent only)

/** Renders results into the list element: one <li> with a link, type, and snippet with <mark>s. */
export function renderResults(doc, list, results) {
  list.replaceChildren();
  for (const r of results) {
    const li = doc.createElement('li');
    li.className = 'search-result';
    const a = doc.createElement('a');
    a.href = r.href;
    a.textContent = r.title;
    const type = doc.createElement('span');
    type.className = 'search-result-type';
    type.textContent = r.type;
    const p = doc.createElement('p');
    p.className = 'search-result-snippet';
    for (const part of r.snippet) {
      if (part.mark) {
        const m = doc.createElement('mark');
        m.textContent = part.text;
        p.append(m);
      } else {
        p.append(doc.createTextNode(part.text));
      }
    }
    li.append(a, doc.createTextNode(' '), type, p);
    list.append(li);
  }
}

/** Returns the status sentence announced in the live region. */
export function statusText(query, total, shown, partial = false) {
  if (!query.trim()) return '';
  if (total === 0) return `No results for “${query.trim()}”.`;
  if (partial) return `No page has all of “${query.trim()}”; ${total} ${total === 1 ? 'page has' : 'pages have'} some of the words.`;
  const noun = total === 1 ? 'result' : 'results';
  return shown < total ? `${total} ${noun} for “${query.trim()}”, showing the first ${shown}.`
    : `${total} ${noun} for “${query.trim()}”.`;
}

/** A loader for the browser: fetches JSON files relative to the index base URL. */
export function fetchLoader(baseUrl) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return async (path) => {
    const res = await fetch(base + path);
    if (!res.ok) throw new Error(`search index: ${res.status} for ${path}`);
    return res.json();
  };
}
