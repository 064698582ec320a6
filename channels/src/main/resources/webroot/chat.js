// Residents' web chat. Messages are rendered from the server's numbered history (seq), whichever way they
// arrive (the POST answer, the live socket, or a catch-up fetch after a reconnect), so nothing shows twice.
(function () {
  "use strict";
  var KEY = "antifraud.sessionId";
  var LARGE_KEY = "antifraud.largeText";
  // Long option lists (14 scam types) would fill the phone screen: show the first few, keep the way out
  // (不确定, 转人工, 返回, 退出) in sight, and fold the rest behind 「更多」.
  var MAX_OPTIONS = 6;
  var SHOWN_FIRST = 4;
  var KEEP_VISIBLE = ["不确定", "转人工", "返回", "退出", "换一类"];
  var RISK_LABEL = { high: "高风险", medium: "中风险", low: "低风险", none: "未发现诈骗信号" };
  var log = document.getElementById("log");
  var optionsBox = document.getElementById("options");
  var form = document.getElementById("composer");
  var input = document.getElementById("text");
  var sendButton = document.getElementById("send");
  var statusEl = document.getElementById("status");
  var sessionId = localStorage.getItem(KEY);
  var lastSeq = 0;
  var largeButton = document.getElementById("large-text");
  var socket = null;
  var retry = 0;
  var pollTimer = null;

  function setStatus(text, offline) {
    statusEl.textContent = text;
    statusEl.className = "status" + (offline ? " offline" : "");
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // Only a verdict on a checked message carries a risk badge; lessons, quizzes, reports and notices never do.
  function addRow(sender, text, risk) {
    var row = el("div", "row " + (sender === "resident" ? "me" : sender));
    var avatar = el("div", "avatar", sender === "resident" ? "我" : sender === "officer" ? "民警" : "");
    var bubble = el("div", "bubble");
    if (sender === "officer") { bubble.appendChild(el("span", "who", "值班民警")); }
    if (risk) {
      bubble.classList.add("risk-" + risk);
      bubble.appendChild(el("span", "badge " + risk, RISK_LABEL[risk]));
      bubble.appendChild(document.createElement("br"));
    }
    bubble.appendChild(document.createTextNode(text));
    row.appendChild(avatar);
    row.appendChild(bubble);
    log.appendChild(row);
    return row;
  }

  // After the new bot message and its options have rendered: show all of it when it fits, else its start.
  function revealNewest(row) {
    if (!row) { log.scrollTop = log.scrollHeight; return; }
    var top = row.offsetTop - 8;
    log.scrollTop = row.offsetHeight + 16 <= log.clientHeight ? log.scrollHeight : top;
  }

  function optionButton(label, onClick) {
    var b = el("button", null, label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function showOptions(options, expanded) {
    optionsBox.innerHTML = "";
    options = options || [];
    var fold = !expanded && options.length > MAX_OPTIONS;
    var hidden = 0;
    options.forEach(function (label, i) {
      if (fold && i >= SHOWN_FIRST && KEEP_VISIBLE.indexOf(label) < 0) { hidden++; return; }
      optionsBox.appendChild(optionButton(label, function () { send(label); }));
    });
    if (hidden > 0) {
      var more = optionButton("更多（还有" + hidden + "项）", function () {
        showOptions(options, true);
        var first = optionsBox.querySelectorAll("button")[SHOWN_FIRST];
        if (first) { first.focus(); }
      });
      more.className = "more";
      more.setAttribute("aria-expanded", "false");
      optionsBox.appendChild(more);
    }
  }

  // Renders one message; answers the row a reader should be shown (a bot's, an officer's or a notice), else null.
  function render(message) {
    if (message.seq <= lastSeq) { return null; }
    lastSeq = message.seq;
    if (message.sender === "resident") {
      addRow("resident", message.text);
      showOptions([]);
      return null;
    }
    if (message.sender === "system") {
      var notice = el("div", "system", message.text);
      log.appendChild(notice);
      return notice;
    }
    var row = addRow(message.sender, message.text, message.kind === "verdict" ? message.risk : null);
    showOptions(message.options);
    return row;
  }

  function renderAll(messages) {
    var newest = null;
    messages.forEach(function (m) { newest = render(m) || newest; });
    if (messages.length > 0) { revealNewest(newest); }
  }

  function fetchJson(url, options) {
    return fetch(url, options).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok) {
          var err = new Error((body.error && body.error.message) || ("请求失败（" + res.status + "）"));
          err.status = res.status;
          throw err;
        }
        return body;
      });
    });
  }

  function catchUp() {
    if (!sessionId) { return Promise.resolve(); }
    return fetchJson("/api/chat/sessions/" + encodeURIComponent(sessionId) + "/messages?after=" + lastSeq)
      .then(function (body) { renderAll(body.messages); })
      .catch(function (e) {
        if (e.status === 404) { forgetSession(); }
      });
  }

  function forgetSession() {
    localStorage.removeItem(KEY);
    sessionId = null;
    lastSeq = 0;
  }

  function connect() {
    if (!sessionId || !window.WebSocket) { return; }
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(proto + location.host + "/ws/chat?sessionId=" + encodeURIComponent(sessionId));
    socket.onopen = function () {
      retry = 0;
      setStatus("");
      stopPolling();
      catchUp();
    };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "message") { renderAll([data.message]); }
    };
    socket.onclose = function () {
      socket = null;
      setStatus("连接中断，正在重连…", true);
      startPolling();
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, Math.min(30000, 500 * Math.pow(2, retry)));
    };
  }

  function startPolling() {
    if (!pollTimer) { pollTimer = setInterval(catchUp, 5000); }
  }

  function stopPolling() {
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  }

  function send(text) {
    text = (text || "").trim();
    if (!text) { return; }
    sendButton.disabled = true;
    var typing = el("div", "typing", "正在分析…");
    log.appendChild(typing);
    log.scrollTop = log.scrollHeight;
    showOptions([]);
    var body = { text: text };
    if (sessionId) { body.sessionId = sessionId; }
    fetchJson("/api/chat/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (answer) {
      var isNew = !sessionId;
      sessionId = answer.sessionId;
      localStorage.setItem(KEY, sessionId);
      input.value = "";
      return catchUp().then(function () { if (isNew) { connect(); } });
    }).catch(function (e) {
      if (e.status === 404) { forgetSession(); }
      log.appendChild(el("div", "system", "发送失败：" + e.message));
    }).then(function () {
      typing.remove();
      sendButton.disabled = false;
      input.focus();
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    send(input.value);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send(input.value);
    }
  });

  if (sessionId) {
    catchUp().then(function () {
      if (!sessionId) { greet(); } else { connect(); }
    });
  } else {
    greet();
  }

  function setLarge(on) {
    document.documentElement.classList.toggle("large", on);
    largeButton.setAttribute("aria-pressed", on ? "true" : "false");
    largeButton.textContent = on ? "标准字" : "大字";
  }
  setLarge(localStorage.getItem(LARGE_KEY) === "1");
  largeButton.addEventListener("click", function () {
    var on = !document.documentElement.classList.contains("large");
    localStorage.setItem(LARGE_KEY, on ? "1" : "0");
    setLarge(on);
    log.scrollTop = log.scrollHeight;
  });

  function greet() {
    addRow("bot", "您好，我是反诈助手。收到可疑的短信、电话、链接或聊天记录，直接粘贴发给我，我马上帮您看看是不是诈骗。\n"
      + "如果您已经转了钱，请直接告诉我，我会立刻帮您联系民警。");
    showOptions(["我已经转账了", "学习防骗知识", "转人工"]);
  }
}());
