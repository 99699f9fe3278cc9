// The progress line of `./archive build` and `./archive serve`, as a person at a terminal sees it: the real
// command runs under util-linux `script`, which gives it a pseudo-terminal and records what it wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const haveScript = spawnSync('script', ['--version']).status === 0;

// A copy of the archive's sources, so that these runs write nowhere near the project's own target/.
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'progress-'));
  for (const part of ['content', 'templates', 'assets', 'site-config', 'docs/schema']) {
    cpSync(join(root, part), join(dir, part), { recursive: true });
  }
  return dir;
}

// The line is drawn from the start (not after the usual second), so that a fast machine still shows it.
const env = { ...process.env, ARCHIVE_JAVA_OPTS: '-Darchive.progress.delayMs=0' };
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

// What the command wrote to its terminal (script's own output; its log file adds a header and a footer).
function underTerminal(args) {
  const command = ['./archive', ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: root, env, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, out: r.stdout };
}

test('build at a terminal draws one line in place, then erases it before the summary', { skip: !haveScript && 'no script(1)' }, () => {
  const dir = project();
  try {
    const { status, out } = underTerminal(['build', '--root', dir, '--out', join(dir, 'site')]);
    assert.equal(status, 0, out);
    const drawn = out.match(/\r(archive: [^\r\n\u001b]*)\u001b\[K/g) || [];
    assert.ok(drawn.length >= 2, `expected several redraws of the line, got: ${JSON.stringify(out.slice(0, 400))}`);
    assert.match(out, /archive: rendering pages \d[\d,]* of \d[\d,]* · \d+\.\d s/);
    assert.doesNotMatch(out.split('built ')[0], /\n/, 'the progress line never starts a new line');
    // erased (carriage return + erase to end of line) just before the summary, which then stands alone
    assert.match(out, /\r\u001b\[Kbuilt \d+ pages into .* in \d+ ms\r?\n {2}files {6}\d[\d,]* written, \d[\d,]* unchanged, \d[\d,]* removed\r?\n {2}redirects {2}\d+\r?\n {2}search {5}\d[\d,]* files, \d+\.\d MB/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('build with --quiet, or without a terminal, draws no progress line', () => {
  const dir = project();
  try {
    const piped = spawnSync('./archive', ['build', '--root', dir, '--out', join(dir, 'a')], { cwd: root, env, encoding: 'utf8', timeout: 240_000 });
    assert.equal(piped.status, 0, piped.stderr);
    assert.doesNotMatch(piped.stderr, /[\r\u001b]|archive: rendering/, 'no control characters in a log');
    assert.match(piped.stderr, /^built \d+ pages into /);
    if (haveScript) {
      const { status, out } = underTerminal(['build', '--quiet', '--root', dir, '--out', join(dir, 'b')]);
      assert.equal(status, 0, out);
      assert.equal(out.trim(), '', '--quiet prints nothing when the build succeeds');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve shows the first build\'s progress and prints its URL only when the site is ready', { skip: !haveScript && 'no script(1)' }, async () => {
  const dir = project();
  const command = ['./archive', 'serve', '--port', '0', '--root', dir].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: root, env, detached: true });
  let out = '';
  child.stdout.on('data', (b) => { out += b; });
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no URL in 240 s: ' + JSON.stringify(out))), 240_000);
      child.stdout.on('data', () => {
        const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
    });
    const before = out.slice(0, out.indexOf('serving '));
    assert.match(before, /\rarchive: rendering pages \d[\d,]* of \d[\d,]*/, 'the first build showed its progress');
    assert.match(before, /\r\u001b\[Kserve: rebuilt \d+ pages in \d+ ms\r?\n$/, 'and erased the line before its summary');
    const page = await fetch(url);
    assert.equal(page.status, 200, 'the site is ready when its URL is printed');
  } finally {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    rmSync(dir, { recursive: true, force: true });
  }
});
