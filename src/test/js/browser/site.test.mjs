// Browser gates over the built site, in Debian's Chromium (never a downloaded browser):
// axe-core WCAG 2.x A/AA on one page of every type at phone and desktop widths, no horizontal overflow,
// keyboard use of the skip link, search and "cite this", and no script injected through content runs.
// NodeTestFixtures (run by mvn before the node tests) builds target/gates-site and target/gates-xss-site. If Chromium is
// missing these tests fail: CI installs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, extname, normalize, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' };

/** Serves root on 127.0.0.1. Options: delayMs (every response waits that long: one round trip), log (gets one
 * {path, arrived, sent} per request, times in ms). */
function serve(root, { delayMs = 0, log = null } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const entry = { path, arrived: Date.now(), sent: undefined };
    if (log) log.push(entry);
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const send = (status, type, body) => { entry.sent = Date.now(); res.writeHead(status, { 'content-type': type }).end(body); };
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { send(403, 'text/plain', ''); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(200, TYPES[extname(file)] || 'application/octet-stream', await readFile(file));
    } catch {
      send(404, 'text/html', await readFile(join(root, '404.html')).catch(() => 'not found'));
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let browser, site, xss, versions;
const SITE = join(process.cwd(), 'target/gates-site');
const XSS = join(process.cwd(), 'target/gates-xss-site');
const VERSIONS = join(process.cwd(), 'target/versions-site'); // a generated archive with a recorded correction

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install Debian's chromium (.ci/run does)`);
  assert.ok(existsSync(SITE), 'target/gates-site is missing: run NodeTestFixtures first (mvn verify does, before the node tests)');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  site = await serve(SITE);
  xss = await serve(XSS);
  versions = await serve(VERSIONS);
});

after(async () => {
  await browser?.close();
  site?.close();
  xss?.close();
  versions?.close();
});

const base = (server) => `http://127.0.0.1:${server.address().port}`;

const PAGES = ['/', '/sources/', '/sources/middlesbrough-diamorphine-scheme/', '/commentary/on-home-office-letter-glasgow-dcr/',
  '/claims/', '/claims/glasgow-drug-deaths-2016/', '/topics/drug-consumption-rooms/', '/people/', '/people/alison-thewliss/',
  '/timeline/', '/figures/', '/search/?q=diamorphine', '/404.html', '/about/', '/claims/topic/drug-consumption-rooms/',
  '/claims/kind/statistic/', '/claims/by/home-office/', '/topics/drug-deaths/', '/corrections/'];
// A corrected source (its disclosure opened, so that what it holds is checked too) and a Corrections page that lists it.
const CORRECTED = ['/sources/alpha/', '/corrections/'];

// 320 px: WCAG 2.2's Reflow (1.4.10), a page read at 400% zoom of 1280 px without scrolling sideways
for (const width of [320, 390, 1280]) {
  test(`axe finds no WCAG A/AA violation and nothing overflows at ${width}px`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const problems = [];
    for (const [server, path] of [...PAGES.map((p) => [site, p]), ...CORRECTED.map((p) => [versions, p])]) {
      await page.goto(base(server) + path, { waitUntil: 'load' });
      if (path.startsWith('/search/')) await page.waitForSelector('[data-search-results] a');
      if (server === versions) await page.evaluate(() => document.querySelectorAll('details.corrections').forEach((d) => { d.open = true; }));
      await page.evaluate(AXE);
      const result = await page.evaluate(() => globalThis.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
      for (const v of result.violations) problems.push(`${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${path}: overflows by ${overflow}px`);
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
}

test('the axe gate can fail', async () => {
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png"><a href="/"></a></body></html>');
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a'] } }));
  assert.ok(result.violations.some((v) => v.id === 'image-alt'));
  await page.close();
});

test('keyboard: the skip link comes first and moves focus to the content', async () => {
  const page = await browser.newPage();
  await page.goto(base(site) + '/sources/javid-declines-glasgow-visit/');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.closest('main') !== null), 'focus continues inside main');
  await page.close();
});

test('search: typing a query shows the expected first result, with the keyboard alone', async () => {
  const page = await browser.newPage();
  await page.goto(base(site) + '/search/');
  await page.focus('#q');
  await page.keyboard.type('Thewlis');
  await page.waitForFunction(() => document.querySelector('[data-search-results] a'));
  const first = await page.$eval('[data-search-results] a', (a) => a.getAttribute('href'));
  assert.match(first, /thewliss|javid-declines-glasgow-visit/);
  await page.waitForFunction(() => location.search.includes('q=Thewlis'));
  const status = await page.$eval('[data-search-status]', (p) => p.textContent);
  assert.match(status, /\d+ result/);
  await page.close();
});

test('search: a source result is a "source paragraph" whose link marks the words in that paragraph', async () => {
  const page = await browser.newPage();
  await page.goto(base(site) + '/search/?q=' + encodeURIComponent('fix room Glasgow'));
  await page.waitForFunction(() => document.querySelector('[data-search-results] a'));
  const hit = await page.$$eval('[data-search-results] li', (lis) => lis.map((li) => ({
    href: li.querySelector('a').getAttribute('href'), type: li.querySelector('.search-result-type').textContent,
  })).find((r) => r.href.startsWith('/sources/home-office-letter-glasgow-dcr/')));
  assert.ok(hit, 'the Home Office letter is a result');
  assert.equal(hit.type, 'source paragraph');
  assert.match(hit.href, /\?mark=.*#p\d+$/);
  await page.goto(base(site) + hit.href);
  const anchor = hit.href.split('#')[1];
  await page.waitForFunction((id) => document.getElementById(id)?.querySelector('mark.search-hit'), anchor);
  const marked = await page.$$eval(`[id="${anchor}"] mark.search-hit`, (ms) => ms.map((m) => m.textContent));
  const wanted = new URL(hit.href, 'http://x').searchParams.getAll('mark');
  assert.ok(wanted.includes('Glasgow'), wanted.join('|'));
  for (const w of wanted) assert.ok(marked.includes(w), `${w} is marked: ${marked.join('|')}`);
  const outside = await page.$$eval('mark.search-hit', (ms, id) => ms.filter((m) => !m.closest(`[id="${id}"]`)).length, anchor);
  assert.equal(outside, 0, 'only the linked paragraph is marked');
  await page.close();
});

test('search: organisations are labelled organisation', async () => {
  const page = await browser.newPage();
  await page.goto(base(site) + '/search/?q=' + encodeURIComponent('Home Office'));
  await page.waitForFunction(() => document.querySelector('[data-search-results] a'));
  const labels = await page.$$eval('[data-search-results] li', (lis) => lis.map((li) => [
    li.querySelector('a').getAttribute('href'), li.querySelector('.search-result-type').textContent]));
  const org = labels.find(([href]) => href === '/people/home-office/');
  assert.ok(org, JSON.stringify(labels));
  assert.equal(org[1], 'organisation');
  await page.close();
});

// Reader pages (issue 17): measured in Chromium at 1280 px, as a reader on a laptop sees them.
const SCREEN = 800;

test('topic brief: key figures and who says what begin within the first two screens at 1280px', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: SCREEN } });
  const page = await context.newPage();
  const top = (sel) => page.$eval(sel, (e) => e.getBoundingClientRect().top + window.scrollY);
  await page.goto(base(site) + '/topics/drug-consumption-rooms/');
  const figures = await top('#figures-heading');
  const who = await top('#who-heading');
  const firstActor = await top('.actor-card');
  const firstPosition = await top('.actor-card .statements li');
  assert.ok(figures < 2 * SCREEN && who < 2 * SCREEN && firstPosition < 2 * SCREEN,
    `key figures at ${figures}px, who says what at ${who}px, first actor at ${firstActor}px, first position at ${firstPosition}px`);
  // The topic has no figure of its own: the section says so and points to related topics that have some.
  assert.match(await page.textContent('.key-figures'), /No claim on this topic reports a figure/);
  assert.ok(await page.$('.key-figures a[href="/topics/glasgow/"]'));
  // Each position links to its claim and to the exact paragraph it cites.
  const hrefs = await page.$$eval('.actor-card .statements li', (lis) => lis.map((li) => [...li.querySelectorAll('a')].map((a) => a.getAttribute('href'))));
  assert.ok(hrefs.length >= 20, `${hrefs.length} positions`);
  for (const [claim, passage] of hrefs) {
    assert.match(claim, /^\/claims\/[a-z0-9-]+\/$/);
    assert.match(passage, /^\/sources\/[a-z0-9-]+\/[^#]*#p\d+/);
  }
  // A topic with figures shows them as cards, qualifier first, in the first two screens.
  await page.goto(base(site) + '/topics/drug-deaths/');
  const card = await top('.figure-card');
  assert.ok(card < 2 * SCREEN, `first figure card at ${card}px`);
  const values = await page.$$eval('.figure-value', (es) => es.map((e) => e.textContent.trim()));
  assert.ok(values.includes('more than 1,100 deaths'), values.join(' | '));
  await context.close();
});

test('claims index: no page of it is taller than 8 screens at 1280px', async () => {
  const { readdir } = await import('node:fs/promises');
  const pages = [];
  const walk = async (dir, url) => {
    for (const e of await readdir(join(SITE, dir), { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name), `${url}${e.name}/`);
      else if (e.name === 'index.html') pages.push(url);
    }
  };
  pages.push('/claims/');
  for (const f of ['topic', 'kind', 'by']) await walk(`claims/${f}`, `/claims/${f}/`);
  assert.ok(pages.length >= 30, `${pages.length} pages`);
  const context = await browser.newContext({ viewport: { width: 1280, height: SCREEN } });
  const page = await context.newPage();
  const tall = [];
  for (const path of pages) {
    await page.goto(base(site) + path);
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    if (h > 8 * SCREEN) tall.push(`${path}: ${h}px`);
  }
  await context.close();
  assert.deepEqual(tall, []);
});

test('claims index: the filter by kind, topic and speaker works without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: SCREEN } });
  const page = await context.newPage();
  await page.goto(base(site) + '/claims/');
  await page.click('.claim-filter a[href="/claims/kind/statistic/"]');
  assert.equal(new URL(page.url()).pathname, '/claims/kind/statistic/');
  const kinds = await page.$$eval('.claim-list > li .kind-tag', (es) => es.map((e) => e.textContent));
  assert.ok(kinds.length > 5 && kinds.every((k) => k === 'statistic'), kinds.join());
  const figures = await page.$$eval('.claim-list > li', (lis) => lis.map((li) => li.querySelector('.claim-figure')?.textContent ?? ''));
  assert.ok(figures.every((f) => f.startsWith('Figure: ')), 'every statistic shows its figure');
  assert.ok(figures.some((f) => f.startsWith('Figure: more than 1,100 deaths')), 'with its qualifier');
  assert.equal(await page.$eval('.claim-filter a[aria-current="page"]', (a) => a.getAttribute('href')), '/claims/kind/statistic/');
  // A topic with more claims than a page holds continues on numbered pages, linked without script.
  await page.click('.claim-filter a[href="/claims/topic/drug-consumption-rooms/"]');
  const first = await page.$$eval('.claim-list > li', (lis) => lis.length);
  await page.click('nav.pager a[rel="next"]');
  assert.equal(new URL(page.url()).pathname, '/claims/topic/drug-consumption-rooms/page/2/');
  const second = await page.$$eval('.claim-list > li', (lis) => lis.length);
  assert.equal(first + second, 39);
  // The speakers are in a disclosure that opens without script.
  await page.click('.claim-filter summary');
  await page.click('.claim-filter a[href="/claims/by/home-office/"]');
  const by = await page.$$eval('.claim-list > li', (lis) => lis.map((li) => li.querySelector('.said-by')?.textContent ?? ''));
  assert.ok(by.length >= 5 && by.every((b) => b.includes('Home Office')), by.join(' | '));
  await context.close();
});

test('navigation: commentary and About are in it, and every page has exactly one search box', async () => {
  const page = await browser.newPage();
  for (const path of ['/', '/search/', '/topics/drug-consumption-rooms/', '/sources/javid-declines-glasgow-visit/', '/about/']) {
    await page.goto(base(site) + path);
    const nav = await page.$$eval('nav[aria-label="Main"] a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(nav.includes('/commentary/') && nav.includes('/about/'), nav.join());
    assert.equal(await page.$$eval('input[type="search"]', (es) => es.length), 1, path);
  }
  await page.close();
});

test('organisations are labelled organisation on every page that says what a link points to', async () => {
  const { readdir } = await import('node:fs/promises');
  const orgs = [];
  for (const f of await readdir(join(process.cwd(), 'content/people'))) {
    const text = await readFile(join(process.cwd(), 'content/people', f), 'utf8');
    if (/^kind: organisation$/m.test(text)) orgs.push(text.match(/^id: '?([a-z0-9-]+)/m)[1]);
  }
  assert.ok(orgs.includes('home-office') && orgs.includes('public-health-england'), orgs.join());
  const page = await browser.newPage();
  await page.goto(base(site) + '/claims/phe-prescriptions-2017-18/');
  const tags = await page.$$eval('.related li', (lis) => lis.map((li) => [li.querySelector('a').getAttribute('href'), li.querySelector('.kind-tag').textContent]));
  const phe = tags.find(([href]) => href === '/people/public-health-england/');
  assert.ok(phe, JSON.stringify(tags));
  assert.equal(phe[1], 'organisation');
  await page.close();
  // No built page tags an organisation's link as a person.
  const wrong = [];
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.html')) {
        const html = await readFile(p, 'utf8');
        for (const id of orgs) if (html.includes(`kind-tag">person</span> <a href="/people/${id}/"`)) wrong.push(`${p}: ${id}`);
      }
    }
  };
  await walk(SITE);
  assert.deepEqual(wrong, []);
});

/** The site paths of the modules a script imports, directly or not (static imports of relative paths). */
async function moduleGraph(file, seen = new Set()) {
  const src = await readFile(join(process.cwd(), 'assets', file), 'utf8');
  for (const [, spec] of src.matchAll(/^import [^'"]*from '(\.{1,2}\/[^']+)';/gm)) {
    const dep = normalize(join(dirname(file), spec));
    if (!seen.has(dep)) { seen.add(dep); await moduleGraph(dep, seen); }
  }
  return seen;
}

test('search: the page preloads exactly the modules its script imports', async () => {
  const html = await readFile(join(SITE, 'search', 'index.html'), 'utf8');
  assert.match(html, /<script type="module" src="\/js\/search-page.js"><\/script>/);
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="\/([^"]+)">/g)].map((m) => m[1]).sort();
  const imported = [...await moduleGraph('js/search-page.js')].sort();
  assert.ok(imported.length >= 6, `search-page.js imports search.js and its modules: ${imported}`);
  assert.deepEqual(preloaded, imported);
});

test('search: the scripts cost no round trip more than one module did; the index is asked for after 3', async (t) => {
  // Every response waits D ms. A request's round trip is 1 + that of the latest response sent before it was made
  // (the page: 0). Without modulepreload, search.js would come at 2 and its modules at 3, the manifest at 4.
  // Over HTTP/1.1 Chromium opens 6 connections to a host, so 2 of the 8 files after the page wait for a free one.
  const D = 250;
  const log = [];
  const slow = await serve(SITE, { delayMs: D, log });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base(slow)}/search/?q=diamorphine`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-search-results] a');
    const ms = Date.now() - t0;
    for (const r of log) {
      r.trip = Math.max(0, ...log.filter((s) => s !== r && s.sent !== undefined && s.sent <= r.arrived).map((s) => s.trip + 1));
    }
    const trip = (p) => log.find((r) => r.path === p)?.trip;
    const scripts = log.filter((r) => r.path.startsWith('/js/'));
    t.diagnostic(`first result after ${ms} ms = ${(ms / D).toFixed(1)} round trips of ${D} ms; ${log.length} requests; `
      + `scripts at ${JSON.stringify(Object.fromEntries(scripts.map((r) => [r.path, r.trip])))}; `
      + `manifest at ${trip('/search/manifest.json')}; last request at ${Math.max(...log.map((r) => r.trip))}`);
    assert.equal(scripts.length, (await moduleGraph('js/search-page.js')).size + 1);
    for (const r of scripts) assert.ok(r.trip <= 2, `${r.path} asked for after ${r.trip} round trips`);
    assert.equal(trip('/search/manifest.json'), 3);
  } finally {
    await context.close();
    slow.close();
  }
});

test('cite this: copy buttons are keyboard-reachable buttons', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(base(site) + '/claims/glasgow-drug-deaths-2016/');
  const button = page.locator('.cite-this .copy-button').first();
  await button.focus();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BUTTON');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.copy-status').textContent.includes('copied'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /glasgow-drug-deaths-2016/);
  await context.close();
});

test('no payload placed in content runs, with or without the CSP', async () => {
  for (const bypassCSP of [false, true]) {
    const context = await browser.newContext({ bypassCSP });
    const page = await context.newPage();
    const query = encodeURIComponent('"><img src=x onerror="window.__xss=9"><script>window.__xss=10</script> evil');
    for (const path of ['/sources/evil/', '/topics/policy/', '/', '/sources/', '/corrections/', '/search/?q=script', `/search/?q=${query}`]) {
      await page.goto(base(xss) + path, { waitUntil: 'load' });
      await page.waitForTimeout(100);
      assert.equal(await page.evaluate(() => globalThis.__xss), undefined, `${path} (bypassCSP=${bypassCSP})`);
    }
    const title = await page.goto(base(xss) + '/sources/evil/').then(() => page.textContent('h1'));
    assert.match(title, /<script>window.__xss=4<\/script>Evil title/, 'the payload is displayed as text');
    await context.close();
  }
});

// Issue 17: source pages, the timeline and the figures page, read as a reader would, with JavaScript off (they
// need none) in a phone's viewport. What the content holds is read from content/ itself, not from the pages.

const CLAIMS = readdirSync(join(process.cwd(), 'content/claims')).filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(process.cwd(), 'content/claims', f), 'utf8').split(/^---$/m)[1]);
const SOURCES = readdirSync(join(process.cwd(), 'content/sources')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));

async function noScriptPhone() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test('source pages: the text starts on a phone\'s first screen; provenance is behind a disclosure; little is painted at rest', async () => {
  const { context, page } = await noScriptPhone();
  assert.ok(SOURCES.length >= 5);
  for (const id of SOURCES) {
    await page.goto(`${base(site)}/sources/${id}/`);
    const top = await page.$eval('.archived-text .para', (p) => p.getBoundingClientRect().top);
    assert.ok(top < 844, `${id}: the first paragraph starts at ${top}px`);
    assert.ok(await page.$('details.provenance:not([open]) code.hash'), `${id}: the checksum is in a closed disclosure`);
    assert.equal(await page.$eval('details.provenance code.hash', (c) => c.checkVisibility()), false, `${id}: hidden until opened`);
    // Characters of the archived text on a painted background, at rest (no pointer, focus or fragment).
    const painted = () => page.$eval('.archived-text', (el) => {
      let all = 0; let marked = 0;
      const walk = (n) => {
        for (const c of n.childNodes) {
          if (c.nodeType === 3) {
            const len = c.nodeValue.trim().length;
            all += len;
            let e = c.parentElement; let bg = false;
            while (e && e !== el) { const b = getComputedStyle(e).backgroundColor; if (b !== 'rgba(0, 0, 0, 0)' && b !== 'transparent') bg = true; e = e.parentElement; }
            if (bg) marked += len;
          } else if (c.nodeType === 1 && c.tagName !== 'DETAILS') walk(c);
        }
      };
      walk(el);
      return marked / all;
    });
    const atRest = await painted();
    assert.ok(atRest <= 0.1, `${id}: ${(atRest * 100).toFixed(1)}% of the text is highlighted at rest`);
  }
  // Arriving at a cited paragraph highlights its passages (so the measure above can see a highlight).
  await page.goto(`${base(site)}/sources/home-office-letter-glasgow-dcr/#p4`);
  const bg = await page.$eval('#p4 mark', (m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'a cited passage is highlighted at its anchor');
  assert.ok(await page.$('#p4.is-cited'), 'a cited paragraph is marked in the margin');
  await context.close();
});

test('source pages: each paragraph\'s link, citation and cited-by are reached with the keyboard alone, without script', async () => {
  const { context, page } = await noScriptPhone();
  await page.goto(`${base(site)}/sources/home-office-letter-glasgow-dcr/`);
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement.matches('#p4 details.cite-para > summary'));
  }
  assert.ok(found, 'Tab reaches the paragraph 4 disclosure');
  assert.equal(await page.$eval('#p4 .citation', (c) => c.checkVisibility()), false, 'closed at rest');
  await page.keyboard.press('Enter');
  assert.ok(await page.$eval('#p4 .citation', (c) => c.checkVisibility()), 'Enter opens it');
  assert.match(await page.$eval('#p4 .citation', (c) => c.textContent), /#p4/);
  assert.notEqual(await page.$eval('#p4 mark', (m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)', 'opened: its passages are highlighted');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#p4', 'then the link to the paragraph');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.closest('#p4 ul.cited-by') !== null), 'then the items citing it');
  await context.close();
});

test('source pages print the text with its paragraph numbers and without the per-paragraph panels', async () => {
  const { context, page } = await noScriptPhone();
  await page.goto(`${base(site)}/sources/javid-declines-glasgow-visit/`);
  await page.emulateMedia({ media: 'print' });
  const numbers = await page.$$eval('.archived-text .para', (ps) => ps.map((p) => {
    const s = p.querySelector('summary');
    return s.checkVisibility() ? s.textContent.split(' ')[0].replace(/[^¶\d]/g, '') : null;
  }));
  assert.deepEqual(numbers, numbers.map((_, i) => `¶${i + 1}`));
  assert.equal(await page.$eval('#p1 .citation', (c) => c.checkVisibility()), false);
  await context.close();
});

test('search: the filters are in the address, so a filtered search can be bookmarked and reloaded', async () => {
  const page = await browser.newPage();
  await page.goto(`${base(site)}/search/?q=glasgow&type=claim&topic=drug-deaths`);
  await page.waitForSelector('[data-search-results] a');
  assert.equal(await page.$eval('input[name="type"][value="claim"]', (e) => e.checked), true);
  assert.equal(await page.$eval('select[name="topic"]', (e) => e.value), 'drug-deaths');
  const types = await page.$$eval('[data-search-results] .search-result-type', (ts) => ts.map((t) => t.textContent.trim()));
  assert.ok(types.length > 0 && types.every((t) => t === 'claim'), types.join(', '));
  // ticking another type writes it into the address
  await page.check('input[name="type"][value="source"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('type').length === 2);
  assert.deepEqual(new URL(page.url()).searchParams.getAll('type'), ['source', 'claim']);
  assert.equal(new URL(page.url()).searchParams.get('topic'), 'drug-deaths');
  await page.close();
});

test('section indexes say what each entry is: a source its outlet and date, a topic or commentary its summary', async () => {
  const page = await browser.newPage();
  await page.goto(`${base(site)}/sources/`);
  const sources = await page.$$eval('ul.entries li', (lis) => lis.map((li) => li.querySelector('.note')?.textContent ?? ''));
  assert.equal(sources.length, 5);
  for (const n of sources) assert.match(n, /^outlet not recorded, (date unknown|\d{4})/);
  for (const section of ['topics', 'commentary']) {
    await page.goto(`${base(site)}/${section}/`);
    const notes = await page.$$eval('ul.entries li .note', (ns) => ns.map((n) => n.textContent.trim()));
    assert.ok(notes.length >= 5 && notes.every((n) => n.length > 20), `${section}: ${notes}`);
  }
  await page.close();
});

test('figures: a bar whose period is uncertain is drawn pale and dashed, as the timeline draws an inferred date', async () => {
  const page = await browser.newPage();
  await page.goto(`${base(site)}/figures/`);
  const bars = await page.$$eval('svg.chart a', (as) => as.map((a) => ({ label: a.querySelector('text.label').textContent,
    uncertain: a.querySelector('rect').classList.contains('uncertain'), dash: getComputedStyle(a.querySelector('rect')).strokeDasharray })));
  const lastYear = bars.find((b) => b.label.startsWith('Last year'));
  const known = bars.find((b) => b.label === '2016');
  assert.ok(lastYear && lastYear.uncertain && lastYear.dash !== 'none', JSON.stringify(bars));
  assert.ok(known && !known.uncertain && known.dash === 'none', JSON.stringify(bars));
  await page.close();
});

test('the breadcrumb, the heading and the footer start at one left edge at 1280px', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const path of ['/search/', '/sources/home-office-letter-glasgow-dcr/', '/claims/glasgow-drug-deaths-2016/', '/about/',
    '/topics/glasgow/', '/claims/']) {
    await page.goto(`${base(site)}${path}`);
    const [crumb, h1, footer] = await page.evaluate(() => ['.breadcrumbs li', 'main h1', '.site-footer p']
      .map((s) => Math.round(document.querySelector(s).getBoundingClientRect().left)));
    assert.equal(crumb, h1, `${path}: breadcrumb at ${crumb}px, heading at ${h1}px`);
    // the wide reader pages keep a reading-width footer
    if (!['/topics/glasgow/', '/claims/'].includes(path)) assert.equal(footer, h1, `${path}: footer at ${footer}px, heading at ${h1}px`);
  }
  await page.close();
});

test('on paper a citation prints its absolute address, without the text fragment', async () => {
  const { context, page } = await noScriptPhone();
  await page.emulateMedia({ media: 'print' });
  for (const path of ['/claims/glasgow-drug-deaths-2016/', '/commentary/on-home-office-letter-glasgow-dcr/', '/topics/glasgow/']) {
    await page.goto(`${base(site)}${path}`);
    const printed = await page.$$eval('a.cite, .cite-source a, .source-keys a', (as) => as.map((a) => getComputedStyle(a, '::after').content));
    assert.ok(printed.length > 0, path);
    for (const p of printed) assert.match(p, /^" <https?:\/\/[^ ]+\/sources\/[a-z0-9-]+\/(#p\d+[a-z]?)?>"$/, `${path}: ${p}`);
  }
  await context.close();
});

test('timeline: every event is placed, bars in date order and to scale, labels in full, without script', async () => {
  const { context, page } = await noScriptPhone();
  await page.goto(`${base(site)}/timeline/`);
  const events = CLAIMS.filter((fm) => /^kind: event$/m.test(fm)).length;
  assert.ok(events >= 6);
  assert.equal(await page.$$eval('li.tl-item[data-kind=event]', (li) => li.length), events);
  const bars = await page.$$eval('li.tl-item', (lis) => lis.map((li) => {
    const r = li.querySelector('rect.tl-bar').getBoundingClientRect();
    return { href: li.querySelector('.tl-what a').getAttribute('href'), left: r.left, right: r.right,
      inferred: li.querySelector('rect.tl-bar').classList.contains('tl-inferred'), when: li.querySelector('.tl-when').textContent };
  }));
  for (let i = 1; i < bars.length; i++) assert.ok(bars[i].left >= bars[i - 1].left - 0.01, `in order: ${bars[i].href}`);
  const at = (claim) => bars.find((b) => b.href === `/claims/${claim}/`);
  const [y2016, y2018, y2019] = [at('glasgow-drug-deaths-2016'), at('heroin-morphine-deaths-2018'), at('hscp-hat-operational-2019')];
  const year = y2019.left - y2018.left;
  assert.ok(year > 10, `a year is ${year}px wide`);
  assert.ok(Math.abs((y2018.left - y2016.left) - 2 * year) < 1, 'two years are twice one year');
  assert.ok(Math.abs((y2016.right - y2016.left) - year) < 1, 'a year given alone fills its year');
  for (const b of bars.filter((x) => x.inferred)) assert.match(b.when, /^Date inferred/, b.href);
  assert.ok(bars.filter((b) => b.inferred).length >= events - 1, 'undated events are drawn as inferred ranges');
  const cut = await page.$$eval('.tl-item p, .tl-item a', (els) => els.filter((e) => getComputedStyle(e).textOverflow === 'ellipsis'
    || e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  assert.deepEqual(cut, []);
  const basis = page.locator('li.tl-item:has(a[href="/claims/glasgow-dcr-plans-drawn-up/"]) details.tl-basis');
  await basis.locator('summary').click();
  assert.match(await basis.textContent(), /two years ago/);
  await context.close();
});

test('figures: one chart or card per measure, no one-bar chart, "more than" drawn open-ended, without script', async () => {
  const { context, page } = await noScriptPhone();
  await page.goto(`${base(site)}/figures/`);
  const measures = new Set(CLAIMS.map((fm) => fm.match(/^\s+measure: (\S+)/m)?.[1]).filter(Boolean));
  const groups = await page.$$eval('.figure-group', (gs) => gs.map((g) => ({
    charts: g.querySelectorAll('svg.chart').length, cards: g.querySelectorAll('.fig-card').length,
    bars: g.querySelectorAll('svg.chart rect.bar').length,
  })));
  assert.equal(groups.length, measures.size);
  for (const g of groups) {
    assert.equal(g.charts + g.cards, 1, JSON.stringify(g));
    if (g.charts) assert.ok(g.bars >= 2, 'no one-bar chart');
  }
  const moreThan = CLAIMS.filter((fm) => /^\s+qualifier: more-than$/m.test(fm)).length;
  const drawn = await page.$$eval('.fig-card, svg.chart a', (els) => els.filter((e) => /more than/.test(e.textContent))
    .map((e) => e.querySelector('.open-end .open-head') !== null));
  assert.equal(drawn.length, moreThan);
  assert.ok(drawn.every(Boolean), 'every "more than" figure has the open-ended mark');
  const labels = await page.$$eval('svg.chart .label', (ts) => ts.map((t) => t.textContent));
  for (const l of labels) assert.ok(l.length <= 40 && !l.endsWith('…'), `a short label: ${l}`);
  await context.close();
});
