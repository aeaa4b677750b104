/**
 * `relation`: an arithmetic assertion over cells, expanded over variables (each column, each row),
 * with a tolerance. Zero marks (—, /, 无, 不适用) count as 0 and the finding says so. A blank cell
 * stays blank (unless the rule says `blankAsZero: false`, then it is missing): a relation that
 * fails whatever the blank cells hold (they are counts, never negative) is an error; otherwise it
 * cannot be checked, and the finding names the blank cells (with the value the relation needs,
 * when one blank cell decides it).
 */
import type { Report, Cell } from '../../model/report.js';
import { cellsOfGlob, viewOf } from '../cells.js';
import { compare, evaluate, parseRelation, quickEvaluate, type Expr, type QuickValue, type Relation, type Resolved, type Resolver, type SideValue, type Term } from '../expr.js';
import { expand } from '../expand.js';
import { cellListValue } from '../cell-list.js';
import { cellLabel, cellList, colLabel, distinctRowLabel, rowLabel, splitCellId, tableLabel } from '../../format/labels.js';
import type { MessageValue } from '../message.js';
import { cannotSay, locate, type CheckContext, type Outcome } from '../outcome.js';
import { quickOnTable, soleTable, soleTableAbsent } from '../plan.js';
import { BoundedMemo } from '../regex.js';
import { cacheOf } from '../report-cache.js';
import type { Check } from '../schema.js';
import type { CheckKind } from './kind.js';

type RelationCheck = Extract<Check, { kind: 'relation' }>;

interface Compiled {
  binding: Record<string, string>;
  relation: Relation;
  when: Relation | null;
  source: string;
  /** The fingerprint key of the expansion (`col=np`, or `all`). */
  key: string;
  /** The one table each side names, if one (plan.ts). */
  leftTable: string | null;
  rightTable: string | null;
}

const cache = new WeakMap<RelationCheck, Compiled[]>();

/** Parses every expansion of a relation once (rules are validated at load time). */
function compile(check: RelationCheck): Compiled[] {
  let compiled = cache.get(check);
  if (!compiled) {
    compiled = expand(check.for ?? {}).map((binding) => {
      const sub = (s: string): string => s.replace(/\{([a-z_]+)\}/g, (_m, v: string) => binding[v] ?? '');
      const relation = parseRelation(sub(check.assert));
      return {
        binding, relation, when: check.when && perExpansionWhen(check.when) ? parseRelation(sub(check.when)) : null, source: sub(check.assert),
        key: Object.entries(binding).map(([k, v]) => `${k}=${v}`).join(',') || 'all',
        leftTable: soleTable(relation.left), rightTable: relation.right ? soleTable(relation.right) : null,
      };
    });
    cache.set(check, compiled);
  }
  return compiled;
}

/**
 * True when a relation's `when` names expansion variables, so it is decided per expansion here.
 * A `when` without variables is the rule's applicability, decided by the engine (applicability.ts).
 */
export function perExpansionWhen(when: string): boolean {
  return /\{[a-z_]+\}/.test(when);
}

/** A relation rule's `when` (without variables) on a report: every cell it names there and the comparison true. */
export function relationWhenHolds(report: Report, when: string): boolean {
  return whenHolds(report, relationOf(when));
}

const relations = new BoundedMemo<Relation>(512);

/** A condition of a rule (`when`), parsed once per text (conditions are validated at load time). */
export function relationOf(source: string): Relation {
  return relations.get(source, parseRelation);
}

// What a cell that is not a plain value resolves to: shared, evaluation only reads them.
const MISSING: Resolved = { kind: 'missing' };
const ABSENT: Resolved = { kind: 'absent' };
const TEXT: Resolved = { kind: 'text' };

/** The resolver over a report's tables, one per report and mode (the report is not changed while it is checked). */
export function resolverFor(report: Report, blankAsZero = true): Resolver {
  const pair = cacheOf(report);
  const known = blankAsZero ? pair.zero : pair.noZero;
  if (known) return known;
  const made = makeResolver(report, blankAsZero);
  if (blankAsZero) pair.zero = made;
  else pair.noZero = made;
  return made;
}

/**
 * A resolver over a report's tables. A cell's resolution is kept per id: the relation rules read
 * the same cells many times (each 表三 cell is in a row, a column and a results sum), and the
 * lookup by a freshly sliced table id was the costliest line of rule evaluation (profiled).
 */
function makeResolver(report: Report, blankAsZero: boolean): Resolver {
  const known = new Map<string, Resolved>();
  const globs = new Map<string, readonly string[] | null>();
  const resolve = (id: string): Resolved => {
    const table = report.tables[id.slice(0, id.indexOf('.'))];
    const cell = table?.cells[id];
    if (!cell) {
      if (!table) return MISSING;
      const { row } = splitCellId(id);
      const expected = table.missingRows.includes(row) || table.unreadable.some((u) => u.row === row);
      return expected ? MISSING : ABSENT;
    }
    if (cell.state === 'text') return TEXT;
    if (cell.state === 'number') return { kind: 'value', value: cell.value ?? 0, state: 'number' };
    return blankAsZero ? { kind: 'value', value: 0, state: cell.state } : MISSING;
  };
  return {
    cell(id) {
      let resolved = known.get(id);
      if (resolved === undefined) {
        resolved = resolve(id);
        known.set(id, resolved);
      }
      return resolved;
    },
    glob(glob) {
      let ids = globs.get(glob);
      if (ids === undefined) {
        const table = report.tables[glob.slice(0, glob.indexOf('.'))];
        ids = table ? cellsOfGlob(viewOf(report, table).index, glob) : null;
        globs.set(glob, ids);
      }
      return ids;
    },
  };
}

/** The shared message that shows a term that is not a number (blank, or a zero mark read as 0). */
const TERM_SHOWN = { blank: 'term-blank', dash: 'term-dash', na: 'term-na' } as const;

/**
 * How terms are named in a sum: by column when all terms share a row, by row when they share a
 * column; each with its value, or the shared message for a blank or a zero mark.
 */
function describe(terms: Term[], all: Term[]): MessageValue {
  if (terms.length === 0) return '0';
  const parts = all.map((t) => splitCellId(t.id));
  const sameRow = parts.every((p) => p.row === parts[0]!.row && p.table === parts[0]!.table);
  const sameCol = parts.every((p) => p.col === parts[0]!.col && p.table === parts[0]!.table);
  return {
    join: terms.flatMap((t, i): MessageValue[] => {
      const { table, row, col } = splitCellId(t.id);
      const name = sameRow ? colLabel(table, col) : sameCol ? distinctRowLabel(table, row) : `${distinctRowLabel(table, row)}·${colLabel(table, col)}`;
      const sign = i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + ';
      // A zero mark is read as 0, and the finding says so.
      return [`${sign}${name} `, t.state === 'number' ? String(t.value) : { message: TERM_SHOWN[t.state as keyof typeof TERM_SHOWN] }];
    }),
  };
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

function toleranceFor(check: RelationCheck, report: Report, terms: Term[]): number {
  if (check.tolerance === undefined) return 0;
  if (typeof check.tolerance === 'number') return check.tolerance;
  let decimals = 0;
  for (const t of terms) {
    const cell = report.tables[splitCellId(t.id).table]?.cells[t.id];
    decimals = Math.max(decimals, cell?.decimals ?? 0);
  }
  return decimals > 0 ? 0.5 * 10 ** -decimals * terms.length : 0;
}

function cellOf(report: Report, id: string): Cell | undefined {
  return report.tables[splitCellId(id).table]?.cells[id];
}

/**
 * The value of a side and what it lacks, as {@link quickEvaluate} through the report's resolver
 * gives them: from the side's plan for its table's layout when it names one table (plan.ts), else
 * through the resolver.
 */
function quickSide(e: Expr, report: Report, blankAsZero: boolean, tableId = soleTable(e)): QuickValue {
  return quickOnTable(e, tableId, report, blankAsZero) ?? quickEvaluate(e, resolverFor(report, blankAsZero));
}

/** True when an expansion's `when` holds: every cell it names is there and the comparison is true. */
function whenHolds(report: Report, when: Relation): boolean {
  const w = quickSide(when.left, report, false);
  const wr = when.right ? quickSide(when.right, report, false) : null;
  if (w.missing || w.text || (wr && (wr.missing || wr.text))) return false;
  return !(when.op && wr && !compare(w.value, when.op, wr.value, 0));
}

/** Per report, the tables that hold a blank cell (only they need the blank-aware path). */
const blankTables = new WeakMap<Report, Set<string>>();

function tablesWithBlanks(report: Report): Set<string> {
  let found = blankTables.get(report);
  if (!found) {
    found = new Set();
    for (const table of Object.values(report.tables)) {
      for (const id in table.cells) {
        if (table.cells[id]!.state === 'blank') {
          found.add(table.id);
          break;
        }
      }
    }
    blankTables.set(report, found);
  }
  return found;
}

/** True when a side of `c` may read a blank cell (a side over several tables: when any has one). */
function mayReadBlank(c: Compiled, report: Report): boolean {
  const blanks = tablesWithBlanks(report);
  if (blanks.size === 0) return false;
  const sides = c.relation.right ? [c.leftTable, c.rightTable] : [c.leftTable];
  return sides.some((t) => t === null || blanks.has(t));
}

/** The right side of a bare expression (`sum(…)` alone): 0. */
const NO_RIGHT: QuickValue = { value: 0, missing: 0, text: 0, empty: false };

/**
 * True when an expansion certainly holds: every cell read and the comparison true. Worked out
 * from values and counts only (no lists, no terms), which is all the common case needs; with
 * nothing missing, every term comes from a table the report has, so the checks on tables in
 * {@link outcomeOf} cannot apply. A `decimals` tolerance needs the terms, so it is left to
 * {@link outcomeOf}.
 */
function plainlyHolds(check: RelationCheck, c: Compiled, report: Report): 'holds' | 'empty' | 'check' {
  // A side all in a table the report lacks: its cells are missing in that table, so outcomeOf
  // would skip the expansion after evaluating it (and so would the 'empty' test, if the other
  // side is empty); skip it at once.
  if (soleTableAbsent(c.leftTable, report) || soleTableAbsent(c.rightTable, report)) return 'empty';
  const blankAsZero = check.blankAsZero ?? true;
  const left = quickSide(c.relation.left, report, blankAsZero, c.leftTable);
  const right = c.relation.right ? quickSide(c.relation.right, report, blankAsZero, c.rightTable) : NO_RIGHT;
  // A sum over rows this layout does not have: the relation does not apply.
  if (left.empty || right.empty) return 'empty';
  if (left.missing + right.missing + left.text + right.text > 0 || typeof check.tolerance === 'string') return 'check';
  if (!compare(left.value, c.relation.op ?? '==', right.value, check.tolerance ?? 0)) return 'check';
  // Holding with its blank cells read as 0 is not holding: the blank-aware path decides.
  return blankAsZero && mayReadBlank(c, report) ? 'check' : 'holds';
}

/** Evaluates a relation check on a report. */
export function checkRelation(ctx: CheckContext, check: RelationCheck): Outcome[] {
  const { report } = ctx;
  const out: Outcome[] = [];
  for (const c of compile(check)) {
    if (c.when && !whenHolds(report, c.when)) continue;
    if (plainlyHolds(check, c, report) !== 'check') continue;
    // Rare: the cells, as terms and lists, for the finding.
    const resolver = resolverFor(report, check.blankAsZero ?? true);
    const left = evaluate(c.relation.left, resolver);
    const right: SideValue = c.relation.right ? evaluate(c.relation.right, resolver) : { value: 0, terms: [], missing: [], text: [], empty: false };
    const outcome = outcomeOf(ctx, check, c, left, right);
    if (outcome) out.push(outcome);
  }
  return out;
}

/** The outcome of an expansion that has cells missing or unreadable, or that does not hold (null: it does not apply, or holds). */
function outcomeOf(ctx: CheckContext, check: RelationCheck, c: Compiled, left: SideValue, right: SideValue): Outcome | null {
  const { report } = ctx;
  const key = c.key;
  // (Empty sides never get here: plainlyHolds has returned 'empty' for them.)
  const missing = [...left.missing, ...right.missing];
  const text = [...left.text, ...right.text];
  const tables = new Set([...left.missing, ...right.missing, ...(left.terms ?? []).map((t) => t.id), ...(right.terms ?? []).map((t) => t.id)].map((id) => id.slice(0, id.indexOf('.'))));
  // A table the report does not have at all is reported once by the table rule, not here; and
  // a relation none of whose cells exist concerns rows this report's layout does not have.
  if ([...tables].some((t) => report.tables[t] === undefined)) return null;
  if (missing.length > 0 && (left.terms ?? []).length + (right.terms ?? []).length + text.length === 0) return null;
  const allTerms = [...(left.terms ?? []), ...(right.terms ?? [])];
  const anchorId = right.terms?.[right.terms.length - 1]?.id ?? left.terms?.[0]?.id ?? missing[0] ?? text[0] ?? '';
  const anchor = anchorId ? cellOf(report, anchorId) : undefined;
  const parts = anchorId ? splitCellId(anchorId) : null;
  const location = locate(anchor?.at ?? report.tables[[...tables][0] ?? '']?.at, parts ? {
    table: parts.table, tableLabel: tableLabel(parts.table), row: parts.row, rowLabel: rowLabel(parts.table, parts.row), col: parts.col, colLabel: colLabel(parts.table, parts.col),
  } : {});
  if (missing.length > 0 || text.length > 0) {
    const cells = missing.filter((id) => !id.includes('*'));
    const what: MessageValue[] = [
      ...missing.filter((id) => id.includes('*')).map((glob) => ({ message: 'part-rows-unreadable', vars: { glob } })),
      ...(cells.length > 0 ? [cellList(cells)] : []),
      ...text.map((id) => ({ message: 'part-not-a-number', vars: { cell: cellLabel(id), raw: cellOf(report, id)?.raw ?? '' } })),
    ];
    const vars = { description: ctx.rule.description, ruleId: ctx.rule.id, what: { join: what, sep: 'list-separator' }, ids: [...missing, ...text].join(', ') };
    return cannotSay(key, { message: 'cannot-read' }, vars, location);
  }
  const op = c.relation.op ?? '==';
  const tolerance = toleranceFor(check, report, allTerms);
  const blanks = allTerms.filter((t) => t.state === 'blank');
  const holdsAsZero = compare(left.value, op, right.value, tolerance);
  if (blanks.length > 0 && left.terms && right.terms && !failsWhateverBlanksHold(left.terms, right.terms, op, left.value - right.value, tolerance)) {
    return blankCannot(ctx, c, left, right, blanks, location);
  }
  if (holdsAsZero) return null;
  const vars: Record<string, MessageValue> = {
    lhs: fmt(left.value), rhs: fmt(right.value), diff: fmt(left.value - right.value),
    lhsTerms: left.terms ? describe(left.terms, allTerms) : c.source, rhsTerms: right.terms ? describe(right.terms, allTerms) : '',
    table: parts ? tableLabel(parts.table) : '', row: parts ? distinctRowLabel(parts.table, parts.row) : '', col: parts ? colLabel(parts.table, parts.col) : '',
  };
  for (const [name, value] of Object.entries(c.binding)) {
    vars[`${name}_id`] = value;
    const tableId = parts?.table ?? '';
    vars[name] = colLabel(tableId, value) !== value ? colLabel(tableId, value) : rowLabel(tableId, value) !== value ? distinctRowLabel(tableId, value) : value;
  }
  const outcome: Outcome = { status: 'fail', vars, location, key, expected: Number(fmt(left.value)), actual: Number(fmt(right.value)) };
  // Zero marks were read as 0: the finding says which (the shared note after the rule's message),
  // so a reader sees what the sum rests on.
  const marks = allTerms.filter((t) => t.state === 'dash' || t.state === 'na');
  if (marks.length > 0) {
    vars.marks = cellListValue(marks.map((t) => t.id), '、', 3);
    outcome.message = { join: [{ message: 'default' }, { message: 'zero-marks' }] };
  }
  return outcome;
}

/**
 * True when the relation fails for every value the blank terms could hold (each a count, 0 or
 * more): the difference left − right, with the blanks read as 0, can only move away from holding.
 */
function failsWhateverBlanksHold(left: readonly Term[], right: readonly Term[], op: string, diff: number, tolerance: number): boolean {
  // Which ways a blank can move the difference: up (a + term on the left, a − term on the right) or down.
  let up = false;
  let down = false;
  for (const t of left) {
    if (t.state === 'blank' && t.sign > 0) up = true;
    else if (t.state === 'blank') down = true;
  }
  for (const t of right) {
    if (t.state === 'blank' && t.sign > 0) down = true;
    else if (t.state === 'blank') up = true;
  }
  const tooHigh = diff > tolerance && !down;
  const tooLow = diff < -tolerance && !up;
  if (op === '==') return tooHigh || tooLow;
  if (op === '>=') return tooLow;
  if (op === '<=') return tooHigh;
  if (op === '>') return diff <= tolerance && !up;
  if (op === '<') return diff >= -tolerance && !down;
  return false;
}

/**
 * The cannot-check outcome of a relation that has blank cells and could hold: it names them, and
 * when there is one, the value the relation needs it to hold.
 */
function blankCannot(ctx: CheckContext, c: Compiled, left: SideValue, right: SideValue, blanks: readonly Term[], location: Outcome['location']): Outcome {
  const vars: Record<string, MessageValue> = { description: ctx.rule.description, ruleId: ctx.rule.id, cells: cellList(blanks.map((t) => t.id)), ids: blanks.map((t) => t.id).join(', ') };
  let id = blanks.length === 1 ? 'cannot-blank-one' : 'cannot-blank';
  const op = c.relation.op ?? '==';
  if (op === '==' && blanks.length === 1) {
    const b = blanks[0]!;
    const inLeft = left.terms!.includes(b);
    const value = inLeft ? b.sign * (right.value - left.value) : b.sign * (left.value - right.value);
    if (value >= 0 && Number.isInteger(value)) {
      id = 'cannot-blank-one-needs';
      vars.needed = fmt(value);
    }
  }
  const blankCell = blanks.length === 1 ? cellOf(ctx.report, blanks[0]!.id) : undefined;
  const parts = splitCellId(blanks[0]!.id);
  const at = blankCell ? locate(blankCell.at, { table: parts.table, tableLabel: tableLabel(parts.table), row: parts.row, rowLabel: rowLabel(parts.table, parts.row), col: parts.col, colLabel: colLabel(parts.table, parts.col) }) : location;
  return cannotSay(c.key, { message: id }, vars, at);
}

/**
 * True when a condition over cells holds for certain: every cell it names is present (blank cells
 * read as 0) and the comparison is true. Used for the `when` of text and narrative checks.
 */
export function holds(report: Report, condition: string): boolean {
  const relation = relationOf(condition);
  const left = quickSide(relation.left, report, true);
  const right = relation.right ? quickSide(relation.right, report, true) : null;
  if (left.missing || left.text || left.empty || !relation.op || !right) return false;
  if (right.missing || right.text || right.empty) return false;
  return compare(left.value, relation.op, right.value, 0);
}

/** The `relation` check kind. */
export const relationKind: CheckKind<'relation'> = {
  kind: 'relation',
  scope: 'report',
  cells: () => [],
  tables: () => [],
  expressions: (check) => ({ exprs: [{ source: check.assert, path: ['assert'] }, ...(check.when ? [{ source: check.when, path: ['when'] }] : [])], vars: check.for ?? {} }),
  messages: (check) => ({ default: ['lhs', 'rhs', 'diff', 'lhsTerms', 'rhsTerms', 'table', 'row', 'col', 'marks', ...Object.keys(check.for ?? {}).flatMap((v) => [v, `${v}_id`])] }),
  shared: {
    'cannot-read': ['description', 'ruleId', 'what', 'ids'],
    'part-rows-unreadable': ['glob'],
    'part-not-a-number': ['cell', 'raw'],
    'list-separator': [],
    'cannot-blank': ['description', 'ruleId', 'cells', 'ids'],
    'cannot-blank-one': ['description', 'ruleId', 'cells', 'ids'],
    'cannot-blank-one-needs': ['description', 'ruleId', 'cells', 'ids', 'needed'],
    'zero-marks': ['lhs', 'rhs', 'diff', 'lhsTerms', 'rhsTerms', 'table', 'row', 'col', 'marks'],
    'cells-more': ['cells', 'count'],
    'term-blank': [],
    'term-dash': [],
    'term-na': [],
  },
  describe(check) {
    const vars = Object.entries(check.for ?? {}).map(([k, v]) => `\`${k}\` ∈ ${v.map((x) => `\`${x}\``).join('、')}`);
    return [
      `算术关系${vars.length ? `，对每个 ${vars.join('，')}` : ''}：`,
      '',
      '```',
      check.assert,
      '```',
      check.when ? `\n仅当 \`${check.when}\` 时检查。` : '',
      check.tolerance !== undefined ? `\n容差：${check.tolerance === 'decimals' ? '按所填小数位' : check.tolerance}。` : '',
      '\n“—”“/”“无”“不适用”按 0 计算（提示信息中注明）。空白单元格不按 0 计算：无论空白处填什么（件数不为负）都不成立时才判为错误，否则给出“无法核对”提示（只有一个空白单元格时给出它应填的数值）。缺少或无法读取的单元格给出“无法核对”提示，不判为错误。',
    ].join('\n');
  },
  evaluate: (ctx, check) => checkRelation(ctx, check),
};
