// Provenance preview: show a figure's detail beside it on hover or keyboard focus.
(function () {
  "use strict";
  var shown = null;
  function hide() {
    if (shown) { shown.hidden = true; shown = null; }
  }
  function show(fig) {
    var detail = document.getElementById(fig.getAttribute("data-detail"));
    if (!detail) { return; }
    if (shown && shown !== detail) { hide(); }
    detail.hidden = false;
    shown = detail;
    var r = fig.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - detail.offsetWidth - 8));
    detail.style.left = left + "px";
    detail.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  var figures = document.querySelectorAll(".fig[data-fact]");
  Array.prototype.forEach.call(figures, function (fig) {
    fig.addEventListener("mouseenter", function () { show(fig); });
    fig.addEventListener("focus", function () { show(fig); });
    fig.addEventListener("mouseleave", function () { if (document.activeElement !== fig) { hide(); } });
    fig.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  // A finding in the side panel jumps to its figure and opens its detail.
  Array.prototype.forEach.call(document.querySelectorAll("[data-jump]"), function (link) {
    link.addEventListener("click", function (e) {
      var fig = document.getElementById(link.getAttribute("data-jump"));
      if (!fig) { return; }
      e.preventDefault();
      fig.scrollIntoView({ block: "center" });
      fig.focus();
    });
  });
}());
