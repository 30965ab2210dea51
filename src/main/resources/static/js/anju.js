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
