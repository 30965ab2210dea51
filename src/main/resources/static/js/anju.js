// Anju page behaviour: CSRF header for htmx, confirmation of irreversible actions, no double submit.
(function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', function (e) {
    if (token && header && token.content) { e.detail.headers[header.content] = token.content; }
  });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { e.preventDefault(); return; }
    if (form.getAttribute('method') && form.getAttribute('method').toLowerCase() === 'post') {
      // after the browser has read the form (a disabled submitter would lose its name and value)
      setTimeout(function () {
        form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
      }, 0);
    }
  });
})();
// A patrol form records where it was filled in, when the device tells (and the user allows).
(function () {
  document.querySelectorAll('form[data-geo]').forEach(function (form) {
    if (!navigator.geolocation) { return; }
    navigator.geolocation.getCurrentPosition(function (p) {
      form.querySelector('input[name="latitude"]').value = p.coords.latitude.toFixed(6);
      form.querySelector('input[name="longitude"]').value = p.coords.longitude.toFixed(6);
    }, function () { /* no location: the record says so by leaving it empty */ }, {timeout: 10000, maximumAge: 60000});
  });
})();
