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
  // Profiled: fold runs on every line and cell, often on text folded already. The former
  // char-by-char concatenation was among the top self-time entries of a parse; now text without
  // anything to fold is returned as it is, and otherwise only the changed characters are replaced.
  let i = 0;
  const n = text.length;
  while (i < n && !needsFold(text.charCodeAt(i))) i++;
  if (i === n) return text;
  let out = '';
  let from = 0;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    if (!needsFold(code)) continue;
    let folded: string;
    if (code >= 0xff01 && code <= 0xff5e) folded = String.fromCharCode(code - 0xfee0);
    else if (code >= 0x2f00 && code <= 0x2fd5) {
      const nfkc = text[i]!.normalize('NFKC');
      folded = nfkc.length === 1 ? nfkc : text[i]!;
    } else folded = ' ';
    out += text.slice(from, i) + folded;
    from = i + 1;
  }
  return out + text.slice(from);
}

/** True for a UTF-16 code unit {@link fold} changes. */
function needsFold(code: number): boolean {
  if (code < 0xa0) return false;
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0x00a0 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0xfeff || (code >= 0x2f00 && code <= 0x2fd5);
}

/** Chinese digits used in numbering and dates, with ○/〇/零 as zero. */
export const CHINESE_DIGITS = '〇一二三四五六七八九';

/**
 * A key for comparing labels: folded, without white space, punctuation, quotes or brackets.
 * `（二）部分公开（区分处理的，只计这一情形，不计其他情形）` and `(二) 部分公开 (区分处理的, 只计…)`
 * give the same key.
 */
export function labelKey(text: string): string {
  return fold(text)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[、，,。.．:：;；!?！？“”"'‘’「」『』《》〈〉<>()（）[\]【】{}〔〕\-—–_·•*#|/\\~～]/g, '');
}

const NUMBERING_PREFIX =
  /^\s*(?:其中\s*[:：]?\s*)?(?:[(（]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[、.．)）](?!\d)|[(（]\s*\d{1,2}\s*[)）])\s*/;

/**
 * Removes a leading outline number (一、 （一） 1. 1、 (1)) and a leading 其中：. Repeated, so
 * `其中：1.网站公开` becomes `网站公开`.
 */
export function stripNumbering(text: string): string {
  let current = fold(text).trim();
  for (let i = 0; i < 3; i++) {
    const next = current.replace(NUMBERING_PREFIX, '').replace(/^其中\s*[:：]?\s*/, '');
    if (next === current) break;
    current = next;
  }
  return current;
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
