// Page checks in headless Chromium (the Debian package, driven by playwright-core): axe-core's
// WCAG 2.0/2.1/2.2 A and AA rules, no request to another origin, no console error or CSP violation,
// no horizontal scrolling, and a full-page screenshot. Also this site's own promises: the three
// ways in on the first screen of the home page, and the "Snel weg" quick exit on every page.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { dutchWordsOnEnglishPage } from './language.mjs';

// Without the background-networking flags Chromium keeps trying to reach Google's services, which
// on a closed network only slows it down and pollutes the request log.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--no-default-browser-check',
];

// WCAG 2.2 AA: every A and AA rule of 2.0, 2.1 and 2.2 (2.2 added no A rule axe can test).
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

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
      // Text that a clipping box around it cuts off (a visually hidden hint) takes no room.
      let shown = box.right;
      for (let el = parent; el && el !== document.documentElement; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX !== 'visible' || style.clipPath !== 'none') shown = Math.min(shown, el.getBoundingClientRect().right);
      }
      if (shown <= width + 1) continue;
      // Centred text that is too wide also loses its start off the left edge, where no scrolling reaches.
      const cut = box.left < -1 && box.right > 0 ? `, left edge at ${Math.round(box.left)} px: its start is cut off` : '';
      if (culprits.some((c) => c.element.contains(parent))) continue;
      const name = parent.tagName.toLowerCase() + [...parent.classList].map((c) => `.${c}`).join('');
      const words = node.textContent.trim().replace(/\s+/g, ' ');
      culprits.push({ element: parent, text: `text "${words.length > 60 ? `${words.slice(0, 60)}…` : words}" in ${name} (right edge at ${Math.round(box.right)} px${cut})` });
    }
    // Content less than a pixel too wide: name the widest text, which is what rounds up.
    if (!culprits.length) {
      let widest = null;
      const all = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = all.nextNode(); node; node = all.nextNode()) {
        if (!node.textContent.trim() || !node.parentElement) continue;
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.width > 0 && box.right > width && (!widest || box.right > widest.right)) widest = { node, right: box.right };
      }
      if (widest) {
        const parent = widest.node.parentElement;
        const words = widest.node.textContent.trim().replace(/\s+/g, ' ');
        culprits.push({ element: parent, text: `text "${words.length > 60 ? `${words.slice(0, 60)}…` : words}" in ${parent.tagName.toLowerCase()}${[...parent.classList].map((c) => `.${c}`).join('')} (right edge at ${widest.right.toFixed(1)} px)` });
      }
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
// With siteRules, every page must also carry this site's privacy promises: the "Snel weg" link
// to the neutral site and <meta name="referrer" content="no-referrer">; and every English page
// gets a result of its own for its words (lib/language.mjs: no Dutch words of the theme).
export async function sweep(browser, { origin, paths, jobs = 2, siteRules = false }) {
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
            if (siteRules) {
              state.problems.push(...await privacyPromises(page));
              const dutch = await dutchWordsOnEnglishPage(page);
              if (dutch) results.push({ name: `English words ${pagePath}`, ok: dutch.length === 0, problems: dutch });
            }
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

// --- This site's own promises --------------------------------------------------------------------

// Where "Snel weg" leads: a well-known site that has nothing to do with care (see content/privacy.md).
export const QUICK_EXIT_URL = 'https://www.buienradar.nl/';
const QUICK_EXIT = 'a[data-ww-snel-weg]';

// The problems with one loaded page's quick exit link and referrer policy.
async function privacyPromises(page) {
  return page.evaluate(({ selector, url }) => {
    const problems = [];
    const links = document.querySelectorAll(selector);
    if (links.length !== 1) problems.push(`${links.length} "Snel weg" links (${selector}), expected 1`);
    else if (links[0].getAttribute('href') !== url) problems.push(`"Snel weg" leads to ${links[0].getAttribute('href')}, expected ${url}`);
    const referrer = [...document.querySelectorAll('meta[name="referrer"]')].map((m) => m.content);
    if (referrer.join() !== 'no-referrer') problems.push(`<meta name="referrer">: ${referrer.length ? referrer.join(', ') : 'missing'}, expected one with content="no-referrer"`);
    return problems;
  }, { selector: QUICK_EXIT, url: QUICK_EXIT_URL });
}

// A context in which navigating to the quick exit's neutral site is caught: the request never
// leaves the machine, it is answered here with a blank stand-in page, so the test can still see
// where the browser went and what the history looks like afterwards. Any other request to another
// origin is refused and reported. exits: the quick exit requests seen, with their Referer header.
async function exitContext(browser, origin, { javaScriptEnabled = true, width = 375, height = 812 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, locale: 'nl-NL', reducedMotion: 'reduce', serviceWorkers: 'block', javaScriptEnabled,
  });
  const problems = [];
  const exits = [];
  await context.route((target) => target.origin !== origin && /^(https?|wss?):$/.test(target.protocol), (route) => {
    const request = route.request();
    if (request.url() === QUICK_EXIT_URL && request.isNavigationRequest()) {
      exits.push({ referer: request.headers().referer ?? null });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html lang="nl"><head><title>Neutraal</title><link rel="icon" href="data:,"></head><body><p>Neutraal</p></body></html>' });
    }
    problems.push(`request to another origin: ${request.method()} ${request.url()} (${request.resourceType()})`);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  return { context, page, problems, exits };
}

async function waitForExit(page, timeout = 5000) {
  try {
    await page.waitForURL(QUICK_EXIT_URL, { timeout, waitUntil: 'load' });
    return true;
  } catch {
    return false;
  }
}

// The three ways in on the home page (a[data-ww-ingang]) lie below the crisis strip and entirely
// within the first screen of a 375 x 812 phone, and the crisis numbers appear once (in the strip).
// pagePath: a home page in another language ('/en/'), whose ways in lead below it ('/en/crisis/').
export async function checkHomeEntries(browser, { origin, pagePath = '/', width = 375, height = 812 }) {
  const name = `home${pagePath === '/' ? '' : ` ${pagePath}`}: three ways in on the first screen at ${width} x ${height}`;
  const { context, page, problems } = await exitContext(browser, origin, { width, height });
  try {
    const response = await page.goto(new URL(pagePath, origin).href, { waitUntil: 'load', timeout: 30_000 });
    if (!response || response.status() !== 200) problems.push(`HTTP ${response?.status()} for ${pagePath}`);
    const found = await page.evaluate(() => {
      const strip = document.querySelector('.ww-crisis');
      return {
        scrollY: window.scrollY,
        stripBottom: strip ? strip.getBoundingClientRect().bottom : null,
        tel113: document.querySelectorAll('a[href="tel:113"]').length,
        entries: [...document.querySelectorAll('a[data-ww-ingang]')].map((a) => {
          const box = a.getBoundingClientRect();
          return { path: new URL(a.href).pathname, text: a.textContent.trim().replace(/\s+/g, ' '),
            top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: box.height,
            visible: a.checkVisibility({ visibilityProperty: true, opacityProperty: true }) };
        }),
      };
    });
    const want = [['/crisis/'], ['/route/', '/stappen/'], ['/wachten-op-zorg/', '/stappen/']]
      .map((paths) => paths.map((p) => pagePath.replace(/\/$/, '') + p));
    if (found.entries.length !== 3) problems.push(`${found.entries.length} ways in (a[data-ww-ingang]), expected 3`);
    found.entries.forEach((e, i) => {
      const what = `way in ${i + 1} "${e.text}" (${e.path})`;
      if (want[i] && !want[i].includes(e.path)) problems.push(`${what} leads to ${e.path}, expected ${want[i].join(' or ')}`);
      if (!e.visible) problems.push(`${what} is not visible`);
      if (e.bottom > height + 0.5) problems.push(`${what} ends at ${Math.round(e.bottom)} px, below the first ${height} px`);
      if (e.left < 0 || e.right > width + 0.5) problems.push(`${what} sticks out sideways (${Math.round(e.left)}–${Math.round(e.right)} px)`);
      if (e.height < 44) problems.push(`${what} is only ${Math.round(e.height)} px high, not a large link`);
      if (found.stripBottom === null) problems.push('no crisis strip (.ww-crisis)');
      else if (e.top < found.stripBottom - 0.5) problems.push(`${what} starts at ${Math.round(e.top)} px, above the end of the crisis strip (${Math.round(found.stripBottom)} px)`);
    });
    if (found.scrollY !== 0) problems.push(`the page opened scrolled to ${found.scrollY} px`);
    if (found.tel113 !== 1) problems.push(`the crisis number 113 is linked ${found.tel113} times, expected once (in the crisis strip)`);
  } catch (error) {
    problems.push(`error: ${error.message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
  return { name, ok: problems.length === 0, problems };
}

// "Snel weg": without JavaScript a plain, visible, keyboard-reachable link to the neutral site that
// sends no Referer; with JavaScript a click and three presses of Shift both leave, replacing the page
// in the history so Back skips it. Shift used for a capital letter must not count.
export async function checkQuickExit(browser, { origin, pagePath = '/wachten-op-zorg/' }) {
  const results = [];
  const start = new URL('/', origin).href;
  const target = new URL(pagePath, origin).href;

  // Without JavaScript.
  {
    const name = 'quick exit without JavaScript';
    const { context, page, problems, exits } = await exitContext(browser, origin, { javaScriptEnabled: false });
    try {
      await page.goto(target, { waitUntil: 'load', timeout: 30_000 });
      const link = await page.evaluate((selector) => {
        const a = document.querySelector(selector);
        if (!a) return null;
        const box = a.getBoundingClientRect();
        return { href: a.getAttribute('href'), text: a.textContent.trim().replace(/\s+/g, ' '), top: box.top, bottom: box.bottom,
          visible: a.checkVisibility({ visibilityProperty: true, opacityProperty: true }), background: getComputedStyle(a).backgroundColor };
      }, QUICK_EXIT);
      if (!link) throw new Error(`no "Snel weg" link (${QUICK_EXIT}) on ${pagePath}`);
      if (link.href !== QUICK_EXIT_URL) problems.push(`"Snel weg" leads to ${link.href}, expected ${QUICK_EXIT_URL}`);
      if (!/^Snel weg\b/.test(link.text)) problems.push(`"Snel weg" link reads "${link.text}", expected it to start with "Snel weg"`);
      if (!link.visible || link.top < 0 || link.bottom > 200) problems.push(`"Snel weg" is not visible at the top of the page (${Math.round(link.top)}–${Math.round(link.bottom)} px)`);
      // Keyboard: reachable within a few presses of Tab, with a visible change when focused.
      let focused = null;
      for (let i = 0; i < 5 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate((selector) => {
          const a = document.activeElement;
          return a && a.matches(selector) ? { background: getComputedStyle(a).backgroundColor, outline: getComputedStyle(a).outlineStyle } : null;
        }, QUICK_EXIT);
      }
      if (!focused) problems.push('"Snel weg" is not among the first 5 stops of the Tab key');
      else if (focused.background === link.background && focused.outline === 'none') problems.push('"Snel weg" shows no visible focus');
      await page.click(QUICK_EXIT);
      if (!await waitForExit(page)) problems.push(`clicking "Snel weg" did not go to ${QUICK_EXIT_URL} (now at ${page.url()})`);
      if (exits.length !== 1) problems.push(`${exits.length} requests for ${QUICK_EXIT_URL}, expected 1`);
      else if (exits[0].referer) problems.push(`the neutral site was told where the reader came from: Referer ${exits[0].referer}`);
    } catch (error) {
      problems.push(`error: ${error.message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
    results.push({ name, ok: problems.length === 0, problems });
  }

  // With JavaScript: by click and by three presses of Shift. Both must replace the page.
  for (const how of ['click', 'shift']) {
    const name = `quick exit with JavaScript (${how === 'click' ? 'click' : '3 x Shift'}) replaces the page`;
    const { context, page, problems, exits } = await exitContext(browser, origin);
    try {
      await page.goto(start, { waitUntil: 'load', timeout: 30_000 });
      await page.goto(target, { waitUntil: 'load', timeout: 30_000 });
      const length = await page.evaluate(() => history.length);
      if (how === 'click') {
        await page.click(QUICK_EXIT);
      } else {
        // Capitals typed with Shift are not a quick exit.
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+A');
        await page.waitForTimeout(300);
        if (exits.length) problems.push('three capitals typed with Shift left the page');
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
      }
      if (!await waitForExit(page)) {
        problems.push(`${how === 'click' ? 'clicking "Snel weg"' : 'three presses of Shift'} did not go to ${QUICK_EXIT_URL} (now at ${page.url()})`);
      } else {
        const after = await page.evaluate(() => history.length);
        if (after !== length) problems.push(`history.length went from ${length} to ${after}: the page was not replaced (location.replace)`);
        if (exits.length === 1 && exits[0].referer) problems.push(`the neutral site was told where the reader came from: Referer ${exits[0].referer}`);
        await page.goBack({ waitUntil: 'load', timeout: 10_000 });
        if (page.url() !== start) problems.push(`Back went to ${page.url()}, expected ${start}: the page the reader left is still in the history`);
      }
    } catch (error) {
      problems.push(`error: ${error.message.split('\n')[0]}`);
    } finally {
      await context.close();
    }
    results.push({ name, ok: problems.length === 0, problems });
  }
  return results;
}
