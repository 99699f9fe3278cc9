// Source pages: "Link to ¶n" copies the paragraph's address (without JavaScript it goes to the paragraph).
// Words in `mark` parameters (?mark=fix+room#p4, from search) are marked in that paragraph.

/**
 * Wraps every occurrence of the words (case-insensitive, as whole words) in <mark class="search-hit"> inside el,
 * outside its links. Returns the number of marks made.
 */
export function markWords(doc, el, words) {
  const wanted = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
  if (!el || !wanted.length) return 0;
  const escaped = wanted.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const texts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) texts.push(child);
      else if (child.nodeType === 1 && child.nodeName !== 'A' && !(child.classList && child.classList.contains('search-hit'))) walk(child);
    }
  };
  walk(el);
  let made = 0;
  for (const t of texts) {
    const text = t.nodeValue;
    const parts = [];
    let pos = 0;
    for (const m of text.matchAll(re)) {
      if (m.index > pos) parts.push(doc.createTextNode(text.slice(pos, m.index)));
      const mark = doc.createElement('mark');
      mark.className = 'search-hit';
      mark.textContent = m[0];
      parts.push(mark);
      pos = m.index + m[0].length;
      made++;
    }
    if (!parts.length) continue;
    if (pos < text.length) parts.push(doc.createTextNode(text.slice(pos)));
    t.replaceWith(...parts);
  }
  return made;
}

if (typeof document !== 'undefined' && typeof location !== 'undefined') {
  const words = new URLSearchParams(location.search).getAll('mark');
  if (words.length && location.hash.length > 1) {
    markWords(document, document.getElementById(decodeURIComponent(location.hash.slice(1))), words);
  }
  wireParagraphLinks();
}

function wireParagraphLinks() {
  const status = document.createElement('p');
  status.className = 'copy-status';
  status.setAttribute('role', 'status');
  document.body.append(status);

  for (const link of document.querySelectorAll('a.para-link')) {
    link.addEventListener('click', async (event) => {
      if (!navigator.clipboard) return;
      const url = new URL(link.getAttribute('href'), location.href).href;
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = `Link to paragraph ${link.getAttribute('href').slice(2)} copied`;
        setTimeout(() => { status.textContent = ''; }, 2500);
      } catch {
        // Clipboard refused (permissions): following the link is still useful.
      }
      event.preventDefault();
      history.replaceState(null, '', url);
      document.getElementById(link.getAttribute('href').slice(1))?.scrollIntoView();
    });
  }
}
