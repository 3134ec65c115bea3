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

// A form with data-confirm asks before it is sent, saying what will happen (UI.md: destructive and money-moving actions
// confirm). In the text "§" stands for the amount the form is about to send (its field named "amount"), "¤" for its
// currency (field "currency"). The question is the page's Bootstrap dialog (fragments/confirm.html): focus stays in
// it, Escape or "Go back" cancels, and its confirming button says what the form's own button says ("Publish"). On a
// page without the dialog the browser's own confirm() asks.
(function () {
  let pending = null;

  function field(form, name) {
    const input = form.elements.namedItem(name);
    return input instanceof HTMLInputElement || input instanceof HTMLSelectElement ? input.value : '';
  }

  function send(form, submitter) {
    form.dataset.confirmed = 'yes';
    if (submitter && submitter.form === form) {
      form.requestSubmit(submitter);
    } else {
      form.requestSubmit();
    }
  }

  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) {
      return;
    }
    if (form.dataset.confirmed === 'yes') {
      delete form.dataset.confirmed;
      return;
    }
    event.preventDefault();
    const text = form.dataset.confirm.replace('§', field(form, 'amount')).replace('¤', field(form, 'currency'));
    const dialog = document.getElementById('confirm-dialog');
    if (!dialog || !window.bootstrap) {
      if (window.confirm(text)) {
        send(form, event.submitter);
      }
      return;
    }
    pending = {form: form, submitter: event.submitter};
    document.getElementById('confirm-dialog-text').textContent = text;
    const label = event.submitter ? event.submitter.textContent.trim() : '';
    document.getElementById('confirm-dialog-ok').textContent = label || 'OK';
    window.bootstrap.Modal.getOrCreateInstance(dialog).show();
  });

  document.addEventListener('click', function (event) {
    if (!(event.target instanceof Element) || !event.target.closest('#confirm-dialog-ok') || !pending) {
      return;
    }
    const chosen = pending;
    pending = null;
    window.bootstrap.Modal.getOrCreateInstance(document.getElementById('confirm-dialog')).hide();
    send(chosen.form, chosen.submitter);
  });

  // Going back (button, Escape, a click beside the dialog) sends nothing.
  document.addEventListener('hidden.bs.modal', function (event) {
    if (event.target instanceof Element && event.target.id === 'confirm-dialog') {
      pending = null;
    }
  });

  // The confirming button takes the focus, so that Enter confirms and Tab reaches "Go back".
  document.addEventListener('shown.bs.modal', function (event) {
    if (event.target instanceof Element && event.target.id === 'confirm-dialog') {
      document.getElementById('confirm-dialog-ok').focus();
    }
  });
})();
