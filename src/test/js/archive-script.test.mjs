// `./archive` run from another folder than the project's, as an editor's shell or a CI step may: paths given on
// the command line are read from the caller's folder (as every command-line tool reads them), and without --root
// the archive is the one the script belongs to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const script = join(root, 'archive');
const run = (cwd, args) => spawnSync(script, args, { cwd, encoding: 'utf8', timeout: 240_000 });

test('relative --root and --out are read from the folder the command runs in', () => {
  const caller = mkdtempSync(join(tmpdir(), 'archive-caller-'));
  try {
    for (const part of ['content', 'templates', 'assets', 'site-config', 'docs/schema']) {
      cpSync(join(root, part), join(caller, 'copy', part), { recursive: true });
    }
    mkdirSync(join(caller, 'elsewhere'));
    const r = run(join(caller, 'elsewhere'), ['build', '--quiet', '--root', '../copy', '--out', 'site']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(caller, 'elsewhere', 'site', 'index.html')), 'the site is where --out said, from the caller');
    assert.ok(existsSync(join(caller, 'elsewhere', 'site', 'sources', 'appg-urges-javid-consumption-rooms', 'index.html')),
      'the archive built is the one --root named, from the caller');
    assert.ok(!existsSync(join(root, 'site')), 'nothing written into the project for a path given relative to the caller');
    assert.ok(!existsSync(join(caller, 'copy', 'target', 'site')), '--out was honoured, not the default');
  } finally {
    rmSync(caller, { recursive: true, force: true });
  }
});

test('without --root, the archive checked is the one the script belongs to, wherever it is run from', () => {
  const caller = mkdtempSync(join(tmpdir(), 'archive-caller-'));
  try {
    const r = run(caller, ['check']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /no problems found/);
    const empty = run(caller, ['check', '--root', '.']);
    assert.notEqual(empty.status, 0, 'an explicit --root . is the caller\'s (empty) folder, not the project');
  } finally {
    rmSync(caller, { recursive: true, force: true });
  }
});
