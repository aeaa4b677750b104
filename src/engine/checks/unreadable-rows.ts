/** `unreadable-rows`: table rows the parser found but could not read (so the relations on them cannot be checked). */
import { rowLabel, tableLabel } from '../../format/labels.js';
import { reasonPhrase } from '../../format/unreadable-reason.js';
import type { UnreadableReason } from '../../model/report.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/**
 * The values each reason's message `reason-<code>` names (the parser's values for the code). A
 * list value (`cols`, `missing`) is joined by the shared separator its message expects
 * ({@link reasonPhrase}).
 */
const REASON_VALUES: Readonly<Record<UnreadableReason, readonly string[]>> = {
  't2-no-values': ['label'],
  't2-count': ['label', 'count', 'expected', 'cols'],
  't2-empty-before-next': ['label'],
  't2-glued': ['label', 'digits', 'expected'],
  't3-count': ['count', 'expected'],
  't3-header-mismatch': ['expected'],
  't3-text-in-count': ['col', 'text'],
  't3-places': ['count'],
  't3-no-label': [],
  't3-no-row': [],
  't3-subtotal': [],
  't3-no-values': [],
  't3-glued-ambiguous': ['digits', 'fits'],
  't3-glued-no-split': ['digits'],
  't4-no-values': [],
  't4-header-count': ['count', 'expected'],
  't4-count': ['count'],
  't4-glued-header': ['digits'],
  't4-glued-too-long': ['digits'],
  't4-glued-too-many': ['digits'],
  't4-glued-no-split': ['digits'],
  't4-glued-ambiguous': ['digits', 'fits'],
  'stat-count': ['count', 'expected', 'cols'],
  'stat-unlisted-row': ['label', 'group'],
  'stat-parts-incomplete': ['group', 'missing'],
};

/** The `unreadable-rows` check kind. */
export const unreadableRowsKind: CheckKind<'unreadable-rows'> = {
  kind: 'unreadable-rows',
  scope: 'report',
  cells: NO_REFS.cells,
  tables: (check) => (check.table ? [{ id: check.table, path: ['table'] }] : []),
  expressions: NO_REFS.expressions,
  messages: () => ({ default: ['table', 'row', 'reason', 'raw'] }),
  shared: {
    ...Object.fromEntries(Object.entries(REASON_VALUES).map(([code, values]) => [`reason-${code}`, values])),
    'sep-list': [],
    'sep-quoted': [],
  },
  describe: (check) => `${check.table ? `\`${check.table}\` 中` : '各表中'}找到了却读不出数值的行，每行一条（涉及这些行的核对无法进行）。`,
  evaluate(ctx, check): Outcome[] {
    const out: Outcome[] = [];
    for (const table of Object.values(ctx.report.tables)) {
      if (check.table && table.id !== check.table) continue;
      const where = { table: table.id, tableLabel: tableLabel(table.id) };
      for (const u of table.unreadable) {
        const row = u.row === '?' ? '' : rowLabel(table.id, u.row);
        out.push({ status: 'fail', key: `${table.id}.${u.row}`, location: locate(u.at, { ...where, row: u.row, rowLabel: row }), vars: { table: tableLabel(table.id), row, reason: reasonPhrase(u), raw: u.raw } });
      }
    }
    return out;
  },
};
