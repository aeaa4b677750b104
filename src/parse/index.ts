/**
 * From ingested lines to the Report model. Never throws on bad input: problems become entries of
 * `report.problems` (and then findings), and whatever can be read is read.
 */
import type { ParseProblem, Report, ReportLine, Section, Span } from '../model/report.js';
import type { SourceText } from '../model/source.js';
import { decideEdition } from './edition.js';
import { readMeta } from './meta.js';
import { narrativeNumbers, sentences } from './narrative.js';
import { firstPrinted, fold } from '../format/normalize.js';
import { buildOutline } from './outline.js';
import { isFoldedPageNumber } from '../format/page-numbers.js';
import { readRows, type Row } from './rows.js';
import { findTables } from './tables.js';
import { proseLines } from './glued-prose.js';

export { fold, labelKey } from '../format/normalize.js';
export { readCell } from '../format/numbers.js';
export { findDates } from '../format/dates.js';

function lineSpan(origin: SourceText['lines'][number]['origin']): Span {
  const at: Span = { line: origin.line };
  if (origin.page !== undefined) at.page = origin.page;
  return at;
}

/** Parses ingested report text into the Report model. */
export function parseReport(source: SourceText): Report {
  // Each line is folded here, once; the row reader and the outline reuse the folded text.
  const folded = source.lines.map((l) => fold(l.text));
  const lines: ReportLine[] = source.lines.map((l, i) => ({ text: l.text, norm: folded[i]!, at: lineSpan(l.origin) }));
  const problems: ParseProblem[] = source.problems.map((p) => ({ id: p.id, severity: p.severity, message: p.message, messageEn: p.messageEn, at: { line: 1 } }));
  const rows: Row[] = readRows(source.lines, folded);

  const quickYear = (() => {
    for (const l of lines.slice(0, 12)) {
      const m = /((?:19|20)\d{2})\s*年度?.{0,30}(?:报告|年报)/.exec(l.norm);
      if (m) return Number(m[1]);
    }
    return null;
  })();
  const found = findTables(rows, quickYear);
  // One flag per line number (asked for every line by the outline, the signature and the prose).
  let lastLine = 0;
  for (const [start, end] of found.ranges) for (let k = start; k < end; k++) lastLine = Math.max(lastLine, rows[k]!.endLine);
  const tableLines = new Uint8Array(lastLine + 1);
  for (const [start, end] of found.ranges) {
    for (let k = start; k < end; k++) {
      const row = rows[k]!;
      tableLines.fill(1, row.line, row.endLine + 1);
    }
  }
  const inTable = (line: number): boolean => tableLines[line] === 1;
  const meta = readMeta({ lines, inTable, source: source.meta });

  const labelEditions = found.labelEditions.map((m) => ({ edition: m.edition, label: m.label, at: { line: m.row.line } as Span }));
  const { edition, evidence } = decideEdition({
    year: meta.year,
    labelEditions,
    tables: found.tables,
    hasNewFormatTables: found.tables.t3 !== undefined || found.tables.t4 !== undefined,
  });

  const outline: Section[] = buildOutline(lines, inTable, edition === '2008');
  // The first heading of each line (a line saved from a web page may hold several).
  const headingAt = new Map<number, Section>();
  for (const s of outline) if (!headingAt.has(s.at.line)) headingAt.set(s.at.line, s);


  const chromeEnd = lines.findIndex((l) => l.norm.includes('正文') && /^=+\s*正文\s*=+$/.test(l.norm.trim()));
  // A line that holds tables and prose (web text saved without line breaks) gives its prose as
  // pieces of its own, each starting where it starts in the line.
  const { lines: proseSource, pieces } = proseLines(lines, inTable, Object.values(found.tables), outline);
  const headingAtColumn = new Map<string, Section>();
  if (pieces.size > 0) for (const s of outline) if (s.at.column !== undefined) headingAtColumn.set(`${s.at.line}:${s.at.column}`, s);
  const isProse = (line: ReportLine): boolean =>
    pieces.has(line) || (!inTable(line.at.line) && line.at.line > chromeEnd + 1 && !isFoldedPageNumber(line.norm) && !line.text.includes('\t') && line.norm.charCodeAt(firstPrinted(line.norm)) !== 0x7c /* | */);
  const prose = sentences(proseSource, isProse, (line) => (pieces.has(line) ? headingAtColumn.get(`${line.at.line}:${line.at.column}`) : headingAt.get(line.at.line)));
  const narrative = narrativeNumbers(prose);

  if (lines.some((l) => l.norm.trim() !== '') && Object.keys(found.tables).length === 0 && !Object.values(found.anchors).some(Boolean)) {
    // Located where the tables should begin: the heading of 二、 (or the first line).
    const where = outline.find((s) => s.level === 1 && /主动公开|收到和处理|统计/.test(s.title))?.at ?? { line: 1 };
    problems.push({
      id: 'parse/no-tables',
      severity: 'info',
      message: '报告中没有找到任何统计表格（表二、表三、表四或《政府信息公开情况统计表》），表格数据无法核对。',
      messageEn: 'No statistical table found; table data cannot be checked.',
      at: where,
    });
  }
  if (!outline.some((s) => s.level === 1) && lines.some((l) => l.norm.trim() !== '')) {
    // Said once here; the sections rule then reports nothing (not six missing parts).
    problems.push({
      id: 'parse/no-structure',
      severity: 'info',
      message: '未能识别报告的章节结构（没有找到任何一级标题，如“一、总体情况”“二、主动公开政府信息情况”），六个部分是否齐全无法核对。',
      messageEn: 'No section heading found; whether the six sections are present cannot be checked.',
      at: { line: 1 },
    });
  }
  if (lines.length > 0 && lines.every((l) => l.norm.trim() === '') && !problems.some((p) => p.id === 'ingest/empty')) {
    problems.push({ id: 'parse/empty', severity: 'error', message: '报告没有文字内容。', messageEn: 'The report has no text.', at: { line: 1 } });
  }

  return {
    // Object.assign, not `{ ...meta, edition, … }`: in Node 20 a spread followed by more
    // properties costs over a microsecond per added property (profiled: a quarter of this
    // function's own time). Same properties, in the same order.
    meta: Object.assign({}, meta, { edition, editionEvidence: evidence, labelEditions }),
    outline,
    tables: found.tables,
    narrative,
    sentences: prose,
    lines,
    problems,
    source: { kind: source.kind, ...(source.encoding ? { encoding: source.encoding } : {}), lineCount: lines.length },
  };
}
