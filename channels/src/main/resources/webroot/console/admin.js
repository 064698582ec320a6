// Follow-ups (回访), case view, audit log and account management.
(function () {
  "use strict";
  var C = window.Console;

  C.tabs = {
    followups: function () { C.loadFollowups(); },
    audit: loadAudit,
    accounts: loadAccounts
  };

  function cell(row, content) {
    var td = C.el("td");
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content == null ? "" : content; }
    row.appendChild(td);
    return td;
  }

  C.loadFollowups = function () {
    return C.api("GET", "/followups", undefined, true).then(function (d) {
      var body = document.getElementById("followup-list");
      body.textContent = "";
      var due = d.followups.filter(function (f) { return f.status === "pending" && new Date(f.dueAt) <= new Date(); }).length;
      document.getElementById("followup-count").textContent = due ? String(due) : "";
      if (!d.followups.length) {
        var r = C.el("tr");
        cell(r, "暂无回访任务").colSpan = 8;
        body.appendChild(r);
      }
      d.followups.forEach(function (f) {
        var r = C.el("tr", "followup" + (f.overdue ? " overdue" : ""));
        r.setAttribute("data-conversation", f.conversationId);
        cell(r, C.time(f.dueAt) + (f.overdue ? "（已逾期）" : ""));
        cell(r, "第" + f.day + "天");
        cell(r, C.CHANNEL[f.channel] || f.channel);
        cell(r, C.RISK[f.risk] || "—");
        cell(r, f.scamTypeName);
        cell(r, f.caseNo || "—");
        cell(r, C.FOLLOWUP_STATUS[f.status] || "待回访");
        var ops = C.el("span");
        // An SMS follow-up only where the resident has a phone; others are reached in their own chat.
        ops.appendChild(C.button(f.hasPhone ? "一键发送回访短信" : "在对话中发送回访消息", "send-followup", function () {
          C.api("POST", "/followups/" + f.id + "/send", {}).then(function () { C.toast("回访消息已发送"); C.loadFollowups(); }).catch(C.fail);
        }));
        ops.appendChild(C.button("完成", "secondary", function () {
          var outcome = prompt("回访结果（例如：群众安全，未再被骗）", "");
          if (outcome === null) { return; }
          C.api("POST", "/followups/" + f.id + "/done", { outcome: outcome }).then(C.loadFollowups).catch(C.fail);
        }));
        ops.appendChild(C.button("查看对话", "link", function () { C.showTab("queue"); C.openConversation(f.conversationId); }));
        cell(r, ops);
        body.appendChild(r);
      });
    }).catch(function () {});
  };

  document.getElementById("case-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    showingCase = false;
    searchCases(document.getElementById("case-no").value.trim());
  });

  // The list is masked; opening one case shows it in full (and the server records the view).
  function searchCases(q) {
    var table = document.getElementById("case-results");
    var body = document.getElementById("case-list");
    document.getElementById("case").textContent = "";
    C.api("GET", "/cases?q=" + encodeURIComponent(q)).then(function (d) {
      body.textContent = "";
      table.hidden = false;
      if (!d.cases.length) {
        var none = C.el("tr");
        cell(none, "没有找到相关案件").colSpan = 7;
        body.appendChild(none);
      }
      d.cases.forEach(function (k) {
        var r = C.el("tr", "case-row");
        r.setAttribute("data-case", k.caseNo);
        cell(r, C.button(k.caseNo, "link", function () { C.showCase(k.caseNo); }));
        cell(r, C.time(k.createdAt));
        cell(r, (k.urgent ? "紧急止付 · " : "") + (C.CASE_STATUS[k.status] || "—"));
        cell(r, C.typeName(k.scamType));
        cell(r, k.amount && Number(k.amount) > 0 ? "¥" + Number(k.amount).toLocaleString("zh-CN") : "—");
        cell(r, k.phone || "—");
        cell(r, (k.receivers || []).map(function (i) { return C.indicatorName(i.type) + " " + i.value; }).join("；"));
        body.appendChild(r);
      });
    }).catch(C.fail);
  }
  var showingCase = false;
  C.tabs.cases = function () { if (!showingCase) { searchCases(""); } };

  C.showCase = function (caseNo) {
    showingCase = true;
    C.showTab("cases");
    showingCase = false;
    document.getElementById("case-results").hidden = true;
    var box = document.getElementById("case");
    box.textContent = "";
    C.api("GET", "/cases/" + encodeURIComponent(caseNo)).then(function (k) {
      var card = C.el("div", "card");
      card.appendChild(C.el("h2", "", k.caseNo + " · " + (C.CASE_STATUS[k.status] || k.status)));
      card.appendChild(C.el("p", "", "类型：" + C.typeName(k.scamType) + "　风险：" + (C.RISK[k.risk] || "—")
        + "　涉案金额：" + (k.amount ? "¥" + k.amount : "—") + "　渠道：" + (C.CHANNEL[k.channel] || k.channel || "—")));
      var next = { "new": "accepted", accepted: "investigating", investigating: "closed" }[k.status];
      if (next) {
        card.appendChild(C.button("改为：" + C.CASE_STATUS[next], "", function () {
          C.api("POST", "/cases/" + encodeURIComponent(k.caseNo) + "/status", { status: next })
            .then(function () { C.showCase(k.caseNo); }).catch(C.fail);
        }));
      }
      card.appendChild(C.el("h3", "", "涉案线索（被举报次数）"));
      (k.indicators || []).forEach(function (i) {
        card.appendChild(C.el("div", "", C.indicatorName(i.type) + "：" + i.value + "（被举报 " + i.reportCount + " 次）"));
      });
      card.appendChild(C.el("h3", "", "关联案件"));
      if (!k.linked.length) { card.appendChild(C.el("div", "", "无")); }
      k.linked.forEach(function (l) {
        card.appendChild(C.button(l.caseNo + "（共同线索：" + l.shared.map(C.indicatorName).join("、") + "）", "link", function () { C.showCase(l.caseNo); }));
      });
      card.appendChild(C.el("h3", "", "时间线（北京时间）"));
      var list = C.el("ul", "timeline");
      k.timeline.forEach(function (t) { list.appendChild(C.el("li", "", C.time(t.at) + "　" + (t.text || ""))); });
      card.appendChild(list);
      box.appendChild(card);
    }).catch(function (e) { box.appendChild(C.el("p", "error", e.message)); });
  };

  function loadAudit() {
    C.api("GET", "/audit?limit=300").then(function (d) {
      var body = document.getElementById("audit-list");
      body.textContent = "";
      d.audit.forEach(function (a) {
        var r = C.el("tr");
        cell(r, C.time(a.at));
        cell(r, a.actor);
        cell(r, C.actionName(a.action));
        cell(r, targetText(a.target));
        cell(r, C.detailText(a.details));
        body.appendChild(r);
      });
    }).catch(C.fail);
  }

  // Audit targets are "conversation:<id>", case numbers, "kb:<type>" or account names: said in words.
  function targetText(target) {
    if (!target) { return ""; }
    if (target.indexOf("conversation:") === 0) { return "对话 " + target.slice(13, 21); }
    if (target.indexOf("kb:") === 0) { return "知识库 " + C.typeName(target.slice(3)); }
    return target;
  }

  function loadAccounts() {
    C.api("GET", "/accounts").then(function (d) {
      var body = document.getElementById("account-list");
      body.textContent = "";
      d.accounts.forEach(function (a) {
        var r = C.el("tr");
        cell(r, a.username);
        var role = C.el("select");
        ["officer", "supervisor", "admin"].forEach(function (x) { role.appendChild(new Option(C.ROLE[x], x, false, x === a.role)); });
        role.addEventListener("change", function () { accountAction(a.username, "/role", { role: role.value }); });
        cell(r, role);
        cell(r, a.disabled ? "已停用" : a.locked ? "已锁定" : "正常");
        var ops = C.el("span");
        ops.appendChild(C.button(a.disabled ? "启用" : "停用", "secondary", function () {
          accountAction(a.username, "/disabled", { disabled: !a.disabled });
        }));
        ops.appendChild(C.button("重置密码", "secondary", function () {
          var pw = prompt("新密码（至少10位）", "");
          if (pw) { accountAction(a.username, "/password", { password: pw }); }
        }));
        cell(r, ops);
        body.appendChild(r);
      });
    }).catch(C.fail);
  }

  function accountAction(username, path, body) {
    C.api("POST", "/accounts/" + encodeURIComponent(username) + path, body).then(function () { C.toast("已保存"); loadAccounts(); })
      .catch(function (e) { C.fail(e); loadAccounts(); });
  }

  document.getElementById("account-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    C.api("POST", "/accounts", {
      username: document.getElementById("new-username").value.trim(),
      password: document.getElementById("new-password").value,
      role: document.getElementById("new-role").value
    }).then(function () {
      document.getElementById("account-form").reset();
      C.toast("账号已创建");
      loadAccounts();
    }).catch(C.fail);
  });
})();
