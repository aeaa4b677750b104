/**
 * The summary as plain text for a terminal or an e-mail: columns aligned by display width, so
 * Chinese (two columns per character) lines up with digits and Latin letters.
 */
import type { BatchSummary } from './aggregate.js';
import { localTimestamp } from './time.js';
import { words, type Locale } from './labels.js';
import { emptyText, summaryTables, type CellValue, type SummaryTable } from './tables.js';

/** Options of the text and markdown renderers. */
export interface RenderOptions {
  locale: Locale;
}

// East Asian wide and fullwidth ranges (CJK, kana, hangul, fullwidth forms) and astral CJK.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/** The number of terminal columns a string takes. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

const show = (v: CellValue): string => (v === null ? '' : String(v));

/** Lays out one table with aligned columns; very long cells are not cut (file names matter). */
export function textTable(table: SummaryTable): string[] {
  const cells = [table.columns.map((c) => c.label), ...table.rows.map((r) => r.map(show))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]): string => r.map((c, i) => pad(c, widths[i] ?? 0, table.columns[i]?.numeric === true)).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

/** Renders the summary as text (Chinese, or English with locale `en`). */
export function renderSummaryText(summary: BatchSummary, options: RenderOptions): string {
  const w = words(options.locale);
  const out: string[] = [w.title];
  const stamp = [summary.generatedAt ? `${w.generated}: ${localTimestamp(summary.generatedAt, summary.timeZone ?? undefined)}` : '', summary.tool.version ? `${w.version}: ${summary.tool.version}` : ''].filter(Boolean);
  if (stamp.length) out.push(stamp.join('  '));
  if (summary.interrupted) out.push(`! ${w.interrupted}`);
  for (const table of summaryTables(summary, options.locale, 'problems')) {
    out.push('', `== ${table.title} ==`);
    if (table.rows.length === 0) out.push(emptyText(table, options.locale));
    else out.push(...textTable(table));
  }
  return out.join('\n') + '\n';
}
