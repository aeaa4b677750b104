/** The options of the `table-note` and `row-note` check kinds (zod: the rule files' schema and its JSON Schema); the kind itself is in table-note.ts. */
import { OnlyTable } from './option-types.js';
import { z } from '../../zod.js';

/** Notes the parser makes about a whole table (src/parse/table3.ts). */
export const TABLE_NOTES = ['other-single-row', 'columns-not-checkable', 'subtotal-column', 'extra-row', 'merged-org-column', 'no-total-column'] as const;
/** Notes the parser makes about one row of a table (glued digits split or not, a 表二 item not printed). */
export const ROW_NOTES = ['glued-split', 'glued-no-split', 't2-item-not-printed'] as const;

/** The options of a `table-note` check. */
export const TableNoteCheck = z.strictObject({ kind: z.literal('table-note'), table: OnlyTable, note: z.enum(TABLE_NOTES) });
/** The options of a `row-note` check. */
export const RowNoteCheck = z.strictObject({ kind: z.literal('row-note'), table: OnlyTable, note: z.enum(ROW_NOTES) });
