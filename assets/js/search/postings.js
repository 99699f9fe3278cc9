// Postings and loading: the index files (fetched once each), dictionary shards, posting tiers, filters, documents.

/**
 * Opens the index (format 2, see docs/search-index.md). `load(path)` returns a Promise of the parsed JSON file
 * at that path relative to the index directory (fetch in the browser, fs in tests). Files are fetched at most once.
 */
export function openIndex(load) {
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

  /** The terms of dictionary shard i: {term: entry}. */
  const shardTerms = async (i) => (await get(`dict/${i}.json`)).terms;
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

  /** The dictionary entry of the term, or null. */
  async function exactTerm(man, term) {
    if (!man.dict.length) return null;
    const terms = await shardTerms(shardIndex(man.dict, term));
    return own(terms, term) ? terms[term] : null;
  }

  /** Reads the list's next tier. */
  async function loadNext(list) {
    const t = list.loaded;
    const encoded = await get(`post/${list.ord}-${t}.json`);
    if (list.loaded === t) { addTier(list, encoded); list.loaded = t + 1; }
  }

  /** The ids having any of the values of a filter field, or null when no value is asked for. */
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

  /** Fetches every chunk of a document: {info, passages}. */
  async function wholeDoc(id) {
    const first = await get(`docs/${id}.json`);
    const rest2 = [];
    for (let c = 1; c < first.chunks; c++) rest2.push(get(`docs/${id}-${c}.json`));
    const passages = [...first.passages];
    for (const chunk of await Promise.all(rest2)) passages.push(...chunk.passages);
    return { info: first, passages };
  }

  /** One chunk of a document (chunk 0 has no suffix). */
  const chunk = (id, c) => get(c ? `docs/${id}-${c}.json` : `docs/${id}.json`);

  return { get, manifest, shardTerms, exactTerm, loadNext, filterSet, wholeDoc, chunk };
}

/** Index of the dictionary shard that would hold the term: the last one whose boundary is <= term. */
export function shardIndex(dict, term) {
  let lo = 0;
  let hi = dict.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dict[mid] <= term) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

/** A posting list of one term in one clause, loaded tier by tier (inline postings at once). */
export function newList(term, entry, factor) {
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
export const rest = (l) => (l.loaded < l.maxes.length ? l.factor * l.maxes[l.loaded] : 0);

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

/** A loader for the browser: fetches JSON files relative to the index base URL. */
export function fetchLoader(baseUrl) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return async (path) => {
    const res = await fetch(base + path);
    if (!res.ok) throw new Error(`search index: ${res.status} for ${path}`);
    return res.json();
  };
}
