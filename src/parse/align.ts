/**
 * Order-preserving alignment of observed rows to a table's canonical rows (Needleman–Wunsch).
 * Observed rows come in the format's order even when their labels are broken, missing or out of
 * place; the alignment uses the labels where they speak and the order where they do not.
 */

/** Scores that drive {@link align}. */
export interface AlignScoring {
  /** Score of assigning observed item `i` to canonical row `j`, or null when it must not be. */
  match(i: number, j: number): number | null;
  /** Cost (a negative score) of leaving canonical row `j` without an observed row. */
  skipCanonical(j: number): number;
  /** Cost (a negative score) of leaving observed item `i` unassigned. */
  skipItem(i: number): number;
}

/** Result: for each observed item, the index of its canonical row, or -1; and the total score. */
export interface Alignment {
  assignment: number[];
  score: number;
}

/** Aligns `items` observed rows to `rows` canonical rows, keeping both orders. */
export function align(items: number, rows: number, scoring: AlignScoring): Alignment {
  const NEG = -1e12;
  const cols = rows + 1;
  const score = new Float64Array((items + 1) * cols).fill(NEG);
  const move = new Uint8Array((items + 1) * cols); // 1 match, 2 skip item, 3 skip canonical
  score[0] = 0;
  for (let i = 0; i <= items; i++) {
    for (let j = 0; j <= rows; j++) {
      const here = i * cols + j;
      if (i === 0 && j === 0) continue;
      let best = NEG;
      let how = 0;
      if (i > 0 && j > 0) {
        const m = scoring.match(i - 1, j - 1);
        const prev = score[(i - 1) * cols + (j - 1)]!;
        if (m !== null && prev > NEG && prev + m > best) {
          best = prev + m;
          how = 1;
        }
      }
      if (i > 0) {
        const prev = score[(i - 1) * cols + j]!;
        if (prev > NEG && prev + scoring.skipItem(i - 1) > best) {
          best = prev + scoring.skipItem(i - 1);
          how = 2;
        }
      }
      if (j > 0) {
        const prev = score[i * cols + (j - 1)]!;
        if (prev > NEG && prev + scoring.skipCanonical(j - 1) > best) {
          best = prev + scoring.skipCanonical(j - 1);
          how = 3;
        }
      }
      score[here] = best;
      move[here] = how;
    }
  }
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
  return { assignment, score: score[items * cols + rows]! };
}
