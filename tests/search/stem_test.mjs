// Proves that the browser makes the same search words as the generator:
// - stem-nl.js's Dutch stemmer, as the built site publishes it (compacted) when given one,
//   against libstemmer 2.2.0 (through libstemmer_stems.py) on every word of /usr/share/dict/dutch (Debian's wdutch) and of a built
//   site, as written and folded; any difference fails;
// - its folding against tests/search/fold_table.tsv, the table the C++ unit test checks
//   text_folding.cc against.
//
//   node tests/search/stem_test.mjs [BUILT_SITE_DIR]
// Last line: "N passed, M failed"; exit status 1 on any failure.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, '../..');
const site = process.argv[2];
// The published script is the one readers run: test that, not only its source.
const published = site && readdirSync(path.join(site, 'assets/js')).find((f) => /^stem-nl\.\w+\.js$/.test(f));
const script = published ? path.join(site, 'assets/js', published) : path.join(repo, 'site-assets/js/stem-nl.js');
console.log(`stemmer: ${path.relative(repo, script) || script}`);
const context = { self: {} };
vm.runInNewContext(readFileSync(script, 'utf8'), context);
const { fold, tokens, stem, isWord } = context.self.wwWoorden;

let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

// Every word of the built site's HTML files (tags removed; entities do not matter here).
function siteWords(dir) {
  const found = new Set();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.html') || name.endsWith('.txt')) {
        const text = readFileSync(file, 'utf8').replace(/<[^>]*>/g, ' ').toLowerCase();
        for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w) found.add(w);
      }
    }
  };
  walk(dir);
  return found;
}

const words = new Set();
const dict = '/usr/share/dict/dutch';
if (existsSync(dict)) {
  for (const line of readFileSync(dict, 'utf8').split('\n')) {
    if (!line) continue;
    const lower = line.toLowerCase();
    if (!/[\t\r]/.test(lower)) words.add(lower);
    for (const [w] of tokens(line)) words.add(w);
  }
}
check(words.size > 300000, `the Dutch word list ${dict} has ${words.size} words (install wdutch)`);
if (site) {
  const before = words.size;
  for (const w of siteWords(site)) {
    words.add(w);
    words.add(fold(w));
  }
  check(words.size > before, `the built site ${site} adds ${words.size - before} words`);
}

const list = [...words].filter((w) => w && !w.includes('\n'));
const output = execFileSync('python3', [path.join(here, 'libstemmer_stems.py'), 'dutch'], {
  input: list.join('\n') + '\n', maxBuffer: 1 << 30,
}).toString('utf8');
let differences = 0;
let compared = 0;
for (const line of output.split('\n')) {
  if (!line) continue;
  const [word, expected] = line.split('\t');
  compared++;
  const got = stem(word);
  if (got !== expected) {
    if (differences < 20) console.log(`  ${word}: libstemmer ${expected}, stem-nl.js ${got}`);
    differences++;
  }
}
check(compared === list.length && differences === 0,
  `stem-nl.js stems ${compared} words as libstemmer does (${differences} differ)`);

// The folding table shared with generator/src/search/text_folding_test.cc.
let table = '';
for (let c = 0x20; c < 0x250; c++) {
  if (c >= 0x7F && c < 0xA0) continue;
  const ch = String.fromCodePoint(c);
  const folded = isWord(c) ? fold(ch) : '-';
  if (folded !== ch) table += `${ch}\t${folded || '(none)'}\n`;
}
const tablePath = path.join(here, 'fold_table.tsv');
const expectedTable = existsSync(tablePath) ? readFileSync(tablePath, 'utf8') : '';
check(table === expectedTable, 'stem-nl.js folds U+0020..U+024F as tests/search/fold_table.tsv says');
if (table !== expectedTable) {
  const a = table.split('\n');
  const b = expectedTable.split('\n');
  for (let i = 0, shown = 0; i < Math.max(a.length, b.length) && shown < 10; i++) {
    if (a[i] !== b[i]) {
      console.log(`  line ${i + 1}: js ${JSON.stringify(a[i])}, table ${JSON.stringify(b[i])}`);
      shown++;
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
