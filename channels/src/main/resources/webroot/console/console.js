// The console shell: login, tabs, the live feed (Server-Sent Events) and the queue.
(function () {
  "use strict";
  var C = window.Console;
  var queueBox = document.getElementById("queue");
  var feed = null;
  var refreshTimer = null;
  C.queue = [];

  function show(loggedIn) {
    document.getElementById("login-view").hidden = loggedIn;
    document.getElementById("app").hidden = !loggedIn;
  }

  C.onUnauthorized = function () {
    if (feed) { feed.close(); feed = null; }
    C.me = null;
    if (C.clearUrgent) { C.clearUrgent(); }
    show(false);
  };

  function start(me) {
    C.me = me;
    C.setCsrf(me.csrfToken);
    document.getElementById("whoami").textContent = me.username + "（" + C.ROLE[me.role] + "）";
    document.querySelectorAll(".sup-only").forEach(function (e) { e.hidden = me.role === "officer"; });
    document.querySelectorAll(".admin-only").forEach(function (e) { e.hidden = me.role !== "admin"; });
    show(true);
    connect();
    loadQueue();
    if (C.loadFollowups) { C.loadFollowups(); }
  }

  document.getElementById("login-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var error = document.getElementById("login-error");
    error.textContent = "";
    C.api("POST", "/login", {
      username: document.getElementById("username").value.trim(),
      password: document.getElementById("password").value
    }).then(function (me) {
      document.getElementById("password").value = "";
      start(me);
    }).catch(function (e) { error.textContent = e.message; });
  });

  document.getElementById("logout").addEventListener("click", function () {
    C.api("POST", "/logout", {}).catch(function () {}).then(C.onUnauthorized);
  });

  document.querySelectorAll(".tabs button").forEach(function (b) {
    b.addEventListener("click", function () { C.showTab(b.getAttribute("data-tab")); });
  });

  C.showTab = function (name) {
    document.querySelectorAll(".tabs button").forEach(function (b) { b.classList.toggle("active", b.getAttribute("data-tab") === name); });
    document.querySelectorAll(".view").forEach(function (v) { v.hidden = v.id !== "view-" + name; });
    if (C.tabs && C.tabs[name]) { C.tabs[name](); }
  };

  function connect() {
    if (feed) { feed.close(); }
    var live = document.getElementById("live");
    feed = new EventSource("/api/officer/events");
    feed.addEventListener("hello", function () { live.textContent = "● 实时"; live.className = "live"; loadQueue(); });
    feed.onerror = function () { live.textContent = "● 重连中"; live.className = "live off"; };
    feed.addEventListener("escalation", function (ev) {
      var data = JSON.parse(ev.data);
      C.toast(data.urgent ? "紧急止付：有群众刚被骗，请立即处理！" : "新的转人工请求");
      scheduleQueue();
    });
    feed.addEventListener("changed", function (ev) {
      scheduleQueue();
      if (C.onChanged) { C.onChanged(JSON.parse(ev.data)); }
    });
    feed.addEventListener("message", function (ev) {
      var data = JSON.parse(ev.data);
      if (C.onMessage) { C.onMessage(data.message); }
      scheduleQueue();
    });
    feed.addEventListener("logout", C.onUnauthorized);
  }

  function scheduleQueue() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(loadQueue, 250);
  }

  function loadQueue() {
    if (!C.me) { return; }
    C.api("GET", "/queue", undefined, true).then(function (data) {
      C.queue = data.queue;
      if (data.scamTypes) { C.TYPES = data.scamTypes; }
      renderQueue();
      C.onQueue(C.queue);
    }).catch(function () {});
  }
  C.loadQueue = loadQueue;

  function value(id) { return document.getElementById(id).value; }

  // Filters narrow what is shown; the tab title and the urgent alerts always count the whole queue.
  function shown(q) {
    var text = value("filter-text").trim().toLowerCase();
    var wait = Number(value("filter-wait") || 0);
    return (!value("filter-channel") || q.channel === value("filter-channel"))
      && (!value("filter-type") || q.scamType === value("filter-type"))
      && (!value("filter-risk") || q.risk === value("filter-risk"))
      && (!value("filter-state") || q.state === value("filter-state"))
      && (!wait || (Date.now() - new Date(q.waitingSince).getTime()) / 1000 >= wait)
      && (!text || [q.summary, q.caseNo, q.scamTypeName, q.contact, q.officer].join(" ").toLowerCase().indexOf(text) >= 0);
  }

  function typeOptions() {
    var select = document.getElementById("filter-type");
    if (select.options.length > 1) { return; }
    Object.keys(C.TYPES).forEach(function (id) { select.appendChild(new Option(C.TYPES[id], id)); });
  }

  document.getElementById("queue-filters").addEventListener("input", function () { renderQueue(); });
  document.getElementById("queue-filters").addEventListener("submit", function (ev) { ev.preventDefault(); });

  function renderQueue() {
    typeOptions();
    queueBox.textContent = "";
    var waiting = C.queue.filter(function (q) { return q.state === "waiting_officer"; }).length;
    document.getElementById("queue-count").textContent = waiting ? String(waiting) : "";
    if (!C.queue.length) { queueBox.appendChild(C.el("p", "empty", "暂无待处理的对话")); return; }
    var visible = C.queue.filter(shown);
    if (!visible.length) { queueBox.appendChild(C.el("p", "empty", "没有符合筛选条件的对话")); return; }
    visible.forEach(function (q) {
      var unclaimed = q.stopPayment && q.state === "waiting_officer";
      var item = C.el("div", "queue-item" + (q.stopPayment ? " urgent" : "") + (unclaimed ? " unclaimed" : "")
        + (C.openId === q.id ? " selected" : ""));
      item.setAttribute("data-id", q.id);
      var line = C.el("div", "line");
      if (q.stopPayment) { line.appendChild(C.tag("紧急止付", "stop")); }
      line.appendChild(C.tag(C.RISK[q.risk] || "未评估", q.risk));
      line.appendChild(C.tag(q.scamTypeName || C.typeName(q.scamType)));
      line.appendChild(C.tag(C.CHANNEL[q.channel] || q.channel));
      if (q.amount) { line.appendChild(C.tag("¥" + Number(q.amount).toLocaleString("zh-CN"))); }
      var wait = C.el("span", "wait");
      wait.setAttribute("data-since", q.waitingSince);
      line.appendChild(wait);
      item.appendChild(line);
      item.appendChild(C.el("div", "summary", q.summary));
      var meta = C.el("div", "meta", (C.STATE[q.state] || q.state) + (q.officer ? " · " + q.officer : "") + " · " + (C.CHANNEL[q.channel] || "其他渠道") + " " + (q.contact || q.address)
        + (q.caseNo ? " · " + q.caseNo : ""));
      item.appendChild(meta);
      if (q.state === "waiting_officer") {
        item.appendChild(C.button("接手", "claim", function (ev) { ev.stopPropagation(); C.claim(q.id); }));
      }
      item.addEventListener("click", function () { C.openConversation(q.id); });
      queueBox.appendChild(item);
    });
    tick();
  }

  function tick() {
    document.querySelectorAll(".wait[data-since]").forEach(function (w) {
      var r = C.waited(w.getAttribute("data-since"));
      w.textContent = "等待 " + r.text;
      w.className = "wait " + r.cls;
    });
  }
  setInterval(tick, 1000);

  // /session answers 200 whether or not the officer is signed in: no 401 in the log of a fresh console.
  C.api("GET", "/session").then(function (s) { if (s.loggedIn) { start(s); } else { show(false); } })
    .catch(function () { show(false); });

  function clock() {
    document.getElementById("clock").textContent = C.ZONE_LABEL + " " + C.time(new Date().toISOString());
  }
  clock();
  setInterval(clock, 15000);
})();
