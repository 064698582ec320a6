// Review queue: likely misses, messages the classifier was unsure about and officers' corrections, added to the corpus with a label.
(function () {
  "use strict";
  var C = window.Console;

  function cell(row, text) { row.appendChild(C.el("td", null, text)); }

  function empty(body, cols) {
    var r = C.el("tr");
    var td = C.el("td", "empty", "没有待审核的消息");
    td.colSpan = cols;
    r.appendChild(td);
    body.appendChild(r);
  }

  function addButton(row, messageId, select) {
    var td = C.el("td");
    td.appendChild(C.button("加入语料", "add-corpus", function (ev) {
      ev.target.disabled = true;
      C.api("POST", "/kb/corpus", { messageId: messageId, label: select.value }).then(function () {
        C.toast("已加入训练语料：" + (C.TYPES[select.value] || "非诈骗"));
        load();
      }).catch(function (e) { ev.target.disabled = false; C.fail(e); });
    }));
    row.appendChild(td);
  }

  var RISKS = { none: "无风险", low: "低风险", medium: "中风险", high: "高风险" };
  var AFTER = { escalated: "转了人工", reported: "报了案" };

  // One row per message to label: time, masked text, the bot's verdict, one column of its own, the label and the button.
  function messageRows(body, items, third) {
    body.textContent = "";
    items.forEach(function (m) {
      var r = C.el("tr", "review-item");
      r.setAttribute("data-id", m.messageId);
      cell(r, m.at ? C.time(m.at) : "");
      cell(r, m.text);
      cell(r, C.TYPES[m.predicted] || (m.predicted === "none" ? "非诈骗" : m.predicted || "—"));
      cell(r, third(m));
      var select = C.labelSelect(m.predicted);
      var td = C.el("td");
      td.appendChild(select);
      r.appendChild(td);
      addButton(r, m.messageId, select);
      body.appendChild(r);
    });
    if (!items.length) { empty(body, 6); }
  }

  function load() {
    C.api("GET", "/kb/review?limit=50").then(function (d) {
      messageRows(document.getElementById("missed-list"), d.missed || [], function (m) {
        return (RISKS[m.risk] || "") + "，后来" + (AFTER[m.after] || "转了人工");
      });
      messageRows(document.getElementById("unsure-list"), d.unsure, function (m) { return m.confidence.toFixed(2); });
      var proposed = document.getElementById("proposed-list");
      proposed.textContent = "";
      d.proposed.forEach(function (a) {
        var r = C.el("tr", "proposed-item");
        cell(r, C.time(a.at));
        cell(r, a.text);
        cell(r, a.actor);
        var select = C.labelSelect(a.label);
        var td = C.el("td");
        td.appendChild(select);
        r.appendChild(td);
        addButton(r, a.messageId, select);
        proposed.appendChild(r);
      });
      if (!d.proposed.length) { empty(proposed, 5); }
    }).catch(C.fail);
  }

  C.kbStart(load);
})();
