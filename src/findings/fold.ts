/**
 * One defect, one finding. A blank cell makes every relation that reads it "cannot check"; an
 * unreadable row does the same for its table; a missing table draws the parser's "no table" note
 * too; a part inserted or left out renumbers every part after it. Reported as they are, one
 * defect becomes several findings on the same line, and summaries count it several times.
 *
 * {@link foldFindings} keeps the finding of the rule that explains the defect best and moves the
 * ones that follow from it into its `related` list (the JSON output keeps them there; SARIF gives
 * them as related locations). What follows from what is declared in relations.ts; folding reads
 * rule ids, severities, locations, expected/actual values and the report model, never messages.
 */
import type { Finding, RelatedFinding, Severity } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { FOLD_RELATIONS, type FoldRelation } from './relations.js';

/** The severity each rule declares (a rule's info finding of a rule declared above info is a "cannot check"). */
export type DeclaredSeverities = ReadonlyMap<string, Severity>;

/** True when the finding says a check could not be made, not that it failed. */
export function isCannotCheck(f: Finding, declared: DeclaredSeverities): boolean {
  const severity = declared.get(f.ruleId);
  return f.severity === 'info' && severity !== undefined && severity !== 'info';
}

/** Where the blank cells and unreadable rows of each table are, from the report model. */
interface TableGaps {
  blankCells: Set<string>;
  blankRows: Set<string>;
  blankCols: Set<string>;
  unreadableRows: Set<string>;
}

/** The gaps of one table, worked out when a relation first asks (most reports have no blank cell or unreadable row to fold by). */
type GapsOf = (tableId: string) => TableGaps | undefined;

function gapsOf(report: Report): GapsOf {
  const known = new Map<string, TableGaps | undefined>();
  return (tableId) => {
    if (known.has(tableId)) return known.get(tableId);
    // Tables are keyed by their id.
    const table = report.tables[tableId];
    let gaps: TableGaps | undefined;
    if (table) {
      gaps = { blankCells: new Set(), blankRows: new Set(), blankCols: new Set(), unreadableRows: new Set(table.unreadable.map((u) => u.row)) };
      for (const cell of Object.values(table.cells)) {
        if (cell.state !== 'blank') continue;
        gaps.blankCells.add(`${cell.row}|${cell.col}`);
        gaps.blankRows.add(cell.row);
        gaps.blankCols.add(cell.col);
      }
    }
    known.set(tableId, gaps);
    return gaps;
  };
}

const NUMERALS = '一二三四五六七八九十';

/** The number of a part heading (`三、…` → 3), or null. */
export function partNumber(heading: unknown): number | null {
  if (typeof heading !== 'string') return null;
  const m = /^\s*([一二三四五六七八九十])\s*[、.．]/.exec(heading);
  return m ? NUMERALS.indexOf(m[1]!) + 1 : null;
}

/** How far a numbering finding's printed part number is from the format's, or 0 when it is not one. */
function numberingOffset(f: Finding): number {
  const printed = partNumber(f.actual);
  const wanted = partNumber(f.expected);
  return printed === null || wanted === null ? 0 : printed - wanted;
}

/** By how much a failed comparison missed (|expected − actual|), or null when it compared no numbers. */
function discrepancy(f: Finding): number | null {
  return typeof f.expected === 'number' && typeof f.actual === 'number' ? Math.abs(f.expected - f.actual) : null;
}

/**
 * How strongly `cause` explains `f` under `relation` (0: not at all). A consequence goes to the
 * cause that explains it best: a blank cell it sits on before a blank cell in its row or column.
 */
function strength(relation: FoldRelation, cause: Finding, f: Finding, gaps: GapsOf): number {
  const table = cause.location.table;
  switch (relation.scope) {
    case 'missing-table':
      if (table !== undefined && f.location.table === table) return 3;
      return f.location.table === undefined && relation.supersedes.includes(f.ruleId) ? 1 : 0;
    case 'blank-cell': {
      const g = table === undefined || f.location.table !== table ? undefined : gaps(table);
      if (!g || g.blankCells.size === 0) return 0;
      const { row, col } = f.location;
      if (row !== undefined && col !== undefined && g.blankCells.has(`${row}|${col}`)) return 4;
      if (row !== undefined && g.blankRows.has(row)) return cause.location.row === row ? 3 : 2;
      return col !== undefined && g.blankCols.has(col) ? 1 : 0;
    }
    case 'unreadable-row': {
      const g = table === undefined || f.location.table !== table ? undefined : gaps(table);
      if (!g || g.unreadableRows.size === 0) return 0;
      if (f.location.row !== undefined && f.location.row === cause.location.row) return 3;
      // A column relation passes through every row, the unreadable one too.
      return f.location.col !== undefined ? 1 : 0;
    }
    case 'same-discrepancy': {
      if (table === undefined || f.location.table !== table || f.severity !== cause.severity) return 0;
      const gap = discrepancy(cause);
      if (gap === null || gap === 0 || discrepancy(f) !== gap) return 0;
      const sameRow = f.location.row !== undefined && f.location.row === cause.location.row;
      const sameCol = f.location.col !== undefined && f.location.col === cause.location.col;
      return sameRow && sameCol ? 3 : sameRow || sameCol ? 2 : 0;
    }
    case 'text-confirms':
      // The narrative finding compares the text's figure (actual) with the cell (expected).
      return typeof cause.expected === 'number' && cause.expected === f.actual && cause.actual === f.expected ? 1 : 0;
    case 'numbering-run':
      return 0; // handled by foldNumberingRuns: it depends on the order of the findings
    case 'same-report':
      return relation.supersedes.includes(f.ruleId) ? 1 : 0;
  }
}

const supersedes = (relation: FoldRelation, f: Finding): boolean => relation.supersedes.includes('*') || relation.supersedes.includes(f.ruleId);

/** A finding without its own related list (folding is one level deep). */
function plain(f: Finding): RelatedFinding {
  if (f.related === undefined) return f;
  const copy: Finding = { ...f };
  delete copy.related;
  return copy;
}

/**
 * Numbering findings in runs: each finding whose part number is off by the same amount as the
 * numbering finding before it follows from that one (the first of the run names the defect).
 */
function foldNumberingRuns(findings: readonly Finding[], relation: FoldRelation, into: Map<Finding, Finding>): void {
  let runHead: Finding | null = null;
  let runOffset = 0;
  for (const f of findings) {
    if (f.ruleId !== relation.by) continue;
    const offset = numberingOffset(f);
    if (offset === 0) continue;
    if (runHead && offset === runOffset && supersedes(relation, f)) into.set(f, runHead);
    else {
      runHead = f;
      runOffset = offset;
    }
  }
}

/** The causes of one relation, indexed so that each finding looks at two candidates at most (no scan of all pairs). */
interface CauseIndex {
  first: Finding | undefined;
  byTable: Map<string, Finding>;
  byTableRow: Map<string, Finding>;
  byGapRow: Map<string, Finding>;
  byGapCol: Map<string, Finding>;
  byPair: Map<string, Finding>;
}

const keep = (map: Map<string, Finding>, key: string, f: Finding): void => {
  if (!map.has(key)) map.set(key, f);
};

function indexCauses(causes: readonly Finding[]): CauseIndex {
  const index: CauseIndex = { first: causes[0], byTable: new Map(), byTableRow: new Map(), byGapRow: new Map(), byGapCol: new Map(), byPair: new Map() };
  for (const c of causes) {
    const { table, row, col } = c.location;
    const gap = discrepancy(c);
    if (table !== undefined) {
      keep(index.byTable, table, c);
      if (row !== undefined) keep(index.byTableRow, `${table}|${row}`, c);
      if (gap !== null && row !== undefined) keep(index.byGapRow, `${table}|${gap}|${row}`, c);
      if (gap !== null && col !== undefined) keep(index.byGapCol, `${table}|${gap}|${col}`, c);
    }
    if (typeof c.expected === 'number' && typeof c.actual === 'number') keep(index.byPair, `${c.expected}|${c.actual}`, c);
  }
  return index;
}

/** The causes that could explain `f` under the relation (the strength decides). */
function candidates(relation: FoldRelation, index: CauseIndex, f: Finding): (Finding | undefined)[] {
  const { table, row, col } = f.location;
  switch (relation.scope) {
    case 'missing-table':
      return table === undefined ? [index.first] : [index.byTable.get(table)];
    case 'blank-cell':
    case 'unreadable-row':
      return table === undefined ? [] : [row === undefined ? undefined : index.byTableRow.get(`${table}|${row}`), index.byTable.get(table)];
    case 'same-discrepancy': {
      const gap = discrepancy(f);
      if (table === undefined || gap === null) return [];
      return [row === undefined ? undefined : index.byGapRow.get(`${table}|${gap}|${row}`), col === undefined ? undefined : index.byGapCol.get(`${table}|${gap}|${col}`)];
    }
    case 'text-confirms':
      return [index.byPair.get(`${String(f.actual)}|${String(f.expected)}`)];
    case 'numbering-run':
      return [];
    case 'same-report':
      return [index.first];
  }
}

/**
 * Folds the findings that follow from another finding's defect into it. The result keeps the
 * order of the input; each kept finding carries the folded ones in `related` (in input order).
 */
export function foldFindings(findings: readonly Finding[], report: Report, declared: DeclaredSeverities, relations: readonly FoldRelation[] = FOLD_RELATIONS): Finding[] {
  if (findings.length < 2) return [...findings];
  const gaps = gapsOf(report);
  const causes = new Set<Finding>();
  const into = new Map<Finding, Finding>();
  const best = new Map<Finding, number>();
  for (const relation of relations) {
    if (relation.scope === 'numbering-run') {
      const before = into.size;
      foldNumberingRuns(findings, relation, into);
      if (into.size !== before) for (const cause of into.values()) causes.add(cause);
      continue;
    }
    const own = findings.filter((c) => c.ruleId === relation.by && !into.has(c));
    if (own.length === 0) continue;
    const index = indexCauses(own);
    for (const f of findings) {
      if (f.ruleId === relation.by || causes.has(f) || !supersedes(relation, f)) continue;
      if (relation.onlyCannotCheck && !isCannotCheck(f, declared)) continue;
      for (const cause of candidates(relation, index, f)) {
        if (cause === undefined) continue;
        const s = strength(relation, cause, f, gaps);
        if (s > (best.get(f) ?? 0)) {
          best.set(f, s);
          into.set(f, cause);
          causes.add(cause);
        }
      }
    }
  }
  if (into.size === 0) return [...findings];
  const related = new Map<Finding, RelatedFinding[]>();
  for (const f of findings) {
    const cause = into.get(f);
    if (!cause || into.has(cause)) continue;
    const list = related.get(cause) ?? [];
    list.push(plain(f));
    related.set(cause, list);
  }
  const out: Finding[] = [];
  for (const f of findings) {
    const cause = into.get(f);
    if (cause && !into.has(cause)) continue;
    const extra = related.get(f);
    out.push(extra ? { ...f, related: [...(f.related ?? []), ...extra] } : f);
  }
  return out;
}

const declaredCache = new WeakMap<readonly object[], DeclaredSeverities>();

/**
 * The severities the rules of a checker declare (after the config), for {@link foldFindings}
 * (worked out once per rule list).
 */
export function declaredSeverities(rules: readonly { rule: { id: string }; severity: Severity }[]): DeclaredSeverities {
  let map = declaredCache.get(rules);
  if (!map) {
    map = new Map(rules.map((r) => [r.rule.id, r.severity]));
    declaredCache.set(rules, map);
  }
  return map;
}
