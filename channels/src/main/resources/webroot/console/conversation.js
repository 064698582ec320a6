// One conversation: transcript with the bot's analysis, suggestions and canned replies, notes, and the actions
// (claim, reply, transfer, hand back, open a case, close with a disposition).
(function () {
  "use strict";
  var C = window.Console;
  var pane = document.getElementById("conversation");
  var current = null;
  var lastSeq = 0;
  var lastBotOptions = [];

  C.claim = function (id) {
    C.api("POST", "/conversations/" + id + "/claim", {}).then(function () {
      C.toast("已接手");
      C.openConversation(id);
    }).catch(function (e) {
      C.toast(e.status === 409 ? "没抢到：" + e.message : e.message);
      C.loadQueue();
    });
  };

  C.openConversation = function (id) {
    C.openId = id;
    document.querySelectorAll(".queue-item").forEach(function (q) { q.classList.toggle("selected", q.getAttribute("data-id") === id); });
    return C.api("GET", "/conversations/" + id).then(render).catch(C.fail);
  };

  C.onMessage = function (m) {
    if (!current || m.conversationId !== current.id || m.seq <= lastSeq) { return; }
    var options = lastBotOptions;
    appendMessage(m);
    // The suggestion follows the last message the bot judged, not a button press or a report answer.
    if (m.sender === "resident" && m.analysis && m.analysis.intent === "verify" && options.indexOf(m.text.trim()) < 0) {
      renderLatest(m.analysis);
    }
  };

  C.onChanged = function (change) {
    if (current && change.conversationId === current.id) { C.openConversation(current.id); }
  };

  function analysisLine(a) {
    var parts = [(C.RISK[a.risk] || a.risk)];
    if (a.scamType && a.scamType !== "none") { parts.push(C.typeName(a.scamType)); }
    (a.signals || []).forEach(function (s) { parts.push("「" + s.phrase + "」"); });
    (a.indicators || []).forEach(function (i) { parts.push(C.indicatorName(i.type) + "：" + i.value + (i.knownBad ? "（已知涉诈）" : "")); });
    return "机器人分析：" + parts.join(" ");
  }

  function appendMessage(m) {
    lastSeq = Math.max(lastSeq, m.seq);
    if (m.sender === "bot") { lastBotOptions = m.options || []; }
    var box = document.getElementById("transcript");
    var risk = m.analysis ? " risk-" + m.analysis.risk : "";
    var row = C.el("div", "msg " + m.sender + risk);
    row.setAttribute("data-seq", m.seq);
    row.appendChild(C.el("div", "who", (C.SENDER[m.sender] || "系统") + " · " + C.time(m.createdAt)));
    row.appendChild(C.el("div", "text", m.text));
    if (m.analysis) { row.appendChild(C.el("div", "analysis", analysisLine(m.analysis))); }
    box.appendChild(row);
    box.scrollTop = box.scrollHeight;
  }

  function renderLatest(a) {
    var box = document.getElementById("latest");
    if (!box) { return; }
    box.textContent = "";
    box.appendChild(C.el("div", "", analysisLine(a)));
  }

  function render(c) {
    C.TYPES = c.scamTypes || C.TYPES;
    current = c;
    lastSeq = 0;
    lastBotOptions = [];
    pane.textContent = "";
    var head = C.el("div", "conv-head");
    head.appendChild(C.el("h2", "", (C.CHANNEL[c.channel] || "其他渠道") + " · " + (c.address || c.contact)));
    if (c.stopPayment) { head.appendChild(C.tag("紧急止付", "stop")); }
    head.appendChild(C.tag(C.RISK[c.risk] || "未评估", c.risk));
    head.appendChild(C.tag(c.scamTypeName || C.typeName(c.scamType)));
    head.appendChild(C.tag(C.STATE[c.state] + (c.officer ? " · " + c.officer : ""), "state"));
    if (c.caseNo) { head.appendChild(C.button(c.caseNo, "link", function () { C.showCase(c.caseNo); })); }
    head.appendChild(actions(c));
    pane.appendChild(head);
    var body = C.el("div", "conv-body");
    var transcript = C.el("div", "transcript");
    transcript.id = "transcript";
    body.appendChild(transcript);
    body.appendChild(side(c));
    pane.appendChild(body);
    c.messages.forEach(appendMessage);
    if (c.state === "officer" && (c.mine || C.me.role !== "officer")) { pane.appendChild(composer(c)); }
  }

  function actions(c) {
    var box = C.el("div", "conv-actions");
    if (c.state === "waiting_officer") {
      box.appendChild(C.button("接手", "claim-open", function () { C.claim(c.id); }));
    }
    if (c.state === "officer" && (c.mine || C.me.role !== "officer")) {
      var to = C.el("select");
      to.id = "transfer-to";
      to.appendChild(new Option("移交给…", ""));
      C.api("GET", "/colleagues").then(function (d) {
        d.colleagues.forEach(function (p) { if (p.username !== c.officer) { to.appendChild(new Option(p.username, p.username)); } });
      });
      to.addEventListener("change", function () {
        if (!to.value) { return; }
        act(c, "/transfer", { to: to.value }, "已移交给 " + to.value);
      });
      box.appendChild(to);
      box.appendChild(C.button("交还机器人", "secondary", function () { act(c, "/handback", {}, "已交还机器人"); }));
      var disposition = C.el("select");
      disposition.id = "disposition";
      C.DISPOSITIONS.forEach(function (d) { disposition.appendChild(new Option(d, d)); });
      var saved = C.el("input");
      saved.id = "amount-saved";
      saved.type = "number";
      saved.min = "0";
      saved.placeholder = "挽损金额(元)";
      saved.style.width = "110px";
      box.appendChild(disposition);
      box.appendChild(saved);
      var close = C.button("结束对话", "danger", function () {
        var body = { disposition: disposition.value };
        if (saved.value) { body.amountSaved = Number(saved.value); }
        act(c, "/close", body, "已结束，回访已按风险排期").then(function () { if (C.loadFollowups) { C.loadFollowups(); } });
      });
      close.id = "close-button";
      box.appendChild(close);
    }
    if (!c.caseNo && c.state !== "closed") {
      box.appendChild(C.button("立案", "secondary", function () {
        C.api("POST", "/conversations/" + c.id + "/case", {}).then(function (r) {
          C.toast("已立案：" + r.caseNo);
          C.openConversation(c.id);
        }).catch(C.fail);
      }));
    }
    return box;
  }

  function act(c, path, body, done) {
    return C.api("POST", "/conversations/" + c.id + path, body).then(function () {
      C.toast(done);
      C.openConversation(c.id);
      C.loadQueue();
    }).catch(C.fail);
  }

  function side(c) {
    var s = C.el("div", "side");
    s.appendChild(C.el("h3", "", "机器人建议（最近一次研判）"));
    var latest = C.el("div");
    latest.id = "latest";
    s.appendChild(latest);
    if (c.suggestions.latest) { latest.appendChild(C.el("div", "", analysisLine(c.suggestions.latest))); }
    s.appendChild(C.el("h3", "", "常用回复" + (c.suggestions.scamTypeName ? "（" + c.suggestions.scamTypeName + "）" : "")));
    c.suggestions.canned.forEach(function (text) {
      s.appendChild(C.button(text, "canned", function () {
        var box = document.getElementById("reply-text");
        if (box) { box.value = text; box.focus(); }
      }));
    });
    s.appendChild(C.el("h3", "", "内部备注（群众看不到）"));
    c.notes.forEach(function (n) { s.appendChild(C.el("div", "note", n.author + " " + C.time(n.at) + "：" + n.text)); });
    var note = C.el("textarea");
    note.id = "note-text";
    note.rows = 2;
    note.style.width = "100%";
    s.appendChild(note);
    s.appendChild(C.button("添加备注", "secondary", function () {
      if (!note.value.trim()) { return; }
      C.api("POST", "/conversations/" + c.id + "/notes", { text: note.value }).then(function () {
        C.openConversation(c.id);
      }).catch(C.fail);
    }));
    if (c.followups.length) {
      s.appendChild(C.el("h3", "", "回访计划"));
      c.followups.forEach(function (f) { s.appendChild(C.el("div", "", "第" + f.day + "天 " + C.time(f.dueAt) + " " + (C.FOLLOWUP_STATUS[f.status] || ""))); });
    }
    return s;
  }

  function composer(c) {
    var form = C.el("form", "composer");
    var text = C.el("textarea");
    text.id = "reply-text";
    text.placeholder = "回复群众（会通过对方所用的渠道送达）";
    text.maxLength = 2000;
    var send = C.el("button", "", "发送");
    send.id = "reply-send";
    send.type = "submit";
    form.appendChild(text);
    form.appendChild(send);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (!text.value.trim()) { return; }
      send.disabled = true;
      C.api("POST", "/conversations/" + c.id + "/messages", { text: text.value }).then(function () {
        text.value = "";
      }).catch(C.fail).then(function () { send.disabled = false; });
    });
    text.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { form.requestSubmit(); }
    });
    return form;
  }
})();
