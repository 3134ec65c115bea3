// Draws each analytics chart from the figures the server wrote into its canvas's data-chart attribute (the same
// figures are in the table beside it). No inline script: the page's CSP allows the platform's own files only.
(function () {
  'use strict';
  var palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#dc3545', '#20c997', '#6c757d', '#0dcaf0'];

  function draw(canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var line = spec.type === 'line';
    var datasets = spec.datasets.map(function (d, i) {
      var colour = palette[i % palette.length];
      return {label: d.label, data: d.data, backgroundColor: line ? colour : colour + 'cc', borderColor: colour,
        borderWidth: line ? 2 : 1, tension: 0.2, spanGaps: true};
    });
    new Chart(canvas, {
      type: spec.type,
      data: {labels: spec.labels, datasets: datasets},
      options: {
        responsive: true,
        maintainAspectRatio: false,
        locale: document.documentElement.lang || undefined,
        indexAxis: spec.horizontal ? 'y' : 'x',
        plugins: {legend: {display: datasets.length > 1 || line}},
        scales: {x: {ticks: {autoSkip: true, maxRotation: 45}}, y: {ticks: {autoSkip: true}}}
      }
    });
  }

  function start() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas.analytics-chart').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
