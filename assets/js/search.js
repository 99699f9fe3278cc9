// Search: runs a query over the static index (written by org.evidencearchive.search.SearchExport) with the modules below.
import { analyze, STOP_WORDS, spelledAsDigits } from './search/analysis.js';
import { parseQuery, wordClause, vocabularyClause, phraseHolds } from './search/query.js';
import { openIndex, newList } from './search/postings.js';
import { topK, loadAll } from './search/topk.js';
import { bestPassage } from './search/excerpts.js';

const MAX_MARKS = 8;

/** A result's link: to its paragraph, if any, with the snippet's marked words to mark there (paragraphs.js). */
export function resultHref(url, anchor, snippet) {
  if (!anchor) return url;
  const words = [...new Set(snippet.filter((p) => p.mark).map((p) => p.text))].slice(0, MAX_MARKS);
  const query = words.length ? `?${new URLSearchParams(words.map((w) => ['mark', w]))}` : '';
  return `${url}${query}#${anchor}`;
}

/** A phrase query checks at most this many candidate documents' text. */
const MAX_VERIFY = 40;

/** How many candidates beyond those shown a submitted query re-ranks by proximity. */
const PROXIMITY_POOL = 10;

/**
 * The share of the query's units (each a set of terms: the word, its prefix and typo expansions) that text has;
 * with `whole`, the share of the text's own terms that the (single) unit holds.
 */
function togetherIn(text, unitTerms, vocabulary, whole = false) {
  const toks = analyze(text || '', vocabulary).filter((t) => !t.syn);
  if (whole) return toks.filter((t) => unitTerms[0].has(t.term)).length / Math.max(1, toks.length);
  const terms = new Set(toks.map((t) => t.term));
  return unitTerms.filter((u) => [...u].some((t) => terms.has(t))).length / Math.max(1, unitTerms.length);
}

/**
 * The clauses of a text analyzed as one (a clause per word, one per vocabulary name), its last word a prefix when it
 * starts at or after `prefixFrom` (the word being typed).
 */
function clausesOf(index, man, text, vocabulary, prefixFrom = Infinity) {
  const toks = analyze(text, vocabulary);
  const typing = (tok, i) => i === toks.length - 1 && tok.start >= prefixFrom;
  const out = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (tok.syn) {
      out.push(vocabularyClause(index, man, tok, toks.slice(i + 1, i + 1 + tok.syn), typing(toks[i + tok.syn], i + tok.syn)));
      i += tok.syn;
    } else {
      out.push(wordClause(index, man, tok, typing(tok, i)));
    }
  }
  return out;
}

/** Words that ask rather than name what is asked about ("how many", "who is", "what does … say"). */
const FURNITURE = new Set(('how many much what which who whom whose why when where does did do is are was were has have had been there say says '
  + 'said tell me about would could should can will often actually really evidence').split(' '));
const bare = (w) => w.text.toLowerCase().replace(/[?!.,]+$/, '').replace(/[’']s$/, '');

/**
 * A question's words without its furniture (unless nothing else is left; `shown`: as the page echoes them), and
 * the page types that answer its kind: "who is …" a person or organisation, "how many/much …" a claim (claims
 * carry the figures), "what does the evidence say about …" a topic (its brief).
 */
export function question(words) {
  const keep = words.map((w) => !FURNITURE.has(bare(w)));
  const kept = words.filter((w, i) => keep[i]);
  // the words echoed to the reader: without a stop word left at the start of what was kept ("about the letter" → "letter")
  const shown = words.filter((w, i) => keep[i] && !(STOP_WORDS.has(bare(w)) && (i === 0 || !keep[i - 1])));
  const first = words.slice(0, 2).map(bare).join(' ');
  const types = /^who (is|are|was|were)$/.test(first) ? ['person', 'organisation']
    : /^how (many|much)$/.test(first) ? ['claim']
      : /^what (does|do) the evidence say\b/i.test(words.map((w) => w.text).join(' ')) ? ['topic'] : [];
  return kept.length ? { words: kept, types, shown } : { words, types: [], shown: words };
}

/**
 * For each document with any unit of the query (every posting read): how many units it has (`count`) and the sum
 * of their best scores in it (`sum`). A unit is a word (with its expansions) or a phrase (all of its terms).
 */
async function coverage(index, clauses) {
  await loadAll(index, clauses);
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
  return { count, sum };
}

/**
 * Creates a searcher. `load(path)` returns a Promise of the parsed JSON file at that path relative to the
 * index directory (fetch in the browser, fs in tests; see fetchLoader in ./search/postings.js). Files are
 * fetched at most once.
 */
export function createSearch(load) {
  const index = openIndex(load);

  /**
   * Runs a query. Options: live (last word is a prefix), types, topics (filter values; OR within a
   * filter, AND across), limit, reader. Returns {total, exact, partial, results: [{id, url, type, title, topics,
   * score, anchor, href, snippet: [{text, mark}]}], suggestion, some, figures} in rank order (score desc, then doc id). Every word
   * and phrase is required; when no document has them all, the documents matching the most of them are
   * returned with partial = true. total (of the documents with every word) is exact when `exact`, else an
   * estimate from document frequencies. Without `reader` the order is BM25's alone. With `reader` (the search
   * page: a person's query) a question's furniture is dropped ("how many", "what does … say"), the best pages
   * of the type it asks for come first, and a submitted query (not `live`) of several words re-ranks 10 more
   * candidates by how many of its words their best passage holds (proximity) and, when fewer than `limit`
   * pages have every word (three or more), is followed by the `some` pages with most of them (at least half);
   * a claim whose figure the query names (its number and a word of it) comes first, as an answer (`answer`: the
   * figure in words), and a query that finds nothing gets the archive's `figures` near its numbers
   * (./search/figures.js, loaded only for a query with a number).
   */
  async function search(query, options = {}) {
    const { types = [], limit = 10, reader = false } = options;
    const parsed = parseQuery(query, { live: options.live });
    if (!reader) return ranked(parsed, query, options);
    const asked = question(parsed.words);
    const dropped = asked.words.length < parsed.words.length;
    parsed.words = asked.words;
    const figures = /\d/.test(spelledAsDigits(query)) && (await index.manifest()).figures ? await import('./search/figures.js') : null;
    const r = await ranked(parsed, query, { ...options, asking: dropped });
    if (figures) {
      // a figure of the archive that the query names (its number and a word of it) is the answer: it comes first
      const found = await figures.answers(index, await index.manifest(), query);
      if (found.length && (!types.length || types.includes('claim'))) {
        const cards = found.map((f) => ({ id: -1, url: f.url, type: 'claim', answer: f.label, title: f.title, topics: [],
          score: Infinity, anchor: '', href: f.url, snippet: [{ text: f.label, mark: false }] }));
        const urls = new Set(cards.map((c) => c.url));
        r.results = [...cards, ...r.results.filter((x) => !urls.has(x.url))].slice(0, limit);
        r.figures = [];
      } else if (!r.results.length && !options.live) {
        r.figures = await figures.nearFigures(index, await index.manifest(), query);
      }
    }
    // the words the search looked for, when a question's furniture was dropped ("people died drugs Scotland")
    if (dropped) r.asked = asked.shown.map((w) => w.text).join(' ');
    if (!asked.types.length || types.length || !r.results.length) return r;
    // a question's answers first: the best pages of the type it asks for, then the rest in rank order
    const first = await ranked(parsed, query, { ...options, types: asked.types, limit: 3, suggest: false, someOf: true });
    // with only some of the words, the best one alone (a claim with most of "crimes Middlesbrough offenders commit")
    if (first.partial && !r.partial) first.results = first.results.slice(0, 1);
    const ids = new Set(first.results.map((x) => x.id));
    return { ...r, results: [...first.results, ...r.results.filter((x) => !ids.has(x.id))].slice(0, limit) };
  }

  async function ranked(parsed, query, { live = false, types = [], topics = [], limit = 10, suggest = true, someOf = false, reader = false, asking = false } = {}) {
    const man = await index.manifest();
    const pending = [];
    const vocabulary = man.vocabulary || null;
    // analyzed together: "1 100", "fix room"
    const text = parsed.words.map((w) => w.text).join(' ');
    const lastWord = parsed.words[parsed.words.length - 1];
    pending.push(...clausesOf(index, man, text, vocabulary, lastWord && lastWord.prefix ? text.length - lastWord.text.length : Infinity));
    // a group of alternatives ("fix OR DCR") is one unit: a page needs any of them (all their lists in one clause)
    parsed.either.forEach((alternatives, g) => {
      pending.push(Promise.all(alternatives.map((alt) => Promise.all(clausesOf(index, man, alt, vocabulary))))
        .then((found) => ({ unit: `either${g}`, lists: found.flat().flatMap((c) => c.lists) })));
    });
    // the pages with a word after a minus ("-council") are left out, whatever else they have
    const without = new Set();
    for (const word of parsed.without) {
      for (const t of analyze(word)) {
        const e = await index.exactTerm(man, t.term);
        if (!e) continue;
        const list = newList(t.term, e, 1);
        await loadAll(index, [{ lists: [list] }]);
        for (const doc of list.seen.keys()) without.add(doc);
      }
    }
    const exclude = new Set(without);
    const phrases = [];
    for (const p of parsed.phrases) {
      const toks = analyze(p);
      if (!toks.length) continue;
      phrases.push(toks);
      const unit = `phrase${phrases.length}`;
      for (const t of toks) {
        pending.push(index.exactTerm(man, t.term).then((e) => ({ unit, lists: e ? [newList(t.term, e, 1)] : [] })));
      }
    }
    const clauses = await Promise.all(pending);
    if (!clauses.length) return { total: 0, exact: true, partial: false, results: [] };
    const typeSet = await index.filterSet(man, 'type', types);
    const topicSet = await index.filterSet(man, 'topic', topics);
    const filter = typeSet && topicSet ? new Set([...typeSet].filter((d) => topicSet.has(d))) : typeSet || topicSet;
    const allowed = (doc) => (!filter || filter.has(doc)) && !without.has(doc);
    // a submitted query of several words ranks more candidates than it shows, then prefers those whose words stand
    // together in one passage (proximity); typing ranks only what it shows
    const pool = !reader || live || clauses.length < 2 ? limit : limit + PROXIMITY_POOL;
    let r = await topK(index, clauses, pool, filter, exclude);
    let checked = 0;
    let verifiedAll = true;
    if (phrases.length) {
      const ok = new Set();
      for (;;) {
        const todo = r.top.filter((t) => !ok.has(t.doc));
        if (!todo.length) break;
        if (checked + todo.length > MAX_VERIFY) { verifiedAll = false; r.top = r.top.filter((t) => ok.has(t.doc)); break; }
        checked += todo.length;
        const holds = await Promise.all(todo.map((t) => phraseHolds(index, t.doc, phrases)));
        todo.forEach((t, i) => (holds[i] ? ok.add(t.doc) : exclude.add(t.doc)));
        if (holds.every(Boolean)) break;
        r = await topK(index, clauses, pool, filter, exclude);
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
      if (without.size) est *= 1 - without.size / Math.max(1, man.N);
      if (phrases.length && checked) est *= exclude.size < checked ? (checked - exclude.size) / checked : 0;
      total = Math.max(ranked.length, Math.round(est));
    }
    // A word is one unit of the query; a phrase is one unit too (matched here when it has all its terms).
    clauses.forEach((c, i) => { if (!c.unit) c.unit = `word${i}`; });
    const units = new Set(clauses.map((c) => c.unit));
    // A submitted query of four words or more, or a question of three (its furniture dropped: an answer words it
    // otherwise): a page may lack a quarter of them, and at least one (a "minimum should match" of 75%, rounded
    // down as Elasticsearch and Solr round it: 4 of 6), scored by BM25 times the share of the words it has; a short
    // claim that words the question otherwise then competes with long texts that hold every word strewn. With no
    // page holding them all, there is no bar: every page with any of them competes by that score.
    let some = 0;
    let loose = false;
    if (reader && !live && !phrases.length && units.size >= (asking ? 3 : 4)) {
      const { count, sum } = await coverage(index, clauses);
      const need = Math.max(1, Math.min(units.size - 1, Math.floor(0.75 * units.size)));
      const all = [...count].filter(([doc]) => allowed(doc))
        .map(([doc, n]) => [doc, (sum.get(doc) * n) / units.size, n]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const every = all.filter((c) => c[2] === units.size).length;
      // with no page holding them all, every page with any of them competes, by the same score
      const cands = every ? all.filter((c) => c[2] >= need) : all;
      if (cands.length) {
        // too few: the pages with fewer of the words follow, in the same order
        const fewer = every && cands.length < pool ? all.filter((c) => c[2] < need) : [];
        loose = true;
        ranked = cands.concat(fewer).slice(0, pool).map(([doc, score]) => [doc, score]);
        total = every || cands.length + fewer.length;
        exact = true;
        partial = !every;
        some = every ? cands.length - every : 0;
      }
    }
    // A submitted query whose every word only a few pages have: pages with most of its words follow them.
    const fill = !loose && reader && !live && ranked.length > 0 && ranked.length < limit && r.complete && units.size > 2;
    if (!loose && (fill || !ranked.length) && units.size > 1 && (fill || someOf || !filter || !(await topK(index, clauses, 1, null, new Set(without))).top.length)) {
      // No document has every word: the documents with the most of them (coordination), all postings read.
      const { count, sum } = await coverage(index, clauses);
      const have = new Set(ranked.map(([doc]) => doc));
      const most = Math.max(0, ...[...count].filter(([doc]) => !have.has(doc) && allowed(doc)).map(([, n]) => n));
      if (most > 0 && (!fill || 2 * most >= units.size)) {
        // filling: the pages with the most words; with none having them all, every page with any of them, by BM25
        // scaled by the share of the words it has (Lucene's old coord): two rare words outrank three common ones
        const more = [...count.entries()].filter(([doc, n]) => (!fill || n === most) && !have.has(doc) && allowed(doc))
          .map(([doc, n]) => [doc, fill ? sum.get(doc) : (sum.get(doc) * n) / units.size]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        if (fill) {
          some = Math.min(more.length, limit - ranked.length);
          ranked = ranked.concat(more.slice(0, some));
        } else {
          partial = true;
          total = more.length;
          exact = true;
          ranked = more.slice(0, limit);
        }
      }
    }
    const matched = new Set(clauses.flatMap((c) => c.lists.map((l) => l.term)));
    // as the reader typed them ("Glasow", not the analyzer's "glasow")
    const typed = (w) => parsed.words.map((x) => x.text.replace(/[^\p{L}\p{N}'’-]+/gu, '')).find((x) => x.toLowerCase() === w) || w;
    const nearSpellings = clauses.map((c) => c.nearSpelling).filter(Boolean).map(typed);
    const phraseTerms = phrases.map((ph) => ph.map((t) => t.term));
    const lists = clauses.flatMap((c) => c.lists);
    const unitTerms = [...units].map((u) => new Set(clauses.filter((c) => c.unit === u).flatMap((c) => c.lists.map((l) => l.term))));
    // a passage's matched terms weigh their rarity, as Lucene's highlighter scores passages (idf)
    const rarity = new Map(lists.map((l) => [l.term, Math.log(1 + (man.N - l.df + 0.5) / (l.df + 0.5))]));
    let results = await Promise.all(ranked.map(async ([id, score]) => {
      let passages;
      let info;
      if (phrases.length && !partial) {
        ({ info, passages } = await index.wholeDoc(id));
      } else {
        // the chunk most of the query's terms point to (weighted by their score in the document)
        const votes = new Map();
        for (const l of lists) {
          if (l.seen.has(id)) votes.set(l.chunk.get(id), (votes.get(l.chunk.get(id)) || 0) + l.seen.get(id));
        }
        let chunk = 0;
        for (const [c, v] of votes) if (v > (votes.get(chunk) || 0) || (v === votes.get(chunk) && c < chunk)) chunk = c;
        info = await index.chunk(id, chunk);
        passages = info.passages;
      }
      const best = bestPassage(passages, matched, phraseTerms, vocabulary, rarity);
      const anchor = best ? best.anchor : '';
      // the share of the query's words that its best passage (or its title) holds, all together
      const near = best ? Math.max(...[info.title, best.text].map((t) => togetherIn(t, unitTerms, vocabulary))) : 0;
      // a title that is the query's words and nothing else (a name: "Alison Thewlis" → Alison Thewliss) comes first
      const named = near === 1 && togetherIn(info.title, [matched], vocabulary, true) === 1 ? 2 : 1;
      return {
        id, url: info.url, type: info.type, title: info.title, topics: info.topics,
        score: (score / man.scale) * (pool > limit ? (named * (1 + near)) / 2 : 1),
        anchor, href: resultHref(info.url, anchor, best ? best.snippet : []), snippet: best ? best.snippet : [],
      };
    }));
    if (pool > limit && (!some || loose)) results = results.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
    // fetched only when nothing is found
    const suggestion = !results.length && suggest && !live
      ? await (await import('./search/suggest.js')).didYouMean(index, search, man, query, { types, topics }) : null;
    return { total, exact, partial, results, suggestion, some, figures: [], nearSpellings };
  }

  return { search, manifest: index.manifest, load: index.get };
}
