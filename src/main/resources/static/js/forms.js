// Form helpers that need script, kept out of the pages so the Content-Security-Policy allows no inline script.

// A file input with data-max-bytes refuses, in the browser, a file past the upload limit: such a file would be cut
// off by the servlet before the platform's own rules could name it. Delegated, so inputs swapped in by htmx work too.
document.addEventListener('change', function (event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.dataset.maxBytes) {
    return;
  }
  const big = Array.from(input.files).find(function (f) { return f.size > Number(input.dataset.maxBytes); });
  input.setCustomValidity(big ? big.name + ': ' + input.dataset.tooLarge : '');
  input.reportValidity();
});

// A form with data-confirm asks before it is sent, saying what will happen (UI.md: money-moving actions confirm).
// A "§" in the text stands for the amount the form is about to send, read from its field named "amount".
document.addEventListener('submit', function (event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) {
    return;
  }
  const amount = form.elements.namedItem('amount');
  const text = form.dataset.confirm.replace('§', amount instanceof HTMLInputElement ? amount.value : '');
  if (!window.confirm(text)) {
    event.preventDefault();
  }
});
