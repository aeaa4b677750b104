/**
 * The character set of a fetched web page: the HTTP Content-Type header first, then a
 * `<meta charset>` or `<meta http-equiv="Content-Type">` in the first bytes, then a check of the
 * bytes (UTF-8 when they are valid UTF-8, else GB18030, a superset of GBK and GB2312, which
 * Chinese government sites use). Decoded with the platform's TextDecoder.
 */

/** Labels TextDecoder knows that sites write differently, folded to one decoder. */
const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', 'utf8': 'utf-8' };

/** The charset named in a Content-Type value (`text/html; charset=GBK`), lower-cased. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

/** The charset a page declares in its first 4 KB (`<meta charset>` or http-equiv). */
export function charsetOfMeta(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return direct?.[1]?.toLowerCase();
}

function decoderFor(label: string | undefined): TextDecoder | null {
  if (label === undefined) return null;
  try {
    return new TextDecoder(ALIASES[label] ?? label);
  } catch {
    return null; // a label the platform does not know: fall back to the bytes
  }
}

/** The text of a fetched page and the encoding it was decoded from. */
export function decodePage(bytes: Uint8Array, contentType?: string): { text: string; encoding: string } {
  const declared = charsetOfContentType(contentType) ?? charsetOfMeta(bytes);
  const decoder = decoderFor(declared);
  if (decoder) return { text: decoder.decode(bytes), encoding: decoder.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
