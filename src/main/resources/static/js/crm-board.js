// The deal board (issue 18): drag a card to another stage with the mouse, a finger or a pen (pointer events, no
// library), or choose the stage on the card and press Move (the keyboard way, and the way without JavaScript).
// A move to LOST opens the dialog asking the reason and the next action; a move the rules refuse snaps the card
// back and shows why.
(function () {
  'use strict';
  var board = document.getElementById('deal-board');
  if (!board) {
    return;
  }
  var message = document.getElementById('board-message');
  var lostDialog = document.getElementById('lost-dialog');
  var lostForm = document.getElementById('lost-form');
  var csrf = lostForm ? lostForm.querySelector('input[name="_csrf"]') : null;
  var drag = null;

  function say(text) {
    message.textContent = text;
    message.classList.remove('d-none');
  }

  function askLost(card) {
    lostForm.action = card.dataset.stageUrl;
    var title = card.querySelector('.deal-title');
    document.getElementById('lost-deal-title').textContent = title ? title.textContent : '';
    bootstrap.Modal.getOrCreateInstance(lostDialog).show();
  }

  lostDialog.addEventListener('shown.bs.modal', function () {
    document.getElementById('lost-reason').focus();
  });

  function snapBack(card) {
    var column = document.getElementById('stage-' + card.dataset.stage).querySelector('.stage-cards');
    column.appendChild(card);
  }

  function move(card, stage) {
    if (stage === card.dataset.stage) {
      return;
    }
    if (stage === 'LOST') {
      askLost(card);
      return;
    }
    var body = new URLSearchParams();
    body.append('stage', stage);
    if (csrf) {
      body.append(csrf.name, csrf.value);
    }
    card.classList.add('opacity-50');
    fetch(card.dataset.move, {method: 'POST', body: body, credentials: 'same-origin',
      headers: {'Accept': 'application/json'}})
      .then(function (response) {
        return response.json().then(function (answer) {
          return {ok: response.ok, answer: answer};
        }, function () {
          return {ok: false, answer: {message: message.dataset.failed || response.statusText}};
        });
      })
      .then(function (result) {
        card.classList.remove('opacity-50');
        if (result.ok) {
          window.location.reload(); // the columns' counts and totals are the server's
        } else {
          snapBack(card);
          say(result.answer.message);
        }
      }, function () {
        card.classList.remove('opacity-50');
        snapBack(card);
      });
  }

  // The keyboard way: the card's own select and Move button; LOST asks in the dialog instead of failing.
  board.addEventListener('submit', function (event) {
    var form = event.target.closest('.move-form');
    if (!form) {
      return;
    }
    var stage = form.querySelector('select[name="stage"]').value;
    if (stage === 'LOST') {
      event.preventDefault();
      askLost(form.closest('.deal-card'));
    }
  });

  function columnAt(x, y) {
    var under = document.elementFromPoint(x, y);
    return under ? under.closest('.stage-column') : null;
  }

  board.addEventListener('pointerdown', function (event) {
    var card = event.target.closest('.deal-card');
    if (!card || event.button !== 0 || event.target.closest('a, select, button, input, label')) {
      return;
    }
    drag = {card: card, x: event.clientX, y: event.clientY, moving: false};
  });

  document.addEventListener('pointermove', function (event) {
    if (!drag) {
      return;
    }
    var dx = event.clientX - drag.x;
    var dy = event.clientY - drag.y;
    if (!drag.moving && Math.abs(dx) + Math.abs(dy) < 6) {
      return;
    }
    drag.moving = true;
    drag.card.classList.add('deal-dragging');
    drag.card.style.transform = 'translate(' + dx + 'px,' + dy + 'px)';
    board.querySelectorAll('.stage-column').forEach(function (c) {
      c.classList.remove('stage-target');
    });
    var column = columnAt(event.clientX, event.clientY);
    if (column) {
      column.classList.add('stage-target');
    }
    event.preventDefault();
  });

  document.addEventListener('pointerup', function (event) {
    if (!drag) {
      return;
    }
    var card = drag.card;
    var moving = drag.moving;
    drag = null;
    card.classList.remove('deal-dragging');
    card.style.transform = '';
    board.querySelectorAll('.stage-column').forEach(function (c) {
      c.classList.remove('stage-target');
    });
    if (!moving) {
      return;
    }
    var column = columnAt(event.clientX, event.clientY);
    if (column && column.dataset.stage !== card.dataset.stage) {
      column.querySelector('.stage-cards').appendChild(card);
      move(card, column.dataset.stage);
    }
  });

  // A LOST move given up: the card goes back where it was as soon as the dialog starts closing.
  lostDialog.addEventListener('hide.bs.modal', function () {
    board.querySelectorAll('.deal-card').forEach(function (card) {
      var home = document.getElementById('stage-' + card.dataset.stage);
      if (!home.contains(card)) {
        snapBack(card);
      }
    });
  });
})();
