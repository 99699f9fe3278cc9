// Browser gates over the built site, in Debian's Chromium (never a downloaded browser):
// axe-core WCAG 2.x A/AA on one page of every type at phone and desktop widths, no horizontal overflow,
// keyboard use of the skip link, search and "cite this", and no script injected through content runs.
// NodeTestFixtures (run by mvn before the node tests) builds target/gates-site and target/gates-xss-site. If Chromium is
// missing these tests fail: CI installs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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
  '/timeline/', '/figures/', '/search/?q=diamorphine', '/404.html', '/corrections/'];
// A corrected source (its disclosure opened, so that what it holds is checked too) and a Corrections page that lists it.
const CORRECTED = ['/sources/alpha/', '/corrections/'];

for (const width of [390, 1280]) {
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
