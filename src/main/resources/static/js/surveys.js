// Surveys: the questionnaire builder's rows, a button's own confirmation, printing the sheets, the results' charts.
(function () {
  var list = document.getElementById('sv-questions');
  var template = document.getElementById('sv-row-template');
  if (list && template) {
    var rows = function () { return list.querySelectorAll('.sv-question'); };
    var renumber = function () {
      rows().forEach(function (row, i) {
        row.querySelector('.sv-number').textContent = list.getAttribute('data-number').replace('{0}', String(i + 1));
      });
    };
    // a single choice has options, a rating may carry an indicator; the other fields are hidden and not read
    var fit = function (row) {
      var kind = row.querySelector('.sv-kind').value;
      row.querySelector('.sv-options').classList.toggle('d-none', kind !== 'CHOICE');
      row.querySelector('.sv-indicator').classList.toggle('d-none', kind !== 'RATING');
    };
    list.addEventListener('change', function (e) {
      if (e.target.classList.contains('sv-kind')) { fit(e.target.closest('.sv-question')); }
    });
    list.addEventListener('click', function (e) {
      var remove = e.target.closest('.sv-remove');
      if (remove && rows().length > 1) { remove.closest('.sv-question').remove(); renumber(); }
    });
    document.getElementById('sv-add').addEventListener('click', function () {
      var row = template.content.firstElementChild.cloneNode(true);
      var indicator = row.querySelector('select[name="indicator"]');
      if (indicator) { indicator.value = ''; }
      list.appendChild(row);
      renumber();
      row.querySelector('input[name="text"]').focus();
    });
  }
  // a submit button that asks first (保存并发布), where the form itself does not
  document.querySelectorAll('button[data-confirm]').forEach(function (b) {
    b.addEventListener('click', function (e) {
      if (!window.confirm(b.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });
  // one bar chart of the 1-5 distribution per rating question; its numbers are in the table under it
  if (window.echarts) {
    document.querySelectorAll('.sv-chart').forEach(function (el) {
      var counts = el.getAttribute('data-counts').split(',').map(Number);
      var chart = window.echarts.init(el, null, {renderer: 'svg'});
      chart.setOption({
        animation: false,
        grid: {left: 36, right: 12, top: 34, bottom: 28},
        tooltip: {trigger: 'axis'},
        xAxis: {type: 'category', data: el.getAttribute('data-labels').split(',')},
        yAxis: {type: 'value', minInterval: 1, name: el.getAttribute('data-unit')},
        series: [{type: 'bar', data: counts, itemStyle: {color: '#2d6cc0'}, label: {show: true, position: 'top'}}]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
})();
