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
    INDICATOR: { phone: "电话", url: "网址", bank_card: "银行卡", qq: "QQ号", wechat: "微信号", alipay: "支付宝", app: "App",
      amount: "金额", id_card: "身份证号", account: "账号" },
    FOLLOWUP_STATUS: { pending: "待回访", sent: "已发回访消息", done: "已完成" },
    ACTION: {
      "login": "登录", "login.failed": "登录失败", "logout": "退出登录",
      "account.create": "新建账号", "account.lock": "锁定账号", "account.password": "重置密码", "account.role": "修改角色",
      "account.disabled": "停用/启用账号",
      "case.create": "立案", "case.status": "修改案件状态", "case.view": "查看案件", "case.search": "搜索案件",
      "conversation.claim": "接手对话", "conversation.close": "结束对话", "conversation.handback": "交还机器人",
      "conversation.note": "添加备注", "conversation.reply": "回复群众", "conversation.transfer": "移交对话",
      "conversation.view": "查看对话", "corpus.import": "导入样本", "corpus.remove": "删除样本",
      "followup.done": "完成回访", "followup.send": "发送回访消息", "indicator.add": "添加涉诈线索", "kb.edit": "编辑知识库",
      "model.activated": "新模型上线", "model.refused": "新模型未上线", "model.restored": "恢复旧模型",
      "model.training_failed": "模型训练失败"
    },
    DETAIL: { seq: "消息序号", disposition: "处置结果", amountSaved: "挽损金额", followups: "回访次数", to: "目标", from: "原状态",
      conversationId: "对话", followup: "回访", day: "第几天", role: "角色", query: "搜索内容", found: "结果数" },
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

  // Case numbers carry the China date, so every time on the console is Beijing time, whatever the browser's zone.
  var BEIJING = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", month: "numeric", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hour12: false });
  C.ZONE_LABEL = "北京时间";
  C.time = function (iso) {
    var parts = {};
    BEIJING.formatToParts(new Date(iso)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.month + "-" + parts.day + " " + (parts.hour === "24" ? "00" : parts.hour) + ":" + parts.minute;
  };

  C.typeName = function (id) { return !id || id === "none" ? "未识别" : C.TYPES[id] || "其他类型"; };
  C.actionName = function (action) { return C.ACTION[action] || "其他操作"; };
  C.indicatorName = function (type) { return C.INDICATOR[type] || "其他线索"; };

  // Audit details as "label：value" pairs; unknown keys are left out rather than shown as codes.
  C.detailText = function (details) {
    if (!details) { return ""; }
    return Object.keys(details).filter(function (k) { return C.DETAIL[k]; }).map(function (k) {
      var v = details[k];
      if (k === "role") { v = C.ROLE[v] || v; }
      if (k === "from" || k === "to") { v = C.CASE_STATUS[v] || v; }
      return C.DETAIL[k] + "：" + (typeof v === "object" ? "—" : v);
    }).join("，");
  };

  C.waited = function (iso) {
    var s = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 1000));
    var text = s < 60 ? s + "秒" : s < 3600 ? Math.floor(s / 60) + "分" + (s % 60) + "秒" : Math.floor(s / 3600) + "小时" + Math.floor(s % 3600 / 60) + "分";
    return { text: text, cls: s < 120 ? "ok" : s < 300 ? "warn" : "late" };
  };

  C.tag = function (text, cls) { return C.el("span", "tag" + (cls ? " " + cls : ""), text); };
})();
