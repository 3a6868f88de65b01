#!/usr/bin/env node
// Proves that check.mjs can fail: it writes a small clean site and the same site with one defect of
// each kind the checks look for, runs check.mjs on both, and expects the clean one to pass and
// every defect to be reported.
//
//   node selftest.mjs [--chromium /usr/bin/chromium]
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({ options: { chromium: { type: 'string', default: '/usr/bin/chromium' } } });
const here = path.dirname(fileURLToPath(import.meta.url));

const CSS = `body { margin: 1rem; font-family: sans-serif; color: #1a1a1a; background: #fff; }
a { color: #154273; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 0; }
.faint { color: #bbb; }
.breed { width: 640px; }
`;

function page(title, body, head = '') {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>${title}</title>
<link rel="stylesheet" href="/site.css">
<script src="/site.js" defer></script>
${head}</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<main id="inhoud">
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}

// Each defect: where it goes, what it adds, and the text check.mjs must print for it.
const DEFECTS = [
  { what: 'invalid HTML (vnu)', body: '<div><li>los</li></div>', expect: /FAIL vnu index\.html[\s\S]*Element “li” not allowed/ },
  { what: 'image without alt (axe)', body: '<img src="/punt.svg" width="10" height="10">', expect: /axe image-alt \(critical\)/ },
  { what: 'too little contrast (axe)', body: '<p class="faint">Lichtgrijze tekst.</p>', expect: /axe color-contrast \(serious\)/ },
  { what: 'request to another origin', body: '<img alt="logo" src="https://derde-partij.invalid/logo.png">', expect: /request to another origin: GET https:\/\/derde-partij\.invalid\/logo\.png/ },
  { what: 'third-party asset in the crawl', body: '', expect: /"https:\/\/derde-partij\.invalid\/logo\.png": loads from another origin/ },
  { what: 'broken link', body: '<p><a href="/bestaat-niet/">Weg</a></p>', expect: /<a href="\/bestaat-niet\/">: HTTP 404/ },
  { what: 'broken #fragment', body: '<p><a href="/tweede/#nergens">Weg</a></p>', expect: /no element with id "nergens" on \/tweede\// },
  { what: 'missing stylesheet', head: '<link rel="stylesheet" href="/weg.css">', expect: /<link rel="stylesheet"> "\/weg\.css": HTTP 404/ },
  { what: 'missing stylesheet in the browser', body: '', expect: /HTTP 404 for http:\/\/127\.0\.0\.1:\d+\/weg\.css/ },
  { what: 'inline script against the CSP', body: '<script>document.title = "x";</script>', expect: /console error: Executing inline script violates/ },
  { what: 'script error', head: '<script src="/kapot.js" defer></script>', expect: /uncaught exception: kapot/ },
  { what: 'sideways scrolling', body: '<p class="breed">Een brede alinea.</p>', expect: /scrolls sideways at 375 px/ },
  { what: 'reflow at 320 px', body: '', expect: /scrolls sideways at 320 px \(WCAG 1\.4\.10 Reflow\)/ },
  { what: 'the sweep of every page', body: '', expect: /FAIL sweep \/ 320px\n(?: {2}.*\n)* {2}scrolls sideways at 320 px/ },
];

async function writeSite(root, defects) {
  const files = {
    'index.html': page('Start', `<p>Welkom. Lees de <a href="/tweede/#uitleg">uitleg</a>.</p>\n` +
      defects.map((d) => d.body ?? '').join('\n'), defects.map((d) => d.head ?? '').join('\n')),
    'tweede/index.html': page('Tweede pagina', '<h2 id="uitleg">Uitleg</h2>\n<p><a href="/">Terug naar de start</a>.</p>'),
    '404.html': page('Pagina niet gevonden', '<p><a href="/">Naar de start</a>.</p>'),
    'site.css': CSS,
    'site.js': 'document.documentElement.classList.add("js");\n',
    'kapot.js': 'throw new Error("kapot");\n',
    'punt.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

function runCheck(site) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'check.mjs'), '--site', site, '--chromium', options.chromium,
      '--pages', 'home=/,tweede=/tweede/,404=/nergens/:404'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const work = await mkdtemp(path.join(os.tmpdir(), 'wegwijzer-selftest-'));
let passed = 0;
let failed = 0;
const verdict = (ok, name, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n${detail}` : ''}`);
};
try {
  await writeSite(path.join(work, 'clean'), []);
  await writeSite(path.join(work, 'defects'), DEFECTS);
  const [clean, defects] = await Promise.all([runCheck(path.join(work, 'clean')), runCheck(path.join(work, 'defects'))]);
  const indent = (text) => text.trim().split('\n').map((l) => `    ${l}`).join('\n');
  verdict(clean.code === 0 && /^\d+ passed, 0 failed$/m.test(clean.output), 'a clean site passes', indent(clean.output));
  verdict(defects.code === 1 && /^\d+ passed, [1-9]\d* failed$/m.test(defects.output), 'a site with defects fails', indent(defects.output));
  for (const defect of DEFECTS) verdict(defect.expect.test(defects.output), `reports: ${defect.what}`, indent(defects.output));
} finally {
  await rm(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
