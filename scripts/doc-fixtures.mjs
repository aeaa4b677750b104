// Dev-time only (never at run time or in CI): makes the legacy Word fixtures in fixtures/doc/
// from real reports in fixtures/corpus, with LibreOffice Writer (`apt-get install
// libreoffice-writer-nogui`). A text report's TAB-separated rows become Word tables (one table
// per run of TAB lines, one cell per TAB field), its other lines paragraphs; a .docx is converted
// as it is. Usage: node scripts/doc-fixtures.mjs   (rewrites fixtures/doc/*.doc)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const OUT = 'fixtures/doc';
const SOURCES = [
  'fixtures/corpus/original/013-pingtan-2024.docx',
  'fixtures/corpus/text/015-pingtan-county-2011.txt',
  'fixtures/corpus/text/018-pingtan-zone-2012.txt',
  'fixtures/corpus/text/023-shuyang-county-fgj-2023.txt',
];

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The text report as an HTML document: TAB rows as table rows, other lines as paragraphs. */
function textToHtml(text) {
  const out = ['<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    const isRow = line.includes('\t');
    if (isRow && !inTable) out.push('<table border="1">');
    if (!isRow && inTable) out.push('</table>');
    inTable = isRow;
    if (isRow) out.push(`<tr>${line.split('\t').map((c) => `<td>${escape(c.trim())}</td>`).join('')}</tr>`);
    else if (line.trim() !== '') out.push(`<p>${escape(line)}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'doc-fixtures-'));
try {
  for (const source of SOURCES) {
    const stem = basename(source).replace(/\.[^.]+$/, '');
    let input = join(work, basename(source));
    if (source.endsWith('.txt')) {
      input = join(work, `${stem}.html`);
      writeFileSync(input, textToHtml(readFileSync(source, 'utf8')));
    } else copyFileSync(source, input);
    const filter = source.endsWith('.txt') ? ['--infilter=HTML (StarWriter)'] : [];
    execFileSync('soffice', ['--headless', ...filter, '--convert-to', 'doc:MS Word 97', '--outdir', work, input], { stdio: 'ignore' });
    renameSync(join(work, `${stem}.doc`), join(OUT, `${stem}.doc`));
    console.log(`${OUT}/${stem}.doc  ← ${source}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
