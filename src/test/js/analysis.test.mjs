// Parity: the browser analysis must give exactly the terms Lucene's EnglishAnalyzer gives.
// Reads target/search-parity.json: Lucene's terms, written by NodeTestFixtures (SearchFixture.writeNodeFixtures) before the node tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { analyze, analyzeTerms, porterStem } from '../../../assets/js/search/analysis.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const parity = JSON.parse(readFileSync(join(root, 'target', 'search-parity.json'), 'utf8'));

function mismatches(pairs) {
  const bad = [];
  for (const [input, expected] of pairs) {
    const actual = analyzeTerms(input, parity.vocabulary);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) bad.push({ input, expected, actual });
  }
  return bad;
}

test('every word of the archive and the word-form list analyzes exactly like Lucene', () => {
  const pairs = Object.entries(parity.words);
  assert.ok(pairs.length > 1000, `parity vocabulary too small: ${pairs.length}`);
  const bad = mismatches(pairs);
  const pct = (100 * (pairs.length - bad.length)) / pairs.length;
  assert.deepEqual(bad, [], `${bad.length} of ${pairs.length} words differ (${pct.toFixed(2)}% identical)`);
});

test('every paragraph of the archive analyzes exactly like Lucene', () => {
  const bad = mismatches(parity.texts.map((t) => [t.text, t.terms]));
  assert.deepEqual(bad.map((b) => b.input.slice(0, 80)), []);
});

test('numbers and the vocabulary: the same terms, positions and offsets as Lucene', () => {
  assert.ok(parity.vocabulary.length > 20, 'the parity file carries the site vocabulary');
  const entries = Object.entries(parity.tokens);
  assert.ok(entries.length > 40);
  const bad = [];
  for (const [text, expected] of entries) {
    const actual = analyze(text, parity.vocabulary).map((t) => [t.term, t.position, t.start, t.end]);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) bad.push({ text, expected, actual });
  }
  assert.deepEqual(bad, []);
});

test('numbers as readers write them analyze to one term', () => {
  const v = parity.vocabulary;
  const terms = (t) => analyzeTerms(t, v).filter((x) => !x.startsWith('='));
  for (const form of ['1100', '1,100', '1 100', '1\u00A0100']) assert.deepEqual(terms(form), ['1100'], form);
  for (const form of ['£800,000', '800000', '800,000']) assert.deepEqual(terms(form), ['800000'], form);
  const groupOf = (t) => analyzeTerms(t, v).filter((x) => x.startsWith('='));
  assert.deepEqual(groupOf('27%'), groupOf('27 per cent'));
  assert.equal(groupOf('27%').length, 1);
  for (const form of ['died', 'deaths', 'dying', 'die']) assert.deepEqual(groupOf(form), ['=death'], form);
  for (const form of ['fix room', 'drug consumption rooms', 'overdose prevention centre', 'safe injecting facility']) {
    assert.deepEqual(groupOf(form), ['=drug-consumption-room'], form);
  }
  assert.deepEqual(groupOf('HAT'), groupOf('diamorphine prescribing'));
});

test('Porter stemmer as Lucene implements it', () => {
  assert.equal(porterStem('say'), 'sai');
  assert.equal(porterStem('diamorphine'), 'diamorphin');
  assert.equal(porterStem('generalizations'), 'gener');
  assert.equal(porterStem('ponies'), 'poni');
});

test('the fallback tokenizer (no Intl.Segmenter) also matches Lucene on the archive', () => {
  const saved = Intl.Segmenter;
  try {
    Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true, writable: true });
    const bad = mismatches([...Object.entries(parity.words), ...parity.texts.map((t) => [t.text, t.terms])]);
    assert.deepEqual(bad, []);
  } finally {
    Object.defineProperty(Intl, 'Segmenter', { value: saved, configurable: true, writable: true });
  }
});
