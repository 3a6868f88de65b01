// Page checks in headless Chromium (the Debian package, driven by playwright-core): axe-core's
// WCAG 2.0/2.1 A and AA rules, no request to another origin, no console error or CSP violation,
// no horizontal scrolling, and a full-page screenshot.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

// Without the background-networking flags Chromium keeps trying to reach Google's services, which
// on a closed network only slows it down and pollutes the request log.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--no-default-browser-check',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The narrowest width WCAG 1.4.10 (Reflow) asks content to fit without scrolling sideways.
const REFLOW_WIDTH = 320;

export async function launch(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

function describeNode(node) {
  const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', ');
  const html = node.html.replace(/\s+/g, ' ').trim();
  const summary = (node.failureSummary || '').replace(/\s*\n\s*/g, ' ').trim();
  return `      ${target}\n        ${html.length > 300 ? `${html.slice(0, 300)}…` : html}${summary ? `\n        ${summary}` : ''}`;
}

// Elements that stick out past the right edge, for a horizontal scrolling report.
async function overflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width) return null;
    const culprits = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Report the outermost element that overflows, not all its children.
      if (culprits.some((c) => c.element.contains(element))) continue;
      const name = element.tagName.toLowerCase() + (element.id ? `#${element.id}` : '') +
        [...element.classList].map((c) => `.${c}`).join('');
      culprits.push({ element, text: `${name} (right edge at ${Math.round(box.right)} px)` });
      if (culprits.length >= 5) break;
    }
    // Text can stick out of a box that itself fits (a long word or e-mail address that cannot wrap).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node && culprits.length < 5; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      const parent = node.parentElement;
      // Centred text that is too wide also loses its start off the left edge, where no scrolling reaches.
      const cut = box.left < -1 && box.right > 0 ? `, left edge at ${Math.round(box.left)} px: its start is cut off` : '';
      if (culprits.some((c) => c.element.contains(parent))) continue;
      const name = parent.tagName.toLowerCase() + [...parent.classList].map((c) => `.${c}`).join('');
      const words = node.textContent.trim().replace(/\s+/g, ' ');
      culprits.push({ element: parent, text: `text "${words.length > 60 ? `${words.slice(0, 60)}…` : words}" in ${name} (right edge at ${Math.round(box.right)} px${cut})` });
    }
    return { width, scrollWidth: root.scrollWidth, culprits: culprits.map((c) => c.text) };
  });
}

// Watches a context and its page for what no page may do: ask another origin for anything, load
// something that fails, log an error or a Content-Security-Policy violation, throw. The problems
// go to state.problems; state.url is the page being visited (its own status is judged by the caller).
// ignoreAborted: a request cut off by the next navigation (the favicon, typically) is no fault.
async function watch(context, origin, { ignoreAborted = false } = {}) {
  const state = { url: null, expectStatus: 200, problems: [] };
  const report = (problem) => state.problems.push(problem);
  // Chromium asks for /favicon.ico by itself when a page names no icon; that is not the page's
  // request (an icon the page does name is checked by the crawl).
  const favicon = new URL('/favicon.ico', origin).href;
  const answeredWithError = new Set();  // URLs already reported with their HTTP status
  context.on('request', (request) => {
    const target = new URL(request.url());
    if (['data:', 'blob:', 'about:'].includes(target.protocol)) return;
    if (target.origin !== origin) report(`request to another origin: ${request.method()} ${request.url()} (${request.resourceType()})`);
  });
  // Whatever a page asks of another origin is refused here, so nothing leaves the machine even if
  // a page's Content-Security-Policy were missing.
  await context.route((target) => target.origin !== origin && /^(https?|wss?):$/.test(target.protocol),
    (route) => route.abort('blockedbyclient'));
  context.on('requestfailed', (request) => {
    if (new URL(request.url()).origin !== origin) return;  // reported above
    if (answeredWithError.has(request.url())) return;
    if (ignoreAborted && request.failure()?.errorText === 'net::ERR_ABORTED') return;
    report(`request failed: ${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on('response', (response) => {
    if (response.url() === state.url && response.request().isNavigationRequest()) return;
    if (response.url() === favicon) return;
    if (response.status() >= 400) {
      answeredWithError.add(response.url());
      report(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    const where = message.location()?.url;
    if (where === favicon) return;
    // A failed load is reported once, with its status, by the response handler (and the 404
    // page's own status is expected).
    if (/^Failed to load resource: the server responded with a status of/.test(message.text())) return;
    if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) {
      report(`console ${message.type()}: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => report(`uncaught exception: ${error.message}`));
  return { page, state };
}

async function visit(page, state, url, expectStatus) {
  state.url = url;
  state.expectStatus = expectStatus;
  const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  if (!response) state.problems.push(`no response for ${url}`);
  else if (response.status() !== expectStatus) state.problems.push(`HTTP ${response.status()} for ${new URL(url).pathname}, expected ${expectStatus}`);
  return response;
}

function sideways(wide, width, what = '') {
  return `scrolls sideways at ${width} px${what}: content is ${wide.scrollWidth} px wide; sticking out: ${wide.culprits.join(', ') || '?'}`;
}

// One page at one width: returns {name, ok, problems, violations}.
export async function checkPage(browser, { origin, name, pagePath, width, expectStatus = 200, colorScheme = 'light',
  axeSource, screenshotDir, reflow = false }) {
  const label = `${name} ${width}px${colorScheme === 'dark' ? ' dark' : ''}`;
  let violations = 0;
  const context = await browser.newContext({
    viewport: { width, height: 900 }, colorScheme, locale: 'nl-NL', reducedMotion: 'reduce', serviceWorkers: 'block',
  });
  const { page, state } = await watch(context, origin);
  const problems = state.problems;
  try {
    if (!await visit(page, state, new URL(pagePath, origin).href, expectStatus)) return { name: label, ok: false, problems, violations };

    // axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy
    // does not govern, so the page keeps its real CSP for the console check.
    await page.evaluate(axeSource);
    const result = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }));
    }, AXE_TAGS);
    for (const v of result) {
      violations++;
      problems.push(`axe ${v.id} (${v.impact}): ${v.help} [${v.tags.filter((t) => /^wcag\d/.test(t)).join(', ')}]\n` +
        v.nodes.map(describeNode).join('\n'));
    }

    const wide = await overflow(page);
    if (wide) problems.push(sideways(wide, width));

    if (screenshotDir) {
      await mkdir(screenshotDir, { recursive: true });
      const suffix = colorScheme === 'dark' ? '-dark' : '';
      await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}${suffix}.png`), fullPage: true });
    }

    if (reflow) {
      await page.setViewportSize({ width: REFLOW_WIDTH, height: 900 });
      const narrow = await overflow(page);
      if (narrow) problems.push(sideways(narrow, REFLOW_WIDTH, ' (WCAG 1.4.10 Reflow)'));
    }
  } catch (error) {
    problems.push(`error: ${error.message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
  return { name: label, ok: problems.length === 0, problems, violations };
}

// Every page of the site, once, at 320 px: no sideways scrolling (WCAG 1.4.10), and nothing the
// watcher objects to. Pages differ in their data (a long name, an e-mail address) more than in
// their templates, which the page checks above cover. Returns one result per page.
export async function sweep(browser, { origin, paths, jobs = 2 }) {
  const results = [];
  let next = 0;
  const worker = async () => {
    const context = await browser.newContext({ viewport: { width: REFLOW_WIDTH, height: 640 }, locale: 'nl-NL', serviceWorkers: 'block' });
    const { page, state } = await watch(context, origin, { ignoreAborted: true });
    try {
      while (next < paths.length) {
        const pagePath = paths[next++];
        state.problems = [];
        try {
          if (await visit(page, state, new URL(pagePath, origin).href, 200)) {
            const wide = await overflow(page);
            if (wide) state.problems.push(sideways(wide, REFLOW_WIDTH, ' (WCAG 1.4.10 Reflow)'));
          }
        } catch (error) {
          state.problems.push(`error: ${error.message.split('\n')[0]}`);
        }
        // Reports that arrive after the next navigation started belong to that page: good enough
        // for a page with no script work after load.
        results.push({ name: `sweep ${pagePath} ${REFLOW_WIDTH}px`, ok: state.problems.length === 0, problems: state.problems });
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  return results.sort((a, b) => a.name.localeCompare(b.name));
}
