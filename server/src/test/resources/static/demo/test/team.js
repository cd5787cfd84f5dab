// The team-size test page's context, queued before the snippet loads (Pulse.context goes into the hello).
(function () {
  var params = new URLSearchParams(location.search), ctx = {};
  params.forEach(function (value, key) { ctx[key] = value; });
  window.Pulse = { q: [['context', [ctx]]] };
})();
