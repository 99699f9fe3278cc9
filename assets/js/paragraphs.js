// Source pages: a paragraph's "¶" link copies the paragraph's full address to the clipboard.
// Without JavaScript the same link still goes to the paragraph, so its address can be copied from the address bar.
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
      status.textContent = `Link to paragraph ${link.dataset.number} copied`;
      setTimeout(() => { status.textContent = ''; }, 2500);
    } catch {
      // Clipboard refused (permissions): following the link is still useful.
    }
    event.preventDefault();
    history.replaceState(null, '', url);
    document.getElementById(link.getAttribute('href').slice(1))?.scrollIntoView();
  });
}
