// A report's text as HTML, for printing it to PDF in Chromium: one <table> per run of TAB lines,
// one <p> per other line. Plain JavaScript so that bench/web.mjs (over dist/) and the TypeScript
// tests share it.

/** Text with `&` and `<` escaped for an HTML text node or attribute-free cell. */
export const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The HTML body of a report text: TAB-separated runs of lines become tables. */
export function reportBodyHtml(text) {
  const out = [];
  let table = [];
  const flush = () => {
    if (table.length > 0) out.push(`<table>${table.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`);
    table = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) table.push(line.split('\t'));
    else {
      flush();
      if (line.trim() !== '') out.push(`<p>${escapeHtml(line)}</p>`);
    }
  }
  flush();
  return out.join('');
}
