// "Cite this": adds a Copy button after each citation. Without JavaScript the citations are plain,
// selectable text, so nothing is lost.
const status = document.createElement('p');
status.className = 'copy-status';
status.setAttribute('role', 'status');
document.body.append(status);

for (const citation of document.querySelectorAll('.cite-this .citation, details.cite-para .citation')) {
  if (!navigator.clipboard) break;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  const style = citation.closest('dd')?.previousElementSibling?.textContent ?? 'citation';
  button.setAttribute('aria-label', `Copy the ${style} citation`);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(citation.textContent.trim());
      status.textContent = `${style} citation copied`;
    } catch {
      status.textContent = 'Copying was refused by the browser: select the text instead';
    }
    setTimeout(() => { status.textContent = ''; }, 2500);
  });
  citation.after(button);
}
