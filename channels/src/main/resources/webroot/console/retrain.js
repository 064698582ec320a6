// Retraining: the running model's figures, a run with its progress (polled), the verdict, and the stored models.
(function () {
  "use strict";
  var C = window.Console;
  var STATUS = { running: "训练中", accepted: "已上线", refused: "成绩较差，未上线", failed: "训练失败" };
  var MODEL_STATUS = { stored: "已保存", refused: "未上线（成绩较差）" };

  function kpi(label, value) {
    var d = C.el("div", "kpi", label);
    d.appendChild(C.el("b", null, value));
    return d;
  }

  function loadRunning() {
    C.api("GET", "/kb/models/running").then(function (r) {
      var box = document.getElementById("running");
      box.textContent = "";
      box.appendChild(kpi("版本", r.model));
      C.FIGURES.forEach(function (p) {
        var v = r.figures[p[0]];
        box.appendChild(kpi(p[1], p[0] === "falseAlarmRate" ? (v * 100).toFixed(1) + "%" : v.toFixed(3)));
      });
      box.appendChild(kpi("测试消息数", String(r.figures.samples)));
    }).catch(C.fail);
  }

  function figureRow(name, f) {
    var r = C.el("tr");
    r.appendChild(C.el("td", null, name));
    C.FIGURES.forEach(function (p) {
      var v = f[p[0]];
      r.appendChild(C.el("td", null, p[0] === "falseAlarmRate" ? (v * 100).toFixed(1) + "%" : v.toFixed(3)));
    });
    return r;
  }

  function showJob(job) {
    document.getElementById("job").hidden = false;
    document.getElementById("job-progress").value = job.percent;
    document.getElementById("job-percent").textContent = job.percent + "% · " + (STATUS[job.status] || job.status);
    var steps = document.getElementById("job-steps");
    steps.textContent = "";
    job.steps.forEach(function (s) { steps.appendChild(C.el("li", null, typeof s === "string" ? s : JSON.stringify(s))); });
    if (job.candidate && job.running) {
      var rows = document.getElementById("job-figure-rows");
      rows.textContent = "";
      rows.appendChild(figureRow("新模型" + (job.model ? "（" + job.model + "）" : ""), job.candidate));
      rows.appendChild(figureRow("原来运行的模型", job.running));
      document.getElementById("job-figures").hidden = false;
    }
    var result = document.getElementById("job-result");
    result.className = "result " + job.status;
    result.textContent = job.status === "running" ? "" : (STATUS[job.status] || job.status) + "：" + (job.message || "");
  }

  function poll(id) {
    C.api("GET", "/kb/training/" + encodeURIComponent(id), undefined, true).then(function (job) {
      showJob(job);
      if (job.status === "running") {
        setTimeout(function () { poll(id); }, 1000);
      } else {
        document.getElementById("train-button").disabled = false;
        loadRunning();
        loadModels();
      }
    }).catch(function (e) { document.getElementById("train-button").disabled = false; C.fail(e); });
  }

  document.getElementById("train-button").addEventListener("click", function (ev) {
    ev.target.disabled = true;
    document.getElementById("job-figures").hidden = true;
    C.api("POST", "/kb/training", {}).then(function (job) {
      sessionStorage.setItem("af.trainingJob", job.id);
      showJob(job);
      poll(job.id);
    }).catch(function (e) { ev.target.disabled = false; C.fail(e); });
  });

  function loadModels() {
    C.api("GET", "/kb/models").then(function (models) {
      var body = document.getElementById("model-list");
      body.textContent = "";
      models.forEach(function (m) {
        var r = C.el("tr", "model" + (m.live ? " live" : ""));
        r.appendChild(C.el("td", null, m.id));
        r.appendChild(C.el("td", null, m.createdAt ? C.time(m.createdAt) : ""));
        r.appendChild(C.el("td", null, m.live ? "运行中" : MODEL_STATUS[m.status] || m.status || ""));
        r.appendChild(C.el("td", null, C.figureText(m.figures)));
        var td = C.el("td");
        if (m.stored && !m.live) {
          td.appendChild(C.button("恢复使用", "secondary restore", function (ev) {
            if (!confirm("确定让模型 " + m.id + " 重新上线吗？")) { return; }
            ev.target.disabled = true;
            C.api("POST", "/kb/models/" + encodeURIComponent(m.id) + "/restore", {}).then(function () {
              C.toast("模型 " + m.id + " 已恢复上线");
              loadRunning();
              loadModels();
            }).catch(function (e) { ev.target.disabled = false; C.fail(e); });
          }));
        }
        r.appendChild(td);
        body.appendChild(r);
      });
      if (!models.length) {
        var r = C.el("tr");
        var td = C.el("td", "empty", "还没有保存的模型（第一次训练后，新旧模型都会保存在这里）");
        td.colSpan = 5;
        r.appendChild(td);
        body.appendChild(r);
      }
    }).catch(C.fail);
  }

  C.kbStart(function () {
    loadRunning();
    loadModels();
    var last = sessionStorage.getItem("af.trainingJob");
    if (last) {
      C.api("GET", "/kb/training/" + encodeURIComponent(last), undefined, true).then(function (job) {
        showJob(job);
        if (job.status === "running") { document.getElementById("train-button").disabled = true; poll(job.id); }
      }).catch(function () { sessionStorage.removeItem("af.trainingJob"); });
    }
  });
})();
