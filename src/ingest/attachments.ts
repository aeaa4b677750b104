/**
 * A report together with its attachments: the 统计表 an agency publishes as a separate workbook
 * (or document) beside the report. The attachment's lines follow the report's, under a line
 * naming the attachment, so the parser reads its tables as the report's own.
 *
 * "Beside" is defined in one place ({@link isAttachmentOf}): the fetch layer passes the
 * attachments of one web page, the CLI the files of one folder that match a report's name.
 */
import type { SourceText } from '../model/source.js';
import { ingest } from './index.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';

/** A file given with a report: its bytes and its name (the extension names its format). */
export interface Attachment {
  bytes: Uint8Array;
  name: string;
}

const stemOf = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
const folderOf = (path: string): string => path.replace(/[\\/][^\\/]*$/, '') || '.';

/** Words that mark a file as a report's statistics table or attachment (附件1-统计表.xlsx …). */
const ATTACHMENT_WORDS = /统计表|附表|附件|统计|数据表|表格/;

/**
 * True when `candidate` is an attachment of the report at `report`: an .xlsx in the same folder
 * whose name is the report's name (`2015年报.doc` + `2015年报.xlsx`), or the report's name
 * followed by a separator and a word such as 统计表/附表/附件 (`2015年报-统计表.xlsx`,
 * `2015年报（附表）.xlsx`).
 */
export function isAttachmentOf(candidate: string, report: string): boolean {
  if (!/\.xlsx$/i.test(candidate) || folderOf(candidate) !== folderOf(report)) return false;
  const stem = stemOf(candidate);
  const reportStem = stemOf(report);
  if (stem === reportStem) return true;
  if (!stem.startsWith(reportStem)) return false;
  const rest = stem.slice(reportStem.length);
  return /^[\s\-_.—（(【[]/.test(rest) && ATTACHMENT_WORDS.test(rest);
}

/**
 * Reads a report and its attachments as one text: the report's lines, then for each attachment
 * a line `附件：<name>` and its lines (an .xlsx as its worksheets' rows; other formats as `ingest`
 * reads them). Line numbers run on; an attachment's problems are the report's, naming the file.
 * Never throws.
 */
export async function ingestWithAttachments(bytes: Uint8Array, name: string, attachments: readonly Attachment[], limits: IngestLimits = DEFAULT_LIMITS): Promise<SourceText> {
  const main = await ingest(bytes, name, limits);
  if (attachments.length === 0 || main.lines.length === 0) return main;
  const lines = [...main.lines];
  const problems = [...main.problems];
  // An attachment's tables are numbered after the report's, so a location names one table.
  let tables = Math.max(0, ...main.lines.map((l) => l.origin.tableIndex ?? 0));
  for (const attachment of attachments) {
    const part = /\.xlsx$/i.test(attachment.name)
      ? await (await import('./xlsx.js')).ingestXlsx(attachment.bytes, limits)
      : await ingest(attachment.bytes, attachment.name, limits);
    const label = attachment.name.replace(/^.*[\\/]/, '');
    for (const p of part.problems) {
      problems.push({ ...p, severity: p.severity === 'error' ? 'warning' : p.severity, message: `附件 ${label}：${p.message}`, messageEn: `Attachment ${label}: ${p.messageEn}` });
    }
    if (part.lines.length === 0) continue;
    lines.push({ text: `附件：${label}`, origin: { line: lines.length + 1 } });
    const offset = tables;
    for (const line of part.lines) {
      if (lines.length >= limits.maxLines) break;
      const origin = { ...line.origin, line: lines.length + 1 };
      if (origin.tableIndex !== undefined) origin.tableIndex += offset;
      tables = Math.max(tables, origin.tableIndex ?? 0);
      lines.push({ text: line.text, origin });
    }
  }
  return { ...main, lines, problems };
}
