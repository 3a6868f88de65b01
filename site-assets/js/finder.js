// Gemeente finder, progressive enhancement: without this script the form simply opens the A–Z
// list. With it, a postcode or a name leads straight to the gemeente page. Nothing leaves the
// browser except requests for this site's own small index files.
// Everything it needs comes from the form's data attributes, so the script holds no words and
// no addresses of its own:
//   data-ww-finder-names      URL of the name index, [[[term, ...], url], ...]
//   data-ww-finder-postcodes  URL of a postcode shard, "{shard}" standing for the first digit
//   data-ww-finder-from, -to  (optional) index URLs starting with "from" lead to "to" + the rest:
//                             the indexes name the original pages, a translated page its own
//   data-ww-finder-postcode-unknown, -postcode-many, -name-many, -name-partial, -name-unknown
//                             the messages, in the page's language
// Without them the form keeps its plain behaviour.
(function () {
  "use strict";
  var form = document.querySelector("[data-ww-finder]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input");
  var result = form.querySelector("[data-ww-finder-result]");
  var names = null;

  function attr(name) { return form.getAttribute("data-ww-finder-" + name) || ""; }
  var namesUrl = attr("names");
  var postcodesUrl = attr("postcodes");
  var from = attr("from");
  var to = attr("to");
  var words = {};
  ["postcode-unknown", "postcode-many", "name-many", "name-partial", "name-unknown"].forEach(function (key) {
    words[key] = attr(key);
  });
  if (!input || !result || !namesUrl || postcodesUrl.indexOf("{shard}") < 0) return;
  for (var key in words) if (!words[key]) return;

  function here(url) {
    return from && to && url.indexOf(from) === 0 ? to + url.slice(from.length) : url;
  }

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
      a.href = here(link[1]);
      a.textContent = link[0];
      item.appendChild(a);
      list.appendChild(item);
    });
    result.appendChild(list);
  }

  function go(url) {
    window.location.href = here(url);
  }

  function byPostcode(pc4) {
    return fetch(postcodesUrl.replace("{shard}", pc4.charAt(0)))
      .then(function (r) { return r.json(); })
      .then(function (shard) {
        var hits = shard[pc4];
        if (!hits) {
          show(words["postcode-unknown"]);
        } else if (hits.length === 1) {
          go(hits[0][1]);
        } else {
          show(words["postcode-many"], hits);
        }
      });
  }

  function byName(query) {
    var load = names ? Promise.resolve(names) : fetch(namesUrl)
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
      if (exact.length === 1) go(exact[0][1]);
      else if (exact.length) show(words["name-many"], exact);
      else if (partial.length) show(words["name-partial"], partial.slice(0, 10));
      else show(words["name-unknown"]);
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
