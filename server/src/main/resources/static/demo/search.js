// Hearth & Co. demo store: client-side search over the static list, reported to Pulse (queued if the
// snippet is still loading). A file, not an inline script: the demo runs under a strict CSP.
(function () {
  var q = (new URLSearchParams(location.search).get('q') || '').trim();
  var list = document.getElementById('results');
  var shown = 0;
  document.getElementById('q').value = q;
  list.querySelectorAll('li').forEach(function (li) {
    var hit = li.textContent.toLowerCase().indexOf(q.toLowerCase()) >= 0;
    li.hidden = !hit;
    if (hit) shown++;
  });
  list.setAttribute('data-results', String(shown));
  document.getElementById('no-results').hidden = shown > 0;
  if (q) document.getElementById('search-status').textContent = shown + (shown === 1 ? ' result' : ' results') + ' for “' + q + '”';
  if (q) {
    var pulse = window.Pulse = window.Pulse || { q: [] };
    if (pulse.search) pulse.search(q, shown); else pulse.q.push(['search', [q, shown]]);
  }
})();
