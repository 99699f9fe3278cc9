// Format 2 at scale: on the index ScaleTest writes (target/search-scale: 10,000 sources, 52,000 search
// documents) a two-word query of common terms must fetch < 150 kB including the client, and the early-
// terminating ranking must equal a brute-force scan of every posting (exact top 10, same order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSearch } from '../../../assets/js/search.js';
import { analyzeTerms } from '../../../assets/js/search/analysis.js';
import { decodeTier } from '../../../assets/js/search/postings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = join(root, 'target', 'search-scale');
const skip = existsSync(join(dir, 'manifest.json')) ? false : 'run ScaleTest first (target/search-scale)';
if (!existsSync(join(root, 'target', 'gates-site', 'js'))) throw new Error('target/gates-site is missing: run NodeTestFixtures first');
// the client as published (target/gates-site, built by NodeTestFixtures: scripts without their whole-line comments
// and indentation): the page script and the modules it imports, statically (all of them are fetched before the
// first result; search/suggest.js is imported only when a query finds nothing)
const published = join(root, 'target', 'gates-site', 'js');
function moduleGraph(file, seen = new Set([file])) {
  const src = readFileSync(join(published, file), 'utf8');
  for (const [, spec] of src.matchAll(/^import [^'"]*from '(\.{1,2}\/[^']+)';/gm)) {
    const dep = join(dirname(file), spec);
    if (!seen.has(dep)) { seen.add(dep); moduleGraph(dep, seen); }
  }
  return seen;
}
const CLIENT = [...moduleGraph('search-page.js')].reduce((a, f) => a + statSync(join(published, f)).size, 0);
const BUDGET = 150_000;

const readJson = (p) => JSON.parse(readFileSync(join(dir, p), 'utf8'));

/** A searcher over the scale index that counts the files and bytes it fetches. */
function counting() {
  const log = [];
  const s = createSearch(async (path) => {
    const bytes = readFileSync(join(dir, path));
    log.push([path, bytes.length]);
    return JSON.parse(bytes.toString('utf8'));
  });
  return { ...s, log, bytes: () => log.reduce((a, [, n]) => a + n, 0) };
}

let dictionary;
/** Every term with its entry (read directly, not through the client). */
function allTerms() {
  if (!dictionary) {
    dictionary = [];
    const man = readJson('manifest.json');
    for (let i = 0; i < man.dict.length; i++) {
      for (const [t, e] of Object.entries(readJson(`dict/${i}.json`).terms)) dictionary.push([t, e]);
    }
    dictionary.sort((a, b) => b[1][0] - a[1][0] || (a[0] < b[0] ? -1 : 1));
  }
  return dictionary;
}

/** Terms that a user can type (the analyzer maps the term to itself), in df order. */
const typable = () => allTerms().filter(([t]) => /^[a-z]+$/.test(t) && analyzeTerms(t).join() === t);

function postings(entry) {
  const out = new Map();
  const tiers = typeof entry[1] === 'string' ? [entry[1]]
    : entry.slice(2).map((_, t) => readJson(`post/${entry[1]}-${t}.json`));
  for (const tier of tiers) {
    const n = decodeTier(tier);
    let doc = 0;
    for (let k = 1; k < n.length; k += 2) { doc += n[k]; out.set(doc, n[0] + Math.floor(n[k + 1] / 8)); }
  }
  return out;
}

/** Brute force: every posting of every term, AND, sum of impacts, score desc then id. */
function bruteForce(terms, k) {
  const entries = new Map(allTerms());
  const lists = terms.map((t) => postings(entries.get(t)));
  const out = [];
  for (const [doc, v] of lists[0]) {
    if (lists.every((l) => l.has(doc))) out.push([doc, lists.reduce((a, l) => a + l.get(doc), 0)]);
  }
  out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return { total: out.length, top: out.slice(0, k) };
}

test('a two-word query of common terms fetches < 150 kB with the client, and is exact', { skip }, async () => {
  const terms = typable();
  const man = readJson('manifest.json');
  const report = [];
  // common: among the 50 most frequent terms; typical: in 1-5% of the documents
  const common = [[terms[10][0], terms[40][0]], [terms[3][0], terms[25][0]]];
  const mid = terms.filter(([, e]) => e[0] > man.N / 100 && e[0] < man.N / 20);
  const typical = [[mid[5][0], mid[100][0]], [mid[50][0], mid[300][0]]];
  let worst = 0;
  for (const [a, b] of [...common, ...typical]) {
    const s = counting();
    const t0 = performance.now();
    const r = await s.search(`${a} ${b}`);
    const cold = performance.now() - t0;
    const t1 = performance.now();
    await s.search(`${a} ${b}`);
    const warm = performance.now() - t1;
    const df = (t) => allTerms().find(([x]) => x === t)[1][0];
    report.push(`"${a} ${b}" (df ${df(a)}, ${df(b)}): ${s.log.length} requests, ${s.bytes()} B index`
      + ` + ${CLIENT} B client = ${s.bytes() + CLIENT} B; ${r.exact ? '' : 'about '}${r.total} results;`
      + ` ${cold.toFixed(1)} ms cold (fs), ${warm.toFixed(1)} ms cached`);
    if (common.some(([x, y]) => x === a && y === b)) worst = Math.max(worst, s.bytes());
    const brute = bruteForce([a, b], 10);
    assert.deepEqual(r.results.map((x) => x.id), brute.top.map(([d]) => d), `${a} ${b}`);
  }
  console.log(`client ${CLIENT} B\n${report.join('\n')}`);
  assert.ok(worst + CLIENT < BUDGET, `${worst} B + ${CLIENT} B`);
});

test('early termination gives the brute-force top 10 for many queries', { skip }, async () => {
  const terms = typable();
  const picks = [0, 1, 2, 5, 9, 20, 50, 100, 200, 400, 800, 1500, 3000, 6000].filter((i) => i < terms.length)
    .map((i) => terms[i][0]);
  const queries = [];
  for (let i = 0; i < picks.length; i++) {
    queries.push([picks[i]]);
    for (let j = i + 1; j < picks.length; j += 3) queries.push([picks[i], picks[j]]);
  }
  queries.push([picks[1], picks[4], picks[7]]);
  let checked = 0;
  for (const q of queries) {
    const s = counting();
    const r = await s.search(q.join(' '));
    const brute = bruteForce(q, 10);
    if (!brute.total) continue;
    assert.deepEqual(r.results.map((x) => x.id), brute.top.map(([d]) => d), q.join(' '));
    r.results.forEach((x, i) => assert.ok(Math.abs(x.score * readJson('manifest.json').scale - brute.top[i][1]) < 1e-6));
    if (r.exact) assert.equal(r.total, brute.total, q.join(' '));
    checked++;
  }
  assert.ok(checked >= 20, `checked ${checked}`);
});

test('prefix and typo matching stay bounded at scale', { skip }, async () => {
  const [a] = typable()[30];
  for (const q of [`${a.slice(0, 3)}`, `${a} ${typable()[60][0].slice(0, 4)}`]) {
    const s = counting();
    await s.search(q, { live: true });
    assert.ok(s.bytes() + CLIENT < BUDGET, `${q}: ${s.bytes()} B`);
  }
});

test('files per document stay well under three', { skip }, () => {
  const man = readJson('manifest.json');
  const count = (d) => readdirSync(join(dir, d)).length;
  const files = 1 + count('dict') + count('post') + count('docs');
  assert.ok(files / man.N < 3, `${files} files for ${man.N} documents`);
});
