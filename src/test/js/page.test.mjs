// Search page wiring and rendering, on a minimal fake DOM (no dependencies).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { initSearchPage, renderResults, typeLabel, statusText } from '../../../assets/js/search-page.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = join(root, 'target', 'search-fixture');
const load = async (path) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

class Text {
  constructor(t) { this.nodeType = 3; this.data = t; }
  get textContent() { return this.data; }
}
class El {
  constructor(tag, attrs = {}) {
    this.tagName = tag.toUpperCase(); this.nodeType = 1; this.children = []; this.attrs = { ...attrs };
    this.listeners = {}; this.value = attrs.value || ''; this.name = attrs.name; this.type = attrs.type;
  }
  getAttribute(n) { return n in this.attrs ? this.attrs[n] : null; }
  setAttribute(n, v) { this.attrs[n] = String(v); }
  set innerHTML(_) { throw new Error('innerHTML must not be used'); }
  append(...nodes) { for (const n of nodes) this.children.push(typeof n === 'string' ? new Text(n) : n); }
  replaceChildren(...nodes) { this.children = []; this.append(...nodes); }
  get textContent() { return this.children.map((c) => c.textContent).join(''); }
  set textContent(t) { this.children = [new Text(t)]; }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  fire(type, extra = {}) { for (const fn of this.listeners[type] || []) fn({ type, target: this, preventDefault() {}, ...extra }); }
  focus() { doc.activeElement = this; }
  *walk() { for (const c of this.children) if (c.nodeType === 1) { yield c; yield* c.walk(); } }
  matches(sel) {
    const m = /^([a-z]*)(?:\[([\w-]+)(?:="([^"]*)")?\])?$/.exec(sel);
    if (m[1] && this.tagName !== m[1].toUpperCase()) return false;
    if (m[2] && !(m[2] in this.attrs)) return false;
    if (m[3] !== undefined && this.attrs[m[2]] !== m[3]) return false;
    return true;
  }
  querySelectorAll(sel) { return [...this.walk()].filter((e) => e.matches(sel)); }
  querySelector(sel) { return this.querySelectorAll(sel)[0] || null; }
}
let doc;
function page(search) {
  const body = new El('body');
  const form = new El('form', { 'data-search-form': '' });
  const input = new El('input', { name: 'q', type: 'search' });
  const type = new El('select', { name: 'type' });
  form.append(input, type);
  const status = new El('p', { 'data-search-status': '', 'aria-live': 'polite' });
  const list = new El('ol', { 'data-search-results': '', 'data-search-index': '/search/' });
  body.append(form, status, list);
  doc = {
    activeElement: null,
    querySelector: (s) => body.querySelector(s),
    createElement: (t) => new El(t),
    createTextNode: (t) => new Text(t),
  };
  const urls = [];
  const win = {
    location: { href: `https://example.org/search/${search}`, search },
    history: { state: null, replaceState: (_s, _t, u) => urls.push(u) },
  };
  let pending = null;
  const schedule = (fn) => { pending = fn; return () => { pending = null; }; };
  return { doc, win, form, input, type, status, list, urls, schedule, flush: () => { const f = pending; pending = null; return f && f(); } };
}

test('reads ?q= on load, renders ranked links to url#anchor and announces the count', async () => {
  const p = page('?q=thewliss');
  const ui = initSearchPage(p.doc, p.win, { load, schedule: p.schedule });
  await ui.ready;
  assert.equal(p.input.value, 'thewliss');
  const items = p.list.children;
  assert.ok(items.length >= 2);
  const a = items[0].querySelector('a');
  assert.equal(a.href, '/people/alison-thewliss/');
  assert.equal(a.textContent, 'Alison Thewliss');
  const src = items.map((li) => li.querySelector('a').href).find((h) => h.startsWith('/sources/'));
  assert.match(src, /#p\d+$/);
  const marks = items.flatMap((li) => li.querySelectorAll('mark')).map((m) => m.textContent);
  assert.ok(marks.includes('Thewliss'));
  assert.match(p.status.textContent, /^\d+ results for “thewliss”\.$/);
});

test('typing is debounced, searches with prefix and updates the URL with replaceState', async () => {
  const p = page('');
  const ui = initSearchPage(p.doc, p.win, { load, schedule: p.schedule });
  p.input.value = 'diamorp';
  p.input.fire('input');
  p.input.value = 'diamorph';
  p.input.fire('input');
  await p.flush();
  assert.deepEqual(p.urls, ['/search/?q=diamorph']);
  assert.ok(p.list.children.length >= 3);
  p.type.value = 'topic';
  p.form.fire('change', { target: p.type }); // the change event bubbles to the form
  await ui.idle();
  assert.ok(p.list.children.length >= 1);
  for (const li of p.list.children) assert.equal(li.querySelector('span').textContent, 'topic');
  assert.equal(p.urls.at(-1), '/search/?q=diamorph&type=topic', 'the filter is in the address');
  p.input.value = '';
  p.input.fire('input');
  await p.flush();
  assert.equal(p.list.children.length, 0);
  assert.equal(p.status.textContent, '');
  assert.equal(p.urls.at(-1), '/search/?type=topic', 'the query goes, the filter stays chosen');
});

test('keyboard: ArrowDown moves from the box into the results, Escape returns', async () => {
  const p = page('?q=glasgow');
  const ui = initSearchPage(p.doc, p.win, { load, schedule: p.schedule });
  await ui.ready;
  p.input.fire('keydown', { key: 'ArrowDown' });
  const links = p.list.querySelectorAll('a');
  assert.equal(p.doc.activeElement, links[0]);
  p.list.fire('keydown', { key: 'ArrowDown' });
  assert.equal(p.doc.activeElement, links[1]);
  p.list.fire('keydown', { key: 'Escape' });
  assert.equal(p.doc.activeElement, p.input);
});

test('result data is rendered as text, never as markup', () => {
  page('');
  const list = new El('ol');
  renderResults(doc, list, [{
    href: '/x/#p1', title: '<img src=x onerror=alert(1)>', type: 'source',
    snippet: [{ text: '<b>bold</b> ', mark: false }, { text: '<i>', mark: true }],
  }]);
  const li = list.children[0];
  assert.equal(li.querySelector('a').textContent, '<img src=x onerror=alert(1)>');
  assert.equal(li.querySelectorAll('img').length, 0);
  assert.equal(li.querySelector('mark').textContent, '<i>');
});

test('"Show more results" asks for more and moves focus to the first new result', async () => {
  const p = page('?q=glasgow');
  let button = null;
  p.list.after = (el) => { button = el; };
  const ui = initSearchPage(p.doc, p.win, { load, schedule: p.schedule, limit: 2 });
  await ui.ready;
  assert.equal(p.list.children.length, 2);
  assert.equal(button.hidden, false);
  assert.equal(button.textContent, 'Show more results');
  button.fire('click');
  await ui.idle();
  assert.equal(p.list.children.length, 4);
  assert.equal(p.doc.activeElement, p.list.querySelectorAll('a')[2]);
  p.input.value = 'Coppinger';
  p.form.fire('submit');
  await ui.idle();
  assert.equal(p.list.children.length, 1);
  assert.equal(button.hidden, true);
});

test('a long question whose best pages lack a word still offers more results', async () => {
  const p = page('?q=' + encodeURIComponent('what did Glasgow council say about the Home Office letter'));
  let button = null;
  p.list.after = (el) => { button = el; };
  const ui = initSearchPage(p.doc, p.win, { load, schedule: p.schedule, limit: 2 });
  await ui.ready;
  assert.equal(p.list.children.length, 2);
  assert.match(p.status.textContent, /^1 page has every word of “Glasgow council Home Office letter”; \d+ more have most of them\.$/);
  assert.equal(button.hidden, false, 'more pages than shown have most of the words');
  button.fire('click');
  await ui.idle();
  assert.ok(p.list.children.length > 2);
});

test('result types are labelled as readers call them', () => {
  assert.equal(typeLabel({ type: 'source', anchor: 'p4' }), 'source paragraph');
  assert.equal(typeLabel({ type: 'source', anchor: '' }), 'source');
  assert.equal(typeLabel({ type: 'organisation', anchor: '' }), 'organisation');
  assert.equal(typeLabel({ type: 'person', anchor: '' }), 'person');
  assert.equal(typeLabel({ type: 'claim', anchor: '' }), 'claim');
});

test('a query that finds nothing offers the corrected query, which a click runs', async () => {
  const p = page('?q=Javd');
  let hint = null;
  p.list.before = (el) => { hint = el; };
  const ui = initSearchPage(p.doc, p.win, { load, schedule: p.schedule });
  await ui.ready;
  assert.equal(p.list.children.length, 0);
  assert.equal(p.status.textContent, 'No results for “Javd”. Did you mean “Javid”?');
  assert.equal(hint.hidden, false);
  const a = hint.querySelector('a');
  assert.equal(a.href, '?q=Javid');
  assert.equal(hint.textContent, 'Did you mean Javid?');
  a.fire('click');
  await ui.idle();
  assert.equal(p.input.value, 'Javid');
  assert.ok(p.list.children.length >= 1);
  assert.equal(hint.hidden, true);
  assert.equal(statusText('zzz', 0, 0), 'No results for “zzz”.');
});
