/**
 * What the .docx and .doc readers share after reading a document body: their blocks (paragraph
 * lines and TAB-joined table rows) become the source lines, within the line limit, and the first
 * paragraph is the title when the file's properties give none.
 */
import type { IngestProblem, SourceLine, SourceMeta } from '../model/source.js';
import type { IngestLimits } from './limits.js';

/** One block of a Word body: a paragraph line, or a table row (cells joined by TAB). */
export interface WordBlock {
  text: string;
  paragraph?: number;
  table?: { index: number; row: number };
}

/**
 * The source lines of a Word body's blocks, at most `limits.maxLines` (a warning says how many
 * were left out); `meta.title` is set from a first paragraph that names a 报告 when it has none.
 */
export function linesOfBlocks(all: readonly WordBlock[], limits: IngestLimits, meta: SourceMeta): { lines: SourceLine[]; problems: IngestProblem[] } {
  const problems: IngestProblem[] = [];
  let blocks = all;
  if (blocks.length > limits.maxLines) {
    problems.push({ id: 'ingest/too-many-lines', severity: 'warning',
      message: `文档有 ${blocks.length} 行，只读取了前 ${limits.maxLines} 行。`,
      messageEn: `The document has ${blocks.length} lines; only the first ${limits.maxLines} were read.` });
    blocks = blocks.slice(0, limits.maxLines);
  }
  const lines: SourceLine[] = blocks.map((block, i) => {
    const origin: SourceLine['origin'] = { line: i + 1 };
    if (block.paragraph !== undefined) origin.paragraph = block.paragraph;
    if (block.table !== undefined) {
      origin.tableIndex = block.table.index;
      origin.tableRow = block.table.row;
    }
    return { text: block.text, origin };
  });
  if (meta.title === undefined) {
    const first = blocks.find((b) => b.paragraph !== undefined);
    if (first !== undefined && first.text.includes('报告') && first.text.length <= 100) meta.title = first.text;
  }
  if (lines.length === 0) problems.push({ id: 'ingest/empty', severity: 'error', message: 'Word 文件是空的：文档里没有任何文字。请确认这是填写好的报告，或重新导出后再检查。', messageEn: 'The Word file is empty: the document holds no text. Check that it is the finished report, or export it again.' });
  return { lines, problems };
}
