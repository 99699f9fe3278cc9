// A hand-judged query set over the fixture (the five real sources plus four pages): for each query, the
// page a reader wants first. Scored with MRR so that a change that lowers relevance is seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createSearch } from '../../../assets/js/search.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = join(root, 'target', 'search-fixture');

const JUDGED = [
  ['middlesbrough heroin', '/sources/middlesbrough-diamorphine-scheme/'],
  ['diamorphine', '/sources/middlesbrough-diamorphine-scheme/'],
  ['Coppinger', '/sources/middlesbrough-diamorphine-scheme/'],
  ['Javid visit', '/sources/javid-declines-glasgow-visit/'],
  ['Home Office letter', '/sources/home-office-letter-glasgow-dcr/'],
  ['cross-party group', '/sources/appg-urges-javid-consumption-rooms/'],
  ['Sweeney', '/sources/sweeney-hat-licence-glasgow/'],
  ['licence heroin centre', '/sources/sweeney-hat-licence-glasgow/'],
  ['Thewliss', '/people/alison-thewliss/'],
  ['Alison Thewliss MP', '/sources/javid-declines-glasgow-visit/'],
  ['heroin-assisted treatment', '/topics/heroin-assisted-treatment/'],
  ['drug deaths Glasgow rose', '/claims/glasgow-deaths-rose/'],
  ['consumption rooms law', '/commentary/consumption-rooms-and-law/'],
  ['"twice a day"', '/sources/middlesbrough-diamorphine-scheme/'],
  ['Glasgow Central', '/people/alison-thewliss/'],
];

test('hand-judged queries: mean reciprocal rank stays high', async () => {
  const s = createSearch(async (p) => JSON.parse(readFileSync(join(dir, p), 'utf8')));
  let sum = 0;
  const report = [];
  for (const [q, want] of JUDGED) {
    const r = await s.search(q, { limit: 10 });
    const rank = r.results.findIndex((x) => x.url === want) + 1;
    sum += rank ? 1 / rank : 0;
    report.push(`${rank || '-'}\t${q}`);
  }
  const mrr = sum / JUDGED.length;
  console.log(`MRR ${mrr.toFixed(3)} over ${JUDGED.length} queries\n${report.join('\n')}`);
  assert.ok(mrr >= 0.85, `MRR ${mrr.toFixed(3)}\n${report.join('\n')}`);
});

test('no document with every word: partial results, flagged', async () => {
  const s = createSearch(async (p) => JSON.parse(readFileSync(join(dir, p), 'utf8')));
  const r = await s.search('Coppinger Thewliss');
  assert.equal(r.partial, true);
  assert.ok(r.results.length >= 2);
  const full = await s.search('Coppinger');
  assert.equal(full.partial, false);
});
