// The site as real web servers serve it: Debian's nginx with the include the build generates (_nginx.conf) and
// Debian's Apache with the generated .htaccess, each on 127.0.0.1, serving the built sites that NodeTestFixtures
// writes (target/gates-site, the real archive, and target/hosting-site, with moved items and an old host). Every
// redirect of _redirects must answer 301 with its target, every response must carry the headers of _headers,
// charsets and caching must be those of each kind of file, a precompressed file must be sent gzip-encoded to a
// client that accepts gzip, and a page must work in Chromium with its search. Without a server its tests are
// skipped on a developer's machine and fail under CI (.ci/run installs nginx and apache2, and sets CI).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, rm, chmod, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const GATES = join(process.cwd(), 'target/gates-site');
const HOSTING = join(process.cwd(), 'target/hosting-site');
const OLD_HOST = 'old.evidence-archive.example';
const NEW_BASE = 'https://new.evidence-archive.example';
const AS_ROOT = process.getuid?.() === 0;

/** A free port on 127.0.0.1 (the kernel's choice, released for the server to take). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** One raw request (no decompression, no redirect following): { status, headers, body: Buffer }. */
function get(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: 'localhost', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The path a Location header leads to on this server (nginx sends it relative, Apache absolute, from the Host). */
const pathOf = (location, port) => {
  const u = new URL(location, `http://localhost:${port}`); // the Host of every request
  assert.equal(u.host, `localhost:${port}`, `${location} stays on this server`);
  return u.pathname + u.search;
};

/** The rules of a _headers file: [{ path, headers: {lower-case name: value} }]. */
async function headerRules(site) {
  const rules = [];
  for (const line of (await readFile(join(site, '_headers'), 'utf8')).split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) { rules.push({ path: line.trim(), headers: {} }); continue; }
    const colon = line.indexOf(':');
    rules.at(-1).headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return rules;
}

// Each server's main configuration is the test's (prefix, pid, logs and temp files in a temp folder); each site
// is configured only by what the build generated, as the README tells a host to do. Each runs as an ordinary user:
// as root (CI), the test starts it as nobody (setpriv), serving a byte-for-byte copy of the built sites.
const SERVERS = {
  nginx: {
    bin: process.env.NGINX || '/usr/sbin/nginx',
    package: 'nginx',
    config(dir, sites) {
      return `daemon off;\nworker_processes 1;\npid ${dir}/server.pid;\nerror_log ${dir}/error.log warn;\n`
        + 'events { worker_connections 64; }\nhttp {\n  access_log off;\n'
        + ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};\n`).join('')
        + sites.map(([port, root]) => `  server {\n    listen 127.0.0.1:${port};\n    server_name localhost;\n    root ${root};\n`
          + `    include ${root}/_nginx.conf;\n  }\n`).join('') + '}\n';
    },
    args: (dir) => ['-p', dir, '-c', join(dir, 'server.conf'), '-e', join(dir, 'error.log')],
    check: (dir) => [['-t', '-p', dir, '-c', join(dir, 'server.conf'), '-e', join(dir, 'check.log')], join(dir, 'check.log')],
  },
  apache: {
    bin: process.env.APACHE || '/usr/sbin/apache2',
    package: 'apache2',
    config(dir, sites) {
      const modules = ['mpm_event', 'authz_core', 'mime', 'dir', 'rewrite', 'headers', 'filter', 'deflate'];
      return 'ServerRoot /usr/lib/apache2\n' + `PidFile ${dir}/server.pid\nDefaultRuntimeDir ${dir}\nErrorLog ${dir}/error.log\nLogLevel warn\n`
        + modules.map((m) => `LoadModule ${m}_module modules/mod_${m}.so\n`).join('')
        + 'ServerName localhost\nTypesConfig /dev/null\n'
        + '<Directory />\n  AllowOverride None\n  Require all denied\n</Directory>\n<Files ".ht*">\n  Require all denied\n</Files>\n'
        + sites.map(([port, root]) => `Listen 127.0.0.1:${port}\n<VirtualHost 127.0.0.1:${port}>\n  DocumentRoot ${root}\n`
          + `  <Directory ${root}>\n    AllowOverride All\n    Require all granted\n  </Directory>\n</VirtualHost>\n`).join('');
    },
    args: (dir) => ['-f', join(dir, 'server.conf'), '-DFOREGROUND'],
    check: (dir) => [['-t', '-f', join(dir, 'server.conf')], join(dir, 'error.log')],
  },
};

for (const [name, server] of Object.entries(SERVERS)) {
  describe(name, () => {
    const missing = !existsSync(server.bin);
    if (missing && process.env.CI) {
      test(`${name} is installed (CI installs Debian's ${server.package})`, () => assert.fail(`${server.bin} is missing: .ci/run installs it`));
      return;
    }
    const skip = missing ? `no ${name} at ${server.bin} (apt-get install ${server.package}; under CI this fails)` : false;
    let dir, proc, gatesPort, hostingPort, stderr = '';

    before(async () => {
      if (skip) return;
      assert.ok(existsSync(join(GATES, '_nginx.conf')) && existsSync(join(HOSTING, '.htaccess')),
        'target/gates-site or target/hosting-site is missing: run NodeTestFixtures first (mvn verify does, before the node tests)');
      dir = await mkdtemp(join(tmpdir(), `${name}-test-`));
      let sites = [GATES, HOSTING];
      if (AS_ROOT) {
        // nobody may not reach into the checkout (a folder under /root, say): it serves a copy of the built sites
        await chmod(dir, 0o777);
        sites = [join(dir, 'gates-site'), join(dir, 'hosting-site')];
        for (const [from, to] of [[GATES, sites[0]], [HOSTING, sites[1]]]) await cp(from, to, { recursive: true });
        execFileSync('chmod', ['-R', 'a+rX', ...sites]);
      }
      [gatesPort, hostingPort] = [await freePort(), await freePort()];
      await writeFile(join(dir, 'server.conf'), server.config(dir, [[gatesPort, sites[0]], [hostingPort, sites[1]]]));
      const [command, args] = AS_ROOT ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', server.bin, ...server.args(dir)]]
        : [server.bin, server.args(dir)];
      proc = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      proc.stderr.on('data', (c) => { stderr += c; });
      for (const port of [gatesPort, hostingPort]) {
        for (const deadline = Date.now() + 10_000; ;) {
          try { await get(port, '/'); break; } catch {
            if (Date.now() > deadline || proc.exitCode !== null) {
              throw new Error(`${name} did not start: ${stderr}${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`);
            }
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }
    });

    after(async () => {
      if (proc && proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill(name === 'nginx' ? 'SIGQUIT' : 'SIGTERM');
        await exited;
      }
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    test('the configuration loads without a warning, and serving logs no error', { skip }, async () => {
      const [args, log] = server.check(dir);
      const out = execFileSync(server.bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.doesNotMatch(out + await readFile(log, 'utf8').catch(() => ''), /\[(warn|emerg|alert|crit)\]|\[[a-z_]+:(warn|emerg|alert|crit)\]/);
      for (const path of ['/', '/sources/alpha/', '/sources/alpha/text.txt']) assert.equal((await get(hostingPort, path)).status, 200);
      const errors = (await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')).split('\n')
        .filter((l) => /\[(core:)?(alert|crit|emerg)\]|\[(core:)?error\]/.test(l));
      assert.deepEqual(errors, []);
    });

    test('every redirect of _redirects answers 301 with its target, the same kind of resource', { skip }, async () => {
      const lines = (await readFile(join(HOSTING, '_redirects'), 'utf8')).split('\n').filter((l) => l.startsWith('/'));
      assert.ok(lines.length >= 6, `the fixture moves pages and files: ${lines}`);
      const kinds = new Set();
      for (const line of lines) {
        const [from, to, code] = line.split(' ');
        assert.equal(code, '301');
        const res = await get(hostingPort, from);
        assert.equal(res.status, 301, from);
        assert.equal(pathOf(res.headers.location, hostingPort), to, from);
        const last = (p) => p.endsWith('/') ? 'page' : p.slice(p.lastIndexOf('/') + 1);
        assert.equal(last(to), last(from), `${from} → ${to}: a page to a page, a file to the file of that name`);
        kinds.add(last(from));
        const target = await get(hostingPort, to);
        assert.equal(target.status, 200, to);
        if (last(to) === 'cite.bib') assert.equal(target.headers['content-type'], 'application/x-bibtex; charset=utf-8');
        if (last(to) === 'page') assert.equal(target.headers['content-type'], 'text/html; charset=utf-8');
      }
      assert.deepEqual([...kinds].sort(), ['cite.bib', 'cite.json', 'cite.ris', 'page', 'text.txt', 'timemap.link'],
        'pages, texts, TimeMaps and downloads are moved');
      const query = await get(hostingPort, '/topics/old-policy/?from=feed');
      assert.equal(pathOf(query.headers.location, hostingPort), '/topics/policy/?from=feed', 'the query string follows');
    });

    test('a host the site moved from answers 301 to the same path at the new one', { skip }, async () => {
      const res = await get(hostingPort, '/sources/alpha/?x=1', { Host: OLD_HOST });
      assert.equal(res.status, 301);
      assert.equal(res.headers.location, `${NEW_BASE}/sources/alpha/?x=1`);
      const redirects = await readFile(join(HOSTING, '_redirects'), 'utf8');
      assert.ok(redirects.includes(`https://${OLD_HOST}/* ${NEW_BASE}/:splat 301!`), 'Netlify is told the same');
    });

    test('every response carries the headers of _headers; charsets, caching and Memento headers follow the kind of file', { skip }, async () => {
      const rules = await headerRules(HOSTING);
      const all = rules.find((r) => r.path === '/*').headers;
      assert.ok(all['content-security-policy'] && all['x-content-type-options'], JSON.stringify(all));
      const ruleFor = (path) => rules.find((r) => r.path !== '/*' && (r.path.endsWith('*') ? path.startsWith(r.path.slice(0, -1)) : r.path === path));
      const cases = [
        ['/', 200, 'text/html; charset=utf-8'],
        ['/sources/alpha/', 200, 'text/html; charset=utf-8'],
        ['/sources/alpha/text.txt', 200, 'text/plain; charset=utf-8'],
        ['/sources/alpha/cite.ris', 200, 'application/x-research-info-systems; charset=utf-8'],
        ['/data/archive.json', 200, 'application/json'],
        ['/data/annotations.jsonld', 200, 'application/ld+json'],
        ['/feed.xml', 200, 'application/xml; charset=utf-8'],
        ['/search/manifest.json', 200, 'application/json'],
        ['/css/site.css', 200, 'text/css; charset=utf-8'],
        ['/js/search.js', 200, 'text/javascript; charset=utf-8'],
        ['/topics/old-policy/', 301, null],
        ['/no/such/page/', 404, 'text/html; charset=utf-8'],
      ];
      for (const gzip of [false, true]) {
        for (const [path, status, type] of cases) {
          const res = await get(hostingPort, path, gzip ? { 'Accept-Encoding': 'gzip' } : {});
          const at = `${path}${gzip ? ' (gzip)' : ''}`;
          assert.equal(res.status, status, at);
          if (type) assert.equal(res.headers['content-type'], type, at);
          for (const [header, value] of Object.entries(all)) assert.equal(res.headers[header], value, `${at}: ${header}`);
          const own = ruleFor(path);
          const cache = own?.headers['cache-control'];
          assert.equal(res.headers['cache-control'], cache ?? 'public, max-age=300', `${at}: caching`);
          assert.equal(res.headers.link, own?.headers.link, `${at}: the Link of _headers`);
        }
      }
      assert.equal(ruleFor('/search/dict/0.json').headers['cache-control'], 'no-cache', 'the index is revalidated');
      for (const path of ['/sources/alpha/', '/sources/alpha/index.html']) {
        const res = await get(hostingPort, path, { 'Accept-Encoding': 'gzip' });
        assert.equal(res.headers.link, '<https://news.evidence-archive.example/alpha?id=1&ref=a%24b>; rel="original"', path);
      }
      // the archived text's links are Memento's: its TimeMap, whose original is the text's time-generic URL
      const text = await get(hostingPort, '/sources/alpha/text.txt', { 'Accept-Encoding': 'gzip' });
      assert.equal(text.headers.link, `<${NEW_BASE}/sources/alpha/text.txt>; rel="original", <${NEW_BASE}/sources/alpha/timemap.link>;`
        + ' rel="timemap"; type="application/link-format"');
      // each version is a memento, cached for good (its URL names its checksum), with the headers of _headers
      const versions = rules.filter((r) => /^\/sources\/alpha\/versions\/[0-9a-f]+\/text\.txt$/.test(r.path));
      assert.ok(versions.length >= 1, 'the text\'s versions have rules');
      for (const { path, headers } of versions) {
        for (const gzip of [false, true]) {
          const res = await get(hostingPort, path, gzip ? { 'Accept-Encoding': 'gzip' } : {});
          assert.equal(res.status, 200, path);
          assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8', path);
          for (const h of ['memento-datetime', 'link', 'cache-control']) assert.equal(res.headers[h], headers[h], `${path}: ${h}`);
        }
      }
      assert.equal(versions[0].headers['cache-control'], 'public, max-age=31536000, immutable');
      const timeMap = await get(hostingPort, '/sources/alpha/timemap.link', { 'Accept-Encoding': 'gzip' });
      assert.equal(timeMap.headers['content-type'], 'application/link-format; charset=utf-8');
      assert.equal(timeMap.headers['content-encoding'], 'gzip', 'a TimeMap is sent compressed');
      // the WARC export is a gzip file of its own: sent as it is, never as gzip-encoded WARC text; the WACZ is a zip
      for (const gzip of [false, true]) {
        const warc = await get(hostingPort, '/data/archive.warc.gz', gzip ? { 'Accept-Encoding': 'gzip' } : {});
        assert.equal(warc.status, 200);
        assert.equal(warc.headers['content-type'], 'application/warc');
        assert.equal(warc.headers['content-encoding'], undefined);
        assert.deepEqual(warc.body, await readFile(join(HOSTING, 'data/archive.warc.gz')));
        const wacz = await get(hostingPort, '/data/archive.wacz', gzip ? { 'Accept-Encoding': 'gzip' } : {});
        assert.equal(wacz.headers['content-type'], 'application/zip');
        assert.equal(wacz.headers['content-encoding'], undefined);
      }
    });

    test('a missing URL gets the site\'s 404 page; host files and the build\'s marker are not served', { skip }, async () => {
      const page404 = await readFile(join(GATES, '404.html'));
      for (const path of ['/no-such-page/', '/sources/nothing/text.txt', '/_nginx.conf', '/_headers', '/_redirects',
        '/.evidence-archive-site']) {
        const res = await get(gatesPort, path);
        assert.equal(res.status, 404, path);
        assert.deepEqual(res.body, page404, path);
      }
      const htaccess = await get(gatesPort, '/.htaccess');
      assert.ok([403, 404].includes(htaccess.status), `/.htaccess: ${htaccess.status}`);
    });

    test('a precompressed file is sent gzip-encoded to a client that accepts gzip, as it is to others', { skip }, async () => {
      for (const path of ['/search/dict/0.json', '/search/manifest.json', '/sources/middlesbrough-diamorphine-scheme/',
        '/data/annotations.jsonld', '/data/archive.json']) {
        const file = join(GATES, path.endsWith('/') ? `${path}index.html` : path);
        const bytes = await readFile(file);
        assert.ok(existsSync(`${file}.gz`), `${file}.gz is published`);
        const zipped = await get(gatesPort, path, { 'Accept-Encoding': 'gzip, deflate, br' });
        assert.equal(zipped.status, 200, path);
        assert.equal(zipped.headers['content-encoding'], 'gzip', path);
        assert.match(zipped.headers.vary ?? '', /Accept-Encoding/, path);
        assert.deepEqual(gunzipSync(zipped.body), bytes, `${path}: the .gz is the same file`);
        const plain = await get(gatesPort, path);
        assert.equal(plain.headers['content-encoding'], undefined, path);
        assert.deepEqual(plain.body, bytes, path);
      }
    });

    test('a small file has no twin and is compressed as it is sent; twins stay for large files only', { skip }, async () => {
      const claim = readdirSync(join(GATES, 'claims'), { withFileTypes: true }).find((d) => d.isDirectory()
        && statSync(join(GATES, 'claims', d.name, 'index.html')).size < 16 * 1024, null);
      assert.ok(claim, 'a claim page under 16 kB');
      // a result fragment of the search (a result's passages) of more than 1 kB: a fragment, not an index shard
      const fragment = readdirSync(join(GATES, 'search', 'docs')).find((n) => n.endsWith('.json')
        && statSync(join(GATES, 'search', 'docs', n)).size > 1024);
      assert.ok(fragment, 'a result fragment over 1 kB');
      for (const path of [`/claims/${claim.name}/`, '/sources/middlesbrough-diamorphine-scheme/text.txt', '/sources/middlesbrough-diamorphine-scheme/timemap.link',
        `/search/docs/${fragment}`]) {
        const file = join(GATES, path.endsWith('/') ? `${path}index.html` : path);
        const bytes = await readFile(file);
        assert.ok(bytes.length < 16 * 1024, `${path} is small (${bytes.length} bytes)`);
        assert.ok(!existsSync(`${file}.gz`), `${path} has no twin`);
        const zipped = await get(gatesPort, path, { 'Accept-Encoding': 'gzip' });
        assert.equal(zipped.status, 200, path);
        assert.equal(zipped.headers['content-encoding'], 'gzip', `${path}: compressed as sent`);
        assert.match(zipped.headers.vary ?? '', /Accept-Encoding/, path);
        assert.deepEqual(gunzipSync(zipped.body), bytes, `${path}: the same file`);
        const plain = await get(gatesPort, path);
        assert.equal(plain.headers['content-encoding'], undefined, path);
        assert.deepEqual(plain.body, bytes, path);
      }
      const twins = [];
      const walk = (dir) => {
        for (const d of readdirSync(dir, { withFileTypes: true })) {
          const p = join(dir, d.name);
          if (d.isDirectory()) walk(p);
          else if (d.name.endsWith('.gz') && existsSync(p.slice(0, -3))) twins.push(p.slice(0, -3));
        }
      };
      walk(GATES);
      for (const f of twins) {
        const min = /\.(css|js)$/.test(f) ? 0 : f.startsWith(join(GATES, 'search')) && !f.startsWith(join(GATES, 'search', 'docs')) ? 1024 : 16 * 1024;
        assert.ok(statSync(f).size >= min, `${f} has a twin below its threshold`);
      }
      assert.ok(twins.length > 0);
    });

    test('in Chromium: a page loads gzip-encoded under its CSP, a moved page lands on its item, search finds results', { skip }, async () => {
      assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install Debian's chromium (.ci/run does)`);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
      try {
        const page = await browser.newPage();
        const problems = [];
        // every request a page makes must succeed; the browser's own request for /favicon.ico (the site has none) is not the page's
        page.on('response', (r) => {
          if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`${r.status()} ${r.url()}`);
        });
        page.on('console', (m) => {
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
        });
        page.on('pageerror', (e) => problems.push(String(e)));
        const base = `http://127.0.0.1:${gatesPort}`;
        const response = await page.goto(`${base}/sources/middlesbrough-diamorphine-scheme/`);
        assert.equal(response.status(), 200);
        assert.equal((await response.allHeaders())['content-encoding'], 'gzip');
        assert.ok((await page.title()).length > 0);
        await page.goto(`${base}/search/?q=diamorphine`);
        await page.waitForFunction(() => document.querySelector('[data-search-results] a'), null, { timeout: 15_000 });
        const hits = await page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href')));
        assert.ok(hits.some((h) => h.startsWith('/sources/middlesbrough-diamorphine-scheme/')), hits.join(' '));
        const moved = await page.goto(`http://127.0.0.1:${hostingPort}/topics/old-policy/`);
        assert.equal(new URL(page.url()).pathname, '/topics/policy/');
        assert.equal(moved.status(), 200);
        assert.equal(await moved.request().redirectedFrom()?.response().then((r) => r.status()), 301);
        assert.deepEqual(problems, [], 'no failed request, no script error and no CSP violation');
      } finally {
        await browser.close();
      }
    });
  });
}
