// An urgent stop-payment escalation must not be missed: until it is claimed the tab title counts it
// 「(2) 紧急止付」, a tone sounds (muted on request, remembered), a desktop notification is offered once and
// the queue row stays highlighted (console.css: .queue-item.unclaimed).
(function () {
  "use strict";
  var C = window.Console;
  var BASE_TITLE = document.title;
  var SOUND_KEY = "af.urgentSound";
  var ASKED_KEY = "af.notifyAsked";
  var REPEAT_MS = 30000;
  var alerted = {};
  var urgentCount = 0;
  var audio = null;

  var soundButton = document.getElementById("sound-toggle");
  var notifyButton = document.getElementById("notify-offer");

  function soundOn() { return localStorage.getItem(SOUND_KEY) !== "off"; }

  function showSound() {
    soundButton.textContent = soundOn() ? "提示音：开" : "提示音：关";
    soundButton.setAttribute("aria-pressed", String(soundOn()));
  }

  soundButton.addEventListener("click", function () {
    localStorage.setItem(SOUND_KEY, soundOn() ? "off" : "on");
    showSound();
    unlockAudio();
  });
  showSound();

  // Browsers start audio only after a user gesture: the first click or key press on the page unlocks it.
  function unlockAudio() {
    if (!audio && (window.AudioContext || window.webkitAudioContext)) {
      audio = new (window.AudioContext || window.webkitAudioContext)();
    }
    if (audio && audio.state === "suspended") { audio.resume().catch(function () {}); }
  }
  document.addEventListener("click", unlockAudio, { once: true });
  document.addEventListener("keydown", unlockAudio, { once: true });

  function tone() {
    C.lastUrgentTone = Date.now();
    if (!soundOn() || !audio) { return; }
    [0, 0.35].forEach(function (offset) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.2;
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(audio.currentTime + offset);
      osc.stop(audio.currentTime + offset + 0.2);
    });
  }

  // The permission prompt needs a user gesture, so it is offered as a button and asked at most once.
  function showNotifyOffer() {
    notifyButton.hidden = !("Notification" in window) || Notification.permission !== "default"
      || localStorage.getItem(ASKED_KEY) === "1";
  }
  notifyButton.addEventListener("click", function () {
    localStorage.setItem(ASKED_KEY, "1");
    Notification.requestPermission().catch(function () {}).then(showNotifyOffer);
    showNotifyOffer();
  });
  showNotifyOffer();

  function notify(q) {
    if (!("Notification" in window) || Notification.permission !== "granted") { return; }
    var n = new Notification("紧急止付：有群众刚被骗", { body: (q.summary || "").slice(0, 80), tag: "urgent-" + q.id });
    n.onclick = function () { window.focus(); C.openConversation(q.id); n.close(); };
  }

  /** Called with every fresh queue: updates the title and alerts on urgent escalations not seen before. */
  C.onQueue = function (queue) {
    var urgent = queue.filter(function (q) { return q.stopPayment && q.state === "waiting_officer"; });
    urgentCount = urgent.length;
    document.title = urgentCount ? "(" + urgentCount + ") 紧急止付 · " + BASE_TITLE : BASE_TITLE;
    var fresh = urgent.filter(function (q) { return !alerted[q.id]; });
    alerted = {};
    urgent.forEach(function (q) { alerted[q.id] = true; });
    if (fresh.length) {
      tone();
      fresh.forEach(notify);
    }
  };

  C.clearUrgent = function () {
    urgentCount = 0;
    alerted = {};
    document.title = BASE_TITLE;
  };

  // Until someone claims it, the tone comes back now and then: a busy officer may have missed the first.
  setInterval(function () { if (urgentCount) { tone(); } }, REPEAT_MS);
})();
