// Memento (RFC 7089) for a generated archive with a recorded correction (target/versions-site, written by
// NodeTestFixtures from CorrectedArchive): its TimeMap parses as link-format with http-link-header (RFC 8288
// links, the syntax RFC 6690 link-format shares), with the right rels and datetimes, and the _headers rules
// give each version its Memento-Datetime and links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import LinkHeader from 'http-link-header';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const site = join(root, 'target', 'versions-site');
const BASE = 'https://evidence-archive.example';

// A TimeMap is link-format: links separated by commas, each may continue on the next line.
const timeMap = () => LinkHeader.parse(readFileSync(join(site, 'sources/alpha/timemap.link'), 'utf8').replace(/\n/g, ' ').trim());
const local = (uri) => join(site, new URL(uri).pathname);
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('the TimeMap names the original, itself and every version with its datetime', () => {
  const links = timeMap();
  assert.deepEqual(links.rel('original').map((l) => l.uri), [`${BASE}/sources/alpha/text.txt`]);
  const self = links.rel('self');
  assert.equal(self.length, 1);
  assert.equal(self[0].uri, `${BASE}/sources/alpha/timemap.link`);
  assert.equal(self[0].type, 'application/link-format');
  assert.equal(self[0].from, 'Tue, 04 Mar 2025 10:20:30 GMT');
  assert.equal(self[0].until, 'Mon, 05 Jan 2026 00:00:00 GMT');
  // http-link-header gives a link with several rels once per rel
  const mementos = links.rel('memento');
  assert.deepEqual(mementos.map((m) => m.datetime), ['Tue, 04 Mar 2025 10:20:30 GMT', 'Mon, 05 Jan 2026 00:00:00 GMT']);
  assert.deepEqual(links.rel('first').map((l) => l.uri), [mementos[0].uri]);
  assert.deepEqual(links.rel('last').map((l) => l.uri), [mementos[1].uri]);
  // each memento's datetime is an HTTP date, in order
  const times = mementos.map((m) => Date.parse(m.datetime));
  assert.ok(times.every((t) => !Number.isNaN(t)) && times[0] < times[1]);
  // each memento is a published file whose name carries its checksum; the last one is the current text
  for (const m of mementos) {
    const hash = sha256(local(m.uri));
    assert.match(m.uri, new RegExp(`/sources/alpha/versions/${hash.slice(0, 12)}/text\\.txt$`));
  }
  assert.equal(sha256(local(mementos[1].uri)), sha256(join(site, 'sources/alpha/text.txt')));
  assert.notEqual(sha256(local(mementos[0].uri)), sha256(join(site, 'sources/alpha/text.txt')));
});

test('_headers gives each version its Memento-Datetime and links, and the original its TimeMap', () => {
  const rules = new Map();
  let path = null;
  for (const line of readFileSync(join(site, '_headers'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    if (!line.startsWith(' ')) { path = line.trim(); rules.set(path, {}); continue; }
    const colon = line.indexOf(':');
    rules.get(path)[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  const mementos = timeMap().rel('memento');
  for (const m of mementos) {
    const h = rules.get(new URL(m.uri).pathname);
    assert.ok(h, m.uri);
    assert.equal(h['Memento-Datetime'], m.datetime);
    const link = LinkHeader.parse(h.Link);
    assert.equal(link.rel('original')[0].uri, `${BASE}/sources/alpha/text.txt`);
    assert.equal(link.rel('timemap')[0].uri, `${BASE}/sources/alpha/timemap.link`);
    assert.equal(link.rel('memento')[0].datetime, m.datetime);
  }
  const original = LinkHeader.parse(rules.get('/sources/alpha/text.txt').Link);
  assert.equal(original.rel('timemap')[0].type, 'application/link-format');
  assert.match(rules.get('/sources/alpha/timemap.link')['Content-Type'], /^application\/link-format/);
  assert.ok(rules.get('/*')['Content-Security-Policy'], 'the security headers stay');
});

test('the source page links its TimeMap in <head>', () => {
  const html = readFileSync(join(site, 'sources/alpha/index.html'), 'utf8');
  const href = /<link rel="timemap" href="([^"]+)">/.exec(html)[1];
  assert.equal(new URL(href, `${BASE}/sources/alpha/`).href, `${BASE}/sources/alpha/timemap.link`);
});
