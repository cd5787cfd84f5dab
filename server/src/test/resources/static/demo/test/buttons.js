// The test pages' buttons, wired from a file: the demo route serves every page under a strict CSP (no inline handlers).
(function () {
  function on(id, handler) { var b = document.getElementById(id); if (b) b.addEventListener('click', handler); }
  on('accept', function () { Pulse.consent(true); });
  on('decline', function () { Pulse.consent(false); });
  on('to-a', function () { history.pushState({}, '', '/demo/spa/a'); document.getElementById('view').textContent = 'A'; });
  on('to-b', function () { history.pushState({}, '', '/demo/spa/b'); document.getElementById('view').textContent = 'B'; });
  on('redirect', function () { history.replaceState({}, '', '/demo/spa/c'); });
})();
