// A small scanner for the generator's own HTML: enough to find links, assets and ids without a
// parser dependency. The Nu Html Checker validates the same files, so well-formed input is assumed.

const NAMED_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function parseAttributes(source) {
  const attributes = {};
  const pattern = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const name = match[1].toLowerCase();
    if (name in attributes) continue;  // the first one wins, as in a browser
    attributes[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

// Returns every start tag as {name, attributes, line}, skipping comments and the contents of
// <script>, <style>, <template> and <textarea>.
export function startTags(html) {
  const tags = [];
  let line = 1;
  let index = 0;
  const countLines = (from, to) => {
    for (let i = from; i < to; i++) if (html.charCodeAt(i) === 10) line++;
  };
  const tagPattern = /<!--|<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  for (;;) {
    tagPattern.lastIndex = index;
    const match = tagPattern.exec(html);
    if (!match) break;
    countLines(index, match.index);
    index = match.index;
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', index + 4);
      const stop = end < 0 ? html.length : end + 3;
      countLines(index, stop);
      index = stop;
      continue;
    }
    const name = match[1].toLowerCase();
    tags.push({ name, attributes: parseAttributes(match[2]), line });
    countLines(index, index + match[0].length);
    index += match[0].length;
    if (['script', 'style', 'template', 'textarea'].includes(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, index);
      const stop = end < 0 ? html.length : end;
      countLines(index, stop);
      index = stop;
    }
  }
  return tags;
}

// <link rel> values that make a browser contact the URL while loading the page.
const BROWSER_FETCHES = new Set(['stylesheet', 'icon', 'apple-touch-icon', 'mask-icon', 'manifest', 'preload',
  'modulepreload', 'prefetch', 'prerender', 'preconnect', 'dns-prefetch']);

// What the crawl needs from one page (and lang: <html lang>, for the language switch check).
export function scanPage(html) {
  let lang = null;
  const ids = new Set();
  const links = [];   // <a href> and <area href>
  const assets = [];  // <link href>, <script src>, <img src>, <source src>, ...
  let base = null;
  for (const tag of startTags(html)) {
    const { name, attributes, line } = tag;
    if (name === 'html' && lang === null) lang = attributes.lang ?? '';
    if ('id' in attributes) ids.add(attributes.id);
    if (name === 'a' && 'name' in attributes) ids.add(attributes.name);
    if (name === 'base' && attributes.href !== undefined && base === null) base = attributes.href;
    if ((name === 'a' || name === 'area') && attributes.href !== undefined) {
      links.push({ href: attributes.href, line, tag: name, hreflang: attributes.hreflang ?? null });
    } else if (name === 'link' && attributes.href !== undefined) {
      const rel = (attributes.rel || '').toLowerCase().split(/\s+/);
      // rel=canonical or alternate points somewhere without the browser fetching it; the rest load.
      const fetched = rel.some((r) => BROWSER_FETCHES.has(r));
      assets.push({ href: attributes.href, line, tag: `link rel="${attributes.rel || ''}"`, fetched, hreflang: attributes.hreflang ?? null });
    } else if (['script', 'img', 'source', 'iframe', 'audio', 'video', 'track', 'embed'].includes(name) && attributes.src !== undefined) {
      assets.push({ href: attributes.src, line, tag: name, fetched: true });
    }
    if (name === 'img' && attributes.srcset) {
      for (const part of attributes.srcset.split(',')) {
        const href = part.trim().split(/\s+/)[0];
        if (href) assets.push({ href, line, tag: 'img srcset', fetched: true });
      }
    }
  }
  return { ids, links, assets, base, lang };
}
