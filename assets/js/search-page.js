// Search page wiring: reads ?q=, searches as the user types (debounced), keeps the URL in step with
// history.replaceState, renders results with DOM APIs only and announces the count in a live region;
// a "Show more results" button (added after the list) asks for 10 more.
// Expects: <form data-search-form><input name="q" type="search"></form>, <p data-search-status aria-live="polite">,
// <ol data-search-results data-search-index="/search/">. Optional filter controls inside the form named
// "type" and "topic" (checkboxes or selects) narrow the results.
import { createSearch } from './search.js';
import { fetchLoader } from './search/postings.js';

const DEBOUNCE_MS = 200;

/** A result's type as the page says it: figure (an answer), source paragraph, source, commentary, claim, topic, person, organisation. */
export const typeLabel = (r) => (r.answer ? 'figure' : r.type === 'source' && r.anchor ? 'source paragraph' : r.type);

/** Renders results into the list element: one <li> with a link, type, and snippet with <mark>s. */
export function renderResults(doc, list, results) {
  list.replaceChildren();
  for (const r of results) {
    const li = doc.createElement('li');
    li.className = r.answer ? 'search-result search-answer' : 'search-result';
    const a = doc.createElement('a');
    a.href = r.href;
    a.textContent = r.title;
    const type = doc.createElement('span');
    type.className = 'search-result-type';
    type.textContent = typeLabel(r);
    const p = doc.createElement('p');
    p.className = 'search-result-snippet';
    for (const part of r.snippet) {
      if (part.mark) {
        const m = doc.createElement('mark');
        m.textContent = part.text;
        p.append(m);
      } else {
        p.append(doc.createTextNode(part.text));
      }
    }
    li.append(a, doc.createTextNode(' '), type, p);
    list.append(li);
  }
}

/**
 * Returns the status sentence announced in the live region. When `exact` is false the total is an
 * estimate (not every posting was read) and is announced as "about N"; a suggestion for a query that found
 * nothing is announced too ("Did you mean …?"), and the words of `near` that the archive lacks, read as their near
 * spellings.
 */
export function statusText(query, total, shown, partial = false, exact = true, suggestion = null, some = 0, asked = null, near = []) {
  if (!query.trim()) return '';
  const said = counted(query, total, shown, partial, exact, suggestion, some, asked);
  // a word the archive does not have was read as its near spellings ("heroine" → heroin): say so, as search engines do
  if (!total || !near.length) return said;
  const words = near.map((w) => `“${w}”`);
  const listed = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return `${said} ${listed} ${words.length === 1 ? 'is' : 'are'} not in the archive: results are for near spellings.`;
}

function counted(query, total, shown, partial, exact, suggestion, some, asked) {
  if (some) return `${total} ${total === 1 ? 'page has' : 'pages have'} every word of “${(asked || query).trim()}”; ${some} more ${some === 1 ? 'has' : 'have'} most of them.`;
  if (total === 0) return `No results for “${query.trim()}”.${suggestion ? ` Did you mean “${suggestion}”?` : ''}`;
  if (partial) return `No page has all of “${query.trim()}”; ${total} ${total === 1 ? 'page has' : 'pages have'} some of the words.`;
  if (!exact) return `About ${total} results for “${query.trim()}”, showing the best ${shown}.`;
  const noun = total === 1 ? 'result' : 'results';
  return shown < total ? `${total} ${noun} for “${query.trim()}”, showing the first ${shown}.`
    : `${total} ${noun} for “${query.trim()}”.`;
}

/**
 * Wires the search page. Options (for tests): load (index file loader), schedule(fn, ms) -> cancel
 * function (debounce timer), limit (results shown). Returns {run, ready, idle()} (promises of the latest search) or null when the page has no form.
 */
export function initSearchPage(doc = globalThis.document, win = globalThis.window, options = {}) {
  const form = doc.querySelector('[data-search-form]');
  const list = doc.querySelector('[data-search-results]');
  const status = doc.querySelector('[data-search-status]');
  const input = form && form.querySelector('input[name="q"]');
  if (!form || !list || !input) return null;
  const base = list.getAttribute('data-search-index') || '/search/';
  const engine = createSearch(options.load || fetchLoader(base));
  const schedule = options.schedule || ((fn, ms) => { const t = setTimeout(fn, ms); return () => clearTimeout(t); });
  const step = options.limit || 10;
  let limit = step;
  // "Show more results": asks for 10 more (the engine reads further tiers only if they are needed).
  let more = null;
  if (typeof list.after === 'function') {
    more = doc.createElement('button');
    more.type = 'button';
    more.className = 'search-more';
    more.textContent = 'Show more results';
    more.hidden = true;
    list.after(more);
  }
  // "Did you mean …?" when a query finds nothing and a corrected one finds something: a link that runs it.
  let hint = null;
  if (typeof list.before === 'function') {
    hint = doc.createElement('p');
    hint.className = 'search-suggestion';
    hint.hidden = true;
    list.before(hint);
  }
  // ... and the archive's figures near a number of the query ("the archive has: more than 1,100 deaths: …").
  const showSuggestion = (suggestion, figures = []) => {
    if (!hint) return;
    hint.hidden = !suggestion && !figures.length;
    hint.replaceChildren();
    if (suggestion) {
      const a = doc.createElement('a');
      a.href = `?q=${encodeURIComponent(suggestion)}`;
      a.textContent = suggestion;
      a.addEventListener('click', (e) => { e.preventDefault(); input.value = suggestion; run(false); });
      hint.append(doc.createTextNode('Did you mean '), a, doc.createTextNode(figures.length ? '? ' : '?'));
    }
    figures.forEach((f, i) => {
      const a = doc.createElement('a');
      a.href = f.url;
      a.textContent = f.label;
      hint.append(doc.createTextNode(i ? '; ' : `The archive has ${figures.length > 1 ? 'figures' : 'a figure'} near it: `), a);
    });
  };
  let seq = 0;
  let cancel = null;
  let current = Promise.resolve();

  const selected = (name) => {
    const values = [];
    for (const el of form.querySelectorAll(`[name="${name}"]`)) {
      if (el.type === 'checkbox' || el.type === 'radio') { if (el.checked && el.value) values.push(el.value); }
      else if (el.value) values.push(el.value);
    }
    return values;
  };

  const setStatus = (text) => { if (status) status.textContent = text; };

  // the query and its filters are the page's address, as the form would submit them: a filtered search can be
  // bookmarked, shared and reloaded
  function updateUrl(q) {
    const url = new URL(win.location.href);
    if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
    for (const name of ['type', 'topic']) {
      url.searchParams.delete(name);
      for (const v of selected(name)) url.searchParams.append(name, v);
    }
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
  }

  function run(live, keepLimit = false) {
    if (!keepLimit) limit = step;
    current = runQuery(live);
    return current;
  }

  async function runQuery(live) {
    const q = input.value;
    const mine = ++seq;
    const shownBefore = list.children ? list.children.length : 0;
    updateUrl(q);
    if (more) more.hidden = true;
    if (!q.trim()) {
      list.replaceChildren();
      setStatus('');
      showSuggestion(null);
      return;
    }
    try {
      const r = await engine.search(q, { live, types: selected('type'), topics: selected('topic'), limit, reader: true });
      if (mine !== seq) return; // a newer query is under way
      renderResults(doc, list, r.results);
      setStatus(statusText(q, r.total, r.results.length, r.partial, r.exact, r.suggestion, r.some, r.asked, r.nearSpellings || []));
      showSuggestion(r.suggestion, r.figures);
      if (more) {
        more.hidden = !(r.results.length === limit && (r.some ? r.total + r.some > limit : r.total > limit || !r.exact));
        if (limit > step && shownBefore < r.results.length) links()[shownBefore].focus();
      }
    } catch (e) {
      if (mine !== seq) return;
      list.replaceChildren();
      showSuggestion(null);
      setStatus('Search is unavailable: the search index could not be loaded.');
    }
  }

  input.addEventListener('input', () => {
    if (cancel) cancel();
    cancel = schedule(() => { cancel = null; return run(true); }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (cancel) { cancel(); cancel = null; }
    run(false);
  });
  if (more) more.addEventListener('click', () => { limit += step; run(false, true); });
  form.addEventListener('change', (e) => {
    if (e.target && (e.target.name === 'type' || e.target.name === 'topic')) run(false);
  });
  // Keyboard: ArrowDown from the box moves into the results, ArrowUp/ArrowDown move between them,
  // Escape returns to the box.
  const links = () => [...list.querySelectorAll('a')];
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && links().length) { e.preventDefault(); links()[0].focus(); }
  });
  list.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(doc.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i + 1 < all.length) { e.preventDefault(); all[i + 1].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? all[i - 1] : input).focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
  });

  const params = new URLSearchParams(win.location.search);
  for (const name of ['type', 'topic']) {
    const wanted = params.getAll(name);
    for (const el of form.querySelectorAll(`[name="${name}"]`)) {
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = wanted.includes(el.value);
      else if (wanted.length) el.value = wanted[0];
    }
  }
  const initial = params.get('q');
  if (initial) {
    input.value = initial;
    run(false);
  }
  return { run, ready: current, idle: () => current };
}

if (typeof document !== 'undefined' && typeof window !== 'undefined' && document.querySelector('[data-search-results]')) {
  initSearchPage(document, window);
}
