// Small progressive enhancements; every page works without script (CSP forbids inline script).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  // one submission per form: a double click must not send it twice
  if (form.getAttribute('method') === 'post') {
    if (form.dataset.submitted === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = 'true';
  }
});
