// Shared helpers of the officers' console: API calls with the CSRF token, small DOM helpers, labels.
(function () {
  "use strict";
  var C = window.Console = {
    csrf: sessionStorage.getItem("af.csrf"),
    me: null,
    TYPES: {},
    RISK: { high: "高风险", medium: "中风险", low: "低风险", none: "无风险" },
    CHANNEL: { web: "网页", sms: "短信", voice: "电话", wechat: "微信" },
    STATE: { waiting_officer: "待接手", officer: "处理中", bot: "机器人", closed: "已结束" },
    SENDER: { resident: "群众", bot: "反诈助手", officer: "民警", system: "系统" },
    ROLE: { officer: "民警", supervisor: "主管", admin: "管理员" },
    CASE_STATUS: { "new": "新报案", accepted: "已受理", investigating: "侦查中", closed: "已结案" },
    DISPOSITIONS: ["劝阻成功", "已报案", "非诈骗", "联系不上", "其他"],
    onUnauthorized: function () {}
  };

  // background: an automatic refresh (not the officer at work), which must not keep an idle session alive.
  C.api = function (method, path, body, background) {
    var headers = { "Accept": "application/json" };
    if (background) { headers["X-Background-Refresh"] = "1"; }
    if (method !== "GET") { headers["X-CSRF-Token"] = C.csrf || ""; }
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return fetch("/api/officer" + path, {
      method: method, headers: headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      return res.text().then(function (text) {
        var data = text ? JSON.parse(text) : {};
        if (res.status === 401 && path !== "/login") { C.onUnauthorized(); }
        if (!res.ok) {
          var err = new Error(data.error ? data.error.message : "请求失败（" + res.status + "）");
          err.status = res.status;
          err.code = data.error ? data.error.code : "";
          throw err;
        }
        return data;
      });
    });
  };

  C.setCsrf = function (token) {
    C.csrf = token;
    sessionStorage.setItem("af.csrf", token);
  };

  C.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  };

  C.button = function (label, cls, onClick) {
    var b = C.el("button", cls, label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  };

  C.toast = function (text) {
    var t = document.getElementById("toast");
    t.textContent = text;
    t.classList.add("show");
    clearTimeout(C.toastTimer);
    C.toastTimer = setTimeout(function () { t.classList.remove("show"); }, 3500);
  };

  C.fail = function (e) { C.toast(e.message || "操作失败"); };

  C.time = function (iso) {
    var d = new Date(iso);
    function p(n) { return (n < 10 ? "0" : "") + n; }
    return (d.getMonth() + 1) + "-" + p(d.getDate()) + " " + p(d.getHours()) + ":" + p(d.getMinutes());
  };

  C.waited = function (iso) {
    var s = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 1000));
    var text = s < 60 ? s + "秒" : s < 3600 ? Math.floor(s / 60) + "分" + (s % 60) + "秒" : Math.floor(s / 3600) + "小时" + Math.floor(s % 3600 / 60) + "分";
    return { text: text, cls: s < 120 ? "ok" : s < 300 ? "warn" : "late" };
  };

  C.tag = function (text, cls) { return C.el("span", "tag" + (cls ? " " + cls : ""), text); };
})();
