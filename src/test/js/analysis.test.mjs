// Parity: the browser analysis must give exactly the terms Lucene's EnglishAnalyzer gives.
// Reads target/search-parity.json: Lucene's terms, written by NodeTestFixtures (SearchFixture.writeNodeFixtures) before the node tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { analyzeTerms, porterStem } from '../../../assets/js/search/analysis.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const parity = JSON.parse(readFileSync(join(root, 'target', 'search-parity.json'), 'utf8'));

function mismatches(pairs) {
  const bad = [];
  for (const [input, expected] of pairs) {
    const actual = analyzeTerms(input);
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
