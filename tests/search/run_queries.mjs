// The site search in a real browser, on the queries of queries.tsv: each query is typed into the
// search box of a freshly opened page and submitted; the rank of the page that must be found is
// printed, then recall@1 and recall@3. A query fails when its page is not where queries.tsv says
// (first, or in the top 3), when the page asked another origin for anything, logged an error,
// changed its URL or history (the query must stay in the page), or fetched 100 KB or more of the
// index for it, or when the page with its results is not valid HTML (the Nu Html Checker over the
// DOM as it stands after the search) or fails axe-core. Before the queries, the search's scripts (the loader and the scripts it names in
// data-zoek-scripts, as published) must together stay under 10,000 bytes.
//
//   node tests/search/run_queries.mjs --site DIR [--page /path/] [--queries FILE]
//        [--chromium /usr/bin/chromium]
//
// DIR is a built site with its index (search/…); the page (default "/") must have the theme's
// search form (templates/partials/search.html). Last line: "N passed, M failed"; exit 1 on any
// failure.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(path.join(repo, 'tests/browser/lib/server.mjs'));
const { CHROMIUM_ARGS, AXE_TAGS } = await import(path.join(repo, 'tests/browser/lib/browser.mjs'));
const { runVnu } = await import(path.join(repo, 'tests/browser/lib/vnu.mjs'));
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const BUDGET = 100 * 1024;
const SCRIPT_BUDGET = 10000;
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
if (!args.site) {
  console.error('usage: run_queries.mjs --site DIR [--page /path/] [--queries FILE] [--chromium PATH]');
  process.exit(2);
}

async function sitePage(site, page) {
  const html = await readFile(path.join(site, page, 'index.html'), 'utf8');
  if (!/<form[^>]*\sdata-zoek[\s>]/.test(html)) throw new Error(`no search form on ${page}`);
  return { root: site, page };
}

// The bytes of the search's scripts: the loader on the page and what it loads.
async function searchScriptBytes(site, page) {
  const html = await readFile(path.join(site, page, 'index.html'), 'utf8');
  const named = (html.match(/data-zoek-scripts="([^"]*)"/) || ['', ''])[1].split(' ').filter(Boolean);
  const loader = [...html.matchAll(/<script src="([^"]*zoek[^"]*)"/g)].map((m) => m[1]);
  let bytes = 0;
  for (const url of [...loader, ...named]) bytes += (await readFile(path.join(site, url))).length;
  return { bytes, files: loader.length + named.length };
}

async function readQueries(file) {
  const lines = (await readFile(file, 'utf8')).split('\n');
  return lines.filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [query, url, top, why = ''] = l.split('\t');
    return { query, url, top: Number(top), why };
  });
}

// Opens the page, submits the query, returns what a reader would get and what the page did; the
// DOM with the results goes to `snapshot` for the Nu Html Checker.
async function runQuery(context, origin, pagePath, query, snapshot) {
  const page = await context.newPage();
  const problems = [];
  const responses = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) problems.push(`request to another origin: ${r.url()}`);
  });
  page.on('response', (r) => responses.push([r.url(), r.body().then((b) => b.length, () => 0)]));
  const start = new URL(pagePath, origin).href;
  await page.goto(start);
  const form = await page.evaluate(() => {
    const f = document.querySelector('form[data-zoek]');
    const input = f && f.querySelector('input[type=search]');
    return f && { index: new URL(f.dataset.zoekIndex, document.baseURI).href,
      results: f.dataset.zoekResults, named: !input || input.hasAttribute('name') };
  });
  if (!form) throw new Error(`no form[data-zoek] on ${start}`);
  if (form.named) problems.push('the search box has a name: the query would reach the URL');
  // Nothing of the index before the reader uses the search box: most visitors never do.
  await page.waitForLoadState('networkidle');
  if (responses.some(([url]) => url.startsWith(form.index))) problems.push('the index was fetched before the search box was used');
  const historyBefore = await page.evaluate(() => history.length);
  await page.fill('form[data-zoek] input[type=search]', query);
  await page.press('form[data-zoek] input[type=search]', 'Enter');
  await page.waitForFunction((id) => {
    const out = document.getElementById(id);
    return out && !out.hidden && out.firstChild;
  }, form.results, { timeout: 15000 });
  await page.waitForLoadState('networkidle');
  const found = await page.evaluate((id) => {
    const out = document.getElementById(id);
    return {
      heading: out.querySelector('h2')?.textContent ?? out.textContent,
      urls: [...out.querySelectorAll('ol > li > a')].map((a) => new URL(a.href).pathname),
      marked: out.querySelectorAll('mark').length,
    };
  }, form.results);
  // The page with its results as a screen reader meets it: WCAG 2.2 AA by axe-core.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, AXE_TAGS);
  for (const v of violations) problems.push(`axe ${v}`);
  await writeFile(snapshot, `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`);
  if (page.url() !== start) problems.push(`the URL changed to ${page.url()}`);
  if (await page.evaluate(() => history.length) !== historyBefore) problems.push('the history grew');
  let bytes = 0;
  for (const [url, size] of responses) if (url.startsWith(form.index)) bytes += await size;
  if (bytes >= BUDGET) problems.push(`fetched ${bytes} bytes of the index (budget ${BUDGET})`);
  await page.close();
  return { ...found, bytes, problems };
}

const { root, page: pagePath } = await sitePage(args.site, args.page || '/');
const queries = await readQueries(args.queries || path.join(here, 'queries.tsv'));
const server = await serve(root);
const browser = await chromium.launch({
  executablePath: args.chromium || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
});
const context = await browser.newContext();
let passed = 0;
let failed = 0;
let at1 = 0;
let at3 = 0;
let maxBytes = 0;
const snapshots = await mkdtemp(path.join(tmpdir(), 'wegwijzer-search-dom-'));
const outcomes = [];
const scripts = await searchScriptBytes(root, pagePath);
const scriptsOk = scripts.files >= 2 && scripts.bytes < SCRIPT_BUDGET;
if (scriptsOk) passed++;
else failed++;
console.log(`${scriptsOk ? 'ok  ' : 'FAIL'} the search's ${scripts.files} scripts weigh ${scripts.bytes} ` +
  `bytes (budget ${SCRIPT_BUDGET})`);
try {
  for (const [n, q] of queries.entries()) {
    const r = await runQuery(context, server.origin, pagePath, q.query, path.join(snapshots, `${n}.html`));
    outcomes.push({ q, r });
  }
  // One run of the checker over every page of results, each judged with its query.
  const vnu = await runVnu(snapshots);
  const vnuOk = vnu.files.length === outcomes.length;
  if (vnuOk) passed++;
  else failed++;
  console.log(`${vnuOk ? 'ok  ' : 'FAIL'} the Nu Html Checker read ${vnu.files.length} of ${outcomes.length} pages of results`);
  for (const result of vnu.results) {
    const n = Number(result.name.match(/(\d+)\.html$/)?.[1]);
    const target = Number.isInteger(n) ? outcomes[n].r.problems : outcomes[0].r.problems;
    for (const p of result.problems) target.push(`vnu ${p}`);
  }
  for (const { q, r } of outcomes) {
    const rank = r.urls.indexOf(q.url) + 1;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 3) at3++;
    maxBytes = Math.max(maxBytes, r.bytes);
    const ok = rank >= 1 && rank <= q.top && r.problems.length === 0;
    if (ok) passed++;
    else failed++;
    const got = rank ? `rank ${rank}` : `not in the ${r.urls.length} results`;
    console.log(`${ok ? 'ok  ' : 'FAIL'} "${q.query}" -> ${q.url} (top ${q.top}): ${got}; ` +
      `${(r.bytes / 1024).toFixed(1)} KB, ${r.marked} marks; first: ${r.urls.slice(0, 3).join(' ')}`);
    for (const p of r.problems) console.log(`       ${p}`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(snapshots, { recursive: true, force: true });
}
console.log(`recall@1 ${at1}/${queries.length}, recall@3 ${at3}/${queries.length}, ` +
  `largest transfer ${(maxBytes / 1024).toFixed(1)} KB`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
