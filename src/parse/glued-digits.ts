/**
 * Digits of a table row that lost their cell boundaries (`（七）总计81010010`, `规章000`): text
 * crawled from web pages whose spaces were deleted. The ways to split the digits into the row's
 * cells are enumerated (a number of two or more digits does not start with 0), and the table's
 * exact relations for the row decide:
 *
 * - no split at all (fewer digits than cells …): the cells cannot be read (`impossible`);
 * - splits exist, but none lets the relations hold: whatever the cells were, the row breaks a
 *   relation of the format — a certain error (`none`);
 * - exactly one split lets them hold: the cells are read that way (`unique`);
 * - several do: the cells cannot be read (`ambiguous`).
 */

/** What the enumeration of a row's glued digits found. */
export type GluedReading =
  | { kind: 'impossible' }
  | { kind: 'none'; splits: number }
  | { kind: 'unique'; values: number[]; splits: number }
  | { kind: 'ambiguous'; accepted: number; splits: number; candidates: number[][] }
  | { kind: 'too-many' };

/** Digits beyond which the splits are not enumerated (C(29, 6) ≈ 475,000 for seven cells). */
export const MAX_GLUED_DIGITS = 30;
/** Accepted splits kept for a caller that can tell them apart by the table's other relations. */
const MAX_CANDIDATES = 64;
/** Splits beyond which the enumeration stops and the row cannot be read. */
const MAX_SPLITS = 500_000;

/** A relation the row's cells must satisfy, given in the row's cell order. */
export type RowRelation = (values: readonly number[]) => boolean;

/** Accepts every split: a row without exact relations. */
export const ANY_SPLIT: RowRelation = () => true;

/**
 * Enumerates the splits of `digits` (only 0–9) into `cells` numbers, and reads the row as the
 * module comment says. `relation` is called once per split, with an array it must not keep.
 */
export function readGluedDigits(digits: string, cells: number, relation: RowRelation = ANY_SPLIT): GluedReading {
  if (!/^\d+$/.test(digits) || cells < 1 || digits.length < cells) return { kind: 'impossible' };
  if (digits.length > MAX_GLUED_DIGITS) return { kind: 'too-many' };
  const values = new Array<number>(cells).fill(0);
  let splits = 0;
  let accepted = 0;
  const candidates: number[][] = [];
  let stopped = false;
  const walk = (from: number, cell: number): void => {
    if (stopped) return;
    const left = cells - cell;
    if (left === 1) {
      if (digits.length - from > 1 && digits.charCodeAt(from) === 0x30) return;
      values[cell] = Number(digits.slice(from));
      splits++;
      if (splits > MAX_SPLITS) {
        stopped = true;
        return;
      }
      if (relation(values)) {
        accepted++;
        if (candidates.length < MAX_CANDIDATES) candidates.push([...values]);
      }
      return;
    }
    // A cell of two or more digits does not start with 0: after a 0, the cell ends.
    const longest = digits.charCodeAt(from) === 0x30 ? 1 : digits.length - from - (left - 1);
    for (let len = 1; len <= longest; len++) {
      values[cell] = Number(digits.slice(from, from + len));
      walk(from + len, cell + 1);
    }
  };
  walk(0, 0);
  if (stopped) return { kind: 'too-many' };
  if (splits === 0) return { kind: 'impossible' };
  if (accepted === 0) return { kind: 'none', splits };
  if (accepted === 1) return { kind: 'unique', values: candidates[0]!, splits };
  return { kind: 'ambiguous', accepted, splits, candidates };
}

/**
 * 表三's relation within a row, in the format's column order (自然人, the five 法人或其他组织
 * columns, 总计): 总计 = 自然人 + the five.
 */
export const T3_ROW_RELATION: RowRelation = (v) => v.length === 7 && v[0]! + v[1]! + v[2]! + v[3]! + v[4]! + v[5]! === v[6]!;
