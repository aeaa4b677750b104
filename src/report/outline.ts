/** The readable view of a parsed report (`xxgk-lint parse`): metadata, outline, tables. */
import { defaultReasonText } from '../format/unreadable-reason.js';
import type { Report } from '../model/report.js';
import { colLabel, rowLabel, tableLabel } from '../format/labels.js';

/** Formats a report model as readable text. */
export function formatOutline(report: Report): string {
  const m = report.meta;
  const out: string[] = [
    `标题：${m.title?.text ?? '（未找到）'}`,
    `机关：${m.agency?.name ?? '（未找到）'}    年度：${m.year ?? '（未知）'}    格式：${m.edition ?? '（未知）'}    发布：${m.publishedAt?.iso ?? '（未找到）'}`,
    '',
    '章节：',
    ...report.outline.map((s) => `${'  '.repeat(s.level)}${s.level === 1 ? `${s.number}、` : s.level === 2 ? `（${s.number}）` : `${s.number}.`}${s.title}  [第${s.at.line}行]`),
  ];
  for (const table of Object.values(report.tables)) {
    out.push('', `${tableLabel(table.id)}（${table.variant}，第${table.at.line}行起）`);
    const rows = new Map<string, string[]>();
    const cols: string[] = [];
    for (const cell of Object.values(table.cells)) {
      if (!cols.includes(cell.col)) cols.push(cell.col);
      const shown = cell.state === 'number' ? String(cell.value) : cell.state === 'blank' ? '（空）' : cell.raw;
      rows.set(cell.row, [...(rows.get(cell.row) ?? []), shown]);
    }
    out.push(`  ${''.padEnd(24)}${cols.map((c) => colLabel(table.id, c).slice(0, 6).padEnd(8)).join('')}`);
    for (const [row, values] of rows) out.push(`  ${rowLabel(table.id, row).slice(0, 22).padEnd(24)}${values.map((v) => v.padEnd(8)).join('')}`);
    for (const u of table.unreadable) out.push(`  无法读取（第${u.at.line}行）：${defaultReasonText(u)}`);
  }
  for (const p of report.problems) out.push('', `问题：${p.message}`);
  return out.join('\n');
}
