// The search benchmark: what a reader's browser downloads and waits for, measured in Debian's Chromium on a
// built site served from this machine's loopback. Drives the real search page; counts network bytes, so it
// depends on no detail of the index format.
//
//   node bench/search-bench.mjs --site DIR/target/site [--pagefind] [--json] [--queries N]
//
// 1. Bytes: for each query, a fresh browser context (empty cache) opens /search/?q=… and waits for the
//    results; every response is counted, uncompressed and gzipped: the client's scripts apart from the
//    index data. Queries are word pairs picked from the archive's own texts at fixed document-frequency
//    ranks (see pickQueries), so the same site gives the same queries.
// 2. Time: in one page with the index already fetched, the query is typed as one input event; the time from
//    that event to the results list changing is measured in the page (performance.now + MutationObserver).
//    The page waits DEBOUNCE_MS after the last keystroke before searching: that wait is reported apart.
// 3. Size: all files under /search/ against the archived texts they index (sources/*/text.txt).
// 4. With --pagefind: Pagefind (npm, pinned below; installed on demand under target/bench-node, not a
//    dependency of the project) indexes a copy of the same site; the same queries run through its own
//    JavaScript API, loading the data of the first 10 results as its default UI does.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const PAGEFIND_VERSION = '1.6.0';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TIMEOUT_MS = 60_000;

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const site = path.resolve(opt('--site', 'target/site'));
const asJson = args.includes('--json');
const withPagefind = args.includes('--pagefind');
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function fail(message) {
  console.error(`search-bench: ${message}`);
  process.exit(1);
}
if (!fs.existsSync(path.join(site, 'search', 'index.html'))) fail(`no built site with a search page at ${site} (run ./archive build)`);

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8' };

/** A static server for a folder on 127.0.0.1 (an ephemeral port), no compression, so bytes are raw. */
function serve(root) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Word pairs from the archived texts, by document frequency (how many texts have the word): words of 4+
 * letters, ranked by df then alphabetically; pairs at fixed rank fractions: common+common, common+mid,
 * mid+mid, mid+rare, common+rare.
 */
function pickQueries(root) {
  const dir = path.join(root, 'sources');
  const df = new Map();
  for (const id of fs.readdirSync(dir)) {
    const f = path.join(dir, id, 'text.txt');
    if (!fs.existsSync(f)) continue;
    const words = new Set(fs.readFileSync(f, 'utf8').toLowerCase().match(/\p{L}{4,}/gu) || []);
    for (const w of words) df.set(w, (df.get(w) || 0) + 1);
  }
  const ranked = [...df.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  if (ranked.length < 20) fail('too few words in the archived texts to pick queries');
  const at = (f) => ranked[Math.min(ranked.length - 1, Math.floor(f * ranked.length))];
  const pairs = [['common+common', 0.002, 0.005], ['common+mid', 0.003, 0.2], ['mid+mid', 0.1, 0.3],
    ['mid+rare', 0.2, 0.8], ['common+rare', 0.004, 0.9]];
  return pairs.map(([kind, a, b]) => ({ kind, q: `${at(a)} ${at(b)}`, df: [df.get(at(a)), df.get(at(b))] }));
}

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] : NaN; };

/** Opens url in a fresh context; returns the responses' bytes by kind once ready() holds. */
async function measureBytes(browser, url, ready, classify) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const counted = { client: { raw: 0, gz: 0, n: 0 }, index: { raw: 0, gz: 0, n: 0 } };
  const pending = [];
  page.on('response', (r) => pending.push((async () => {
    const kind = classify(new URL(r.url()).pathname);
    if (!kind) return;
    const body = await r.body().catch(() => null);
    if (!body) return;
    counted[kind].raw += body.length; counted[kind].gz += gz(body); counted[kind].n += 1;
  })()));
  try {
    await page.goto(url, { timeout: TIMEOUT_MS });
    const shown = await ready(page);
    await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
    await Promise.all(pending);
    return { ...counted, shown };
  } finally {
    await context.close();
  }
}

async function oursBytes(browser, base, q) {
  return measureBytes(browser, `${base}/search/?q=${encodeURIComponent(q)}`, async (page) => {
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-search-status]');
      return s && s.textContent.trim().length > 0;
    }, null, { timeout: TIMEOUT_MS });
    return page.locator('[data-search-results] a').count();
  }, (p) => (p.startsWith('/js/') ? 'client' : p.startsWith('/search/') && p.endsWith('.json') ? 'index' : null));
}

/** Warm timing on our page: the index is fetched first, then each query is one input event. */
async function oursLatency(browser, base, queries, rounds) {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/search/`, { timeout: TIMEOUT_MS });
    const times = [];
    for (let r = 0; r < rounds + 1; r++) {
      for (const { q } of queries) {
        const ms = await page.evaluate(async (query) => {
          const input = document.querySelector('[data-search-form] input[name="q"]');
          const list = document.querySelector('[data-search-results]');
          const status = document.querySelector('[data-search-status]');
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((res) => setTimeout(res, 400));
          return new Promise((resolve) => {
            let t0 = 0;
            const obs = new MutationObserver(() => {
              if (list.children.length || /no result|nothing/i.test(status.textContent)) { obs.disconnect(); resolve(performance.now() - t0); }
            });
            obs.observe(list, { childList: true, subtree: true });
            obs.observe(status, { childList: true, characterData: true, subtree: true });
            t0 = performance.now();
            input.value = query;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          });
        }, q);
        if (r > 0) times.push(ms); // round 0 fetches the shards
      }
    }
    return times;
  } finally {
    await page.close();
  }
}

function debounceMs() {
  const src = fs.readFileSync(path.join(repo, 'assets/js/search-page.js'), 'utf8');
  const m = src.match(/DEBOUNCE_MS\s*=\s*(\d+)/);
  return m ? Number(m[1]) : null;
}

function treeSize(dir) {
  let files = 0; let bytes = 0;
  if (!fs.existsSync(dir)) return { files, bytes };
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) { files += 1; bytes += fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size; }
  }
  return { files, bytes };
}

function textBytes(root) {
  let bytes = 0;
  for (const id of fs.readdirSync(path.join(root, 'sources'))) {
    const f = path.join(root, 'sources', id, 'text.txt');
    if (fs.existsSync(f)) bytes += fs.statSync(f).size;
  }
  return bytes;
}

/** Copies the site, runs Pagefind over it, adds a page that searches through Pagefind's JS API. */
function pagefindSite() {
  const prefix = path.join(repo, 'target', 'bench-node');
  const bin = path.join(prefix, 'node_modules', '.bin', 'pagefind');
  if (!fs.existsSync(bin)) {
    console.error(`search-bench: installing pagefind@${PAGEFIND_VERSION} into ${prefix} (npm)`);
    fs.mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `pagefind@${PAGEFIND_VERSION}`], { stdio: 'inherit' });
  }
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-site-'));
  fs.cpSync(site, copy, { recursive: true });
  fs.rmSync(path.join(copy, 'search'), { recursive: true, force: true });
  const t0 = Date.now();
  execFileSync(bin, ['--site', copy, '--output-subdir', 'pagefind', '--quiet'], { stdio: 'inherit' });
  const indexMs = Date.now() - t0;
  fs.writeFileSync(path.join(copy, 'pf.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>pf</title></head>
<body><ol id="r"></ol><script type="module">
const pagefind = await import('/pagefind/pagefind.js');
window.pf = pagefind;
const q = new URLSearchParams(location.search).get('q');
if (q) {
  const r = await pagefind.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  document.getElementById('r').replaceChildren(...data.map((d) => Object.assign(document.createElement('li'), { textContent: d.meta.title || d.url })));
  document.body.dataset.done = String(r.results.length);
}
</script></body></html>`);
  return { copy, indexMs };
}

async function pagefindBytes(browser, base, q) {
  return measureBytes(browser, `${base}/pf.html?q=${encodeURIComponent(q)}`, async (page) => {
    await page.waitForFunction(() => document.body.dataset.done !== undefined, null, { timeout: TIMEOUT_MS });
    return page.locator('#r li').count();
  }, (p) => (p === '/pagefind/pagefind.js' || p.endsWith('.wasm') || p.endsWith('pagefind-entry.json') ? 'client'
    : p.startsWith('/pagefind/') ? 'index' : null));
}

async function pagefindLatency(browser, base, queries, rounds) {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/pf.html`, { timeout: TIMEOUT_MS });
    await page.waitForFunction(() => window.pf !== undefined, null, { timeout: TIMEOUT_MS });
    const times = [];
    for (let r = 0; r < rounds + 1; r++) {
      for (const { q } of queries) {
        const ms = await page.evaluate(async (query) => {
          const t0 = performance.now();
          const res = await window.pf.search(query);
          await Promise.all(res.results.slice(0, 10).map((x) => x.data()));
          return performance.now() - t0;
        }, q);
        if (r > 0) times.push(ms);
      }
    }
    return times;
  } finally {
    await page.close();
  }
}

const kb = (n) => (n / 1000).toFixed(1);

async function main() {
  const queries = pickQueries(site);
  const rounds = Number(opt('--rounds', '4'));
  const server = await serve(site);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let pf = null; let pfServer = null;
  try {
    const out = { site, queries: [], latency: {}, index: {}, pagefind: null };
    for (const q of queries) out.queries.push({ ...q, ours: await oursBytes(browser, base, q.q) });
    const times = await oursLatency(browser, base, queries, rounds);
    const wait = debounceMs() || 0;
    const after = times.map((t) => t - wait);
    out.latency = { debounceMs: wait, medianMs: median(times), p95Ms: p95(times), afterDebounceMedianMs: median(after),
      afterDebounceP95Ms: p95(after), runs: times.length };
    out.index = { ...treeSize(path.join(site, 'search')), textBytes: textBytes(site) };
    if (withPagefind) {
      pf = pagefindSite();
      pfServer = await serve(pf.copy);
      const pfBase = `http://127.0.0.1:${pfServer.address().port}`;
      for (const entry of out.queries) entry.pagefind = await pagefindBytes(browser, pfBase, entry.q);
      const pfTimes = await pagefindLatency(browser, pfBase, queries, rounds);
      out.pagefind = { indexMs: pf.indexMs, index: treeSize(path.join(pf.copy, 'pagefind')),
        latency: { medianMs: median(pfTimes), p95Ms: p95(pfTimes), runs: pfTimes.length } };
    }
    if (asJson) {
      console.log(JSON.stringify(out, null, 2));
      return;
    }
    console.log(`Search benchmark: ${site}\n`);
    console.log('| query (kind; df of each word) | ours: index kB (gz) | ours: client kB (gz) | ours: total kB | requests | results shown |'
      + (withPagefind ? ' Pagefind: index kB (gz) | Pagefind: client kB (gz) | Pagefind: total kB |' : ''));
    console.log('|---|---:|---:|---:|---:|---:|' + (withPagefind ? '---:|---:|---:|' : ''));
    for (const e of out.queries) {
      const o = e.ours; const p = e.pagefind;
      console.log(`| "${e.q}" (${e.kind}; ${e.df.join(', ')}) | ${kb(o.index.raw)} (${kb(o.index.gz)}) | ${kb(o.client.raw)} (${kb(o.client.gz)}) | `
        + `${kb(o.index.raw + o.client.raw)} | ${o.index.n + o.client.n} | ${o.shown} |`
        + (p ? ` ${kb(p.index.raw)} (${kb(p.index.gz)}) | ${kb(p.client.raw)} (${kb(p.client.gz)}) | ${kb(p.index.raw + p.client.raw)} |` : ''));
    }
    const totals = out.queries.map((e) => e.ours.index.raw + e.ours.client.raw);
    console.log(`\nOurs: median total per query ${kb(median(totals))} kB uncompressed (target < 150 kB including the client).`);
    console.log(`Ours: keystroke → results rendered, shards cached: median ${out.latency.medianMs.toFixed(1)} ms, p95 ${out.latency.p95Ms.toFixed(1)} ms `
      + `over ${out.latency.runs} searches; that is the page's ${out.latency.debounceMs} ms debounce plus search and render: median `
      + `${out.latency.afterDebounceMedianMs.toFixed(1)} ms, p95 ${out.latency.afterDebounceP95Ms.toFixed(1)} ms (target < 50 ms).`);
    console.log(`Ours: index ${(out.index.bytes / 1e6).toFixed(1)} MB in ${out.index.files} files; archived texts ${(out.index.textBytes / 1e6).toFixed(1)} MB `
      + `(index ÷ texts = ${(out.index.bytes / out.index.textBytes).toFixed(2)}×; the index also covers commentary, claims, topics and people).`);
    if (out.pagefind) {
      const pt = out.queries.map((e) => e.pagefind.index.raw + e.pagefind.client.raw);
      console.log(`Pagefind ${PAGEFIND_VERSION}: indexed in ${(out.pagefind.indexMs / 1000).toFixed(1)} s; index ${(out.pagefind.index.bytes / 1e6).toFixed(1)} MB in `
        + `${out.pagefind.index.files} files; median total per query ${kb(median(pt))} kB; search + data of 10 results, cached: median `
        + `${out.pagefind.latency.medianMs.toFixed(1)} ms, p95 ${out.pagefind.latency.p95Ms.toFixed(1)} ms.`);
    }
  } finally {
    await browser.close();
    server.close();
    if (pfServer) pfServer.close();
    if (pf) fs.rmSync(pf.copy, { recursive: true, force: true });
  }
}

main().catch((e) => fail(e.stack || String(e)));
