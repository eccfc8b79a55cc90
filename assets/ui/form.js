// Progressive enhancement only: the form works without this file.
// After a failed post, move focus to the error summary so a screen reader reads it first.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();
});
