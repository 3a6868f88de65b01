// Progressive enhancement for the step-by-step route (.ww-steps[data-ww-steps]): each step's
// details fold away behind its title, with one button for all steps. Without this script every
// step is simply open. Before printing everything opens, so the route prints in full.
// Every word it shows comes from the list's data attributes (the theme's strings in the page's
// language): data-ww-steps-show, -hide, -show-all and -hide-all. A list without them stays open.
(function () {
  "use strict";
  var lists = document.querySelectorAll("[data-ww-steps]");
  var toggles = [];
  var target = null;
  try { target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { /* bad hash */ }

  function set(t, open) {
    t.button.setAttribute("aria-expanded", String(open));
    t.label.textContent = open ? t.words.hide : t.words.show;
    t.body.hidden = !open;
  }

  Array.prototype.forEach.call(lists, function (list) {
    var words = {
      show: list.getAttribute("data-ww-steps-show"),
      hide: list.getAttribute("data-ww-steps-hide"),
      showAll: list.getAttribute("data-ww-steps-show-all"),
      hideAll: list.getAttribute("data-ww-steps-hide-all")
    };
    if (!words.show || !words.hide) return;
    var own = [];
    var all = null;
    Array.prototype.forEach.call(list.querySelectorAll(".ww-steps__step"), function (step) {
      var title = step.querySelector(".ww-steps__title");
      var body = step.querySelector(".ww-steps__body");
      if (!title || !body || !body.id) return;
      var button = document.createElement("button");
      var label = document.createElement("span");
      button.type = "button";
      button.className = "ww-steps__toggle";
      button.setAttribute("aria-controls", body.id);
      label.className = "ww-steps__toggle-label";
      while (title.firstChild) button.appendChild(title.firstChild);
      button.appendChild(document.createTextNode(" "));
      button.appendChild(label);
      title.appendChild(button);
      var t = { button: button, label: label, body: body, words: words };
      set(t, !!target && body.contains(target));
      button.addEventListener("click", function () {
        set(t, body.hidden);
        sync();
      });
      own.push(t);
      toggles.push(t);
    });
    function sync() {
      if (!all) return;
      var open = own.every(function (t) { return !t.body.hidden; });
      all.textContent = open ? words.hideAll : words.showAll;
      all.setAttribute("aria-expanded", String(open));
    }
    if (own.length < 2 || !words.showAll || !words.hideAll) return;
    all = document.createElement("button");
    all.type = "button";
    all.className = "ww-button ww-button--secondary ww-steps__all";
    all.addEventListener("click", function () {
      var open = all.getAttribute("aria-expanded") !== "true";
      own.forEach(function (t) { set(t, open); });
      sync();
    });
    list.parentNode.insertBefore(all, list);
    sync();
  });

  window.addEventListener("beforeprint", function () {
    toggles.forEach(function (t) { t.body.hidden = false; });
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
