// /data/annotations.jsonld of the real archive against the W3C Web Annotation test suite's own schemas
// (src/test/resources/w3c-web-annotation-tests, copied with its licence): every MUST test for each annotation,
// for the collection and for its page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const suite = join(root, 'src', 'test', 'resources', 'w3c-web-annotation-tests');
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const definitions = readdirSync(join(suite, 'definitions')).filter((f) => f.endsWith('.json'))
  .map((f) => json(join(suite, 'definitions', f)));

/** Compiles one assertion of the suite with the definitions it refers to, in an Ajv of its own (ids repeat). */
function compile(assertion) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const d of definitions) ajv.addSchema(d);
  return ajv.compile(assertion);
}

const compiled = new Map();

/** Runs a `.test` of the suite on a document; returns the failed MUST assertions with their errors. */
function run(testFile, doc) {
  const failures = [];
  for (const path of json(join(suite, testFile)).assertions) {
    const assertion = json(join(suite, path));
    if (!compiled.has(path)) compiled.set(path, compile(assertion));
    const validate = compiled.get(path);
    const valid = validate(doc);
    if (valid !== (assertion.expectedResult === 'valid') && assertion.onUnexpectedResult === 'failAndContinue') {
      failures.push(`${path}: ${assertion.errorMessage} ${JSON.stringify(validate.errors)}`);
    }
  }
  return failures;
}

const collection = json(join(root, 'target', 'gates-site', 'data', 'annotations.jsonld'));

test('the collection passes every MUST of the W3C tests for an Annotation Collection and its page', () => {
  assert.deepEqual(run('collections/collectionMusts.test', collection), []);
  assert.deepEqual(run('collections/pages/pageMusts.test', collection), []);
  assert.equal(collection.total, collection.first.items.length);
});

test('each annotation, with the context it is published in, passes every MUST of the W3C annotation tests', () => {
  const items = collection.first.items;
  assert.ok(items.length > 100, `only ${items.length} annotations`);
  for (const a of items) {
    assert.deepEqual(run('annotations/annotationMusts.test', { '@context': collection['@context'], ...a }), [], a.id);
  }
  assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'annotation ids are unique');
});

test('the harness fails an annotation that breaks a MUST (no target; a body with both id and value)', () => {
  const a = { '@context': collection['@context'], ...collection.first.items[0] };
  const noTarget = { ...a };
  delete noTarget.target;
  assert.notDeepEqual(run('annotations/annotationMusts.test', noTarget), []);
  assert.notDeepEqual(run('annotations/annotationMusts.test', { ...a, id: 'not a uri' }), []);
  const pageWithoutId = { ...collection, first: { ...collection.first } };
  delete pageWithoutId.first.id;
  assert.notDeepEqual(run('collections/pages/pageMusts.test', pageWithoutId), []);
});
