/**
 * The ruled tables of one PDF page, as whole rows: rulings from the page's drawing operators
 * ({@link extractRulings}), grids from the rulings ({@link findLattices}), text laid out in the
 * grids ({@link layOutTables}). pdf.ts calls this once per page and lays out the remaining text by
 * position as before.
 */
import { findLattices } from './pdf-lattice.js';
import { extractRulings, type OperatorList } from './pdf-rulings.js';
import { layOutTables, type PlacedText, type TableRowLine } from './pdf-table-text.js';

/** The part of a pdf.js page this reads. */
export interface PageWithOperators {
  getOperatorList(): Promise<OperatorList>;
}

/**
 * Reads the page's ruled tables. `base` maps PDF user space to the coordinates of `items`
 * (pdf.js's `viewport.transform`). A page without a plausible ruled table, or whose drawing
 * operators cannot be read, gives no rows and all items back, so its layout is unchanged.
 */
export async function pageTables(
  page: PageWithOperators,
  base: readonly number[],
  items: readonly PlacedText[],
): Promise<{ rows: TableRowLine[]; rest: PlacedText[] }> {
  const none = { rows: [], rest: [...items] };
  if (items.length === 0) return none;
  let ops: OperatorList;
  try {
    ops = await page.getOperatorList();
  } catch {
    return none; // the text is still there; only the table structure is lost
  }
  const lattices = findLattices(extractRulings(ops, base));
  if (lattices.length === 0) return none;
  return layOutTables(lattices, items);
}
