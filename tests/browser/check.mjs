#!/usr/bin/env node
// Checks a built site as a browser and a validator see it. run.sh builds the site and calls this;
// it can also be run by hand on any built site:
//
//   node check.mjs --site public [--screenshots DIR] [--chromium /usr/bin/chromium]
//                  [--skip vnu,crawl,browser,site,sweep] [--pages name=/path/,...] [--dir rtl|ltr]
//                  [--jobs N] [--verbose]
//
// --pages replaces the site's page types (a path ending in :404 expects that status), and leaves
// out the checks of this site's own promises ("site": the home page's first screen, "Snel weg" and
// the referrer policy on every page), which only fit a site built from this repository's theme.
// --dir adds, for every page type at both widths, that <html> has that dir and that the page is
// laid out in that direction (lib/direction.mjs): a site in Arabic must render mirrored.
// The "site" checks also cover the English pages (lib/language.mjs): no Dutch word of the theme on
// a page under /en/, and a language switch on every page that has a translation, leading to a
// page in that language.
//
// Prints each failure with its details, a summary, and a last line "N passed, M failed".
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { serve } from './lib/server.mjs';
import { crawl, MISSING_PATH } from './lib/crawl.mjs';
import { runVnu } from './lib/vnu.mjs';
import { launch, checkPage, sweep, checkHomeEntries, checkQuickExit } from './lib/browser.mjs';
import { checkDirection } from './lib/direction.mjs';
import { checkLanguageSwitches } from './lib/language.mjs';
import { scanPage } from './lib/html.mjs';

const { values: options } = parseArgs({
  options: {
    site: { type: 'string' },
    screenshots: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    skip: { type: 'string', default: '' },
    jobs: { type: 'string', default: '2' },
    pages: { type: 'string' },
    dir: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
if (!options.site) {
  console.error('usage: node check.mjs --site DIR [--screenshots DIR] [--chromium PATH] [--skip vnu,crawl,browser,site,sweep] [--pages name=/path/,...] [--dir rtl|ltr]');
  process.exit(2);
}
if (options.dir && !['rtl', 'ltr'].includes(options.dir)) {
  console.error(`--dir must be rtl or ltr, not "${options.dir}"`);
  process.exit(2);
}
const skip = new Set(options.skip.split(',').filter(Boolean));
const siteRules = !options.pages && !skip.has('site');
const site = path.resolve(options.site);
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line) => console.log(`[${seconds()}] ${line}`);

// The page types of the site, each visited at both widths. Paths found by looking (a tafel, an
// answer page) are filled in from the crawl. The English ones are the same types under /en/.
const PAGE_TYPES = [
  { name: 'home', path: '/' },
  { name: 'content', path: '/wachten-op-zorg/' },
  { name: 'step', path: '/stappen/huisarts/' },
  { name: 'steps', path: '/stappen/' },
  { name: 'gemeente', path: '/gemeente/den-haag/' },
  { name: 'gemeenten', path: '/gemeente/' },
  { name: 'tafel', find: 'tafel' },
  { name: 'tafels', path: '/regiotafels/' },
  { name: 'question', path: '/route/' },
  { name: 'answer', find: 'answer' },
  { name: 'data', path: '/data/' },
  { name: 'crisis', path: '/crisis/' },
  { name: 'verplichte-zorg', path: '/verplichte-zorg/' },
  { name: 'kosten', path: '/kosten/' },
  { name: 'voorbeeldbrieven', path: '/voorbeeldbrieven/' },
  { name: '404', path: MISSING_PATH, status: 404 },
  { name: 'en-home', path: '/en/' },
  { name: 'en-content', path: '/en/wachten-op-zorg/' },
  { name: 'en-step', path: '/en/stappen/huisarts/' },
  { name: 'en-steps', path: '/en/stappen/' },
  { name: 'en-gemeente', path: '/en/gemeente/den-haag/' },
  { name: 'en-gemeenten', path: '/en/gemeente/' },
  { name: 'en-tafel', find: 'en-tafel' },
  { name: 'en-tafels', path: '/en/regiotafels/' },
  { name: 'en-question', path: '/en/route/' },
  { name: 'en-answer', find: 'en-answer' },
  { name: 'en-crisis', path: '/en/crisis/' },
];
const WIDTHS = [375, 1280];

const results = [];
const record = (list) => { for (const r of list) results.push(r); };

function linksFrom(pages, origin, pagePath) {
  const page = pages.get(new URL(pagePath, origin).href);
  if (!page) return [];
  const base = new URL(page.scan.base ?? page.finalUrl, page.finalUrl);
  const out = [];
  for (const link of page.scan.links) {
    try {
      const url = new URL(link.href, base);
      if (url.origin === origin) out.push(url.pathname);
    } catch { /* the crawl reports it */ }
  }
  return [...new Set(out)];
}

// A tafel page: the first /regiotafels/<id>/ the overview links to (prefix '/en': in English).
function findTafel(pages, origin, prefix = '') {
  return linksFrom(pages, origin, `${prefix}/regiotafels/`).find((p) => new RegExp(`^${prefix}/regiotafels/[^/]+/$`).test(p));
}

// An answer page: from /route/ keep following answer links to route pages not seen yet; the page
// where none is left has no answer buttons.
function findAnswer(pages, origin, prefix = '') {
  const start = `${prefix}/route/`;
  const isRoutePage = (p) => new RegExp(`^${prefix}/route/[^/]+/$`).test(p);
  const seen = new Set([start]);
  let current = start;
  for (let step = 0; step < 50; step++) {
    const forward = linksFrom(pages, origin, current).filter((p) => isRoutePage(p) && !seen.has(p));
    if (forward.length === 0) return current === start ? undefined : current;
    current = forward[0];
    seen.add(current);
  }
  return undefined;
}

async function hasDarkScheme(pages, origin) {
  const css = new Set();
  for (const page of pages.values()) {
    for (const asset of page.scan.assets) {
      if (/\bstylesheet\b/.test(asset.tag)) {
        try { css.add(new URL(asset.href, page.finalUrl).href); } catch { /* reported by the crawl */ }
      }
    }
  }
  for (const url of css) {
    if (new URL(url).origin !== origin) continue;
    const response = await fetch(url);
    if (response.ok && /prefers-color-scheme\s*:\s*dark/.test(await response.text())) return true;
  }
  return false;
}

async function main() {
  // The Nu Html Checker runs in Java beside the rest: it needs a core of its own for a while.
  const vnu = skip.has('vnu') ? null : runVnu(site).then(
    (r) => { log(`vnu: checked ${r.files.length} files`); return r; },
    (error) => ({ files: [], results: [{ name: 'vnu', ok: false, problems: [`could not run vnu: ${error.message}`] }] }));
  const server = await serve(site);
  log(`serving ${site} at ${server.origin}`);
  const summary = [];
  try {
    let pages = new Map();
    if (!skip.has('crawl') || !skip.has('browser')) {
      const crawled = await crawl(server.origin);
      pages = crawled.pages;
      if (!skip.has('crawl')) {
        record(crawled.results);
        const c = crawled.counts;
        const broken = c.brokenLinks + c.brokenFragments;
        log(`crawl: ${pages.size} pages, ${c.links} internal links (${c.fragments} to a #fragment), ${c.assets} assets`);
        summary.push(`crawl: ${pages.size} pages, ${broken} broken links, ${c.brokenAssets} broken assets, ${c.thirdParty} third-party assets`);
      }
    }

    if (!skip.has('browser')) {
      const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      const found = {
        tafel: findTafel(pages, server.origin), answer: findAnswer(pages, server.origin),
        'en-tafel': findTafel(pages, server.origin, '/en'), 'en-answer': findAnswer(pages, server.origin, '/en'),
      };
      const types = options.pages
        ? options.pages.split(',').map((spec) => {
          const [name, where] = spec.split('=');
          const [pagePath, status] = where.split(':');
          return { name, path: pagePath, status: status ? Number(status) : 200 };
        })
        : PAGE_TYPES.map((t) => ({ ...t, path: t.path ?? found[t.find] }));
      for (const t of types.filter((t) => !t.path)) {
        results.push({ name: `find a ${t.name} page`, ok: false,
          problems: [/tafel/.test(t.find) ? `no link to ${t.find === 'en-tafel' ? '/en' : ''}/regiotafels/<id>/ on its /regiotafels/`
            : `no answer page reachable from ${t.find === 'en-answer' ? '/en' : ''}/route/`] });
      }
      const dark = await hasDarkScheme(pages, server.origin);
      const jobs = [];
      for (const t of types.filter((t) => t.path)) {
        for (const width of WIDTHS) jobs.push({ ...t, width, colorScheme: 'light', reflow: width === WIDTHS[0] });
        // A dark colour scheme must have enough contrast too: check it at phone width.
        if (dark) jobs.push({ ...t, width: WIDTHS[0], colorScheme: 'dark' });
      }
      log(`browser: ${jobs.length} page checks${dark ? ' (light and dark colour scheme)' : ''}: ` +
        types.filter((t) => t.path).map((t) => `${t.name} ${t.path}`).join(', '));
      const browser = await launch(options.chromium);
      let violations = 0;
      const pageResults = [];  // in the order of jobs, whichever finishes first
      try {
        let next = 0;
        const runners = Array.from({ length: Math.max(1, Number(options.jobs)) }, async () => {
          while (next < jobs.length) {
            const index = next++;
            const job = jobs[index];
            const result = await checkPage(browser, {
              origin: server.origin, name: job.name, pagePath: job.path, width: job.width, expectStatus: job.status ?? 200,
              colorScheme: job.colorScheme, axeSource, screenshotDir: options.screenshots, reflow: job.reflow,
            });
            violations += result.violations;
            pageResults[index] = result;
            if (options.verbose || !result.ok) log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name} ${job.path}`);
          }
        });
        await Promise.all(runners);
        record(pageResults);
        summary.unshift(`browser: ${jobs.length} page checks, ${violations} violations`);
        if (options.dir) {
          const directed = await checkDirection(browser, { origin: server.origin, pages: types.filter((t) => t.path), widths: WIDTHS, expected: options.dir });
          record(directed);
          for (const r of directed) if (options.verbose || !r.ok) log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
          summary.push(`direction: ${directed.length} checks of dir="${options.dir}" and a layout in that direction, ${directed.filter((r) => !r.ok).length} failed`);
        }
        if (siteRules) {
          const own = [await checkHomeEntries(browser, { origin: server.origin }),
            await checkHomeEntries(browser, { origin: server.origin, pagePath: '/en/' }),
            ...await checkQuickExit(browser, { origin: server.origin })];
          record(own);
          for (const r of own) if (options.verbose || !r.ok) log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
          summary.push(`site: ${own.length} checks of the home pages' first screen and "Snel weg", ${own.filter((r) => !r.ok).length} failed`);
          const fetchLang = async (url) => {
            const response = await fetch(url);
            return /^text\/html/.test(response.headers.get('content-type') || '') ? scanPage(await response.text()).lang : null;
          };
          const switches = await checkLanguageSwitches(pages, server.origin, fetchLang);
          record(switches);
          const badSwitches = switches.filter((r) => !r.ok);
          for (const r of badSwitches) log(`FAIL ${r.name}`);
          summary.push(`languages: ${switches.length} pages with a language switch, ${badSwitches.length} with problems`);
        }
        if (!skip.has('sweep')) {
          const paths = [...pages.keys()].map((url) => new URL(url).pathname + new URL(url).search);
          log(`sweep: every page at 320 px (${paths.length} pages)`);
          const swept = await sweep(browser, { origin: server.origin, paths, jobs: Number(options.jobs), siteRules });
          record(swept);
          const bad = swept.filter((r) => !r.ok);
          for (const r of bad) log(`FAIL ${r.name}`);
          const words = swept.filter((r) => r.name.startsWith('English words '));
          summary.splice(1, 0, `sweep: ${swept.length - words.length} pages at 320 px, ${bad.length - words.filter((r) => !r.ok).length} with problems` +
            (words.length ? `; English words: ${words.length} pages, ${words.filter((r) => !r.ok).length} with Dutch theme words` : ''));
        }
      } finally {
        await browser.close();
      }
      if (options.screenshots) log(`screenshots in ${options.screenshots}`);
    }

    if (vnu) {
      const v = await vnu;
      record(v.results);
      const errors = v.results.reduce((n, r) => n + r.problems.length, 0);
      summary.push(`vnu: ${v.files.length} files, ${errors} errors`);
    }
  } finally {
    await server.close();
  }

  const failed = results.filter((r) => !r.ok);
  for (const r of failed) {
    console.log(`\nFAIL ${r.name}`);
    for (const problem of r.problems) console.log(`  ${problem}`);
  }
  if (options.verbose) for (const r of results.filter((r) => r.ok)) console.log(`ok   ${r.name}`);
  console.log('');
  console.log(`${summary.join('; ')} (${seconds()})`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error.stack ?? String(error));
  console.log('0 passed, 1 failed');
  process.exit(1);
});
