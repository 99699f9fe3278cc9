// What Zotero saves from the real archive's pages: Zotero's own "Embedded Metadata" translator, which hands the
// page's meta tags to its "RDF" translator (both copied unchanged from zotero/translators, with Zotero's
// utilities from zotero/utilities: src/test/resources/zotero/README.md), run in Debian's Chromium on the built
// pages, served at their real URLs. The shim (src/test/resources/zotero/zotero-shim.js) stands in for Zotero's translation framework
// only: loading a translator, its Item, and the RDF store (the methods of Zotero.Translate.IO._RDFSandbox).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const zotero = join(root, 'src', 'test', 'resources', 'zotero');
const site = join(root, 'target', 'gates-site');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const BASE = 'https://evidence-archive.example';
const read = (...path) => readFileSync(join(zotero, ...path), 'utf8');

// Loaded in the order of zotero/translate's example/index.html.
const UTILITIES = ['xregexp-all.js', 'utilities.js', 'utilities_item.js', 'date.js', 'resource/zoteroTypeSchemaData.js', 'cachedTypes.js'];
const TRANSLATORS = { em: read('translators', 'Embedded Metadata.js'), rdf: read('translators', 'RDF.js') };

let browser;
let context;
const probes = new Map();

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install Debian's chromium (.ci/run does)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  // The page's CSP forbids eval, which running a translator needs (Zotero runs it in a sandbox of its own).
  context = await browser.newContext({ bypassCSP: true });
  await context.route(`${BASE}/**`, (route) => {
    const url = route.request().url();
    if (probes.has(url)) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: probes.get(url) });
    const path = new URL(url).pathname;
    // Pages only: the translator reads the document, not its styles or scripts.
    if (!path.endsWith('/')) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(site, path, 'index.html')) });
  });
});

after(async () => {
  await browser?.close();
});

/** Runs Zotero's Embedded Metadata translator on a page; returns the item it saves, fields as Zotero keeps them. */
async function save(url, html) {
  if (html) probes.set(url, html);
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.addScriptTag({ content: "var Zotero = { locale: 'en-US', debug() {}, Translate: {} };" });
    for (const file of UTILITIES) await page.addScriptTag({ content: read('utilities', file) });
    await page.addScriptTag({ content: read('zotero-shim.js') });
    return await page.evaluate(([translators, dateFormats]) => {
      Zotero.Date.init(dateFormats);
      return globalThis.zoteroSave(document, location.href, translators);
    }, [TRANSLATORS, read('utilities', 'resource', 'dateFormats.json')]);
  } finally {
    await page.close();
    probes.delete(url);
  }
}

test('an archived source is a newspaper article, not one published by the archive', async () => {
  const item = await save(`${BASE}/sources/middlesbrough-diamorphine-scheme/`);
  assert.equal(item.itemType, 'newspaperArticle');
  assert.equal(item.title, 'Drug addicts to receive diamorphine twice a day in UK-first scheme');
  assert.deepEqual(item.creators, [{ firstName: 'Mattha', lastName: 'Busby', creatorType: 'author' }]);
  assert.equal(item.date, '2019', 'the inferred year');
  assert.equal(item.publicationTitle, undefined, 'the outlet is unknown, and the archive is not the newspaper');
  assert.equal(item.url, `${BASE}/sources/middlesbrough-diamorphine-scheme/`, 'where it is archived');
  assert.equal(item.rights, undefined, 'not the archive\'s licence');
  assert.equal(item.language, 'en-GB', 'from <html lang>');
});

test('a source without byline or headline: no author, the supplied title in brackets', async () => {
  const item = await save(`${BASE}/sources/home-office-letter-glasgow-dcr/`);
  assert.equal(item.itemType, 'newspaperArticle');
  assert.deepEqual(item.creators, []);
  assert.equal(item.title, "[Report on the Home Office letter about Glasgow's planned drug consumption room]");
  assert.equal(item.date, '2017');
});

test('commentary and claims are web pages of the archive, with no person made of the editors', async () => {
  for (const url of [`${BASE}/commentary/on-home-office-letter-glasgow-dcr/`, `${BASE}/claims/glasgow-drug-deaths-2016/`]) {
    const item = await save(url);
    assert.equal(item.itemType, 'webpage', url);
    assert.equal(item.websiteTitle, 'UK Drug Policy Evidence Archive', url);
    assert.deepEqual(item.creators, [], url);
    assert.match(item.date, /^\d{4}\/\d{2}\/\d{2}$/, url);
    assert.equal(item.rights, 'https://creativecommons.org/licenses/by/4.0/', url);
  }
});

test('the translator, run so, does to the old tags what the issue reported', async () => {
  const head = (tags) => `<!DOCTYPE html><html lang="en"><head><title>T</title>${tags}</head><body></body></html>`;
  const guess = await save(`${BASE}/probe/1/`, head('<meta name="citation_title" content="T"><meta name="DC.type" content="Text">'));
  assert.equal(guess.itemType, 'journalArticle', 'citation_title and DC.type Text alone: a guess');
  const old = await save(`${BASE}/probe/2/`, head('<meta name="citation_title" content="T"><meta name="DC.type" content="newspaperArticle">'
    + '<meta name="citation_author" content="Evidence Archive editors"><meta property="og:site_name" content="S">'));
  assert.equal(old.itemType, 'newspaperArticle');
  assert.equal(old.publicationTitle, 'S', 'og:site_name becomes the newspaper');
  assert.deepEqual(old.creators.map((c) => [c.firstName, c.lastName]), [['Evidence Archive', 'Editors']],
    'the editors become a person');
});
