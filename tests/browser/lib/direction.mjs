// The writing direction of a built site (check.mjs --dir rtl|ltr): <html> carries dir="rtl" (or
// "ltr") and the page is laid out that way, as measured in Chromium, not just as declared. A page
// in a right-to-left language must start at the right: the site name in the header, the first
// item of the main menu to the right of the next one on its row, the first line of the <h1>
// against the right edge of its box. An LTR site mirrors each expectation, so the same check
// fails on a site that declares one direction and renders the other.
// Runs in the page: the problems with its direction, and what could be measured.
function measure(expected) {
  const problems = [];
  const measured = [];
  const rtl = expected === 'rtl';
  const start = rtl ? 'right' : 'left';
  const html = document.documentElement;
  const attribute = html.getAttribute('dir');
  if (attribute !== expected) problems.push(`<html ${attribute === null ? 'without dir' : `dir="${attribute}"`}>, expected dir="${expected}"`);
  const computed = getComputedStyle(html).direction;
  if (computed !== expected) problems.push(`<html> is laid out ${computed}, expected ${expected}`);

  const width = html.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => `.${c}`).join('');
  const text = (el) => { const t = el.textContent.trim().replace(/\s+/g, ' '); return t.length > 40 ? `${t.slice(0, 40)}…` : t; };
  const shown = (el) => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0 && el.checkVisibility({ visibilityProperty: true }); };
  const px = (n) => `${Math.round(n)} px`;

  // The site name: the first visible link in the page's header lies nearer the start edge.
  const header = document.querySelector('header');
  const siteName = header && [...header.querySelectorAll('a[href]')].find(shown);
  if (siteName) {
    measured.push('site name');
    const b = siteName.getBoundingClientRect();
    const fromStart = rtl ? width - b.right : b.left;
    const fromEnd = rtl ? b.left : width - b.right;
    if (fromStart >= fromEnd) {
      problems.push(`the site name (${name(siteName)} "${text(siteName)}", ${px(b.left)}–${px(b.right)} of ${px(width)}) is not at the ${start} side: ${px(fromStart)} from the ${start} edge, ${px(fromEnd)} from the other`);
    }
  }

  // The main menu: the first <nav> outside <main>; its links on the first link's row run from the start edge.
  const menu = [...document.querySelectorAll('nav')].find((nav) => !nav.closest('main') && nav.querySelector('a[href]'));
  const links = menu ? [...menu.querySelectorAll('a[href]')].filter(shown) : [];
  if (links.length >= 2) {
    const first = links[0].getBoundingClientRect();
    const row = links.filter((a) => { const b = a.getBoundingClientRect(); const mid = (b.top + b.bottom) / 2; return mid > first.top && mid < first.bottom; });
    if (row.length >= 2) {
      measured.push('main menu');
      for (let i = 1; i < row.length; i++) {
        const before = row[i - 1].getBoundingClientRect();
        const after = row[i].getBoundingClientRect();
        const inOrder = rtl ? after.right <= before.left + 1 : after.left >= before.right - 1;
        if (!inOrder) {
          problems.push(`main menu (${name(menu)}): item ${i} "${text(row[i - 1])}" (${px(before.left)}–${px(before.right)}) is not to the ${start} of item ${i + 1} "${text(row[i])}" (${px(after.left)}–${px(after.right)})`);
          break;
        }
      }
    }
  }

  // The first line of the page's <h1> starts at the start edge of its content box.
  const h1 = [...document.querySelectorAll('main h1'), ...document.querySelectorAll('h1')].find(shown);
  if (h1) {
    const range = document.createRange();
    range.selectNodeContents(h1);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    if (rects.length) {
      measured.push('h1');
      const top = Math.min(...rects.map((r) => r.top));
      const line = rects.filter((r) => r.top < top + 2);
      const box = h1.getBoundingClientRect();
      const style = getComputedStyle(h1);
      const side = (s) => parseFloat(style[`padding${s}`]) + parseFloat(style[`border${s}Width`]);
      const edge = rtl ? box.right - side('Right') : box.left + side('Left');
      const lineStart = rtl ? Math.max(...line.map((r) => r.right)) : Math.min(...line.map((r) => r.left));
      if (Math.abs(lineStart - edge) > 2) {
        problems.push(`the first line of <h1> "${text(h1)}" starts at ${px(lineStart)}, not at the ${start} edge of its box (${px(edge)})`);
      }
    }
  }

  if (!measured.length) problems.push('nothing to measure: no link in a <header>, no main menu with two links on a row, no <h1>');
  return { problems, measured };
}

// Every page at every width: {name, ok, problems} each.
export async function checkDirection(browser, { origin, pages, widths, expected }) {
  const results = [];
  for (const { name, path: pagePath } of pages) {
    for (const width of widths) {
      const label = `direction ${expected}: ${name} ${width}px`;
      const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
      // Nothing leaves the machine here either (the page checks report such requests).
      await context.route((target) => target.origin !== origin && /^(https?|wss?):$/.test(target.protocol), (route) => route.abort('blockedbyclient'));
      try {
        const page = await context.newPage();
        await page.goto(new URL(pagePath, origin).href, { waitUntil: 'load', timeout: 30_000 });
        const { problems, measured } = await page.evaluate(measure, expected);
        results.push({ name: `${label} (${measured.join(', ') || 'nothing measured'})`, ok: problems.length === 0, problems });
      } catch (error) {
        results.push({ name: label, ok: false, problems: [`error: ${error.message.split('\n')[0]}`] });
      } finally {
        await context.close();
      }
    }
  }
  return results;
}
