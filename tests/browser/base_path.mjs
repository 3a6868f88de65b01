// The real site published under a path, as on a project's GitHub Pages (issue 17): built with
// --base-url http://127.0.0.1:PORT/wegwijzer/ and served by a server that answers only under
// /wegwijzer/. Checks: the crawl finds no broken link or asset and its 404 page works; canonical
// links and the sitemap name the path; in Chromium, a search and the gemeente finder (their
// scripts, indexes and shards) lead to pages under the path; and nothing at all, by the crawl or
// the browser, was asked for outside it.
//
//   node tests/browser/base_path.mjs --generator PATH --source DIR [--chromium PATH]
// Last line: "N passed, M failed"; exit 1 on any failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from './lib/server.mjs';
import { crawl } from './lib/crawl.mjs';
import { launch } from './lib/browser.mjs';

const BASE = '/wegwijzer';
const { values: options } = parseArgs({
  options: { generator: { type: 'string' }, source: { type: 'string' }, chromium: { type: 'string', default: '/usr/bin/chromium' } },
});
if (!options.generator || !options.source) {
  console.error('usage: node base_path.mjs --generator PATH --source DIR [--chromium PATH]');
  process.exit(2);
}

let passed = 0;
let failed = 0;
const check = (ok, what, problems = []) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  for (const p of problems.slice(0, 20)) console.log(`       ${p}`);
};

// A search typed into the home page's box: the result links, each checked to answer 200.
async function searchResults(page, origin) {
  await page.goto(`${origin}${BASE}/`);
  await page.fill('form[data-zoek] input[type=search]', 'huisarts');
  await page.press('form[data-zoek] input[type=search]', 'Enter');
  const results = await page.$eval('form[data-zoek]', (f) => `#${f.dataset.zoekResults} ol a`);
  await page.waitForSelector(results, { timeout: 15000 });
  return page.$$eval(results, (as) => as.map((a) => a.getAttribute('href')));
}

// The gemeente finder: a postcode leads to its gemeente's page.
async function finderLanding(page, origin) {
  await page.goto(`${origin}${BASE}/gemeente/`);
  await page.fill('[data-ww-finder] input', '1011');
  await Promise.all([page.waitForURL(/\/gemeente\/[^/]+\/$/, { timeout: 15000 }),
    page.press('[data-ww-finder] input', 'Enter')]);
  return new URL(page.url()).pathname;
}

const work = mkdtempSync(path.join(tmpdir(), 'wegwijzer-base-path-'));
const site = path.join(work, 'site');
const server = await serve(site, { basePath: BASE });
const browser = await launch(options.chromium);
try {
  execFileSync(options.generator, ['build', '--source', options.source, '--output', site,
    '--base-url', `${server.origin}${BASE}/`, '--quiet'], { stdio: 'inherit' });

  const crawled = await crawl(server.origin, { basePath: BASE });
  const broken = crawled.results.filter((r) => !r.ok);
  check(crawled.pages.size > 500 && broken.length === 0,
    `crawl under ${BASE}/: ${crawled.pages.size} pages, ${broken.length} with a broken link or asset`,
    broken.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`)));

  const home = crawled.pages.get(`${server.origin}${BASE}/`);
  const canonical = home?.html.match(/<link rel="canonical" href="([^"]*)"/)?.[1];
  check(canonical === `${server.origin}${BASE}/`, `the home page's canonical link is ${canonical}`);
  const locs = [...readFileSync(path.join(site, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  const stray = locs.filter((l) => !l.startsWith(`${server.origin}${BASE}/`));
  check(locs.length > 500 && stray.length === 0, `sitemap: ${locs.length} URLs, ${stray.length} outside ${BASE}/`, stray);

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const results = await searchResults(page, server.origin);
  const outsideResults = results.filter((href) => !href.startsWith(`${BASE}/`));
  const firstStatus = results.length ? (await fetch(new URL(results[0], server.origin))).status : 0;
  check(results.length > 0 && outsideResults.length === 0 && firstStatus === 200,
    `search "huisarts": ${results.length} results, first ${results[0]} (HTTP ${firstStatus})`, outsideResults);
  const landed = await finderLanding(page, server.origin);
  check(landed === `${BASE}/gemeente/amsterdam/`, `finder 1011 leads to ${landed}`);
  check(errors.length === 0, `no script error (${errors.length})`, errors);
  await context.close();

  check(server.outside.length === 0, `requests outside ${BASE}/: ${server.outside.length}`,
    [...new Set(server.outside)]);
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
