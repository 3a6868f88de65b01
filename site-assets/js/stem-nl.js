// Words as generator/src/search/ makes them: folded (text_folding.cc) and stemmed as libstemmer
// 2.2.0's Snowball Dutch does (tests/search/stem_test.mjs checks both). Sets self.wwWoorden.
(() => {
 const X = { æ: 'ae', ð: 'd', ø: 'o', þ: 'th', ß: 'ss', đ: 'd', ħ: 'h', ı: 'i', ĳ: 'ij', ĸ: 'k',
  ŀ: 'l', ł: 'l', ŉ: 'n', ŋ: 'n', œ: 'oe', ŧ: 't', ſ: 's' };
 // Invisible inside a word: soft hyphen, zero-width characters, combining accents.
 const skip = (c) => c == 0xAD || (c > 0x200A && c < 0x200E) || c == 0x2060 || c == 0xFEFF ||
  (c > 0x2FF && c < 0x370);
 const isWord = (c) => (c < 0x80 ? /[0-9a-z]/i.test(String.fromCharCode(c)) : !(c < 0xC0 ||
  c == 0xD7 || c == 0xF7 || (c > 0x1FFF && c < 0x2C00) || (c > 0x2FFF && c < 0x3040) ||
  (c > 0xFDFF && c < 0xFE10) || c > 0xFFEF));
 const foldChar = (ch, c = ch.codePointAt(0), l = ch.toLowerCase()) =>
  (c < 0xC0 || c > 0x17F || c == 0xD7 || c == 0xF7 ? (skip(c) ? '' : c < 0x80 ? l : ch) :
   X[l] || l.normalize('NFD')[0]);
 const fold = (text) => Array.from(text, (ch) => foldChar(ch)).join('');
 // [folded word, start, end] per word.
 const tokens = (text) => {
  const out = [];
  let w = null;
  for (let i = 0, n; i < text.length; i = n) {
   const c = text.codePointAt(i);
   n = i + (c > 0xFFFF ? 2 : 1);
   if (skip(c)) continue;
   if (!isWord(c)) w = null;
   else {
    if (!w) out.push(w = ['', i]);
    w[0] += foldChar(text.slice(i, n));
    w[2] = n;
   }
  }
  return out;
 };
 const A = { ä: 'a', á: 'a', ë: 'e', é: 'e', ï: 'i', í: 'i', ö: 'o', ó: 'o', ü: 'u', ú: 'u' };
 const stem = (word) => {
  const s = Array.from(word, (ch) => A[ch] || ch);
  const v = (i) => 'aeiouyè'.includes(s[i] || '_');
  const nonV = (i) => i >= 0 && i < s.length && !v(i);
  const ends = (x) => s.slice(-x.length).join('') == x;
  const cut = (n) => { s.length -= n; };
  const undouble = () => ['kk', 'dd', 'tt'].some(ends) && cut(1);
  // Consonants: y first or after a vowel, i between vowels.
  if (s[0] == 'y') s[0] = 'Y';
  for (let i = 0; i + 1 < s.length; i++) {
   if (v(i) && s[i + 1] == 'i' && v(i + 2)) s[i + 1] = 'I';
   else if (v(i) && s[i + 1] == 'y') s[i + 1] = 'Y';
  }
  // R1, R2: after the 1st and 2nd vowel + consonant; R1 at 3 or later.
  const past = (from, vowel) => {
   for (let i = from; from >= 0 && i < s.length; i++) if (v(i) == vowel) return i + 1;
   return -1;
  };
  let c = past(past(0, true), false);
  const p1 = c < 0 ? s.length : Math.max(c, 3);
  c = past(past(c, true), false);
  const p2 = c < 0 ? s.length : c;
  let e = false;
  const eEnding = (at = s.length - 1) => {
   if ((e = s[at] == 'e' && p1 <= at && nonV(at - 1))) { cut(1); undouble(); }
  };
  const enEnding = (n, at = s.length - n) => {
   if (p1 <= at && nonV(at - 1) && s.slice(Math.max(at - 3, 0), at).join('') != 'gem') {
    cut(n);
    undouble();
   }
  };
  let L = s.length;
  if (ends('heden')) p1 <= L - 5 && s.splice(L - 5, 5, ...'heid');
  else if (ends('ene')) enEnding(3);
  else if (ends('en')) enEnding(2);
  else if (ends('s') || ends('se')) {
   const n = ends('se') ? 2 : 1;
   if (p1 <= L - n && nonV(L - n - 1) && s[L - n - 1] != 'j') cut(n);
  }
  eEnding();
  L = s.length;
  if (ends('heid') && p2 <= L - 4 && s[L - 5] != 'c') {
   cut(4);
   if (ends('en')) enEnding(2);
  }
  L = s.length;
  if (ends('end') || ends('ing')) {
   if (p2 <= L - 3) {
    cut(3);
    if (ends('ig') && p2 <= L - 5 && s[L - 6] != 'e') cut(2);
    else undouble();
   }
  } else if (ends('ig')) p2 <= L - 2 && s[L - 3] != 'e' && cut(2);
  else if (ends('lijk')) p2 <= L - 4 && (cut(4), eEnding());
  else if (ends('baar')) p2 <= L - 4 && cut(4);
  else if (ends('bar')) p2 <= L - 3 && e && cut(3);
  // A double vowel between consonants at the end loses one: maan -> man.
  L = s.length;
  if (nonV(L - 1) && s[L - 1] != 'I' && nonV(L - 4) && /^(aa|ee|oo|uu)$/.test(s[L - 3] + s[L - 2])) {
   s.splice(L - 2, 1);
  }
  return s.join('').replace(/Y/g, 'y').replace(/I/g, 'i');
 };
 self.wwWoorden = { fold, tokens, stem, isWord };
})();
