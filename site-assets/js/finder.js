// Gemeente finder, progressive enhancement: without this script the form simply opens the A–Z
// list. With it, a postcode or a name leads straight to the gemeente page. Nothing leaves the
// browser except requests for this site's own small index files.
(function () {
  "use strict";
  var form = document.querySelector("[data-ww-finder]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input");
  var result = form.querySelector("[data-ww-finder-result]");
  var names = null;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function show(message, links) {
    result.textContent = message;
    if (!links || !links.length) return;
    var list = document.createElement("ul");
    links.forEach(function (link) {
      var item = document.createElement("li");
      var a = document.createElement("a");
      a.href = link[1];
      a.textContent = link[0];
      item.appendChild(a);
      list.appendChild(item);
    });
    result.appendChild(list);
  }

  function byPostcode(pc4) {
    return fetch("/data/postcode/" + pc4.charAt(0) + ".json")
      .then(function (r) { return r.json(); })
      .then(function (shard) {
        var hits = shard[pc4];
        if (!hits) {
          show("Deze postcode kennen we niet. Kies je gemeente in de lijst.");
        } else if (hits.length === 1) {
          window.location.href = hits[0][1];
        } else {
          show("Deze postcode ligt in meer dan één gemeente. Kies je gemeente:", hits);
        }
      });
  }

  function byName(query) {
    var load = names ? Promise.resolve(names) : fetch("/data/gemeente-namen.json")
      .then(function (r) { return r.json(); })
      .then(function (list) { names = list; return list; });
    return load.then(function (list) {
      var wanted = fold(query);
      var exact = [], partial = [];
      list.forEach(function (entry) {
        var terms = entry[0].map(fold);
        if (terms.indexOf(wanted) >= 0) exact.push([entry[0][0], entry[1]]);
        else if (terms.some(function (t) { return t.indexOf(wanted) === 0; })) partial.push([entry[0][0], entry[1]]);
      });
      // A name two gemeenten share (Bergen) is a choice, never a guess.
      if (exact.length === 1) window.location.href = exact[0][1];
      else if (exact.length) show("Er zijn meer gemeenten met deze naam. Kies je gemeente:", exact);
      else if (partial.length) show("Bedoel je een van deze gemeenten?", partial.slice(0, 10));
      else show("Die gemeente kennen we niet. Kies je gemeente in de lijst.");
    });
  }

  form.addEventListener("submit", function (event) {
    var query = input.value.trim();
    if (!query) return;
    event.preventDefault();
    var digits = query.replace(/\s+/g, "");
    var lookup = /^[1-9][0-9]{3}([a-zA-Z]{2})?$/.test(digits) ? byPostcode(digits.slice(0, 4)) : byName(query);
    lookup.catch(function () { form.submit(); });
  });
})();
