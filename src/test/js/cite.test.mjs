// "Cite this" against the reference consumers, on the real archive built for the gates (target/gates-site):
// - every citation in the box of every source, commentary and claim page, and every paragraph pinpoint, equals what
//   citeproc-js (the reference CSL processor) renders from the page's own cite.json with the same official style
//   and locale files (target/csl, copied from the org.citationstyles jars the build renders with);
// - the three downloads of an item (cite.bib, cite.ris, cite.json) read back by citation-js's BibTeX and RIS
//   readers as one item: the same type, title, authors, date, URL and outlet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const CSL = require('citeproc');
const { Cite, plugins } = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const site = join(root, 'target', 'gates-site');
const csl = join(root, 'target', 'csl');
const LOCALE = 'en-GB';
const STYLES = { apa: 'apa', chicago: 'chicago-note-bibliography', harvard: 'harvard-cite-them-right', oscola: 'oscola' };

/** Every page with a "cite this" box: [url path, folder]. */
function citablePages() {
  const pages = [];
  for (const section of ['sources', 'commentary', 'claims']) {
    for (const id of readdirSync(join(site, section))) {
      const dir = join(site, section, id);
      if (existsSync(join(dir, 'cite.json'))) pages.push([`/${section}/${id}/`, dir]);
    }
  }
  return pages;
}

/** One citeproc-js engine per style; items are handed to it one at a time. */
function engine(style) {
  const items = new Map();
  const sys = {
    retrieveLocale: (lang) => readFileSync(join(csl, `locales-${lang}.xml`), 'utf8'),
    retrieveItem: (id) => items.get(id),
  };
  const e = new CSL.Engine(sys, readFileSync(join(csl, `${STYLES[style]}.csl`), 'utf8'), LOCALE);
  e.setOutputFormat('html');
  let n = 0;
  return {
    /** The bibliography entry of an item. */
    entry(item) {
      const id = `item-${n++}`;
      items.set(id, { ...item, id });
      e.updateItems([id]);
      const [, entries] = e.makeBibliography();
      return entries[0];
    },
    /** The first footnote citing an item, with a paragraph locator when given. */
    note(item, paragraph) {
      const id = `item-${n++}`;
      items.set(id, { ...item, id });
      const cite = { id };
      if (paragraph) Object.assign(cite, { locator: paragraph, label: 'paragraph' });
      return e.previewCitationCluster({ citationItems: [cite], properties: { noteIndex: 1 } }, [], [], 'html');
    },
  };
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** HTML reduced to text with its italics and bold marked: the two processors' HTML differ only in spelling. */
function normal(html) {
  return html
    .replace(/<(\/?)(i|b)>/g, '\u0001$1$2\u0002')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&([a-z]+);/g, (m, name) => ENTITIES[name] ?? m)
    .replace(/\u0001(\/?)(i|b)\u0002/g, '<$1$2>')
    .trim();
}

const pages = citablePages();

/**
 * citeproc-java 3.5.2 title-cases a few things otherwise than citeproc-js, seen only in the headline-case styles
 * (Chicago, OSCOLA) on claim pages, whose titles are whole sentences with quotations: a quotation inside the quoted
 * title keeps single quotes where citeproc-js nests double ones, and words after ";", a quotation or a hyphenated
 * stop word are capitalised otherwise. Those differences are counted, printed and held to this number (a new kind
 * or more of them fails); every other box must be identical. See the report in the commit for upstream.
 */
const CLAIM_HEADLINE_CASE_DIFFERENCES = 60;

test('the real archive has pages of every citable kind', () => {
  for (const section of ['sources', 'commentary', 'claims']) {
    assert.ok(pages.some(([url]) => url.startsWith(`/${section}/`)), section);
  }
});

test('every cite box equals citeproc-js with the official styles, for every style', () => {
  const engines = Object.fromEntries(Object.keys(STYLES).map((s) => [s, engine(s)]));
  let compared = 0;
  const differ = [];
  const seen = [];
  for (const [url, dir] of pages) {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const [item] = JSON.parse(readFileSync(join(dir, 'cite.json'), 'utf8'));
    for (const style of Object.keys(STYLES)) {
      const box = html.match(new RegExp(`<p class="citation" id="cite-${style}">(.*?)</p>`, 's'));
      assert.ok(box, `${url}: no ${style} citation`);
      const expected = style === 'oscola' ? engines[style].note(item) : engines[style].entry(item);
      const [ours, js] = [normal(box[1]), normal(expected)];
      if (ours !== js) {
        const headlineCase = url.startsWith('/claims/') && (style === 'chicago' || style === 'oscola');
        (headlineCase ? seen : differ).push({ page: `${url} ${style}`, box: ours, citeprocJs: js });
      }
      compared++;
    }
  }
  assert.deepEqual(differ, []);
  for (const d of seen) console.log(`# citeproc-java differs: ${d.page}\n#   ours: ${d.box}\n#   js:   ${d.citeprocJs}`);
  assert.ok(seen.length <= CLAIM_HEADLINE_CASE_DIFFERENCES, `${seen.length} headline-case differences on claim pages`);
  assert.ok(compared >= 4 * pages.length && compared > 0);
});

test('every paragraph pinpoint equals citeproc-js: OSCOLA with a paragraph locator and the paragraph URL', () => {
  const oscola = engine('oscola');
  let compared = 0;
  for (const [url, dir] of pages.filter(([u]) => u.startsWith('/sources/'))) {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const [item] = JSON.parse(readFileSync(join(dir, 'cite.json'), 'utf8'));
    // each paragraph's disclosure: <summary>¶N…</summary> … <p class="citation">…</p>
    const paragraphs = [...html.matchAll(/<div class="para[^"]*" id="([^"]+)">.*?<summary>¶(\d+)<span[^>]*>[^<]*<\/span><\/summary>.*?<p class="citation">(.*?)<\/p>/gs)];
    assert.ok(paragraphs.length > 0, `${url}: no paragraph pinpoints`);
    for (const [, anchor, number, cited] of paragraphs) {
      const expected = oscola.note({ ...item, URL: `${item.URL}#${anchor}` }, number);
      assert.equal(normal(cited), normal(expected), `${url}#${anchor}`);
      assert.match(normal(cited), new RegExp(`para ${number} `));
      compared++;
    }
  }
  assert.ok(compared > 0);
});

/** What a reference manager keeps of an item (CSL-JSON as citation-js gives it). */
function fields(item) {
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return {
    type: item.type,
    title: item.title,
    // a brace-protected organisation reads back as a family name alone: the same single-field name
    authors: [].concat(item.author || []).map((a) => typeof a === 'string' ? a : a.literal ?? (a.given ? `${a.family}, ${a.given}` : a.family)),
    year: year === undefined ? undefined : Number(year),
    date: item.issued?.['date-parts']?.[0]?.map(Number),
    URL: item.URL,
    container: item['container-title'],
  };
}

test('the three downloads of an item read back as the same item: BibTeX and RIS by citation-js, and CSL-JSON', () => {
  for (const [url, dir] of pages) {
    const json = JSON.parse(readFileSync(join(dir, 'cite.json'), 'utf8'));
    assert.equal(json.length, 1);
    const expected = fields(json[0]);
    assert.ok(!JSON.stringify(json).toLowerCase().includes('unknown'), `${url}: nothing unknown is printed`);
    assert.ok(!('accessed' in json[0]), `${url}: no access date`);

    const ris = new Cite(readFileSync(join(dir, 'cite.ris'), 'utf8'), { forceType: '@ris/file' }).data;
    assert.equal(ris.length, 1, `${url}: one RIS record`);
    // the RIS specification names a news article's AU its reporter (citation-js reads it so); Zotero's RIS translator
    // reads AU as the author of every type. Under NEWS the specification has the year in PY alone.
    const r = fields({ ...ris[0], author: ris[0].author ?? ris[0].reporter });
    if (ris[0].type === 'article-newspaper') r.date = expected.date;
    assert.deepEqual(r, expected, `${url} RIS`);
    assert.equal(ris[0].accessed, undefined, `${url}: RIS has no access date`);

    const bibText = readFileSync(join(dir, 'cite.bib'), 'utf8');
    const bib = new Cite(bibText, { forceType: '@biblatex/text' }).data;
    assert.equal(bib.length, 1, `${url}: one BibTeX entry`);
    const b = fields(bib[0]);
    // biblatex writes a newspaper article as @article with entrysubtype = newspaper; citation-js reads that as an
    // article-journal of genre "newspaper" (Better BibTeX and pandoc read it as a newspaper article)
    if (bib[0].type === 'article-journal' && bib[0].genre === 'newspaper') b.type = 'article-newspaper';
    assert.deepEqual(b, expected, `${url} BibTeX`);
    assert.equal(bib[0].accessed, undefined, `${url}: BibTeX has no access date`);
    // the title is brace-protected as a whole, so that no style lower-cases its names ("Daniel Ahmed", "HIV")
    assert.match(bibText, /\n {2}title = \{\{.*\}\},\n/);
  }
});

// An archive with a DOI prefix (target/pid-site, whose DOIs `archive ledger` minted): each item's DOI is in its
// cite.json, and citation-js reads the same DOI back from its cite.bib and cite.ris; the page names it as cite-as.
test('a DOI reads back from cite.bib and cite.ris as the DOI of cite.json, and the page links it as cite-as', () => {
  const pidSite = join(root, 'target', 'pid-site');
  let compared = 0;
  for (const section of ['sources', 'commentary', 'claims']) {
    for (const id of readdirSync(join(pidSite, section))) {
      const dir = join(pidSite, section, id);
      if (!existsSync(join(dir, 'cite.json'))) continue;
      const doi = JSON.parse(readFileSync(join(dir, 'cite.json'), 'utf8'))[0].DOI;
      assert.match(doi ?? '', /^10\.12345\/[0-9bcdfghjkmnpqrstvwxz]{8}$/, `${section}/${id}: cite.json has a DOI`);
      const ris = new Cite(readFileSync(join(dir, 'cite.ris'), 'utf8'), { forceType: '@ris/file' }).data;
      assert.equal(ris[0].DOI, doi, `${section}/${id}: RIS DO`);
      const bib = new Cite(readFileSync(join(dir, 'cite.bib'), 'utf8'), { forceType: '@biblatex/text' }).data;
      assert.equal(bib[0].DOI, doi, `${section}/${id}: BibTeX doi`);
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      assert.ok(html.includes(`<link rel="cite-as" href="https://doi.org/${doi}">`), `${section}/${id}: cite-as`);
      compared++;
    }
  }
  assert.equal(compared, 5, 'the source, the commentary and the three claims');
});
