// Supervisors' dashboard: the same figures as the CSV export, drawn with ECharts.
(function () {
  "use strict";
  var days = document.getElementById("days");
  var charts = {};

  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
    return charts[id];
  }

  function seconds(v) {
    if (v === null || v === undefined) { return "—"; }
    return v < 60 ? v + " 秒" : (v / 60).toFixed(1) + " 分钟";
  }

  function kpi(label, value) {
    var d = document.createElement("div");
    d.className = "kpi";
    d.textContent = label;
    var b = document.createElement("b");
    b.textContent = value;
    d.appendChild(b);
    return d;
  }

  function load() {
    document.getElementById("csv").href = "/api/officer/stats.csv?days=" + days.value;
    fetch("/api/officer/stats?days=" + days.value, { credentials: "same-origin" }).then(function (res) {
      return res.json().then(function (data) {
        if (!res.ok) { throw new Error(data.error ? data.error.message : "加载失败"); }
        return data;
      });
    }).then(render).catch(function (e) { document.getElementById("error").textContent = e.message + "（请先在工作台登录主管账号）"; });
  }

  function render(f) {
    var k = document.getElementById("kpis");
    k.textContent = "";
    k.appendChild(kpi("转人工预警", f.escalations));
    k.appendChild(kpi("已处置预警", f.warningsHandled));
    k.appendChild(kpi("劝阻成功率", f.dissuasionRate === null ? "—" : (f.dissuasionRate * 100).toFixed(1) + "%"));
    k.appendChild(kpi("挽损金额", "¥" + Number(f.amountSaved).toLocaleString("zh-CN")));
    k.appendChild(kpi("平均响应时间", seconds(f.responseSeconds.average)));
    k.appendChild(kpi("平均处置时长", seconds(f.handlingSeconds.average)));
    chart("chart-types").setOption({
      title: { text: "报案数（按诈骗类型）", subtext: f.reportsByType.length ? "" : "所选时间内暂无报案" }, tooltip: { trigger: "axis" }, legend: { top: 28, type: "scroll" },
      grid: { top: 70, left: 40, right: 20, bottom: 30 },
      xAxis: { type: "category", data: f.dayLabels }, yAxis: { type: "value", minInterval: 1 },
      series: f.reportsByType.map(function (t) { return { name: t.name, type: "bar", stack: "all", data: t.counts }; })
    }, true);
    chart("chart-escalations").setOption({
      title: { text: "每日转人工预警" }, tooltip: { trigger: "axis" }, grid: { top: 50, left: 40, right: 20, bottom: 30 },
      xAxis: { type: "category", data: f.dayLabels }, yAxis: { type: "value", minInterval: 1 },
      series: [{ name: "预警", type: "line", data: f.escalationsByDay, areaStyle: {} }]
    }, true);
    chart("chart-dispositions").setOption({
      title: { text: "处置结果" }, tooltip: { trigger: "item" },
      series: [{ type: "pie", radius: ["35%", "65%"], data: Object.keys(f.dispositions).map(function (d) {
        return { name: d, value: f.dispositions[d] };
      }) }]
    }, true);
  }

  days.addEventListener("change", load);
  window.addEventListener("resize", function () { Object.keys(charts).forEach(function (c) { charts[c].resize(); }); });
  load();
})();
