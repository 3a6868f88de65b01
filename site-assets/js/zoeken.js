// Site search (index: generator/src/search/index_writer.h; needs stem-nl.js). The query never
// leaves the page. Without JavaScript the form goes to its action, the A-Z page. Markup:
// <form data-zoek data-zoek-index="/zoeken/nl/" data-zoek-results="R" data-zoek-status="S"
// data-zoek-count="{n} resultaten voor ‘{q}’" data-zoek-one data-zoek-none data-zoek-more
// data-zoek-error><input type="search"> (no name)</form><p id="S" role="status"></p>
// <div id="R" hidden></div>; R gets h2, ol>li>a+p.ww-zoek__sectie+p.ww-zoek__fragment, button.
(() => {
 const W = self.wwWoorden;
 const el = (tag, text, cls) => Object.assign(document.createElement(tag), { textContent: text || '', className: cls || '' });
 // index_format.h's postings -> [[page, weight]].
 const decode = (text, out = [], p = -1) => {
  for (const x of text.split(',')) {
   const [, g, w = 1, r = 1] = x.match(/(\w+)\.?(\w*)\*?(\w*)/).map((d) => parseInt(d, 36) || undefined);
   for (let k = 0; k < r; k++) out.push([p + g + k, w]);
   p += g + r - 1;
  }
  return out;
 };
 // One letter added, dropped, changed, or two swapped.
 const oneEdit = (a, b, i = 0) => {
  while (a[i] && a[i] == b[i]) i++;
  const eq = (x, y) => a.slice(x) == b.slice(y);
  return a != b && (eq(i + 1, i + 1) || eq(i + 1, i) || eq(i, i + 1) || (a[i] == b[i + 1] && a[i + 1] == b[i] && eq(i + 2, i + 2)));
 };
 const setUp = (form, d = form.dataset, files = {}, run = 0) => {
  const input = form.querySelector('input[type=search]'), out = document.getElementById(d.zoekResults);
  const status = document.getElementById(d.zoekStatus) || {};
  if (!input || !out || !W) return;
  const say = (key, n, q) => (d[key] || '').replace('{n}', n).replace('{q}', q);
  const get = (f) => files[f] ||= fetch(new URL(f, new URL(d.zoekIndex, document.baseURI)))
   .then((r) => { if (!r.ok) throw Error(f); return f.endsWith('.txt') ? r.text() : r.json(); });
  let m, meta, stem;
  const load = () => meta ||= get('meta.json').then((x, url = '') => {
   stem = x.stem == 'dutch' ? W.stem : (w) => w;  // the index says how it stemmed
   x.pages = x.pages.map(([n, rest, title, sec, len]) => ({ url: (url = url.slice(0, n) + rest), title, sec: x.sec[sec], len }));
   x.syn = Object.fromEntries(Object.entries(x.syn).map(([k, a]) => [stem(k), a.flatMap((s) => W.tokens(s).map((t) => stem(t[0])))]));
   return (m = x);
  });
  const keyOf = (t) => m.keys.reduce((b, k, i) => (t.startsWith(k) && !(m.keys[b]?.length > k.length) ? i : b), -1);
  const shard = async (t) => (keyOf(t) < 0 ? {} : get(`s/${keyOf(t)}.json`));
  const has = async (t) => t in await shard(t);
  // compounds.h's split (parts indexed or synonyms); `loose`: the last part may be unknown.
  const split = async (word, loose, memo = {}) => {
   const best = async (from) => {
    if (from in memo) return memo[from];
    let found = null;
    for (let end = word.length; end >= from + m.part; end--) {
     const part = word.slice(from, end), known = part in m.syn || await has(part);
     if (end == word.length) found ||= from && (loose || known) && [part];
     else if (known) {
      for (const link of ['', 's', 'e', 'en']) {
       const rest = word.startsWith(link, end) && end + link.length < word.length && await best(end + link.length);
       if (rest && !(found?.length <= rest.length + 1)) found = [part, ...rest];
      }
     }
    }
    return (memo[from] = found);
   };
   const parts = word.length >= 2 * m.part && await best(0);
   return parts?.length > 1 && parts;
  };
  // A query word's groups of alternatives (stem -> factor).
  const groupsOf = async (w, s, alts = new Map()) => {
   const add = (t, f) => alts.get(t) >= f || alts.set(t, f);
   const parted = async (parts) => (await Promise.all(parts.map((p) => groupsOf(p, p)))).flat();
   if (await has(s)) add(s, 1);
   for (const t of m.syn[s] || []) if (await has(t)) add(t, 0.8);
   // huisarts(en), brief/brieven, huis/huizen: the stemmer keeps these apart.
   for (const t of [s.endsWith('s') ? s.slice(0, -1) : s + 's', s.replace(/[fvsz]$/, (c) => ({ f: 'v', v: 'f', s: 'z', z: 's' })[c])]) {
    if (t != s && await has(t)) add(t, 0.9);
   }
   let parts = !alts.size && await split(s);
   if (parts) return parted(parts);
   if (!alts.size && s.length > 4) for (const t in await shard(s)) if (oneEdit(s, t)) add(t, 0.6);
   if (!alts.size && w.length > 2) {  // half typed?
    for (const i of m.keys.flatMap((k, i) => (k.startsWith(w) || i == keyOf(w) ? [i] : [])).slice(0, 4)) {
     for (const t in await get(`s/${i}.json`)) if (t.startsWith(w)) add(t, 0.5);
    }
   }
   parts = !alts.size && await split(s, true);
   return parts ? parted(parts) : [alts];
  };
  // BM25 on the field weights, no bonus for short pages, more groups matched first.
  const rank = async (groups, total = new Map()) => {
   for (const g of groups) {
    const best = new Map();
    for (const [t, f] of g) {
     const list = decode((await shard(t))[t]), idf = Math.log(1 + (m.pages.length - list.length + 0.5) / (list.length + 0.5));
     for (const [p, w] of list) {
      const x = f * idf * w * 13 / (w + 12 * (0.7 + 0.3 * Math.max(m.pages[p].len / m.avg, 1))), [hi = 0, lo = 0] = best.get(p) || [];
      best.set(p, x > hi ? [x, lo + hi] : [hi, lo + x]);
     }
    }
    for (const [p, [hi, lo]] of best) {
     const r = total.get(p) || total.set(p, { p, s: 0, n: 0 }).get(p);
     r.s += hi + 0.4 * lo;
     r.n++;
    }
   }
   const score = (r) => r.s * r.n * r.n;
   return [...total.values()].sort((a, b) => score(b) - score(a) || a.p - b.p).map((r) => r.p);
  };
  // The line with most query words, around the first.
  const snippet = (text, terms, best = { n: -1 }) => {
   const hit = (w, s = stem(w)) => terms.some((t) => s == t || (t.length > 3 && s.includes(t)));
   for (const line of text.split('\n')) {
    const marks = W.tokens(line).filter((t) => hit(t[0])), n = new Set(marks.map((t) => stem(t[0]))).size;
    if (n > best.n) best = { line, marks, n };
   }
   const { line, marks } = best, first = marks[0]?.[1] || 0;
   let at = first > 60 ? Math.min(line.indexOf(' ', first - 60) + 1, first) : 0, end = Math.min(line.length, at + 220);
   if (end < line.length) end = Math.max(line.lastIndexOf(' ', end), marks[0]?.[2] || 0);
   const p = el('p', at ? '… ' : '', 'ww-zoek__fragment');
   for (const [, b, e] of marks) if (b >= at && e <= end) p.append(line.slice(at, b), el('mark', line.slice(b, (at = e))));
   p.append(line.slice(at, end) + (end < line.length ? ' …' : ''));
   return p;
  };
  const show = async (list, terms, ol, from = ol.children.length) =>
   (await Promise.all(list.slice(from, from + 10).map((p) => get(`p/${p}.txt`)))).map((text, i) => {
    const page = m.pages[list[from + i]], a = el('a', page.title);
    a.href = page.url;
    ol.append(el('li'));
    ol.lastChild.append(a, page.sec ? el('p', page.sec, 'ww-zoek__sectie') : '', snippet(text, terms));
    return a;
   });
  const search = async (q, mine = ++run, groups = [], ol = el('ol')) => {
   await load();
   for (const [w] of W.tokens(q)) if (!m.stop.includes(w) && (w[1] || /\d/.test(w))) groups.push(...await groupsOf(w, stem(w)));
   const list = groups.length ? await rank(groups) : [], terms = groups.flatMap((g) => [...g.keys()]);
   await show(list, terms, ol);
   if (mine != run) return;
   const h2 = el('h2', say(['zoekNone', 'zoekOne'][list.length] || 'zoekCount', list.length, q.trim()));
   const more = el('button', say('zoekMore'), 'ww-button ww-button--secondary ww-zoek__meer');
   h2.tabIndex = -1;
   more.type = 'button';
   more.onclick = async () => {
    (await show(list, terms, ol))[0].focus();
    if (ol.children.length >= list.length) more.remove();
   };
   out.replaceChildren(h2, list.length ? ol : '', list.length > 10 ? more : '');
   out.hidden = false;
   status.textContent = h2.textContent;
  };
  input.addEventListener('focus', () => load().catch(() => {}));
  form.addEventListener('submit', (event) => {
   event.preventDefault();
   if (input.value.trim()) {
    search(input.value).catch(() => {
     out.replaceChildren(el('p', (status.textContent = say('zoekError'))));
     out.hidden = false;
    });
   }
  });
 };
 document.querySelectorAll('form[data-zoek]').forEach((f) => setUp(f));
})();
