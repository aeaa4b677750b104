/**
 * Order-preserving alignment of observed rows to a table's canonical rows (Needleman–Wunsch).
 * Observed rows come in the format's order even when their labels are broken, missing or out of
 * place; the alignment uses the labels where they speak and the order where they do not.
 */
import { memo2 } from './memo.js';

/**
 * Scores that drive {@link align}, as tables the caller fills. Profiled: scoring callbacks, asked
 * for every cell of the items × rows table through one call site shared by all callers, were not
 * inlined, and each score came back as a new heap number; a filled table costs neither.
 */
export interface AlignScoring {
  /** Score of assigning observed item `i` to canonical row `j`, at `i * rows + j`; NaN when it must not be. */
  match: Float64Array;
  /** Cost (a negative score) of leaving canonical row `j` without an observed row. */
  skipCanonical: Float64Array;
  /** Cost (a negative score) of leaving observed item `i` unassigned. */
  skipItem: Float64Array;
}

/** Result: for each observed item, the index of its canonical row, or -1; and the total score. */
export interface Alignment {
  assignment: number[];
  score: number;
}

/**
 * Tables reused from one alignment to the next. Profiled: a fresh items × rows table per alignment
 * (three per 2008 统计表, one per definition tried) lives outside the JavaScript heap, and made the
 * garbage collector run far more often. Tables above {@link KEEP_CELLS} cells are not kept.
 */
const scratch = { match: new Float64Array(0), score: new Float64Array(0), move: new Uint8Array(0) };
const KEEP_CELLS = 1 << 16;

/**
 * The match table of {@link AlignScoring} for `items` × `rows`, every pair not allowed (NaN). It is
 * shared: valid until the next call, so it is filled and aligned on before another is asked for.
 */
export function matchTable(items: number, rows: number): Float64Array {
  const size = items * rows;
  if (size > KEEP_CELLS) return new Float64Array(size).fill(Number.NaN);
  if (scratch.match.length < size) scratch.match = new Float64Array(Math.min(KEEP_CELLS, Math.max(size, 2 * scratch.match.length)));
  return scratch.match.subarray(0, size).fill(Number.NaN);
}

/** Cost tables made so far, by cost and length (a few: the tables' sizes repeat). */
const costTables = new Map<number, Map<number, Float64Array>>();
/** Longer cost tables are made each time, not kept. */
const KEEP_COST_LENGTH = 1024;

/**
 * A cost table of {@link AlignScoring} holding `cost` `n` times. It is shared (made once per cost
 * and length: profiled, a new typed array per alignment made garbage-collector work), so it is
 * only read, as {@link align} does.
 */
export function costTable(n: number, cost: number): Float64Array {
  if (n > KEEP_COST_LENGTH) return new Float64Array(n).fill(cost);
  return memo2(costTables, cost, n, () => new Float64Array(n).fill(cost));
}

const NEG = -1e12;

/** Aligns `items` observed rows to `rows` canonical rows, keeping both orders. */
export function align(items: number, rows: number, scoring: AlignScoring): Alignment {
  const { match, skipItem, skipCanonical } = scoring;
  const cols = rows + 1;
  const size = (items + 1) * cols;
  // Every cell is written before it is read (each reads the cells above and to the left), so the
  // reused tables need no clearing.
  if (size <= KEEP_CELLS && scratch.score.length < size) {
    scratch.score = new Float64Array(Math.min(KEEP_CELLS, Math.max(size, 2 * scratch.score.length)));
    scratch.move = new Uint8Array(scratch.score.length);
  }
  const score = size > KEEP_CELLS ? new Float64Array(size) : scratch.score;
  const move = size > KEEP_CELLS ? new Uint8Array(size) : scratch.move;
  score[0] = 0;
  for (let i = 0; i <= items; i++) {
    for (let j = 0; j <= rows; j++) {
      const here = i * cols + j;
      if (i === 0 && j === 0) continue;
      let best = NEG;
      let how = 0;
      if (i > 0 && j > 0) {
        const m = match[(i - 1) * rows + (j - 1)]!;
        const prev = score[here - cols - 1]!;
        if (!Number.isNaN(m) && prev > NEG && prev + m > best) {
          best = prev + m;
          how = 1;
        }
      }
      if (i > 0) {
        const prev = score[here - cols]!;
        const cost = skipItem[i - 1]!;
        if (prev > NEG && prev + cost > best) {
          best = prev + cost;
          how = 2;
        }
      }
      if (j > 0) {
        const prev = score[here - 1]!;
        const cost = skipCanonical[j - 1]!;
        if (prev > NEG && prev + cost > best) {
          best = prev + cost;
          how = 3;
        }
      }
      score[here] = best;
      move[here] = how;
    }
  }
  return { assignment: traceBack(move, items, rows), score: score[items * cols + rows]! };
}

/** Follows the moves back from the last cell: each item's canonical row, or -1. */
function traceBack(move: Uint8Array, items: number, rows: number): number[] {
  const cols = rows + 1;
  const assignment = new Array<number>(items).fill(-1);
  let i = items;
  let j = rows;
  while (i > 0 || j > 0) {
    const how = move[i * cols + j];
    if (how === 1) {
      assignment[i - 1] = j - 1;
      i--;
      j--;
    } else if (how === 2) i--;
    else j--;
  }
  return assignment;
}
