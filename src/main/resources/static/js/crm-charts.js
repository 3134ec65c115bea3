// The head of sales' charts (templates/crm/board.html): each is drawn from the table under it — the columns whose
// header names a data-series, the cells' data-value — and redrawn when htmx swaps fresh rows into that table, so the
// charts follow the live board without a reload. No inline script (CSP).
(function () {
  'use strict';
  var palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#dc3545', '#20c997'];
  var charts = {};

  function figures(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var labels = [];
    var series = [];
    headers.forEach(function (th, column) {
      if (th.dataset.series) {
        series.push({label: th.dataset.series, column: column, data: []});
      }
    });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.cells[0].textContent.trim());
      series.forEach(function (s) {
        var cell = row.cells[s.column];
        s.data.push(cell ? Number(cell.dataset.value || 0) : 0);
      });
    });
    return {labels: labels, series: series};
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.dataset.table);
    if (!table) {
      return;
    }
    var f = figures(table);
    var round = canvas.dataset.type === 'doughnut';
    var datasets = f.series.map(function (s, i) {
      return {label: s.label, data: s.data, borderWidth: 1,
        backgroundColor: round ? palette : palette[i % palette.length] + 'cc', borderColor: round ? '#fff' : palette[i % palette.length]};
    });
    if (charts[canvas.id]) {
      charts[canvas.id].data.labels = f.labels;
      charts[canvas.id].data.datasets = datasets;
      charts[canvas.id].update('none');
      return;
    }
    charts[canvas.id] = new Chart(canvas, {
      type: canvas.dataset.type,
      data: {labels: f.labels, datasets: datasets},
      options: {responsive: true, maintainAspectRatio: false, animation: false,
        locale: document.documentElement.lang || undefined,
        plugins: {legend: {display: round || datasets.length > 1}}}
    });
  }

  function all() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas.crm-chart').forEach(draw);
  }

  document.body.addEventListener('htmx:afterSwap', all);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', all);
  } else {
    all();
  }
})();
