/**
 * The cell ids rules may name, derived from the canonical table definitions, and suggestions for
 * ids that do not exist ("did you mean …").
 */
import { STAT_DEFS, T2_ITEMS, T3_COLS, T3_SUBTOTAL_ROWS, T4_DEF, t3Def } from './definitions.js';

let known: Set<string> | null = null;

/** Every cell id any table definition has. */
export function knownCellIds(): Set<string> {
  if (known) return known;
  const ids = new Set<string>();
  for (const edition of ['2019', '2021'] as const) {
    for (const item of T2_ITEMS[edition]) for (const row of item.rows) for (const col of item.cols) ids.add(`t2.${item.item}.${row.id}.${col.id}`);
  }
  for (const layout of ['single', 'split'] as const) {
    for (const row of [...t3Def(layout).rows, ...T3_SUBTOTAL_ROWS]) for (const col of [...T3_COLS.map((c) => c.id), 'sub']) ids.add(`t3.${row.id}.${col}`);
  }
  for (const row of T4_DEF.rows) for (const col of T4_DEF.cols) ids.add(`t4.${row.id}.${col.id}`);
  for (const def of STAT_DEFS) for (const row of def.rows) if (!row.header) for (const col of def.cols) ids.add(`${def.id}.${row.id}.${col.id}`);
  known = ids;
  return ids;
}

/** True when some known id matches the glob. */
export function globMatchesAny(glob: string): boolean {
  const re = globToRegExp(glob);
  for (const id of knownCellIds()) if (re.test(id)) return true;
  return false;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest known ids to an unknown one (at most three, within a small edit distance). */
export function suggest(id: string, candidates: Iterable<string> = knownCellIds()): string[] {
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const d = distance(id, c);
    if (d <= Math.max(2, Math.floor(id.length / 4))) scored.push({ c, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.c.localeCompare(b.c)).slice(0, 3).map((s) => s.c);
}

const globRegExps = new Map<string, RegExp>();

/** Converts a glob (`t3.r.deny.*.np`) to a regular expression over cell ids (cached). */
export function globToRegExp(glob: string): RegExp {
  let re = globRegExps.get(glob);
  if (!re) {
    re = makeGlobRegExp(glob);
    globRegExps.set(glob, re);
  }
  return re;
}

function makeGlobRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[A-Za-z0-9_]+')}$`);
}
