/**
 * A linear pre-pass over HTML source that bounds element nesting before the HTML parser sees it.
 *
 * Why: parse5 (under cheerio) scans its stack of open elements for every start tag, so a page
 * nested n deep costs O(n²) to parse — 100 000 nested `<div>`s took over 100 s, long before the
 * tree could be pruned to `maxHtmlDepth`. Dropping the tags past the limit here (their text is
 * kept, in order) keeps parsing linear; normal pages are returned unchanged.
 */

// Elements that never have content, and elements whose end tag is optional: an unclosed `<p>` or
// `<td>` is closed by the next one, so they do not nest by repetition and are not counted (a page
// full of unclosed `<td>`s is normal, not deep).
const NOT_COUNTED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rt', 'rp', 'rb', 'rtc',
  'html', 'head', 'body',
]);

// Comments and raw-text elements are skipped whole (a script may hold "<div>" in a string). Each
// alternative is a lazy scan to a fixed terminator or the end, so the scan is linear.
const TOKEN_RE = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp)\b[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/gi;

/**
 * Removes the start and end tags of elements nested deeper than `maxDepth` (counting elements
 * that can nest by repetition), keeping everything else. Returns the text unchanged and
 * `dropped: 0` when nothing is that deep.
 */
export function flattenDeepTags(html: string, maxDepth: number): { text: string; dropped: number } {
  let open = 0;
  let dropped = 0;
  const cuts: [number, number][] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(html); m !== null; m = TOKEN_RE.exec(html)) {
    const name = m[3]?.toLowerCase();
    if (name === undefined || NOT_COUNTED.has(name)) continue;
    const end = m.index + m[0].length;
    if (m[2] === '/') {
      if (open === 0) continue;
      open--;
      if (open >= maxDepth) cuts.push([m.index, end]);
    } else if (!m[0].endsWith('/>')) {
      if (open >= maxDepth) {
        cuts.push([m.index, end]);
        dropped++;
      }
      open++;
    }
  }
  if (dropped === 0) return { text: html, dropped: 0 };
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return { text: parts.join(''), dropped };
}
