// Figures and numbers on the real archive's index (target/gates-site, built by NodeTestFixtures): a figure the query
// names is the first result, as an answer; a number the archive does not have, near one it has, is offered the
// archive's figures within a quarter of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createSearch } from '../../../assets/js/search.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = join(root, 'target', 'gates-site', 'search');
const searcher = () => createSearch(async (p) => JSON.parse(readFileSync(join(dir, p), 'utf8')));

test('"1,187" finds nothing and is offered "more than 1,100 deaths" in Scotland, 2018', async () => {
  const r = await searcher().search('1,187', { reader: true });
  assert.equal(r.results.length, 0);
  assert.equal(r.figures[0].url, '/claims/scotland-drug-deaths-2018/');
  assert.match(r.figures[0].label, /^more than 1,100 deaths — drug deaths in Scotland \(2018\)$/);
  assert.ok(r.figures.every((f) => f.value >= 1187 * 0.75 && f.value <= 1187 * 1.25), JSON.stringify(r.figures));
});

test('a word of the query brings its measure first; numbers as readers write them', async () => {
  const heroin = await searcher().search('1 400 heroin deaths', { reader: true });
  if (heroin.results.length === 0) assert.equal(heroin.figures[0].url, '/claims/heroin-morphine-deaths-2018/');
  for (const q of ['£11,000', '11 000', '£11k']) {
    const r = await searcher().search(q, { reader: true });
    assert.equal(r.results.length, 0, q);
    assert.equal(r.figures[0].url, '/claims/middlesbrough-cost-per-person/', q);
  }
});

test('no figure is offered far from the number, nor without reader mode', async () => {
  assert.deepEqual((await searcher().search('5', { reader: true })).figures, []);
  assert.equal((await searcher().search('1,187')).figures.length, 0);
});

test('"1,100 deaths" and "1100 drug deaths" are answered first by the figure, with its qualifier', async () => {
  for (const q of ['1,100 deaths', '1100 drug deaths', '1 100 died']) {
    const r = await searcher().search(q, { reader: true });
    assert.equal(r.results[0].url, '/claims/scotland-drug-deaths-2018/', q);
    assert.equal(r.results[0].answer, 'more than 1,100 deaths — drug deaths in Scotland (2018)', q);
    assert.equal(r.results.filter((x) => x.url === r.results[0].url).length, 1, 'listed once');
  }
  const words = await searcher().search('1,100 pounds', { reader: true });
  assert.ok(!words.results.some((x) => x.answer), 'a figure that shares no word with the query is no answer');
});

test('a magnitude letter is read as readers mean it: "£12k" is £12,000, "£800k" £800,000', async () => {
  const { numbersOf } = await import('../../../assets/js/search/figures.js');
  assert.deepEqual(numbersOf('£12k per patient, £1.2m, £2BN, 0.5bn, 1.25m, 12kg, 1,100 and 27%'),
    [12000, 1200000, 2000000000, 500000000, 1250000, 1100, 27]);
  const r = await searcher().search('£12k per person', { reader: true });
  assert.equal(r.results[0].url, '/claims/middlesbrough-cost-per-person/', JSON.stringify(r.results.slice(0, 3)));
  assert.ok(r.results[0].answer, 'the figure is the answer');
});

test('a measure is a result of its own, labelled so, linking to its place on the figures page', async () => {
  const r = await searcher().search('drug deaths in Scotland', { reader: true, types: ['measure'] });
  assert.equal(r.results[0].url, '/figures/#measure-drug-deaths-scotland');
  assert.equal(r.results[0].type, 'measure');
  const page = readFileSync(join(root, 'target', 'gates-site', 'figures', 'index.html'), 'utf8');
  // titled as the figures page heads its section
  const heading = page.match(/<h2 id="measure-drug-deaths-scotland-h">([^<]*)</)[1].trim();
  assert.equal(r.results[0].title, heading);
  assert.equal(heading, 'Drug deaths in Scotland');
  for (const x of r.results) assert.ok(page.includes(`id="${new URL(x.url, 'http://x').hash.slice(1)}"`), `${x.url}: its anchor is on the page`);
  const types = JSON.parse(readFileSync(join(dir, 'filters', 'type.json'), 'utf8')).map(([t]) => t);
  assert.ok(types.includes('measure'), types.join());
});

test('a number spelled out is a number, not a word a figure shares with the query', async () => {
  const cards = async (q) => (await searcher().search(q, { reader: true })).results.filter((x) => x.answer).map((x) => x.url);
  assert.deepEqual(await cards('fifteen people on the pilot'), ['/claims/middlesbrough-pilot-participants/']);
  assert.deepEqual(await cards('fifteen crimes'), [], 'no word of the figure but its number');
});
