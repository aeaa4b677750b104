/**
 * `table-note` and `row-note`: what the parser noted about a table as a whole (a 2019-style single
 * （六）其他处理 row, columns some relations cannot be checked on), or about one of its rows (glued
 * digits split or not, a 表二 item the report does not print). The notes are a closed list
 * (TABLE_NOTES and ROW_NOTES in table-note.options.ts), so a misspelt note is a load error, not a rule that
 * never fires.
 */
import { rowLabel, tableLabel } from '../../format/labels.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

const tablesOf = (check: { table?: string | undefined }): { id: string; path: string[] }[] => (check.table ? [{ id: check.table, path: ['table'] }] : []);

/** The `table-note` check kind: one finding per table the parser made the note on. */
export const tableNoteKind: CheckKind<'table-note'> = {
  kind: 'table-note',
  scope: 'report',
  cells: NO_REFS.cells,
  tables: tablesOf,
  expressions: NO_REFS.expressions,
  messages: () => ({ default: ['table'] }),
  describe: (check) => `解析${check.table ? ` \`${check.table}\` ` : '表格'}时记下了情况 \`${check.note}\`：每张这样的表一条。`,
  evaluate(ctx, check): Outcome[] {
    const out: Outcome[] = [];
    for (const table of Object.values(ctx.report.tables)) {
      if (check.table && table.id !== check.table) continue;
      if (table.notes.includes(check.note)) out.push({ status: 'fail', key: `${table.id}.${check.note}`, location: locate(table.at, { table: table.id, tableLabel: tableLabel(table.id) }), vars: { table: tableLabel(table.id) } });
    }
    return out;
  },
};

/** The `row-note` check kind: one finding per row the parser made the note on. */
export const rowNoteKind: CheckKind<'row-note'> = {
  kind: 'row-note',
  scope: 'report',
  cells: NO_REFS.cells,
  tables: tablesOf,
  expressions: NO_REFS.expressions,
  messages: () => ({ default: ['table', 'row', 'raw'] }),
  describe: (check) => `解析${check.table ? ` \`${check.table}\` ` : '表格'}时对某一行记下了情况 \`${check.note}\`：每行一条。`,
  evaluate(ctx, check): Outcome[] {
    const out: Outcome[] = [];
    for (const table of Object.values(ctx.report.tables)) {
      if (check.table && table.id !== check.table) continue;
      const where = { table: table.id, tableLabel: tableLabel(table.id) };
      for (const note of table.notes) {
        if (!note.startsWith(`${check.note}:`)) continue;
        const [, row = '', raw = '', line = ''] = note.split(':');
        const at = { ...table.at, line: Number(line) || table.at.line };
        out.push({ status: 'fail', key: `${table.id}.${check.note}.${row}`, location: locate(at, { ...where, row, rowLabel: rowLabel(table.id, row) }), vars: { table: tableLabel(table.id), row: rowLabel(table.id, row), raw } });
      }
    }
    return out;
  },
};
