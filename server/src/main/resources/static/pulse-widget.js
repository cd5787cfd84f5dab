/*! Pulse widget: the card pulse.js draws a question and its response in. pulse.js loads this file
 *  on the first question (a page that never gets one never loads it), pinned by the integrity the
 *  server writes into pulse.js, so a page that pins pulse.js with integrity= pins this file too.
 *  Text nodes only, never markup from a message; styles in a constructed sheet (or a <style> with the
 *  snippet's nonce). PulseWidget(parent, inline, send, nonce) -> {owns, hide, question, response}; a response that asks
 *  "Did this help?" (feedback: true) gets Yes / No under it, sent as a feedback message. */
(function (w, d) {
  'use strict';
  w.PulseWidget = function (parent, inline, send, nonce) {
    var host = d.createElement('div');
    host.setAttribute('data-pulse-widget', '');
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    var css =
      ':host{all:initial}' +
      '.p{position:fixed;right:16px;bottom:16px;z-index:2147483647;max-width:min(360px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;overflow-wrap:anywhere;box-sizing:border-box;' +
      'font:15px/1.4 var(--pulse-font,system-ui,sans-serif);color:var(--pulse-fg,#1d1d1f);background:var(--pulse-bg,#fff);' +
      'border-radius:var(--pulse-radius,12px);box-shadow:0 8px 30px rgba(0,0,0,.18);padding:16px;transition:opacity .2s,transform .2s}' +
      '.p[hidden]{display:none}' +
      'h2{font-size:1.05em;margin:0 28px 10px 0}' +
      'button{font:inherit;cursor:pointer;border-radius:8px}' +
      '.c{display:block;width:100%;text-align:left;margin:6px 0;padding:9px 12px;border:1px solid var(--pulse-border,#d2d2d7);background:transparent;color:inherit}' +
      '.c:hover{border-color:var(--pulse-accent,#0060df)}' +
      'button:focus-visible,a:focus-visible{outline:3px solid var(--pulse-accent,#0060df);outline-offset:2px}' +
      '.x{position:absolute;top:8px;right:8px;border:0;background:transparent;color:inherit;font-size:20px;line-height:1;padding:4px 8px}' +
      'p{margin:0 0 8px}' +
      '.f{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin-top:12px}.f p{margin:0 auto 0 0}' +
      '.b{padding:5px 12px;border:1px solid var(--pulse-border,#d2d2d7);background:transparent;color:inherit}' +
      '.m{border:0;background:transparent;color:var(--pulse-accent,#0060df);padding:0;margin:0 0 8px;text-decoration:underline}' +
      '.u{color:var(--pulse-muted,#6e6e73)}' +
      '.a{display:inline-block;margin-top:4px;padding:8px 14px;background:var(--pulse-accent,#0060df);color:#fff;text-decoration:none;border-radius:8px}' +
      '@media (prefers-reduced-motion:reduce){.p{transition:none}}' +
      (inline ? '.p{position:relative;right:auto;bottom:auto;z-index:auto;max-height:none;margin:0 0 12px}' : '');
    // A constructed sheet needs no style-src; without one, a <style> with this script tag's nonce.
    var sheet = null;
    if ('adoptedStyleSheets' in root) try { sheet = new CSSStyleSheet(); sheet.replaceSync(css); root.adoptedStyleSheets = [sheet]; } catch (e) { sheet = null; }
    if (!sheet) {
      var style = d.createElement('style');
      if (nonce) style.nonce = nonce;
      style.textContent = css;
      root.appendChild(style);
    }
    var panel = d.createElement('div');
    panel.className = 'p';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'false');
    panel.hidden = true;
    root.appendChild(panel);
    parent.appendChild(host);
    var iid = null, returnFocus = null;

    function el(tag, cls, text) {
      var e = d.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.textContent = text;
      return e;
    }
    function close(sendDismiss) {
      if (sendDismiss && iid) send({ t: 'dismiss', iid: iid });
      iid = null;
      panel.hidden = true;
      panel.textContent = '';
      if (returnFocus && returnFocus.focus) try { returnFocus.focus(); } catch (e) {}
      returnFocus = null;
    }
    function frame(title) {
      panel.textContent = '';
      var x = el('button', 'x', '\u00d7');
      x.setAttribute('aria-label', 'Close');
      x.onclick = function () { close(!!iid); };
      var h = el('h2', null, title);
      h.id = 'pulse-title';
      panel.setAttribute('aria-labelledby', 'pulse-title');
      panel.appendChild(x);
      panel.appendChild(h);
    }
    panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { e.stopPropagation(); close(!!iid); }
    });
    // Markup the catalog allows: blank lines make paragraphs, **text** is bold. Text nodes only.
    function body(text) {
      var out = d.createDocumentFragment();
      String(text).split(/\n\s*\n/).forEach(function (para) {
        var p = el('p');
        String(para).split('**').forEach(function (part, i) {
          p.appendChild(i % 2 ? el('strong', null, part) : d.createTextNode(part));
        });
        out.appendChild(p);
      });
      return out;
    }
    // "Did this help?" under a response that asks (m.feedback): Yes / No, sent once, then thanks in
    // the same polite live region, which takes the focus so a keyboard is not left on a removed button.
    function feedback(m) {
      if (!m.feedback) return;
      var c = m.feedback_copy || {}, g = el('div', 'f'), q = el('p', null, c.question || 'Did this help?');
      q.id = 'pulse-fb';
      g.setAttribute('role', 'group');
      g.setAttribute('aria-labelledby', 'pulse-fb');
      g.setAttribute('aria-live', 'polite');
      g.appendChild(q);
      [[true, c.yes || 'Yes'], [false, c.no || 'No']].forEach(function (o) {
        var b = el('button', 'b', o[1]);
        b.onclick = function () {
          send({ t: 'feedback', iid: m.iid, helpful: o[0] });
          g.removeAttribute('aria-labelledby');
          g.tabIndex = -1;
          g.textContent = c.thanks || 'Thanks for telling us.';
          g.focus();
        };
        g.appendChild(b);
      });
      panel.appendChild(g);
    }
    // Progressive disclosure: the first paragraph, the rest behind a "More" button that says whether it is open.
    function more(paras) {
      if (paras.childNodes.length < 2) return paras;
      var out = d.createDocumentFragment(), rest = el('div'), b = el('button', 'm', 'More');
      out.appendChild(paras.firstChild);
      rest.appendChild(paras);
      rest.id = 'pulse-more';
      rest.hidden = true;
      b.setAttribute('aria-expanded', 'false');
      b.setAttribute('aria-controls', 'pulse-more');
      b.onclick = function () {
        rest.hidden = !rest.hidden;
        b.setAttribute('aria-expanded', String(!rest.hidden));
        b.textContent = rest.hidden ? 'More' : 'Less';
      };
      out.appendChild(b);
      out.appendChild(rest);
      return out;
    }
    function link(label, url) {
      if (!/^(https?:\/\/|\/|\?|#|[\w.-]+(\/|$))/i.test(url)) return;
      var a = el('a', 'a', label);
      a.href = url;
      panel.appendChild(a);
      return a;
    }
    // A hand-off: the chat or call link while someone is available; the honest text and the hours when not.
    function handoff(h) {
      if (!h) return;
      if (h.available) {
        var a = h.url && link(h.label, h.url);
        if (a) a.setAttribute('data-pulse-handoff', '');
      } else {
        panel.appendChild(el('p', 'u', h.unavailable));
        if (h.hours) panel.appendChild(el('p', 'u', 'Hours: ' + h.hours));
      }
    }
    return {
      owns: function (node) { return node === host || host.contains(node); },
      hide: function () { close(false); },
      question: function (m) {
        if (!m || !Array.isArray(m.choices)) return;
        returnFocus = d.activeElement;
        iid = m.iid;
        frame(m.text);
        m.choices.forEach(function (c) {
          var b = el('button', 'c', c.label);
          b.onclick = function () { send({ t: 'answer', iid: m.iid, choice: c.id }); };
          panel.appendChild(b);
        });
        panel.hidden = false;
        var first = panel.querySelector('.c');
        if (first && !inline) first.focus();
      },
      response: function (m) {
        iid = null;
        frame(m.title);
        panel.appendChild(more(body(m.body)));
        if (m.cta) link(m.cta.label, m.cta.url);
        if (m.kind === 'handoff') handoff(m.handoff);
        feedback(m);
        panel.hidden = false;
        var x = panel.querySelector('.x');
        if (x && !inline) x.focus();
      }
    };
  };
})(window, document);
