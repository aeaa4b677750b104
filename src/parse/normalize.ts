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
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0xfeff)
      out += ' ';
    else if (code >= 0x2f00 && code <= 0x2fd5) {
      const folded = text[i]!.normalize('NFKC');
      out += folded.length === 1 ? folded : text[i];
    } else out += text[i];
  }
  return out;
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
