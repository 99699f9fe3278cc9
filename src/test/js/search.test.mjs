// Query behaviour against the fixture index in target/search-fixture/ (written by NodeTestFixtures: mvn runs it before the node tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createSearch, resultHref } from '../../../assets/js/search.js';
import { parseQuery, editDistance, maxEdits } from '../../../assets/js/search/query.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = join(root, 'target', 'search-fixture');

function fsSearch() {
  const loaded = [];
  const s = createSearch(async (path) => {
    loaded.push(path);
    return JSON.parse(readFileSync(join(dir, path), 'utf8'));
  });
  return { ...s, loaded };
}

const urls = (r) => r.results.map((x) => x.url);

test('title match outranks body match (field weights)', async () => {
  const s = fsSearch();
  const r = await s.search('thewliss');
  assert.equal(r.results[0].url, '/people/alison-thewliss/');
  assert.ok(urls(r).includes('/sources/javid-declines-glasgow-visit/'));
  const d = await s.search('diamorphine');
  assert.ok(d.total >= 3);
  // the source with diamorphine in its title ranks above sources with it only in the body
  assert.equal(d.results[0].url, '/sources/middlesbrough-diamorphine-scheme/');
});

test('results carry title, url, type, best paragraph anchor and a highlighted snippet', async () => {
  const s = fsSearch();
  const r = await s.search('Coppinger');
  assert.equal(r.total, 1);
  const [hit] = r.results;
  assert.equal(hit.type, 'source');
  assert.match(hit.anchor, /^p\d+$/);
  assert.equal(hit.href, `${hit.url}?mark=Coppinger#${hit.anchor}`);
  const marked = hit.snippet.filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual([...new Set(marked)], ['Coppinger']);
});

test('only the dictionary shard and tiers of the query term and one chunk per result are loaded', async () => {
  const s = fsSearch();
  const man = await s.manifest();
  assert.equal(man.version, 2);
  await s.search('Coppinger');
  assert.equal(s.loaded.filter((p) => p.startsWith('dict/')).length, 1);
  assert.ok(man.dict.length > 3);
  assert.equal(s.loaded.filter((p) => p.startsWith('docs/')).length, 1);
});

test('early termination reads only the tiers it needs and stays exact', async () => {
  const s = fsSearch();
  const r = await s.search('glasgow', { limit: 1 });
  const tiers = s.loaded.filter((p) => p.startsWith('post/'));
  const all = fsSearch();
  const full = await all.search('glasgow', { limit: 100 });
  assert.equal(r.results[0].url, full.results[0].url);
  assert.ok(full.exact);
  assert.ok(tiers.length < all.loaded.filter((p) => p.startsWith('post/')).length, `${tiers}`);
  assert.equal(r.exact, false);
  assert.ok(r.total >= 1);
});

test('multi-word queries require every word; rank order is stable', async () => {
  const s = fsSearch();
  const a = await s.search('heroin glasgow');
  for (const r of a.results) assert.ok(['source', 'topic'].includes(r.type));
  assert.ok(urls(a).includes('/sources/sweeney-hat-licence-glasgow/'));
  const heroin = await s.search('heroin');
  const glasgow = await s.search('glasgow');
  assert.ok(a.total > 0 && a.total < Math.min(heroin.total, glasgow.total) + 1);
  assert.ok(a.total < heroin.total, 'AND: Middlesbrough (heroin, no Glasgow) is excluded');
  assert.ok(!urls(a).includes('/sources/middlesbrough-diamorphine-scheme/'));
  const b = await s.search('heroin glasgow');
  assert.deepEqual(urls(a), urls(b));
  for (let i = 1; i < a.results.length; i++) assert.ok(a.results[i - 1].score >= a.results[i].score);
});

test('quoted phrase matches consecutive positions only', async () => {
  const s = fsSearch();
  const phrase = await s.search('"safer drug consumption facility"');
  assert.ok(phrase.total >= 2);
  for (const r of phrase.results) {
    const text = r.snippet.map((p) => p.text).join('').toLowerCase();
    assert.match(text, /safer drug consumption facilit/, r.url);
  }
  const reversed = await s.search('"facility consumption drug safer"');
  assert.equal(reversed.total, 0);
  // stop words keep their gap: "misuse of drugs" matches, "misuse drugs" as a phrase does not
  assert.ok((await s.search('"Misuse of Drugs"')).total >= 1);
  assert.equal((await s.search('"misuse drugs"')).total, 0);
});

test('last word matches as a prefix while typing', async () => {
  const s = fsSearch();
  const typing = await s.search('diamorp', { live: true });
  assert.ok(typing.total >= 3);
  assert.equal((await s.search('diamorp')).total, 0, 'no prefix once the query is submitted');
  const two = await s.search('home secret', { live: true });
  assert.ok(two.total >= 1);
});

test('typo tolerance for longer words', async () => {
  const s = fsSearch();
  const t = await s.search('Thewlis');
  assert.equal(t.results[0].url, '/people/alison-thewliss/');
  const d = await s.search('diamorfine');
  assert.ok(d.total >= 3);
  assert.equal((await s.search('crme')).total, 0, 'short words need an exact match');
});

test('typos scale with the word, a misspelled beginning included', async () => {
  assert.deepEqual([3, 4, 5, 7, 8, 13].map(maxEdits), [0, 0, 1, 1, 2, 2]);
  assert.ok(editDistance('middlesboro', 'middlesbrough', 2) > 2);
  assert.equal(editDistance('middlesboro', 'middlesbrough', 2, true), 1, 'middlesbro');
  const s = fsSearch();
  for (const q of ['Middlesboro', 'Midlesbrough', 'Middlesborough']) {
    const r = await s.search(q);
    assert.equal(r.results[0]?.url, '/sources/middlesbrough-diamorphine-scheme/', q);
    assert.ok(r.results[0].snippet.some((p) => p.mark && p.text.startsWith('Middlesbrough')), q);
  }
});

test('a query that finds nothing suggests the closest words the archive has, as it writes them', async () => {
  const s = fsSearch();
  const r = await s.search('Javd');
  assert.equal(r.total, 0);
  assert.equal(r.suggestion, 'Javid');
  assert.equal((await s.search('crme')).suggestion, 'crimes', 'one edit in four letters: crime, as the archive writes it');
  assert.equal((await s.search('zzzzqqq')).suggestion, null);
  assert.equal((await s.search('diamorp')).suggestion, 'diamorphine', 'a word cut short');
  assert.equal((await s.search('Javid')).suggestion, null, 'only when nothing is found');
  assert.equal((await s.search('"Javd visit"')).suggestion, null, 'not for phrases');
});

test('filters by type and topic', async () => {
  const s = fsSearch();
  const all = await s.search('glasgow');
  const sources = await s.search('glasgow', { types: ['source'] });
  assert.ok(sources.total < all.total);
  for (const r of sources.results) assert.equal(r.type, 'source');
  const hat = await s.search('glasgow', { topics: ['heroin-assisted-treatment'] });
  assert.ok(hat.total >= 1);
  for (const r of hat.results) assert.ok(r.topics.includes('heroin-assisted-treatment'));
  const none = await s.search('glasgow', { types: ['person'], topics: ['middlesbrough'] });
  assert.equal(none.total, 0);
});

test('query parsing', () => {
  assert.deepEqual(parseQuery('a "b c" d', { live: true }),
    { words: [{ text: 'a', prefix: false }, { text: 'd', prefix: true }], phrases: ['b c'], without: [], either: [] });
  assert.deepEqual(parseQuery('a d ', { live: true }).words.map((w) => w.prefix), [false, false]);
  // as web search engines read them: -word leaves a word out, an upper-case OR joins alternatives
  assert.deepEqual(parseQuery('glasgow -council fix OR dcr OR sdcf', { live: true }),
    { words: [{ text: 'glasgow', prefix: false }], phrases: [], without: ['council'], either: [['fix', 'dcr', 'sdcf']] });
  assert.deepEqual(parseQuery('-5 deaths or OR'), { words: ['-5', 'deaths', 'or'].map((text) => ({ text, prefix: false })),
    phrases: [], without: [], either: [] }, 'a negative number, a lower-case or and a last OR are words');
  assert.deepEqual(parseQuery('OR a OR "b c"').either, [], 'OR needs a word on each side');
  assert.equal(editDistance('thewlis', 'thewliss'), 1);
  assert.equal(editDistance('ab', 'ba'), 1);
});

test('an empty index answers every query with no results', async () => {
  const empty = join(root, 'target', 'search-fixture-empty');
  const s = createSearch(async (path) => JSON.parse(readFileSync(join(empty, path), 'utf8')));
  for (const q of ['glasgow', 'diamorfine', 'dia', '"safer drug"']) {
    assert.deepEqual((await s.search(q, { live: true })).total, 0, q);
  }
});

test('a result from a source links to its paragraph, passing on the words to mark there', async () => {
  const s = fsSearch();
  const r = await s.search('fix room Glasgow');
  const hit = r.results.find((x) => x.url === '/sources/home-office-letter-glasgow-dcr/');
  assert.ok(hit, urls(r).join(' '));
  const u = new URL(hit.href, 'http://x');
  assert.equal(u.hash, `#${hit.anchor}`);
  assert.match(hit.anchor, /^p\d+$/);
  // the snippet's marked words, a name of the group of "fix room" among them (the best passage may use another)
  const marks = u.searchParams.getAll('mark');
  assert.deepEqual(marks, [...new Set(hit.snippet.filter((p) => p.mark).map((p) => p.text))]);
  assert.ok(marks.includes('Glasgow'), marks.join('|'));
  assert.ok(marks.some((m) => /fix room|consumption room|DCR|SDCF|facility/i.test(m)), marks.join('|'));
  assert.equal(resultHref('/sources/x/', '', [{ text: 'a', mark: true }]), '/sources/x/');
  assert.equal(resultHref('/sources/x/', 'p2', [{ text: 'a b', mark: true }, { text: ' ', mark: false }, { text: 'a b', mark: true }]),
    '/sources/x/?mark=a+b#p2');
});

test('the real archive: organisations are organisations, not people', async () => {
  const site = join(root, 'target', 'gates-site', 'search');
  const s = createSearch(async (path) => JSON.parse(readFileSync(join(site, path), 'utf8')));
  const r = await s.search('Home Office', { limit: 50 });
  const org = r.results.find((x) => x.url === '/people/home-office/');
  assert.ok(org, urls(r).join(' '));
  assert.equal(org.type, 'organisation');
  const person = (await s.search('Thewliss')).results.find((x) => x.url === '/people/alison-thewliss/');
  assert.equal(person.type, 'person');
  const orgs = await s.search('Glasgow', { types: ['organisation'], limit: 50 });
  assert.ok(orgs.results.length >= 2);
  assert.ok(orgs.results.every((x) => x.type === 'organisation'));
});

test('a word after a minus leaves out the pages with it; words joined by OR are alternatives', async () => {
  const s = fsSearch();
  const urls = async (q, options = {}) => new Set((await s.search(q, { limit: 1000, ...options })).results.map((x) => x.url));
  const glasgow = await urls('glasgow');
  const council = await urls('council');
  for (const reader of [false, true]) {
    const left = await urls('glasgow -council', { reader });
    assert.deepEqual([...left].sort(), [...glasgow].filter((u) => !council.has(u)).sort(), 'every page with glasgow and not council');
    assert.ok(left.size > 0 && left.size < glasgow.size);
    const r = await s.search('glasgow -council', { reader });
    assert.equal(r.total, left.size);
  }
  const thewliss = await urls('thewliss');
  const coppinger = await urls('coppinger');
  const either = await urls('Thewliss OR Coppinger');
  assert.deepEqual([...either].sort(), [...new Set([...thewliss, ...coppinger])].sort(), 'the pages with either');
  assert.ok(either.size > thewliss.size && either.size > coppinger.size);
  const both = await urls('Thewliss OR Coppinger glasgow');
  assert.deepEqual([...both].sort(), [...either].filter((u) => glasgow.has(u)).sort(), 'either, and glasgow');
  assert.equal((await s.search('-glasgow')).total, 0, 'nothing is asked for');
  assert.equal((await s.search('glasgw -council')).suggestion, null, 'no suggestion that would drop the minus');
});

test('a word the archive lacks is read as its near spellings, and the result says which words were', async () => {
  const s = fsSearch();
  const r = await s.search('heroin Glasow');
  assert.ok(r.total > 0);
  assert.deepEqual(r.nearSpellings, ['Glasow'], 'as typed');
  assert.deepEqual((await s.search('heroin Glasgow')).nearSpellings, []);
  const { statusText } = await import('../../../assets/js/search-page.js');
  assert.equal(statusText('heroin Glasow', 3, 3, false, true, null, 0, null, r.nearSpellings),
    '3 results for “heroin Glasow”. “Glasow” is not in the archive: results are for near spellings.');
});

