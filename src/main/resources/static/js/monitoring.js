// Monitoring: the dashboards' charts from their data attributes (values '|'-separated, an empty value is no figure).
(function () {
  if (!window.echarts) { return; }
  var pct = function (v) { return (v * 100).toFixed(1) + '%'; };
  document.querySelectorAll('.mon-chart').forEach(function (el) {
    var labels = (el.getAttribute('data-labels') || '').split('|');
    var values = (el.getAttribute('data-values') || '').split('|').map(function (v) { return v === '' ? null : Number(v); });
    var kind = el.getAttribute('data-kind');
    var ratio = el.getAttribute('data-ratio') === 'true' || kind === 'bars';
    var chart = window.echarts.init(el);
    var option = {animation: false, tooltip: {trigger: kind === 'pie' ? 'item' : 'axis'}};
    if (kind === 'pie') {
      option.series = [{type: 'pie', radius: ['35%', '70%'], label: {show: false},
        data: labels.map(function (l, i) { return {name: l, value: values[i]}; })}];
    } else {
      option.grid = {left: 48, right: 12, top: 16, bottom: 40};
      option.xAxis = {type: 'category', data: labels, axisLabel: {hideOverlap: true}};
      option.yAxis = {type: 'value', axisLabel: ratio ? {formatter: pct} : {}};
      option.series = [{type: kind === 'line' ? 'line' : 'bar', name: el.getAttribute('data-name'), data: values, connectNulls: false,
        itemStyle: {color: '#2d6cc0'}}];
      if (ratio) { option.tooltip.valueFormatter = function (v) { return v == null ? '—' : pct(v); }; }
    }
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
