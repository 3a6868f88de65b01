// "Snel weg" (quick exit), after GOV.UK's "Exit this page". Without this script the link at the top
// of every page is a plain link to a neutral site. With it:
// - the link replaces this page in the history (location.replace), so Back does not return here;
// - pressing Shift three times within a few seconds does the same, from anywhere on the page;
// - the page is blanked at once, so it is gone even while the neutral site loads.
// It does not clear the browser history: the privacy page says so, and how to clear it.
(function () {
  "use strict";
  var link = document.querySelector("[data-ww-snel-weg]");
  if (!link) return;
  var PRESSES = 3;
  var WINDOW_MS = 3000;  // all presses within this time
  var presses = 0;
  var first = 0;
  var otherKeyWhileShift = false;

  function leave() {
    document.documentElement.classList.add("ww-snel-weg-bezig");
    try { document.title = ""; } catch (e) { /* no title */ }
    window.location.replace(link.href);
  }

  // Tell keyboard and screen reader users about the shortcut (it only exists with this script).
  var hint = document.createElement("span");
  hint.className = "ww-visually-hidden";
  hint.id = "ww-snel-weg-uitleg";
  hint.textContent = link.getAttribute("data-ww-snel-weg-hint") || "";
  link.parentNode.appendChild(hint);
  link.setAttribute("aria-describedby", hint.id);

  link.addEventListener("click", function (event) {
    // A click with a modifier (new tab, new window) is left to the browser.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leave();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") return;
    // Shift used for a capital letter or a shortcut is not a press for the quick exit.
    presses = 0;
    if (event.shiftKey) otherKeyWhileShift = true;
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    if (otherKeyWhileShift) {
      otherKeyWhileShift = false;
      presses = 0;
      return;
    }
    var now = Date.now();
    if (presses === 0 || now - first > WINDOW_MS) {
      presses = 0;
      first = now;
    }
    presses += 1;
    if (presses >= PRESSES) {
      presses = 0;
      leave();
    }
  }, true);

  // Coming back through the browser's page cache (after a click with a modifier, say): show the page.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) document.documentElement.classList.remove("ww-snel-weg-bezig");
  });
})();
