// Progressive enhancement only: the form works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // After a failed post, move focus to the error summary so a screen reader reads it first.
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  // "Add another contact" without a round trip: a copy of the last row, renumbered and emptied. Without this
  // script the button posts the form and the server answers it with one more row (form-routes.ts).
  const add = document.getElementById('add-contact');
  const rows = document.getElementById('contact-rows');
  if (!add || !rows) return;
  add.addEventListener('click', (event) => {
    event.preventDefault();
    const shown = rows.querySelectorAll('fieldset.contact');
    const last = shown[shown.length - 1];
    const index = shown.length;
    // Names "contacts.1.role", ids "f-contacts-1-role": the same index in both spellings.
    const renumber = (text) => text.replace(/contacts([.-])\d+([.-])/g, `contacts$1${index}$2`);
    const row = last.cloneNode(true);
    row.id = `contact-${index + 1}`;
    row.querySelector('legend').textContent = `${add.dataset.contactLabel} ${index + 1}`;
    row.querySelectorAll('.error').forEach((message) => message.remove());
    row.querySelectorAll('.has-error').forEach((field) => field.classList.remove('has-error'));
    row.querySelectorAll('[name]').forEach((control) => {
      control.name = renumber(control.name);
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
      if (control.tagName === 'SELECT') control.selectedIndex = 0;
      else control.value = '';
    });
    row.querySelectorAll('[id]').forEach((element) => {
      element.id = renumber(element.id);
    });
    row.querySelectorAll('label[for]').forEach((label) => {
      label.htmlFor = renumber(label.htmlFor);
    });
    last.after(row);
    // Focus on the new row's first control: a screen reader announces "Contact 2" and its field.
    row.querySelector('select, input').focus();
    if (index + 1 >= Number(add.dataset.max)) add.hidden = true;
  });
});
