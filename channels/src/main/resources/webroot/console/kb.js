// Knowledge-base editing: a scam type's script, advice and quiz as JSON sections, versions with revert, known-bad indicators.
(function () {
  "use strict";
  var C = window.Console;
  var SECTIONS = [["script", "防骗剧本"], ["advice", "防骗建议"], ["quiz", "小测验"]];
  var select = document.getElementById("type-select");
  var current = null;

  function area(name) { return document.getElementById("section-" + name); }

  function loadType() {
    var id = select.value;
    document.getElementById("edit-error").textContent = "";
    C.api("GET", "/kb/types/" + encodeURIComponent(id)).then(function (v) {
      current = v;
      document.getElementById("type-version").textContent = "当前第 " + v.version + " 版" + (v.version === 0 ? "（随系统发布）" : "");
      SECTIONS.forEach(function (s) { area(s[0]).value = JSON.stringify(v.content[s[0]], null, 2); });
    }).catch(C.fail);
    C.api("GET", "/kb/types/" + encodeURIComponent(id) + "/history").then(showHistory).catch(C.fail);
  }

  function showHistory(list) {
    var body = document.getElementById("history-list");
    body.textContent = "";
    list.concat([{ version: 0, actor: "", at: null, note: "随系统发布的版本" }]).forEach(function (v) {
      var r = C.el("tr");
      r.appendChild(C.el("td", null, "第 " + v.version + " 版"));
      r.appendChild(C.el("td", null, v.actor || "—"));
      r.appendChild(C.el("td", null, v.at ? C.time(v.at) : "—"));
      r.appendChild(C.el("td", null, v.note || ""));
      var td = C.el("td");
      if (current && v.version !== current.version) {
        td.appendChild(C.button("恢复", "secondary", function () {
          if (!confirm("把「" + C.TYPES[select.value] + "」恢复成第 " + v.version + " 版吗？（会保存为一个新版本）")) { return; }
          C.api("POST", "/kb/types/" + encodeURIComponent(select.value) + "/revert", { version: v.version }).then(function (n) {
            C.toast("已恢复，现在是第 " + n.version + " 版");
            loadType();
          }).catch(C.fail);
        }));
      }
      r.appendChild(td);
      body.appendChild(r);
    });
  }

  // The whole type as the server expects it, with each section's text pasted in as written, so the server's
  // line numbers can be traced back to a section and a line in its box.
  function compose() {
    var lines = ["{"];
    var starts = [];
    var keys = Object.keys(current.content).filter(function (k) {
      return !SECTIONS.some(function (s) { return s[0] === k; });
    });
    keys.forEach(function (k) { lines.push("  " + JSON.stringify(k) + ": " + JSON.stringify(current.content[k]) + ","); });
    SECTIONS.forEach(function (s, i) {
      lines.push("  " + JSON.stringify(s[0]) + ":");
      starts.push({ name: s[1], from: lines.length + 1 });
      var text = area(s[0]).value.replace(/\s+$/, "");
      text.split("\n").forEach(function (l) { lines.push(l); });
      if (i < SECTIONS.length - 1) { lines.push(","); }
    });
    lines.push("}");
    return { text: lines.join("\n"), starts: starts };
  }

  function explain(message, starts) {
    // Content errors read "edit of TYPE:42: quiz[1].answer: ..."; JSON syntax errors carry the parser's "line: 42".
    var m = /:(\d+):/.exec(message || "") || /line: (\d+)/.exec(message || "");
    if (!m) { return message; }
    var line = parseInt(m[1], 10);
    for (var i = starts.length - 1; i >= 0; i--) {
      if (line >= starts[i].from) {
        return "「" + starts[i].name + "」第 " + (line - starts[i].from + 1) + " 行有问题：" + message;
      }
    }
    return message;
  }

  document.getElementById("save-button").addEventListener("click", function (ev) {
    if (!current) { return; }
    var composed = compose();
    var error = document.getElementById("edit-error");
    error.textContent = "";
    ev.target.disabled = true;
    C.api("PUT", "/kb/types/" + encodeURIComponent(select.value), {
      contentText: composed.text, baseVersion: current.version, note: document.getElementById("edit-note").value.trim()
    }).then(function (v) {
      ev.target.disabled = false;
      document.getElementById("edit-note").value = "";
      C.toast("已保存为第 " + v.version + " 版，居民马上就能看到");
      loadType();
    }).catch(function (e) {
      ev.target.disabled = false;
      error.textContent = e.code === "invalid_content" ? explain(e.message, composed.starts) : e.message;
    });
  });

  document.getElementById("indicator-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var error = document.getElementById("indicator-error");
    error.textContent = "";
    C.api("POST", "/kb/indicators", {
      type: document.getElementById("indicator-type").value, value: document.getElementById("indicator-value").value.trim(),
      scamType: document.getElementById("indicator-scam").value, note: document.getElementById("indicator-note").value.trim()
    }).then(function (r) {
      document.getElementById("indicator-value").value = "";
      document.getElementById("indicator-note").value = "";
      C.toast("已添加线索 " + r.value + "，居民查询时会立即提示");
    }).catch(function (e) { error.textContent = e.message; });
  });

  select.addEventListener("change", loadType);

  C.kbStart(function (types) {
    var scam = document.getElementById("indicator-scam");
    types.forEach(function (t) {
      var o = C.el("option", null, t.name);
      o.value = t.type;
      select.appendChild(o);
      var o2 = C.el("option", null, t.name);
      o2.value = t.type;
      scam.appendChild(o2);
    });
    loadType();
  });
})();
