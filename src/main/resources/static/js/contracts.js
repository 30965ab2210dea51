// Procurement and contract forms: a part shown only for one choice (单一来源理由, 按套单价 or 包干总价, the projects'
// checkboxes) is hidden and not sent otherwise. data-shown-if="name:VALUE" names the choosing control of the same form.
(function () {
  var parts = document.querySelectorAll('[data-shown-if]');
  var chosen = function (form, name) {
    var checked = form.querySelector('[name="' + name + '"]:checked');
    if (checked) { return checked.value; }
    var control = form.querySelector('select[name="' + name + '"]');
    return control ? control.value : null;
  };
  var fit = function () {
    parts.forEach(function (part) {
      var rule = part.getAttribute('data-shown-if').split(':');
      // parts are met in document order, so an enclosing part is already fitted: inside a hidden one nothing shows
      var shown = chosen(part.closest('form'), rule[0]) === rule[1] && !part.parentElement.closest('[data-shown-if].d-none');
      part.classList.toggle('d-none', !shown);
      part.querySelectorAll('input, select, textarea').forEach(function (c) { c.disabled = !shown; });
    });
  };
  document.addEventListener('change', fit);
  fit();
})();
