// Keyboard shortcuts for the busy desk (listed under 「?」): next/previous conversation, claim, focus reply, search.
(function () {
  "use strict";
  var C = window.Console;
  var help = document.getElementById("shortcuts");

  document.getElementById("shortcuts-open").addEventListener("click", function () { help.showModal(); });

  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
  }

  function move(step) {
    var items = Array.prototype.slice.call(document.querySelectorAll("#queue .queue-item"));
    if (!items.length) { return; }
    var at = items.findIndex(function (i) { return i.getAttribute("data-id") === C.openId; });
    var next = items[Math.min(items.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
    C.openConversation(next.getAttribute("data-id"));
    next.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (ev) {
    if (!C.me || document.getElementById("view-queue").hidden && ev.key !== "?") { return; }
    if (ev.key === "Escape" && typing(ev.target)) { ev.target.blur(); return; }
    if (typing(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey || help.open) { return; }
    var key = ev.key.toLowerCase();
    if (key === "j" || key === "arrowdown") { move(1); } else if (key === "k" || key === "arrowup") { move(-1); } else if (key === "c") {
      if (C.openId) { C.claim(C.openId); }
    } else if (key === "r") {
      var reply = document.getElementById("reply-text");
      if (reply) { reply.focus(); }
    } else if (key === "/") {
      document.getElementById("filter-text").focus();
    } else if (ev.key === "?") {
      help.showModal();
    } else {
      return;
    }
    ev.preventDefault();
  });
})();
