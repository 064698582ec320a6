// Shared start of the supervisors' knowledge-base pages: only a signed-in supervisor or admin stays, others go back to the console.
(function () {
  "use strict";
  var C = window.Console;
  C.onUnauthorized = function () { location.href = "./"; };
  C.FIGURES = [["scamF1", "诈骗识别 F1"], ["typeAccuracy", "类型准确率"], ["falseAlarmRate", "误报率"], ["intentAccuracy", "意图准确率"]];

  C.kbStart = function (init) {
    C.api("GET", "/session").then(function (me) {
      if (!me.loggedIn || me.role === "officer") { location.href = "./"; return; }
      C.me = me;
      C.setCsrf(me.csrfToken);
      document.getElementById("whoami").textContent = me.username + "（" + C.ROLE[me.role] + "）";
      return C.api("GET", "/kb/types").then(function (types) {
        types.forEach(function (t) { C.TYPES[t.type] = t.name; });
        init(types);
      });
    }).catch(function (e) {
      if (e.status !== 401) { C.fail(e); }
    });
  };

  C.labelSelect = function (selected) {
    var s = C.el("select", "label-select");
    var none = C.el("option", null, "非诈骗（正常消息）");
    none.value = "none";
    s.appendChild(none);
    Object.keys(C.TYPES).forEach(function (id) {
      var o = C.el("option", null, C.TYPES[id]);
      o.value = id;
      s.appendChild(o);
    });
    if (selected) { s.value = selected; }
    return s;
  };

  C.figureText = function (f) {
    if (!f) { return "—"; }
    return C.FIGURES.map(function (p) {
      var v = f[p[0]];
      return p[1] + " " + (p[0] === "falseAlarmRate" ? (v * 100).toFixed(1) + "%" : v.toFixed(3));
    }).join("，");
  };
})();
