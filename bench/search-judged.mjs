// Scores the judged query set (bench/search-judged.json) through the real search page of a built site, in
// Debian's Chromium: for each query, /search/?q=… is loaded, the results the page shows are read, and the rank
// of the first result that answers the query is taken. Prints MRR@10 and success@3, overall and per kind.
//
//   node bench/search-judged.mjs SITE_DIR [--json FILE] [--queries FILE]
//
// --queries: another judged set in the same format (bench/search-heldout.json: written by someone who saw neither
// the ranking code nor this set).
//
// The site is served by a small static server on 127.0.0.1 (as the browser gates do). Exit code 0 always: the
// thresholds are the test's business (src/test/js/browser/judged.test.mjs); a benchmark only reports.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, extname, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' };

/** The judged queries: [{kind, q, answers}]. */
export const JUDGED = JSON.parse(readFileSync(join(here, 'search-judged.json'), 'utf8')).queries;

/** Serves a folder on 127.0.0.1 (directories by their index.html); resolves to the server. */
export function serveStatic(root) {
  const server = createServer(async (req, res) => {
    let file = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * Whether a result link answers: the same path, and the same paragraph when the answer names one. A measure's
 * place (`/figures/#measure-ID`) is its anchor on whichever figures page holds it (`/figures/page/K/` in a large
 * archive).
 */
export function answers(href, answer) {
  const u = new URL(href, 'http://x');
  const a = new URL(answer, 'http://x');
  if (a.pathname === '/figures/' && a.hash) return u.pathname.startsWith('/figures/') && u.hash === a.hash;
  return u.pathname === a.pathname && (!a.hash || u.hash === a.hash);
}

/** Runs every query through the search page at base (http://127.0.0.1:PORT); returns one row per query. */
export async function judge(browser, base, queries = JUDGED) {
  const page = await browser.newPage();
  const rows = [];
  for (const { kind, q, answers: wanted } of queries) {
    await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
    // the status line is written when a search has finished (a count, "No results", or "some of the words")
    await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent.trim() !== '', null,
      { timeout: 30_000 });
    const hrefs = await page.$$eval('[data-search-results] li > a', (as) => as.map((a) => a.getAttribute('href')));
    const top = hrefs.slice(0, 10);
    const rank = top.findIndex((h) => wanted.some((w) => answers(h, w))) + 1;
    rows.push({ kind, q, rank, top: top.slice(0, 3) });
  }
  await page.close();
  return rows;
}

/** MRR@10 and success@3 of rows (rank 0: not in the top 10). */
export function summarise(rows) {
  const n = rows.length || 1;
  return {
    queries: rows.length,
    mrr10: rows.reduce((a, r) => a + (r.rank ? 1 / r.rank : 0), 0) / n,
    success3: rows.filter((r) => r.rank >= 1 && r.rank <= 3).length / n,
  };
}

/** The report a person reads: overall, per kind, and (optionally) every query not answered in the top 3. */
export function report(rows, showMisses = true) {
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const line = (name, s) => `${name.padEnd(11)} ${String(s.queries).padStart(3)} queries  MRR@10 ${s.mrr10.toFixed(3)}  success@3 ${(100 * s.success3).toFixed(1)}%`;
  const out = [line('all', summarise(rows)), ...kinds.map((k) => line(k, summarise(rows.filter((r) => r.kind === k))))];
  if (showMisses) {
    for (const r of rows.filter((x) => !(x.rank >= 1 && x.rank <= 3))) {
      out.push(`  ${r.rank ? '#' + r.rank : 'miss'}  ${r.q}  → ${r.top.join(' ') || '(no results)'}`);
    }
  }
  return out.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const site = args[0] && resolve(args[0]);
  if (!site || !existsSync(join(site, 'search', 'manifest.json'))) {
    console.error('usage: node bench/search-judged.mjs SITE_DIR [--json FILE]   (SITE_DIR: a built site, with search/)');
    process.exit(2);
  }
  const require = createRequire(join(here, '..', 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const server = await serveStatic(site);
  try {
    const q = args.indexOf('--queries');
    const queries = q > 0 ? JSON.parse(readFileSync(args[q + 1], 'utf8')).queries : JUDGED;
    const rows = await judge(browser, `http://127.0.0.1:${server.address().port}`, queries);
    console.log(report(rows, true));
    const i = args.indexOf('--json');
    if (i > 0) writeFileSync(args[i + 1], JSON.stringify({ site, ...summarise(rows), rows }, null, 1));
  } finally {
    await browser.close();
    server.close();
  }
}
