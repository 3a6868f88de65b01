// Crawls the served site over plain HTTP, breadth first from the home page, and checks every
// internal link, every #fragment and every asset a page loads.
import { scanPage } from './html.mjs';

// A path no page has, to see the 404 page and check its links from a nested URL (relative links
// on a 404 page break exactly there).
export const MISSING_PATH = '/deze-pagina-bestaat-niet/echt/niet/';

// What a browser accepts for an asset of each kind (by the extension the server maps to a type).
const EXPECTED_TYPES = [
  [/^script$/, /javascript/, 'JavaScript'],
  [/^link rel="[^"]*\bstylesheet\b/, /^text\/css/, 'CSS'],
  [/^(img|img srcset|link rel="[^"]*\bicon\b[^"]*")$/, /^image\//, 'an image'],
];

function withoutFragment(url) {
  const copy = new URL(url);
  copy.hash = '';
  return copy.href;
}

function decodeFragment(hash) {
  const raw = hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function pool(items, limit, work) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(runners);
}

// Returns {pages: Map(url -> record), results: [{name, ok, problems}]}, one result per HTML page.
// basePath ("/wegwijzer"): the site's home and its 404 test are under that path.
export async function crawl(origin, { concurrency = 8, basePath = '' } = {}) {
  const fetched = new Map();  // url without fragment -> {status, finalUrl, type, html?, scan?, error?}

  async function fetchOne(url) {
    if (fetched.has(url)) return fetched.get(url);
    const promise = (async () => {
      try {
        const response = await fetch(url, { redirect: 'follow' });
        const type = response.headers.get('content-type') || '';
        const record = { status: response.status, finalUrl: response.url, type, redirected: response.redirected };
        if (type.startsWith('text/html')) {
          record.html = await response.text();
          record.scan = scanPage(record.html);
        } else {
          await response.arrayBuffer();
        }
        return record;
      } catch (error) {
        return { status: 0, finalUrl: url, type: '', error: String(error.cause ?? error) };
      }
    })();
    fetched.set(url, promise);
    return promise;
  }

  const home = new URL(`${basePath}/`, origin).href;
  const missing = new URL(basePath + MISSING_PATH, origin).href;
  const isInternal = (url) => url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:');

  // Breadth first over HTML pages; every internal link target is fetched once, HTML or not.
  const crawled = new Map();  // page url -> record (HTML pages whose links were followed)
  let frontier = [home, missing];
  const queued = new Set(frontier);
  while (frontier.length) {
    const next = [];
    await pool(frontier, concurrency, async (url) => {
      const record = await fetchOne(url);
      if (!record.scan) return;
      if (record.status !== 200 && url !== missing) return;
      if (crawled.has(record.finalUrl)) return;  // reached again through a redirect
      crawled.set(record.finalUrl, record);
      const base = new URL(record.scan.base ?? record.finalUrl, record.finalUrl);
      for (const link of record.scan.links) {
        let target;
        try {
          target = new URL(link.href, base);
        } catch {
          continue;
        }
        if (!isInternal(target)) continue;
        const key = withoutFragment(target);
        if (!queued.has(key)) {
          queued.add(key);
          next.push(key);
        }
      }
    });
    frontier = next;
  }

  // Assets: every same-origin URL a page loads or points at with <link>, <script>, <img>...
  const assetUrls = new Set();
  for (const record of crawled.values()) {
    const base = new URL(record.scan.base ?? record.finalUrl, record.finalUrl);
    for (const asset of record.scan.assets) {
      try {
        const url = new URL(asset.href, base);
        if (isInternal(url)) assetUrls.add(withoutFragment(url));
      } catch { /* reported below */ }
    }
  }
  await pool([...assetUrls], concurrency, fetchOne);

  // Now judge each crawled page.
  const results = [];
  const counts = { links: 0, fragments: 0, assets: 0, brokenLinks: 0, brokenFragments: 0, brokenAssets: 0, thirdParty: 0 };
  for (const [url, record] of [...crawled.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const problems = [];
    const base = new URL(record.scan.base ?? record.finalUrl, record.finalUrl);
    const where = (item) => `${new URL(url).pathname}:${item.line}`;
    for (const link of record.scan.links) {
      let target;
      try {
        target = new URL(link.href, base);
      } catch {
        problems.push(`${where(link)}: <${link.tag} href="${link.href}">: not a valid URL`);
        counts.brokenLinks++;
        continue;
      }
      if (!isInternal(target)) continue;
      counts.links++;
      // A link to the page itself (as "#id" is) is judged against this very document.
      const self = withoutFragment(target) === withoutFragment(new URL(record.finalUrl));
      const targetRecord = self ? { ...record, status: 200 } : await fetchOne(withoutFragment(target));
      if (targetRecord.status !== 200) {
        counts.brokenLinks++;
        const why = targetRecord.error ?? `HTTP ${targetRecord.status}`;
        problems.push(`${where(link)}: <${link.tag} href="${link.href}">: ${why}`);
        continue;
      }
      if (target.hash.length > 1 && targetRecord.scan) {
        counts.fragments++;
        const id = decodeFragment(target.hash);
        if (!targetRecord.scan.ids.has(id) && id.toLowerCase() !== 'top') {
          counts.brokenFragments++;
          problems.push(`${where(link)}: <${link.tag} href="${link.href}">: no element with id "${id}" on ${new URL(targetRecord.finalUrl).pathname}`);
        }
      }
    }
    for (const asset of record.scan.assets) {
      if (asset.href.trim() === '') {
        counts.brokenAssets++;
        problems.push(`${where(asset)}: <${asset.tag}> with an empty URL`);
        continue;
      }
      let target;
      try {
        target = new URL(asset.href, base);
      } catch {
        problems.push(`${where(asset)}: <${asset.tag}> "${asset.href}": not a valid URL`);
        counts.brokenAssets++;
        continue;
      }
      if (!isInternal(target)) {
        if (asset.fetched && target.protocol !== 'data:') {
          counts.thirdParty++;
          problems.push(`${where(asset)}: <${asset.tag}> "${asset.href}": loads from another origin`);
        }
        continue;
      }
      counts.assets++;
      const targetRecord = await fetchOne(withoutFragment(target));
      if (targetRecord.status !== 200) {
        counts.brokenAssets++;
        problems.push(`${where(asset)}: <${asset.tag}> "${asset.href}": ${targetRecord.error ?? `HTTP ${targetRecord.status}`}`);
        continue;
      }
      const expected = EXPECTED_TYPES.find(([tag]) => tag.test(asset.tag));
      if (expected && !expected[1].test(targetRecord.type)) {
        counts.brokenAssets++;
        problems.push(`${where(asset)}: <${asset.tag}> "${asset.href}": served as ${targetRecord.type || 'nothing'}, not ${expected[2]}`);
      }
    }
    const name = url === missing ? `crawl 404 page (at ${MISSING_PATH})` : `crawl ${new URL(url).pathname}`;
    if (url === missing && record.status !== 404) problems.push(`${MISSING_PATH}: expected HTTP 404, got ${record.status}`);
    results.push({ name, ok: problems.length === 0, problems });
  }
  if (!crawled.has(missing)) {
    const record = await fetchOne(missing);
    results.push({ name: 'crawl 404 page', ok: false, problems: [`${MISSING_PATH}: HTTP ${record.status}, ${record.type || 'no content type'}: the 404 page is not HTML`] });
  }
  const pages = new Map([...crawled].filter(([url, record]) => url !== missing && record.status === 200));
  return { pages, results, counts, missing: crawled.get(missing) };
}
