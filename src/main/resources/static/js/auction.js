/*
 * The live auction page: counts down by the server's clock, not the browser's (the panel carries the server time it
 * was rendered at, so the offset survives a wrong local clock), and fills the price field with one step on request.
 * The panel itself is re-rendered by htmx on every event of the auction's SSE stream.
 */
(function () {
  'use strict';
  var offset = 0; // server time minus local time, from the last rendered panel

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function format(ms) {
    if (ms <= 0) { return '0:00:00'; }
    var s = Math.floor(ms / 1000);
    return Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
  }

  function sync() {
    var clock = document.querySelector('[data-clock]');
    if (clock) { offset = Number(clock.getAttribute('data-server-time')) - Date.now(); }
  }

  function tick() {
    var now = Date.now() + offset;
    var clock = document.querySelector('[data-clock]');
    if (clock) { clock.textContent = new Date(now).toISOString().substring(11, 19); }
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      el.textContent = format(Number(el.getAttribute('data-until')) - now);
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-fill-price]');
    var field = document.getElementById('auction-price');
    if (button && field) {
      field.value = button.getAttribute('data-price');
      field.focus();
    }
  });
  // A leading bidder cannot beat its own bid: the re-rendered panel says whether this bidder leads, and the bid
  // controls follow it, with the panel's reason beside them (the server refuses such a bid anyway).
  function leading() {
    var state = document.getElementById('auction-state');
    var controls = document.getElementById('auction-bid-controls');
    var blocked = document.getElementById('auction-bid-blocked');
    if (!state || !controls || !blocked) { return; }
    var leads = state.getAttribute('data-leading') === 'true';
    var reason = document.getElementById('auction-leading');
    controls.disabled = leads;
    blocked.textContent = leads && reason ? reason.textContent : '';
    blocked.hidden = !leads;
  }

  document.addEventListener('htmx:afterSwap', function () { sync(); leading(); });
  document.addEventListener('DOMContentLoaded', function () { sync(); tick(); setInterval(tick, 250); });
})();
