/*! Pulse snippet: streams behaviour to the Pulse server and shows its one question.
 *  <script src="https://pulse.example/pulse.js" data-site="acme" async></script>
 *  Optional: data-consent (no socket, no storage, no history state until Pulse.consent(true)); data-token
 *  (a signed session token minted by the site's backend, for servers that sign sessions).
 *  URLs leave the browser as the path plus only the query parameters the server's welcome keeps;
 *  never a fragment. Styles go in a constructed sheet (or a <style> with this tag's nonce): strict CSPs work.
 *  API: Pulse.context({...}), Pulse.search(query, resultCount), Pulse.formError(form, field),
 *       Pulse.goal(name), Pulse.consent(bool), Pulse.token(t). Field values are never read. */
(function (w, d) {
  'use strict';
  if (w.Pulse && w.Pulse.v) return;
  // Calls made before the snippet loaded: window.Pulse = {q: [['search', ['lamp', 0]], ...]}.
  var queued = w.Pulse && Array.isArray(w.Pulse.q) ? w.Pulse.q : [];
  var script = d.currentScript || d.querySelector('script[data-site][src*="pulse.js"]');
  var site = script && script.getAttribute('data-site');
  if (!site) return;
  // The widget's file: the server writes its versioned path and integrity here at start (SnippetFile),
  // so a page that pins this file pins the widget too.
  var WIDGET = ['/pulse-widget.js', ''];
  var widgetCalls = null;        // calls waiting for the widget's file

  if (script.hasAttribute('data-preview')) {
    // Preview (the /preview page): draw each message in a [data-pulse-render] element as the widget
    // would, in place; no tracking, nothing sent.
    var render = function (container, message) {
      var view = w.PulseWidget(container, true, function () {}, script.nonce);
      if (message.t === 'response') view.response(message); else view.question(message);
      return view;
    };
    w.Pulse = { v: 1, render: render };
    withWidget(function () {
      Array.prototype.forEach.call(d.querySelectorAll('[data-pulse-render]'), function (slot) {
        try { render(slot, JSON.parse(slot.getAttribute('data-pulse-render'))); } catch (e) { slot.textContent = 'unreadable message'; }
      });
    });
    return;
  }

  var KEY = 'pulse:' + site;
  var VID = 'pulse.vid';         // the visitor's id, in localStorage
  var BUFFER = 200;              // unacked messages kept for resending
  var ACTIVE_MS = 2000;          // at most one 'active' per 2 s
  var SCROLL_BACK_MS = 3000;     // at most one 'scroll_back' per 3 s; a quicker one is dropped
  var src = new URL(script.src, location.href);
  var wsUrl = (src.protocol === 'https:' ? 'wss://' : 'ws://') + src.host + '/ws?site=' + encodeURIComponent(site);

  // The tab's state lives in sessionStorage and is re-read before every change: documents of one
  // tab take turns (a page frozen in the back/forward cache wakes with stale memory).
  var st = load();               // {sid, seq, buf, idx, last, route, carry, acked}
  var ws = null, open = false, stopped = false, refused = false, away = false, retries = 0, retryTimer = 0;
  var token = script.getAttribute('data-token');
  var consent = script.hasAttribute('data-consent') ? null : true;
  var ctx = {};
  var lastActive = 0, exitSent = false;
  var scrollTop = 0, scrollDeep = 0, lastScrollBack = 0;   // the scroll run's top and deepest point
  // The welcome's keep_query: the only query parameters a page URL keeps (none until a welcome says).
  // A page view made before the welcome holds its query here, in memory only, until it does.
  var keep = [], heldQuery = {};
  var widget = null;

  function load() {
    try {
      var s = JSON.parse(sessionStorage.getItem(KEY));
      if (s && typeof s.seq === 'number' && Array.isArray(s.buf)) return s;
    } catch (e) { /* storage off or corrupt: start fresh */ }
    return { sid: null, seq: 0, buf: [], idx: 0 };
  }
  // Nothing is stored before consent (data-consent) or after a refusal.
  function save() { if (consent === true) try { sessionStorage.setItem(KEY, JSON.stringify(st)); } catch (e) { /* private mode */ } }

  // The visitor's id: 128 random bits in first-party localStorage (the holdout is drawn once per
  // visitor). Only with consent; without storage there is none and the session stands in.
  function visitorId() {
    if (consent !== true) return undefined;
    try {
      var v = localStorage.getItem(VID);
      if (!/^[0-9a-f]{32}$/.test(v || '')) localStorage.setItem(VID, v = hex128());
      return v;
    } catch (e) { return undefined; }
  }
  function hex128() {
    return Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }

  // route: the key a balancer hashes on (a token's sid, else one kept per tab session). Never identity.
  function socketUrl() {
    var signed = /^v[12]\.([0-9a-f]{32})\./.exec(token || '');
    st = load();
    var key = signed ? signed[1] : st.route || st.sid || hex128();
    if (st.route !== key) { st.route = key; save(); }
    return wsUrl + '&route=' + key;
  }

  // ---- the wire
  function send(msg) {
    if (consent !== true || away) return;
    st = load();
    msg.seq = ++st.seq;
    st.buf.push(msg);
    if (st.buf.length > BUFFER) st.buf.splice(0, st.buf.length - BUFFER);
    save();
    if (open) ws.send(JSON.stringify(msg));
    else connect();
  }

  function connect() {
    if (ws || stopped || consent !== true) return;
    try { ws = new WebSocket(socketUrl()); } catch (e) { return retry(); }
    ws.onopen = function () {
      ws.send(JSON.stringify(withCarry({ t: 'hello', v: 1, sid: st.sid || undefined, token: token || undefined, vid: visitorId(),
        url: location.pathname, ctx: context() })));
    };
    ws.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (x) { return; }
      if (m.t === 'welcome') welcome(m);
      else if (m.t === 'ack') ack(m.seq);
      else if (m.t === 'question') ui(function (u) { u.question(m); });
      else if (m.t === 'response') ui(function (u) { u.response(m); });
      else if (m.t === 'carry') keepCarry(m);
    };
    ws.onclose = function (e) {
      ws = null; open = false;
      // Policy and data errors would repeat forever (a refused token too, until Pulse.token gives a
      // new one); a newer connection owns the session now.
      if (e.code === 1008 || e.code === 1003 || e.code === 4001) { stopped = true; refused = e.code === 1008; return; }
      if (!d.hidden || st.buf.length) retry();
    };
  }

  // The hello's ctx: the page's, plus the device class for the report's breakdowns (a coarse pointer is a
  // touch screen; a short side under 600 CSS px a phone), unless the page set its own or uses all 8 pairs.
  function context() {
    var c = {}, n = 0;
    for (var k in ctx) { c[k] = ctx[k]; n++; }
    if (!('device' in c) && n < 8) {
      c.device = !(w.matchMedia && w.matchMedia('(pointer: coarse)').matches) ? 'desktop'
        : Math.min(screen.width, screen.height) < 600 ? 'mobile' : 'tablet';
    }
    return c;
  }

  function dropSocket() {
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = 0; }
    if (!ws) return;
    var old = ws;
    ws = null; open = false;
    old.onopen = old.onmessage = old.onclose = null;
    try { old.close(1000); } catch (e) { /* already closed */ }
  }

  // Not connected when consent is refused (reconnecting, or between pages): a socket of its own resumes the
  // session only to send forget.
  function forgetElsewhere(sid) {
    var s;
    try { s = new WebSocket(socketUrl()); } catch (e) { return; }
    s.onopen = function () { s.send(JSON.stringify({ t: 'hello', v: 1, sid: sid, token: token || undefined, url: location.pathname })); };
    s.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (x) { return; }
      if (m.t === 'welcome') { s.send(JSON.stringify({ t: 'forget', seq: m.seq + 1 })); s.close(1000); }
    };
  }

  function retry() {
    if (retryTimer || stopped) return;
    var delay = Math.min(30000, 500 * Math.pow(2, retries++)) * (0.5 + Math.random());
    retryTimer = setTimeout(function () { retryTimer = 0; connect(); }, delay);
  }

  function welcome(m) {
    open = true; retries = 0;
    keep = Array.isArray(m.keep_query) ? m.keep_query : [];
    st = load();
    if (m.resumed) {
      ack(m.seq);
      if (st.seq < m.seq) st.seq = m.seq;
    }
    for (var k = 0; k < st.buf.length; k++) {
      var b = st.buf[k];
      if (b.t === 'page' && heldQuery[b.seq] != null) b.url = b.url.split('?')[0] + query(heldQuery[b.seq]);
    }
    heldQuery = {};
    if (!m.resumed) {
      // A new session: the server has none of our messages; number them afresh.
      st.seq = 0; st.acked = 0; st.carry = null;
      for (var i = 0; i < st.buf.length; i++) st.buf[i].seq = ++st.seq;
    }
    st.sid = m.sid;
    save();
    for (var j = 0; j < st.buf.length; j++) ws.send(JSON.stringify(st.buf[j]));
  }

  // The carry (the session's promises, sealed by the cluster) and the last seq acked go in every
  // hello, so another node can take the session up when its own is lost.
  function keepCarry(m) { st = load(); st.carry = m.carry; save(); }
  function withCarry(hello) {
    if (st.sid && st.carry) { hello.carry = st.carry; hello.acked = st.acked || 0; }
    return hello;
  }

  function ack(seq) {
    st = load();
    if (!(st.acked >= seq)) st.acked = seq;
    var i = 0;
    while (i < st.buf.length && st.buf[i].seq <= seq) i++;
    if (i) { st.buf.splice(0, i); save(); }
  }

  // ---- page views
  // Each history entry gets an index in its state, so a traversal tells back from forward.
  function pageView(nav) {
    if (widget) widget.hide();
    exitSent = false;
    scrollTop = scrollDeep = w.scrollY;
    var msg = { t: 'page', url: location.pathname + query(location.search), nav: nav };
    send(msg);
    if (!open && msg.seq) heldQuery[msg.seq] = location.search;
  }
  // '?' and the kept parameters of a query string, or '' when none is kept.
  function query(search) {
    var out = new URLSearchParams();
    new URLSearchParams(search).forEach(function (v, k) { if (keep.indexOf(k) >= 0) out.append(k, v); });
    out = out.toString();
    return out && '?' + out;
  }
  var origPush = history.pushState, origReplace = history.replaceState;
  function stamp() {
    if (consent !== true) return 0;
    var hs = history.state;
    if (hs && typeof hs.pulseIdx === 'number') return hs.pulseIdx;
    st = load();
    st.idx = (st.idx || 0) + 1;
    try { origReplace.call(history, assign(hs, st.idx), ''); } catch (e) { /* unserialisable state */ }
    save();
    return st.idx;
  }
  // After a refusal: this entry's state without the snippet's index (other entries as they are shown).
  function unstamp() {
    var hs = history.state;
    if (!hs || typeof hs !== 'object' || !('pulseIdx' in hs)) return;
    var copy = assign(hs, 0);
    delete copy.pulseIdx;
    try { origReplace.call(history, copy, ''); } catch (e) { /* unserialisable state */ }
  }
  function assign(hs, idx) {
    var copy = {};
    if (hs && typeof hs === 'object') for (var k in hs) copy[k] = hs[k];
    copy.pulseIdx = idx;
    return copy;
  }
  var current = 0, entry = -1;
  // Which way a history traversal went. The Navigation API knows it exactly, also for a page the
  // back/forward cache restored (whose previous page may still be saving as this one wakes up);
  // without it, compare this entry's stamped index with the last one this tab saw.
  function traversal(crossDocument) {
    var nav = w.navigation, idx = history.state && typeof history.state.pulseIdx === 'number' ? history.state.pulseIdx : 0;
    var act = crossDocument && nav && nav.activation, dir;
    if (act && act.from && act.entry && act.navigationType === 'traverse') dir = act.entry.index < act.from.index ? 'back' : 'forward';
    else if (!crossDocument && nav && nav.currentEntry && entry >= 0) dir = nav.currentEntry.index < entry ? 'back' : 'forward';
    else dir = idx && idx < current ? 'back' : 'forward';
    current = idx || stamp();
    return dir;
  }
  function remember() {
    entry = w.navigation && w.navigation.currentEntry ? w.navigation.currentEntry.index : -1;
    st = load(); st.last = current; save();
  }
  function firstView() {
    var entry = w.performance && performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    var type = entry ? entry.type : 'navigate';
    var hs = history.state, known = hs && typeof hs.pulseIdx === 'number';
    if (type === 'back_forward' && known) { current = st.last || 0; pageView(traversal(true)); }
    else { current = stamp(); pageView(type === 'reload' ? 'reload' : 'navigate'); }
    remember();
  }
  // Single-page apps: a pushState is a page view; a replaceState keeps the entry's index.
  history.pushState = function (state, title, url) {
    if (consent !== true) return origPush.apply(history, arguments);
    st = load();
    var idx = st.idx = (st.idx || 0) + 1;
    var r = origPush.call(history, assign(state, idx), title, url);
    current = idx; save();
    pageView('navigate');
    remember();
    return r;
  };
  history.replaceState = function (state, title, url) {
    if (consent !== true) return origReplace.apply(history, arguments);
    var before = location.pathname;
    var r = origReplace.call(history, assign(state, current), title, url);
    if (location.pathname !== before) { pageView('navigate'); remember(); }  // a redirecting router
    return r;
  };
  w.addEventListener('popstate', function () {
    if (consent === true) { pageView(traversal(false)); remember(); } else if (consent === false) unstamp();
  });

  // The back/forward cache restores a page without running scripts; its socket was closed.
  // Drop the socket now, not in onclose: a page frozen into the cache would otherwise come back
  // believing it is still connected (and a socket left open keeps a page out of the cache).
  w.addEventListener('pagehide', function () {
    away = true;
    st = load(); st.last = current; save();
    dropSocket();
  });
  w.addEventListener('pageshow', function (e) {
    if (!e.persisted) return;
    away = false;
    if (consent !== true) { if (consent === false) unstamp(); return; }
    // Its session's storage gone while it was away: consent was refused on another page of the tab.
    var had = st.sid;
    st = load();
    if (had && !st.sid) { consent = false; unstamp(); return; }
    stopped = false;
    current = st.last || current;
    pageView(traversal(true));
    remember();
  });

  // ---- behaviour
  function active() {
    var now = Date.now();
    if (now - lastActive < ACTIVE_MS) return;
    lastActive = now;
    send({ t: 'active' });
  }
  ['pointerdown', 'keydown', 'scroll', 'touchstart', 'mousemove', 'wheel'].forEach(function (type) {
    w.addEventListener(type, active, { passive: true, capture: true });
  });
  d.addEventListener('visibilitychange', function () { if (!away) send({ t: 'visibility', hidden: d.hidden }); });

  // Scrolling back up: half a viewport up after a viewport down. No position is sent; a new run starts.
  w.addEventListener('scroll', function () {
    var y = w.scrollY, h = w.innerHeight, now = Date.now();
    if (y > scrollDeep) scrollDeep = y;
    if (y < scrollTop) scrollTop = y;
    if (scrollDeep - scrollTop < h || scrollDeep - y < h / 2) return;
    scrollTop = scrollDeep = y;
    if (now - lastScrollBack < SCROLL_BACK_MS) return;
    lastScrollBack = now;
    send({ t: 'scroll_back' });
  }, { passive: true });

  function selector(el) {
    var parts = [];
    for (var i = 0; el && el.nodeType === 1 && i < 3; i++, el = el.parentElement) {
      var p = el.tagName.toLowerCase();
      if (el.id) { parts.unshift(p + '#' + el.id); break; }
      var cls = (el.getAttribute('class') || '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
      if (cls.length) p += '.' + cls.join('.');
      parts.unshift(p);
    }
    return parts.join('>').slice(0, 200);
  }
  d.addEventListener('click', function (e) {
    var el = e.target;
    if (!el || el.nodeType !== 1 || el.closest('[data-pulse-ignore]') || (widget && widget.owns(el))) return;
    send({ t: 'click', target: selector(el), x: Math.round(e.clientX), y: Math.round(e.clientY) });
  }, true);

  var fine = w.matchMedia && w.matchMedia('(pointer: fine)').matches;
  d.addEventListener('mouseout', function (e) {
    if (!fine || exitSent || e.relatedTarget || e.clientY > 0) return;
    exitSent = true;
    send({ t: 'exit_intent' });
  });

  // Validation errors the browser shows on submit (never the values). A submit fires 'invalid'
  // for every bad field in the same task but shows one message: one error per form per attempt.
  var inThisTask = {};
  d.addEventListener('invalid', function (e) {
    var el = e.target, form = el.form;
    var formName = form ? (form.getAttribute('id') || form.getAttribute('name') || 'form') : 'form';
    if (inThisTask[formName]) return;
    inThisTask[formName] = true;
    setTimeout(function () { delete inThisTask[formName]; }, 0);
    send({ t: 'form_error', form: formName, field: el.getAttribute('name') || el.getAttribute('id') || el.tagName.toLowerCase() });
  }, true);

  // ---- the widget: pulse-widget.js (WIDGET, above), fetched on the first question.
  function withWidget(call) {
    if (w.PulseWidget) return call();
    if (widgetCalls) return widgetCalls.push(call);
    widgetCalls = [call];
    var s = d.createElement('script');
    s.src = new URL(WIDGET[0], script.src).href;
    if (WIDGET[1]) { s.integrity = WIDGET[1]; s.crossOrigin = 'anonymous'; }
    if (script.nonce) s.nonce = script.nonce;
    s.onload = function () { var calls = widgetCalls; widgetCalls = null; calls.forEach(function (c) { c(); }); };
    s.onerror = function () { widgetCalls = null; };   // not shown; the next question tries again
    (d.head || d.documentElement).appendChild(s);
  }
  function ui(call) {
    withWidget(function () { call(widget || (widget = w.PulseWidget(d.body || d.documentElement, false, send, script.nonce))); });
  }

  // ---- the API
  w.Pulse = {
    v: 1,
    context: function (values) {
      for (var k in values) if (Object.prototype.hasOwnProperty.call(values, k)) ctx[k] = String(values[k]);
    },
    search: function (query, results) {
      send({ t: 'search', q: String(query == null ? '' : query).slice(0, 500), results: Math.max(0, results | 0) });
    },
    formError: function (form, field) { send({ t: 'form_error', form: String(form), field: String(field) }); },
    goal: function (name) { send({ t: 'goal', name: String(name) }); },
    // A fresh token from the site's backend (single-page apps): used from the next connection on,
    // and it ends a stop caused by a refused one.
    token: function (t) {
      token = t == null ? null : String(t);
      if (refused && consent === true && !away) { refused = stopped = false; connect(); }
    },
    // Refusing asks the server to erase the session (forget), then forgets the session, the visitor
    // id, the history stamps and everything unsent here; granting again starts a new session (and a
    // new visitor).
    consent: function (granted) {
      if (!granted) {
        st = load();
        if (open) ws.send(JSON.stringify({ t: 'forget', seq: st.seq + 1 }));
        else if (consent === true && st.sid) forgetElsewhere(st.sid);
        consent = false;
        stopped = true;
        dropSocket();
        if (widget) widget.hide();
        try { sessionStorage.removeItem(KEY); } catch (e) { /* storage off */ }
        try { localStorage.removeItem(VID); } catch (e) { /* storage off */ }
        unstamp();
        st = load();
        current = 0;
        return;
      }
      if (consent === true) return;
      consent = true;
      stopped = false;
      if (!current) { firstView(); return; }
      pageView('navigate');
      remember();
    }
  };

  if (consent === true) firstView();
  queued.forEach(function (call) {
    var method = w.Pulse[call && call[0]];
    if (typeof method === 'function') method.apply(null, call[1] || []);
  });
})(window, document);
