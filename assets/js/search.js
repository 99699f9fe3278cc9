// In-browser search over the static index written by org.evidencearchive.search.SearchExport.
// Dependency-free ES module: analysis (a port of Lucene's EnglishAnalyzer), query parsing,
// index loading (injectable loader), impact-ordered postings with early termination, BM25 ranking with field weights, phrases, prefix and typo matching,
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

let segmenter = null;
let segmenterOf = null;

/**
 * Splits text into word tokens like Lucene's StandardTokenizer: [{text, start, end}] (UTF-16 offsets).
 * Uses Intl.Segmenter (UAX#29 word boundaries); Han and Hiragana become one token per character.
 */
export function tokenize(text) {
  const out = [];
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    if (!segmenter || segmenterOf !== Intl.Segmenter) {
      segmenterOf = Intl.Segmenter;
      segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    }
    const seg = segmenter;
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

const ASCII = /^[\x00-\x7f]*$/;

/** LowerCaseFilter: Java's Character.toLowerCase per code point (no context-dependent rules). */
export function lowerCase(t) {
  if (ASCII.test(t)) return t.toLowerCase();
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

/** Memo of porterStem (the stemmer is pure; words repeat a lot). */
const STEMS = new Map();

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
    let term = STEMS.get(lower);
    if (term === undefined) {
      if (STEMS.size > 50_000) STEMS.clear();
      term = porterStem(lower);
      STEMS.set(lower, term);
    }
    out.push({ term, position, start: tok.start, end: tok.end, surface: lower });
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
// Index access (format 2, see docs/search-index.md)

/** Score multipliers of inexact matches. */
export const PREFIX_FACTOR = 0.8;
export const TYPO_FACTOR = 0.5;
/** A prefix expands to at most this many terms (highest df first) of at most this many dictionary shards. */
const MAX_EXPANSIONS = 8;
const MAX_PREFIX_SHARDS = 2;
/** A phrase query checks at most this many candidate documents' text. */
const MAX_VERIFY = 40;

/**
 * Creates a searcher. `load(path)` returns a Promise of the parsed JSON file at that path relative to the
 * index directory (fetch in the browser, fs in tests). Files are fetched at most once.
 */
export function createSearch(load) {
  const cache = new Map();
  const get = (path) => {
    if (!cache.has(path)) {
      const p = Promise.resolve().then(() => load(path));
      p.catch(() => cache.delete(path));
      cache.set(path, p);
    }
    return cache.get(path);
  };
  const manifest = () => get('manifest.json');

  /** Index of the dictionary shard that would hold the term: the last one whose boundary is <= term. */
  function shardIndex(dict, term) {
    let lo = 0;
    let hi = dict.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (dict[mid] <= term) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  }

  const shardTerms = async (i) => (await get(`dict/${i}.json`)).terms;
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

  async function exactTerm(man, term) {
    if (!man.dict.length) return null;
    const terms = await shardTerms(shardIndex(man.dict, term));
    return own(terms, term) ? terms[term] : null;
  }

  /** Terms starting with the prefix, from the (at most MAX_PREFIX_SHARDS) shards its range overlaps. */
  async function prefixTerms(man, prefix) {
    const out = [];
    if (!man.dict.length) return out;
    for (let i = shardIndex(man.dict, prefix), n = 0; i < man.dict.length && n < MAX_PREFIX_SHARDS; i++, n++) {
      if (n > 0 && !man.dict[i].startsWith(prefix)) break;
      const terms = await shardTerms(i);
      for (const t of Object.keys(terms)) if (t.startsWith(prefix)) out.push([t, terms[t]]);
    }
    return out;
  }

  /** Terms within edit distance of any of the keys, in the shards that would hold the keys (at most 8). */
  async function typoTerms(man, keys) {
    if (!man.dict.length) return [];
    const shardIds = [...new Set(keys.map((k) => shardIndex(man.dict, k)))];
    const out = new Map();
    for (const i of shardIds) {
      const terms = await shardTerms(i);
      for (const t of Object.keys(terms)) {
        for (const key of keys) {
          const max = key.length >= 8 ? 2 : 1;
          const d = editDistance(key, t, max);
          if (d <= max) {
            const prev = out.get(t);
            if (!prev || prev.d > d) out.set(t, { entry: terms[t], d });
          }
        }
      }
    }
    // the closest, then most frequent, MAX_EXPANSIONS candidates (each may cost a tier fetch)
    return [...out.entries()]
      .sort((a, b) => a[1].d - b[1].d || b[1].entry[0] - a[1].entry[0] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_EXPANSIONS).map(([t, v]) => [t, v.entry, v.d]);
  }

  /** A posting list of one term in one clause, loaded tier by tier. */
  function newList(term, entry, factor) {
    const inline = typeof entry[1] === 'string';
    const list = {
      term, factor, df: entry[0], ord: inline ? -1 : entry[1], maxes: inline ? [] : entry.slice(2),
      loaded: 0, seen: new Map(), chunk: new Map(), docs: [], vals: [],
    };
    if (inline) addTier(list, entry[1]);
    return list;
  }

  function addTier(list, encoded) {
    const n = decodeTier(encoded);
    let doc = 0;
    for (let k = 1; k < n.length; k += 2) {
      doc += n[k];
      const v = list.factor * (n[0] + Math.floor(n[k + 1] / 8));
      list.seen.set(doc, v);
      list.chunk.set(doc, n[k + 1] % 8);
      list.docs.push(doc);
      list.vals.push(v);
    }
  }

  /** The highest score a document not yet seen in the list can have in it (0 once fully loaded). */
  const rest = (l) => (l.loaded < l.maxes.length ? l.factor * l.maxes[l.loaded] : 0);

  async function loadNext(list) {
    const t = list.loaded;
    const encoded = await get(`post/${list.ord}-${t}.json`);
    if (list.loaded === t) { addTier(list, encoded); list.loaded = t + 1; }
  }

  /** Builds one required clause for an analyzed word: its posting lists (exact, prefix or typo terms). */
  async function wordClause(man, tok, prefix) {
    const lists = [];
    const exact = await exactTerm(man, tok.term);
    if (exact) lists.push(newList(tok.term, exact, 1));
    if (prefix) {
      const cands = new Map();
      for (const key of new Set([tok.term, tok.surface])) {
        for (const [t, e] of await prefixTerms(man, key)) if (t !== tok.term) cands.set(t, e);
      }
      const ranked = [...cands.entries()].sort((a, b) => b[1][0] - a[1][0] || (a[0] < b[0] ? -1 : 1));
      for (const [t, e] of ranked.slice(0, MAX_EXPANSIONS)) lists.push(newList(t, e, PREFIX_FACTOR));
    }
    if (!lists.length && tok.surface.length >= 5) {
      for (const [t, e, d] of await typoTerms(man, [...new Set([tok.term, tok.surface])])) {
        lists.push(newList(t, e, TYPO_FACTOR / d));
      }
    }
    return { lists };
  }

  async function filterSet(man, field, values) {
    if (!values || !values.length) return null;
    const set = new Set();
    if (!man.filters.includes(field)) return set;
    const table = await get(`filters/${field}.json`);
    for (const v of values) {
      const i = table.findIndex((row) => row[0] === v);
      if (i < 0) continue;
      const runs = decodeTier(await get(`filters/${field}/${i}.json`));
      let id = 0;
      for (let k = 0; k < runs.length; k += 2) {
        id += runs[k];
        for (let j = 0; j < runs[k + 1]; j++) set.add(id++);
      }
    }
    return set;
  }

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
  async function topK(clauses, k, filter, exclude) {
    const lists = clauses.flatMap((c) => c.lists);
    const state = {
      lists, clauseLists: clauses.map((c) => c.lists.map((l) => lists.indexOf(l))),
      recs: new Map(), all: [], synced: lists.map(() => 0),
    };
    await Promise.all(lists.filter((l) => l.ord >= 0 && l.loaded === 0).map(loadNext));
    for (;;) {
      const r = evaluate(state, k, filter, exclude);
      if (r.done) return r;
      let best = null;
      for (const l of lists) if (rest(l) > 0 && (!best || rest(l) > rest(best))) best = l;
      await loadNext(best);
    }
  }

  async function loadAll(clauses) {
    for (const l of clauses.flatMap((c) => c.lists)) while (rest(l) > 0) await loadNext(l);
  }

  /** Fetches every chunk of a document: {info, passages}. */
  async function wholeDoc(id) {
    const first = await get(`docs/${id}.json`);
    const rest2 = [];
    for (let c = 1; c < first.chunks; c++) rest2.push(get(`docs/${id}-${c}.json`));
    const passages = [...first.passages];
    for (const chunk of await Promise.all(rest2)) passages.push(...chunk.passages);
    return { info: first, passages };
  }

  async function phraseHolds(id, phrases) {
    const { info, passages } = await wholeDoc(id);
    const texts = [info.title, ...(info.people || []), ...passages.map((p) => p[1])];
    return phrases.every((ph) => texts.some((text) => hasPhrase(analyze(text), ph)));
  }

  /**
   * Runs a query. Options: live (last word is a prefix), types, topics (filter values; OR within a
   * filter, AND across), limit. Returns {total, exact, partial, results: [{id, url, type, title, topics,
   * score, anchor, href, snippet: [{text, mark}]}]} in rank order (score desc, then doc id). Every word
   * and phrase is required; when no document has them all, the documents matching the most of them are
   * returned with partial = true. total is exact when `exact`, else an estimate from document frequencies.
   */
  async function search(query, { live = false, types = [], topics = [], limit = 10 } = {}) {
    const man = await manifest();
    const parsed = parseQuery(query, { live });
    const pending = [];
    for (const w of parsed.words) {
      const toks = analyze(w.text);
      toks.forEach((tok, i) => pending.push(wordClause(man, tok, w.prefix && i === toks.length - 1)));
    }
    const phrases = [];
    for (const p of parsed.phrases) {
      const toks = analyze(p);
      if (!toks.length) continue;
      phrases.push(toks);
      const unit = `phrase${phrases.length}`;
      for (const t of toks) {
        pending.push(exactTerm(man, t.term).then((e) => ({ unit, lists: e ? [newList(t.term, e, 1)] : [] })));
      }
    }
    const clauses = await Promise.all(pending);
    if (!clauses.length) return { total: 0, exact: true, partial: false, results: [] };
    const typeSet = await filterSet(man, 'type', types);
    const topicSet = await filterSet(man, 'topic', topics);
    const filter = typeSet && topicSet ? new Set([...typeSet].filter((d) => topicSet.has(d))) : typeSet || topicSet;
    const exclude = new Set();
    let r = await topK(clauses, limit, filter, exclude);
    let checked = 0;
    let verifiedAll = true;
    if (phrases.length) {
      const ok = new Set();
      for (;;) {
        const todo = r.top.filter((t) => !ok.has(t.doc));
        if (!todo.length) break;
        if (checked + todo.length > MAX_VERIFY) { verifiedAll = false; r.top = r.top.filter((t) => ok.has(t.doc)); break; }
        checked += todo.length;
        const holds = await Promise.all(todo.map((t) => phraseHolds(t.doc, phrases)));
        todo.forEach((t, i) => (holds[i] ? ok.add(t.doc) : exclude.add(t.doc)));
        if (holds.every(Boolean)) break;
        r = await topK(clauses, limit, filter, exclude);
      }
      if (r.top.length < limit && r.complete && r.confirmed > r.top.length) verifiedAll = false;
    }
    let ranked = r.top.map((t) => [t.doc, t.lb]);
    let partial = false;
    let total;
    let exact = r.complete && verifiedAll;
    if (exact) total = r.confirmed;
    else {
      let est = man.N;
      for (const c of clauses) est *= Math.min(1, c.lists.reduce((a, l) => a + l.df, 0) / Math.max(1, man.N));
      if (filter) est *= filter.size / Math.max(1, man.N);
      if (phrases.length && checked) est *= exclude.size < checked ? (checked - exclude.size) / checked : 0;
      total = Math.max(ranked.length, Math.round(est));
    }
    // A word is one unit of the query; a phrase is one unit too (matched here when it has all its terms).
    clauses.forEach((c, i) => { if (!c.unit) c.unit = `word${i}`; });
    const units = new Set(clauses.map((c) => c.unit));
    if (!ranked.length && units.size > 1 && (!filter || !(await topK(clauses, 1, null, new Set())).top.length)) {
      // No document has every word: the documents with the most of them (coordination), all postings read.
      await loadAll(clauses);
      const perUnit = new Map();
      for (const c of clauses) {
        const best = new Map();
        for (const l of c.lists) for (const [doc, v] of l.seen) if (!best.has(doc) || best.get(doc) < v) best.set(doc, v);
        if (!perUnit.has(c.unit)) perUnit.set(c.unit, []);
        perUnit.get(c.unit).push(best);
      }
      const count = new Map();
      const sum = new Map();
      for (const maps of perUnit.values()) {
        for (const [doc] of maps[0]) {
          if (!maps.every((m) => m.has(doc))) continue;
          count.set(doc, (count.get(doc) || 0) + 1);
          sum.set(doc, (sum.get(doc) || 0) + maps.reduce((a, m) => a + m.get(doc), 0));
        }
      }
      const most = Math.max(0, ...count.values());
      if (most > 0) {
        partial = true;
        ranked = [...count.entries()].filter(([doc, n]) => n === most && (!filter || filter.has(doc)))
          .map(([doc]) => [doc, sum.get(doc)]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        total = ranked.length;
        exact = true;
        ranked = ranked.slice(0, limit);
      }
    }
    const matched = new Set(clauses.flatMap((c) => c.lists.map((l) => l.term)));
    const phraseTerms = phrases.map((ph) => ph.map((t) => t.term));
    const lists = clauses.flatMap((c) => c.lists);
    const results = await Promise.all(ranked.map(async ([id, score]) => {
      let passages;
      let info;
      if (phrases.length && !partial) {
        ({ info, passages } = await wholeDoc(id));
      } else {
        // the chunk most of the query's terms point to (weighted by their score in the document)
        const votes = new Map();
        for (const l of lists) {
          if (l.seen.has(id)) votes.set(l.chunk.get(id), (votes.get(l.chunk.get(id)) || 0) + l.seen.get(id));
        }
        let chunk = 0;
        for (const [c, v] of votes) if (v > (votes.get(chunk) || 0) || (v === votes.get(chunk) && c < chunk)) chunk = c;
        info = await get(chunk ? `docs/${id}-${chunk}.json` : `docs/${id}.json`);
        passages = info.passages;
      }
      const best = bestPassage(passages, matched, phraseTerms);
      const anchor = best ? best.anchor : '';
      return {
        id, url: info.url, type: info.type, title: info.title, topics: info.topics, score: score / man.scale,
        anchor, href: anchor ? `${info.url}#${anchor}` : info.url, snippet: best ? best.snippet : [],
      };
    }));
    return { total, exact, partial, results };
  }

  return { search, manifest, load: get };
}

const DIGIT = new Int8Array(128).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].forEach((c, i) => { DIGIT[c.charCodeAt(0)] = i; });

/**
 * Decodes a posting tier (or filter) string: varints of 5 bits per character (0-31 end a number, 32-63 continue it,
 * least significant first). Returns [low, docDelta, value, docDelta, value, ..] (see docs/search-index.md).
 */
export function decodeTier(s) {
  const out = [];
  let v = 0;
  let mult = 1;
  for (let i = 0; i < s.length; i++) {
    const c = DIGIT[s.charCodeAt(i)];
    v += (c & 31) * mult;
    if (c < 32) { out.push(v); v = 0; mult = 1; } else mult *= 32;
  }
  return out;
}

/** Whether the analyzed text has the phrase's terms at the phrase's relative positions (stop-word gaps kept). */
function hasPhrase(toks, phrase) {
  const at = new Map(toks.map((t) => [t.position, t.term]));
  const base = phrase[0].position;
  return toks.some((t) => t.term === phrase[0].term
    && phrase.every((p) => at.get(t.position + p.position - base) === p.term));
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

/**
 * Returns the status sentence announced in the live region. When `exact` is false the total is an
 * estimate (not every posting was read) and is announced as "about N".
 */
export function statusText(query, total, shown, partial = false, exact = true) {
  if (!query.trim()) return '';
  if (total === 0) return `No results for “${query.trim()}”.`;
  if (partial) return `No page has all of “${query.trim()}”; ${total} ${total === 1 ? 'page has' : 'pages have'} some of the words.`;
  if (!exact) return `About ${total} results for “${query.trim()}”, showing the best ${shown}.`;
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
