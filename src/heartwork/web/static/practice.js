// Practice pacing: breath and timer steps fill a bar over their duration; Continue waits for it
// (the "Skip the pause" button is always there). Breath steps also show "Breathe in / out" cues.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var pace = document.getElementById("pace");
    var cont = document.getElementById("continue");
    if (!pace || !cont) { return; }
    var seconds = parseFloat(pace.getAttribute("data-seconds") || "0");
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    if (seconds > 0) {
      pace.style.setProperty("--pace", seconds + "s");
      pace.classList.add("running");
      cont.disabled = true;
      cont.textContent = "Continue (after the pause)";
      setTimeout(function () { cont.disabled = false; cont.textContent = "Continue"; cont.focus(); }, seconds * 1000);
    }
    var breath = document.getElementById("breath");
    var cue = document.getElementById("breath-cue");
    if (breath && cue) {
      var inhale = parseFloat(breath.getAttribute("data-inhale")) || 4;
      var hold = parseFloat(breath.getAttribute("data-hold")) || 0;
      var exhale = parseFloat(breath.getAttribute("data-exhale")) || 6;
      var count = parseInt(breath.getAttribute("data-count"), 10) || 3;
      if (!reduce) { breath.style.animationDuration = (inhale + hold + exhale) + "s"; breath.classList.add("running"); }
      var n = 0;
      (function cycle() {
        if (n >= count) { cue.textContent = "Well done."; return; }
        n += 1;
        cue.textContent = "Breathe in… (" + n + " of " + count + ")";
        setTimeout(function () {
          if (hold > 0) { cue.textContent = "Hold…"; }
          setTimeout(function () {
            cue.textContent = "Breathe out…";
            setTimeout(cycle, exhale * 1000);
          }, hold * 1000);
        }, inhale * 1000);
      })();
    }
  });
})();
