/**
 * Text normalisation that keeps every character at its offset, so that a position found in the
 * normalised text is the same position in the original (for error locations).
 *
 * - Full-width ASCII (U+FF01–FF5E: ０-９, Ａ-Ｚ, （）, ，, ：, ％ …) becomes ASCII.
 * - Odd spaces (U+3000 ideographic space, NBSP, en/em/thin spaces, zero-width space) become a space.
 * - Kangxi radicals (U+2F00–U+2FD5), a common PDF-extraction artefact (⼀ for 一), become the
 *   ordinary ideograph.
 * - 、。“”《》 and other CJK punctuation are kept: they carry meaning in labels and sentences.
 */
export function fold(text: string): string {
  // Profiled: fold runs on every line and cell, often on text folded already. Text without
  // anything to fold is returned as it is; otherwise each code unit goes through one table into a
  // reused buffer, made a string in chunks (most prose lines fold several ，： （） each, which
  // the former slice-and-concatenate per character paid for in many small strings).
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (FOLDED[code] !== code) break;
    i++;
  }
  if (i === n) return text;
  if (foldBuffer.length < n) foldBuffer = new Uint16Array(2 * n);
  let surrogates = false;
  for (let j = i; j < n; j++) {
    const code = text.charCodeAt(j);
    if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
    foldBuffer[j] = FOLDED[code]!;
  }
  // The folded code units as a string: decoded as UTF-16 in one call (profiled: about twice as
  // fast as String.fromCharCode over chunks), except where a decoder would not give back every
  // code unit as it is: a surrogate (an unpaired one would become U+FFFD), or a big-endian machine.
  if (!surrogates && utf16Units !== null) return text.slice(0, i) + utf16Units.decode(foldBuffer.subarray(i, n));
  let out = text.slice(0, i);
  for (let from = i; from < n; from += FOLD_CHUNK) out += String.fromCharCode.apply(null, foldBuffer.subarray(from, Math.min(n, from + FOLD_CHUNK)) as unknown as number[]);
  return out;
}

/**
 * A decoder of code units in memory order, when that order is little-endian (as on every machine
 * Node and browsers run on; null otherwise). `ignoreBOM` keeps a leading U+FEFF, though fold never
 * leaves one (it becomes a space).
 */
const utf16Units: TextDecoder | null = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;

/**
 * What {@link fold} makes of each UTF-16 code unit: full-width ASCII to ASCII, odd spaces to a
 * space, a Kangxi radical to its ideograph (its NFKC form, when that is one code unit); every
 * other code unit to itself.
 */
const FOLDED = (() => {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = c;
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  for (const c of [0x3000, 0x00a0, 0x202f, 0x205f, 0xfeff]) table[c] = 0x20;
  for (let c = 0x2000; c <= 0x200b; c++) table[c] = 0x20;
  for (let c = 0x2f00; c <= 0x2fd5; c++) {
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    if (nfkc.length === 1) table[c] = nfkc.charCodeAt(0);
  }
  return table;
})();

/** The code units of the text being folded (single-threaded, not re-entrant); grown as needed. */
let foldBuffer = new Uint16Array(1024);
/** Code units per `String.fromCharCode` call (well below any engine's argument limit). */
const FOLD_CHUNK = 4096;

/**
 * True for a UTF-16 code unit that `\s` matches and `trim()` removes (ECMAScript WhiteSpace and
 * LineTerminator), for scanners that replace a regular expression or a trim on hot paths.
 */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  // Ideographs and the rest above U+3000 (most characters of a report) in one comparison more.
  if (code > 0x3000) return code === 0xfeff;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Index of the first character from `from` on that is not white space (as `\s` sees it), or the length. */
export function firstPrinted(text: string, from = 0): number {
  let i = from;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** True when the text is empty or only white space: `text.trim() === ''` without building a string. */
export function isBlankText(text: string): boolean {
  return firstPrinted(text) === text.length;
}

/** Chinese digits used in numbering and dates, with ○/〇/零 as zero. */
export const CHINESE_DIGITS = '〇一二三四五六七八九';

/**
 * A key for comparing labels: folded, without white space, punctuation, quotes or brackets.
 * `（二）部分公开（区分处理的，只计这一情形，不计其他情形）` and `(二) 部分公开 (区分处理的, 只计…)`
 * give the same key.
 */
export function labelKey(text: string): string {
  return foldedLabelKey(fold(text));
}

/** Punctuation, quotes and brackets a label key leaves out (white space is left out too). */
const KEY_PUNCTUATION = '、，,。.．:：;；!?！？“”"\'‘’「」『』《》〈〉<>()（）[]【】{}〔〕-—–_·•*#|/\\~～';
/** 1 for each UTF-16 code unit {@link labelKey} drops: white space and {@link KEY_PUNCTUATION}. */
const KEY_DROP = (() => {
  const drop = new Uint8Array(0x10000);
  for (let c = 0; c < drop.length; c++) if (isSpaceCode(c)) drop[c] = 1;
  for (let k = 0; k < KEY_PUNCTUATION.length; k++) drop[KEY_PUNCTUATION.charCodeAt(k)] = 1;
  return drop;
})();

/**
 * {@link labelKey} of text already folded. Profiled: the two global replaces this replaces cost
 * more than everything else in computing a row's key; one scan copies the kept runs instead.
 */
function foldedLabelKey(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && KEY_DROP[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  let out = text.slice(0, i);
  while (i < n) {
    while (i < n && KEY_DROP[text.charCodeAt(i)] === 1) i++;
    const from = i;
    while (i < n && KEY_DROP[text.charCodeAt(i)] === 0) i++;
    if (i > from) out += text.slice(from, i);
  }
  return out;
}

const NUMBERING_PREFIX =
  /^\s*(?:其中\s*[:：]?\s*)?(?:[(（]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[、.．)）](?!\d)|[(（]\s*\d{1,2}\s*[)）])\s*/;
/** The characters a numbering prefix or 其中 can start with (after white space). */
const NUMBERING_START = /^\s*[其(（一二三四五六七八九十\d]/;

/**
 * Removes a leading outline number (一、 （一） 1. 1、 (1)) and a leading 其中：. Repeated, so
 * `其中：1.网站公开` becomes `网站公开`.
 */
export function stripNumbering(text: string): string {
  return stripFoldedNumbering(fold(text));
}

/** {@link stripNumbering} of text already folded. */
function stripFoldedNumbering(text: string): string {
  let current = text.trim();
  // Most texts start with neither a number nor 其中: one cheap test instead of two replaces.
  for (let i = 0; i < 3 && NUMBERING_START.test(current); i++) {
    const next = current.replace(NUMBERING_PREFIX, '').replace(/^其中\s*[:：]?\s*/, '');
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * {@link labelKey} of the label without its outline number: `labelKey(stripNumbering(text))`,
 * folding once instead of twice.
 */
export function numberlessKey(text: string): string {
  return foldedLabelKey(stripFoldedNumbering(fold(text)));
}

/** True when the character is a CJK ideograph. */
export function isCjk(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Number of CJK ideographs in a string. */
export function cjkCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isCjk(ch)) n++;
  return n;
}
