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

// Settings > Reconciliation: while a run is going, poll its progress and update the bar; reload
// the page when it ends so the runs table and findings show its result.
(function () {
  var box = document.getElementById('recon-progress');
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute('data-poll-url');
  var bar = document.getElementById('recon-progress-bar');
  var text = document.getElementById('recon-progress-text');
  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (run) {
        if (!run) {
          return;
        }
        bar.value = run.percent;
        bar.textContent = run.percent + '%';
        text.textContent = run.partitionsDone + ' / ' + run.partitionsTotal;
        if (run.status !== 'RUNNING') {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
