/** The summary as Markdown (GitHub-flavoured tables), e.g. for an issue, a wiki or a CI job summary. */
import type { BatchSummary } from './aggregate.js';
import { localTimestamp } from './time.js';
import { words } from './labels.js';
import { emptyText, summaryTables, type CellValue, type SummaryTable } from './tables.js';
import type { RenderOptions } from './text.js';

/**
 * Escapes text for a table cell: pipes and backslashes, emphasis and link characters (file
 * names often hold `_`), and `<` and `&` so nothing in a report's name becomes HTML.
 */
export function mdCell(v: CellValue): string {
  if (v === null) return '';
  return String(v)
    .replace(/[\\|*_[\]`]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r?\n/g, ' ');
}

function mdTable(table: SummaryTable): string[] {
  return [
    `| ${table.columns.map((c) => mdCell(c.label)).join(' | ')} |`,
    `| ${table.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
}

/** Renders the summary as Markdown. */
export function renderSummaryMarkdown(summary: BatchSummary, options: RenderOptions): string {
  const w = words(options.locale);
  const out: string[] = [`# ${w.title}`, ''];
  const stamp = [summary.generatedAt ? `${w.generated}: ${localTimestamp(summary.generatedAt, summary.timeZone ?? undefined)}` : '', summary.tool.version ? `${w.version}: ${summary.tool.version}` : ''].filter(Boolean);
  if (stamp.length) out.push(stamp.join(' · '), '');
  if (summary.interrupted) out.push(`> **${mdCell(w.interrupted)}**`, '');
  for (const table of summaryTables(summary, options.locale, 'problems')) {
    out.push(`## ${mdCell(table.title)}`, '');
    if (table.rows.length === 0) out.push(emptyText(table, options.locale));
    else out.push(...mdTable(table));
    out.push('');
  }
  return out.join('\n');
}
