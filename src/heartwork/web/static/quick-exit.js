// Quick exit: leave for a neutral site at once, replacing this page in the history (location.replace),
// so Back does not return here. Also: press Esc twice quickly. Without JavaScript the link still works.
(function () {
  "use strict";
  function leave(event) {
    if (event) { event.preventDefault(); }
    var url = document.body.getAttribute("data-quick-exit") || "https://www.bbc.co.uk/weather";
    try { document.title = "Weather"; document.body.style.visibility = "hidden"; } catch (e) { /* ignore */ }
    window.location.replace(url);
  }
  var lastEsc = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEsc < 800) { leave(event); }
    lastEsc = now;
  });
  document.addEventListener("DOMContentLoaded", function () {
    var link = document.getElementById("quick-exit");
    if (link) { link.addEventListener("click", leave); }
  });
})();
