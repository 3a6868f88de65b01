// The site's languages (this repository's site is Dutch with English pages under /en/).
//
// - An English page shows none of the theme's Dutch words (DUTCH_THEME_WORDS): every word the
//   theme, its templates and its scripts show must come from templates/strings/en.yaml or an
//   .en.html template. Text inside an element with another lang than English (a Dutch name or
//   quote marked lang="nl") is left out, as are the proper names in ALLOWED. Measured in Chromium
//   after the scripts ran, so the words steps.js and finder.js add count too.
// - The language switch: an English page links to Dutch with <a hreflang="nl">, a Dutch page that
//   has a translation (<link rel="alternate" hreflang="en">) links to it with <a hreflang="en">,
//   and each such link leads to a page whose <html lang> is that language. Judged from the crawl.

// Words of the theme that an English page must have translated: short, and certain never to be
// English. Matched case-sensitively as whole words.
export const DUTCH_THEME_WORDS = [
  'Toon uitleg', 'Verberg uitleg', 'Alle stappen', 'Snel weg', 'Meer over', 'Bron:', 'Laatst gewijzigd',
  'Zoeken', 'Op deze pagina', 'Naar de inhoud', 'Waar komen de feiten vandaan',
];

// Proper names in the data that contain one of those words (none yet): each is cut out of the
// text before the words are looked for.
export const ALLOWED = [];

// Runs in the page: the text a reader meets (visible text and the aria-label and alt of elements)
// outside elements in another language, and the Dutch words found in it with a little context.
function dutchWords({ words, allowed }) {
  const own = (el) => {
    const marked = el.closest('[lang]');
    return !marked || /^en\b/i.test(marked.getAttribute('lang'));
  };
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
    if (!own(parent) || !parent.checkVisibility({ visibilityProperty: true })) continue;
    texts.push(node.textContent);
  }
  for (const el of document.body.querySelectorAll('[aria-label], img[alt]')) {
    if (!own(el)) continue;
    for (const name of ['aria-label', 'alt']) if (el.hasAttribute(name)) texts.push(el.getAttribute(name));
  }
  let text = texts.join('\n').replace(/[ \t\u00a0]+/g, ' ');
  for (const name of allowed) text = text.split(name).join(' ');
  const found = [];
  for (const word of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(^|[^\\p{L}])${escaped}(?=[^\\p{L}]|$)`, 'u').exec(text);
    if (match) {
      const at = match.index + match[1].length;
      const context = text.slice(Math.max(0, at - 30), at + word.length + 30).replace(/\s+/g, ' ').trim();
      found.push(`"${word}" (…${context}…)`);
    }
  }
  return { lang: document.documentElement.lang, found };
}

// The problems with a loaded English page's words ([] for a page in another language).
export async function dutchWordsOnEnglishPage(page) {
  const { lang, found } = await page.evaluate(dutchWords, { words: DUTCH_THEME_WORDS, allowed: ALLOWED });
  if (!/^en\b/i.test(lang)) return null;
  return found.map((f) => `Dutch theme word on an English page: ${f}`);
}

const primary = (lang) => (lang || '').toLowerCase().split('-')[0];

// From the crawled pages (url -> {finalUrl, scan: {lang, links, assets}}): one result per page
// whose language the switch concerns. fetchLang(url) gives a page's <html lang> that the crawl
// did not keep.
export async function checkLanguageSwitches(pages, origin, fetchLang) {
  const langOf = async (url) => {
    const record = pages.get(url);
    return record?.scan ? record.scan.lang : fetchLang(url);
  };
  const results = [];
  for (const [url, record] of [...pages.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const lang = primary(record.scan?.lang);
    if (!lang) continue;
    const base = new URL(record.scan.base ?? record.finalUrl, record.finalUrl);
    const resolve = (href) => { try { return new URL(href, base); } catch { return null; } };
    // Which languages this page must offer: Dutch from an English page; from a Dutch page, each
    // language it names a translation in.
    const wanted = new Map();  // language -> the translation's URL (or null: any page in it)
    if (lang === 'en') wanted.set('nl', null);
    if (lang === 'nl') {
      for (const asset of record.scan.assets) {
        const other = primary(asset.hreflang);
        if (/\balternate\b/.test(asset.tag) && other && other !== lang) wanted.set(other, resolve(asset.href)?.href ?? null);
      }
    }
    const switches = record.scan.links.filter((l) => l.hreflang && primary(l.hreflang) !== lang);
    if (!wanted.size && !switches.length) continue;
    const problems = [];
    const where = (link) => `${new URL(url).pathname}:${link.line}`;
    for (const [other, translation] of wanted) {
      const links = switches.filter((l) => primary(l.hreflang) === other);
      if (!links.length) {
        problems.push(`no language switch to ${other} (<a hreflang="${other}">)${translation ? `, though the page names its translation ${new URL(translation).pathname}` : ''}`);
        continue;
      }
      const target = resolve(links[0].href);
      if (translation && target && target.href !== translation) {
        problems.push(`${where(links[0])}: the switch to ${other} leads to ${target.pathname}, but <link rel="alternate" hreflang="${other}"> names ${new URL(translation).pathname}`);
      }
    }
    for (const link of switches) {
      const target = resolve(link.href);
      if (!target) continue;  // the crawl reports a bad URL
      if (target.origin !== origin) { problems.push(`${where(link)}: <a hreflang="${link.hreflang}" href="${link.href}"> leaves the site`); continue; }
      target.hash = '';
      const reached = primary(await langOf(target.href));
      if (reached !== primary(link.hreflang)) {
        problems.push(`${where(link)}: <a hreflang="${link.hreflang}" href="${link.href}"> leads to a page in ${reached ? `"${reached}"` : 'no language'} (<html lang>), expected "${primary(link.hreflang)}"`);
      }
    }
    results.push({ name: `language switch ${new URL(url).pathname}`, ok: problems.length === 0, problems });
  }
  return results;
}
