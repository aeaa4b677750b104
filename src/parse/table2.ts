/**
 * Maps 表二 (主动公开政府信息情况: the 第二十条 items) onto canonical cells. Each item's rows are
 * found by their labels (规章, 行政规范性文件, 行政许可 …); their values are the value cells that
 * follow. Where an extraction ran the cells together ("规章 000"), the digits are split only when
 * exactly one split is possible.
 */
import type { Edition, TableInstance } from '../model/report.js';
import { T2_ITEMS, T2_LABEL, type RowDef } from '../format/definitions.js';
import { LABEL_MATCH, rowLabelKey, rowSimilarity } from './labels.js';
import { fold, labelKey } from '../format/normalize.js';
import { ANY_SPLIT, readGluedDigits, type RowRelation } from './glued-digits.js';
import { gluedNote } from './glued-rows.js';
import { readCell, sharedReading } from '../format/numbers.js';
import type { Row, RowCell } from './rows.js';
import { byHeader, headerColumns } from './table2-header.js';
import { cellId, cellSpan, emptyTable, makeCell, rowSpan, viewRow } from './table-view.js';

/** Reads 表二 of the given edition from rows `start` to `end` (exclusive). */
export function mapTable2(rows: readonly Row[], start: number, end: number, edition: '2019' | '2021'): TableInstance {
  const table = emptyTable('t2', edition, T2_LABEL, rows[start]!);
  const views = rows.slice(start, end).map((row, k) => viewRow(row, start + k));
  const used = new Set<number>();
  // The region's text as label keys, to tell an item the report does not print (no caption, no
  // row: a department's 表二 prints only the sub-tables that apply) from rows missing in one.
  const regionKey = views.map((v) => rowLabelKey(v.row)).join('');
  for (const item of T2_ITEMS[edition]) {
    const missingBefore = table.missingRows.length;
    let header: ReturnType<typeof headerColumns> | undefined;
    for (const def of item.rows) {
      const rowId = `${item.item}.${def.id}`;
      const hit = findLabelled(views, def, used);
      if (hit) {
        used.add(hit.view.index);
        let cells = hit.view.values;
        // The values may stand in the next row when the label's row holds nothing else.
        const next = views[views.indexOf(hit.view) + 1];
        if (cells.length === 0 && next && next.labels.length === 0 && next.numbers > 0) {
          cells = next.values;
          used.add(next.index);
        }
        // Columns by the item's header when it names each of them (another order, an added 备注).
        const position = views.indexOf(hit.view);
        // The item's header, looked for once (above its first row found).
        if (header === undefined) header = headerColumns(views, position, item);
        const labelAt = hit.view.row.cells.indexOf(hit.cell);
        const ordered = header && labelAt >= 0 ? byHeader(hit.view.row.cells.slice(labelAt + 1), header, item.cols) : null;
        if (ordered) cells = ordered;
        while (cells.length > item.cols.length && cells[cells.length - 1]!.text === '') cells = cells.slice(0, -1);
        if (cells.length === item.cols.length) {
          table.rows.push(rowId);
          item.cols.forEach((col, k) => {
            const cell = makeCell('t2', rowId, col.id, cells[k]!, hit.view.row);
            table.cells[cell.id] = cell;
          });
        } else {
          table.unreadable.push({
            row: rowId,
            raw: hit.view.row.cells.map((c) => c.text).join(' | '),
            ...(cells.length === 0
              ? { reason: 't2-no-values' as const, values: { label: def.label } }
              : { reason: 't2-count' as const, values: { label: def.label, count: cells.length, expected: item.cols.length, cols: item.cols.map((c) => c.label) } }),
            at: rowSpan(hit.view.row),
          });
        }
        if (hit.printed !== null) table.drift.push({ row: rowId, printed: hit.printed, expected: def.label, at: rowSpan(hit.view.row) });
        continue;
      }
      if (readGlued(rows, start, end, item.item, def, item.cols.map((c) => c.id), table)) continue;
      table.missingRows.push(rowId);
    }
    if (table.missingRows.length - missingBefore === item.rows.length && !regionKey.includes(labelKey(item.caption))) {
      // Neither the item's caption nor any of its rows: the item is not printed, not rows missing.
      table.missingRows.length = missingBefore;
      table.notes.push(`t2-item-not-printed:${item.item}:${item.caption}:${table.at.line}`);
    }
  }
  return table;
}

interface Hit {
  view: ReturnType<typeof viewRow>;
  /** The cell holding the label. */
  cell: RowCell;
  /** The printed label when it differs from the format's wording. */
  printed: string | null;
}

function findLabelled(views: ReturnType<typeof viewRow>[], def: RowDef, used: Set<number>): Hit | null {
  let defKey: string | undefined;
  for (const view of views) {
    if (used.has(view.index)) continue;
    for (const cell of view.labels) {
      const sim = rowSimilarity(cell.text, def);
      // Most cells name another row: the keys are built only for a cell that is similar enough.
      if (sim < LABEL_MATCH) continue;
      defKey ??= labelKey(def.label);
      const key = labelKey(cell.text);
      const exactish = key.endsWith(defKey) || sim >= 0.99;
      if (exactish || key.length <= defKey.length + 2) {
        const printed = key === defKey || key.endsWith(defKey) ? null : cell.text;
        return { view, cell, printed };
      }
    }
  }
  return null;
}

/**
 * The relation the format sets within a row of a 表二 item, on its cells in the format's order:
 * 2019 第（一）项, 本年新公开数量 ≤ 对外公开总数量. Items without one accept every split.
 */
function relationOf(edition: string, item: string): RowRelation {
  if (edition === '2019' && item === 'a1') return (v) => v.length === 3 && v[1]! <= v[2]!;
  return ANY_SPLIT;
}

/** Reads a row whose label and digits were run together in one line of text. */
function readGlued(rows: readonly Row[], start: number, end: number, item: string, def: RowDef, cols: string[], table: TableInstance): boolean {
  const labels = [def.label, ...(def.aliases ?? [])].sort((a, b) => b.length - a.length);
  for (let k = start; k < end; k++) {
    const row = rows[k]!;
    for (const c of row.cells) {
      const text = fold(c.text);
      for (const label of labels) {
        const at = text.indexOf(label);
        if (at < 0) continue;
        if (label !== def.label && text.slice(Math.max(0, at - 2), at) === '行政') continue;
        const m = /^\s*(\d[\d.,]*)/.exec(text.slice(at + label.length));
        const rowId = `${item}.${def.id}`;
        if (!m) {
          // In a glued table (its captions in the same text), a label followed by the next label
          // or caption, without digits: every cell of the row was empty (规章规范性文件111151).
          if (text.includes('第二十条') && /^[\u4e00-\u9fff]/.test(text.slice(at + label.length))) {
            table.unreadable.push({ row: rowId, raw: text.slice(at, at + label.length + 8), reason: 't2-empty-before-next', values: { label }, at: rowSpan(row) });
            return true;
          }
          continue;
        }
        const run = m[1]!.replace(/,/g, '');
        const reading = cols.length === 1 ? null : readGluedDigits(run, cols.length, relationOf(table.variant, item));
        const split = cols.length === 1 ? (readCell(run).state === 'number' ? [run] : null) : reading?.kind === 'unique' ? reading.values.map(String) : null;
        const span = cellSpan(c, row);
        if (reading?.kind === 'none') {
          // Every split breaks the relation the format sets within the row: a certain error.
          table.notes.push(gluedNote('glued-no-split', rowId, run, row.line));
          return true;
        }
        if (split === null) {
          table.unreadable.push({
            row: rowId,
            raw: `${label}${run}`,
            reason: 't2-glued',
            values: { label, digits: run, expected: cols.length },
            at: rowSpan(row),
          });
          return true;
        }
        if (reading !== null) table.notes.push(gluedNote('glued-split', rowId, run, row.line));
        table.rows.push(rowId);
        // Each part's own column (the cell's text maps onto its line one to one: `fold` keeps
        // lengths, and a run-together row is one layout cell, whose spaces are single), unless
        // thousands separators were dropped from the digits; then the cell's column.
        const digitsAt = at + label.length + (m[0].length - m[1]!.length);
        const exact = !m[1]!.includes(',');
        let offset = 0;
        cols.forEach((col, i) => {
          const reading = sharedReading(split[i]!);
          const column = exact ? c.column + digitsAt + offset : span.column;
          offset += split[i]!.length;
          const id = cellId('t2', rowId, col);
          table.cells[id] = {
            id, table: 't2', row: rowId, col, raw: split[i]!, state: reading.state, value: reading.value,
            ...(reading.decimals !== undefined ? { decimals: reading.decimals } : {}), at: { ...span, ...(column !== undefined ? { column } : {}) },
          };
        });
        return true;
      }
    }
  }
  return false;
}

/** Editions whose 表二 column labels appear in the rows, with the label that says so. */
export function t2EditionMarkers(rows: readonly Row[], start: number, end: number, markers: Readonly<Record<'2019' | '2021', readonly string[]>>): { edition: Edition; label: string; row: Row }[] {
  const found: { edition: Edition; label: string; row: Row }[] = [];
  // The markers' keys once, not once per row.
  const keyed = (['2019', '2021'] as const).flatMap((edition) => markers[edition].map((label) => ({ edition, label, key: labelKey(label) })));
  for (let k = start; k < end; k++) {
    const text = rowLabelKey(rows[k]!);
    for (const { edition, label, key } of keyed) {
      if (text.includes(key) && !found.some((f) => f.label === label)) found.push({ edition, label, row: rows[k]! });
    }
  }
  return found;
}
