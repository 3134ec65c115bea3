// The login form sends the browser's time zone (e.g. Europe/Moscow): a user who has none yet gets it at sign-in,
// so that pages show times in their zone from the first visit. The server checks it is a known zone.
(function () {
  var field = document.getElementById('login-time-zone');
  if (!field || typeof Intl === 'undefined' || !Intl.DateTimeFormat) {
    return;
  }
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch (e) {
    field.value = '';
  }
})();
