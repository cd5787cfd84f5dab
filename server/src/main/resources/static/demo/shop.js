// Hearth & Co. demo store: a cart kept in localStorage, the quantity stepper, form error text.
(function () {
  var KEY = 'hearth-cart';
  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; } }
  function save(items) { localStorage.setItem(KEY, JSON.stringify(items)); }
  function add(item) { var items = load(); items.push(item); save(items); }
  function money(n) { return '$' + n.toFixed(2); }

  document.querySelectorAll('.qty-step').forEach(function (b) {
    b.addEventListener('click', function () {
      var input = document.getElementById('qty');
      input.value = Math.min(9, Math.max(1, (parseInt(input.value, 10) || 1) + Number(b.dataset.step)));
    });
  });

  var buy = document.querySelector('form.buy');
  if (buy) buy.addEventListener('submit', function (e) {
    e.preventDefault();
    var option = document.getElementById('option').value;
    if (!option) return; // the demo's friction: nothing happens until an option is chosen
    var p = document.querySelector('.product').dataset;
    add({ name: p.name + ' (' + option + ')', price: Number(p.price), qty: parseInt(document.getElementById('qty').value, 10) || 1 });
    buy.querySelector('.note').innerHTML = 'Added. <a href="/demo/cart">View cart</a>';
  });

  document.querySelectorAll('[data-add-plan]').forEach(function (a) {
    a.addEventListener('click', function () { add({ name: a.dataset.name, price: Number(a.dataset.price), qty: 1 }); });
  });

  var cart = document.getElementById('cart');
  function render() {
    var items = load();
    if (!items.length) { cart.innerHTML = '<p>' + cart.dataset.empty + '</p>'; return; }
    var total = 0, ul = document.createElement('ul');
    ul.className = 'lines';
    items.forEach(function (item, i) {
      var li = document.createElement('li'), line = item.price * item.qty;
      total += line;
      li.textContent = item.qty + ' × ' + item.name + ' ' + money(line) + ' ';
      var remove = document.createElement('button');
      remove.type = 'button'; remove.className = 'link'; remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Remove ' + item.name);
      remove.addEventListener('click', function () { items.splice(i, 1); save(items); render(); });
      li.appendChild(remove);
      ul.appendChild(li);
    });
    var sum = document.createElement('p');
    sum.innerHTML = '<strong>Subtotal ' + money(total) + '</strong>' + (total >= 50 ? ' · free shipping' : ' · shipping $4.95');
    cart.replaceChildren(ul, sum);
  }
  if (cart) render();

  // The browser validates (required, pattern); this puts each field's error in words beside it.
  document.querySelectorAll('form.checkout input[data-error]').forEach(function (input) {
    var error = document.getElementById(input.id + '-error');
    input.addEventListener('invalid', function () {
      error.textContent = input.dataset.error || input.validationMessage;
      input.setAttribute('aria-invalid', 'true');
    });
    input.addEventListener('input', function () {
      if (input.validity.valid) { error.textContent = ''; input.removeAttribute('aria-invalid'); }
    });
  });

  // The fake payment: the demo's "backend" (POST /demo/api/pay) declines the test card 4000 0000 0000 0002
  // and tells Pulse (payment_declined, signed, through the real ingest route). Only the last four digits
  // leave the page; the session's sid comes from the snippet's state, as a real backend knows it from its token.
  var checkout = document.querySelector('form.checkout');
  if (checkout) checkout.addEventListener('submit', function (e) {
    var card = document.getElementById('card'), note = document.getElementById('payment-error');
    if (!document.querySelector('input[name="pay"][value="card"]').checked) return;
    e.preventDefault();
    var state = {};
    try { state = JSON.parse(sessionStorage.getItem('pulse:demo')) || {}; } catch (x) { state = {}; }
    var amount = load().reduce(function (t, item) { return t + item.price * item.qty; }, 0);
    fetch('/demo/api/pay', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sid: state.sid || '0'.repeat(32), last4: card.value.slice(-4), amount: Number(amount.toFixed(2)) }) })
      .then(function (r) { return r.json(); })
      .then(function (paid) {
        if (paid.paid) { location.href = '/demo/thank-you'; return; }
        note.textContent = 'Your card was declined. Try another card or pay with PayPal.';
        card.setAttribute('aria-invalid', 'true');
      });
  });

  if (document.body.dataset.page === 'thank-you') localStorage.removeItem(KEY);
})();
