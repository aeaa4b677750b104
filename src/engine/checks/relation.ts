/**
 * `relation`: an arithmetic assertion over cells, expanded over variables (each column, each row),
 * with a tolerance. Blank, dash and 不适用 count as 0 unless the rule says otherwise; a failing
 * relation with exactly one such cell reports the value the relation determines for it.
 */
import type { Report, Cell, TableInstance } from '../../model/report.js';
import { compare, evaluate, parseRelation, type Relation, type Resolver, type SideValue, type Term } from '../expr.js';
import { expand } from '../load.js';
import { cellLabel, colLabel, rowLabel, shortRowLabel, splitCellId, tableLabel } from '../labels.js';
import { cannot, locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';

type RelationCheck = Extract<Check, { kind: 'relation' }>;

interface Compiled {
  binding: Record<string, string>;
  relation: Relation;
  when: Relation | null;
  source: string;
}

const cache = new WeakMap<RelationCheck, Compiled[]>();

/** Parses every expansion of a relation once (rules are validated at load time). */
function compile(check: RelationCheck): Compiled[] {
  let compiled = cache.get(check);
  if (!compiled) {
    compiled = expand(check.for ?? {}).map((binding) => {
      const sub = (s: string): string => s.replace(/\{([a-z_]+)\}/g, (_m, v: string) => binding[v] ?? '');
      return { binding, relation: parseRelation(sub(check.assert)), when: check.when ? parseRelation(sub(check.when)) : null, source: sub(check.assert) };
    });
    cache.set(check, compiled);
  }
  return compiled;
}

const globCache = new WeakMap<Report, Map<string, string[] | null>>();

/** A resolver over a report's tables. */
export function resolverFor(report: Report, blankAsZero = true): Resolver {
  let globs = globCache.get(report);
  if (!globs) {
    globs = new Map();
    globCache.set(report, globs);
  }
  const cachedGlobs = globs;
  return {
    cell(id) {
      const { table: tableId, row } = splitCellId(id);
      const table = report.tables[tableId];
      const cell = table?.cells[id];
      if (!cell) {
        if (!table) return { kind: 'missing' };
        const expected = table.missingRows.includes(row) || table.unreadable.some((u) => u.row === row);
        return expected ? { kind: 'missing' } : { kind: 'absent' };
      }
      if (cell.state === 'text') return { kind: 'text' };
      if (cell.state === 'number') return { kind: 'value', value: cell.value ?? 0, state: 'number' };
      return blankAsZero ? { kind: 'value', value: 0, state: cell.state } : { kind: 'missing' };
    },
    glob(glob) {
      const cached = cachedGlobs.get(glob);
      if (cached !== undefined) return cached;
      const result = matchGlob(report, glob);
      cachedGlobs.set(glob, result);
      return result;
    },
  };
}

/**
 * Cell ids of one table grouped by "shape": for a set of `*` positions, the key is an id with those
 * segments replaced by `*`, so a glob is one map lookup. Scanning every cell id with the glob's
 * regular expression, once per glob per report, was the largest single cost of rule evaluation
 * (8 % of a batch run); the shapes of a rule set are few (one or two star positions).
 */
interface GlobIndex {
  /** Shape (star positions joined by ",", with the segment count) → glob key → matching ids in table order. */
  cells: Map<string, Map<string, string[]>>;
  /** The same over the ids of rows the table could not read (each row × each column the table has). */
  unread: Map<string, Set<string>>;
  cellIds: string[];
  unreadIds: string[];
}

const globIndexes = new WeakMap<TableInstance, GlobIndex>();
const globParts = new Map<string, { segments: string[]; stars: number[]; shape: string }>();
/** What `*` matches in a glob: one id segment, as in the regular expressions of `globToRegExp`. */
const STAR_SEGMENT = /^[A-Za-z0-9_]+$/;

function partsOf(glob: string): { segments: string[]; stars: number[]; shape: string } {
  let parts = globParts.get(glob);
  if (!parts) {
    const segments = glob.split('.');
    const stars = segments.flatMap((s, i) => (s === '*' ? [i] : []));
    parts = { segments, stars, shape: `${segments.length}:${stars.join(',')}` };
    globParts.set(glob, parts);
  }
  return parts;
}

/**
 * The glob key of an id for a shape (segment count and star positions, ascending), or null when
 * the id has another segment count or a starred segment is not one `*` can match. Works on the
 * string (no split): this runs for every cell of every table a rule set globs over.
 */
function keyFor(id: string, count: number, stars: readonly number[]): string | null {
  let key = '';
  let from = 0;
  let star = 0;
  for (let segment = 0; segment < count; segment++) {
    const dot = id.indexOf('.', from);
    const last = segment === count - 1;
    if (last ? dot >= 0 : dot < 0) return null;
    const end = last ? id.length : dot;
    if (stars[star] === segment) {
      if (end === from || !STAR_SEGMENT.test(id.slice(from, end))) return null;
      key += segment === 0 ? '*' : '.*';
      star++;
    } else key += segment === 0 ? id.slice(from, end) : `.${id.slice(from, end)}`;
    from = end + 1;
  }
  return key;
}

function shapeOf(ids: readonly string[], count: number, stars: readonly number[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const id of ids) {
    const key = keyFor(id, count, stars);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(id);
    else byKey.set(key, [id]);
  }
  return byKey;
}

/** The cell ids of a report a glob covers, or null when rows it covers could not be read. */
function matchGlob(report: Report, glob: string): string[] | null {
  const table = report.tables[glob.slice(0, glob.indexOf('.'))];
  if (!table) return null;
  let index = globIndexes.get(table);
  if (!index) {
    const cellIds = Object.keys(table.cells);
    const unreadRows = [...table.missingRows, ...table.unreadable.map((u) => u.row)];
    const cols = unreadRows.length > 0 ? [...new Set(Object.values(table.cells).map((c) => c.col))] : [];
    index = { cells: new Map(), unread: new Map(), cellIds, unreadIds: unreadRows.flatMap((row) => cols.map((col) => `${table.id}.${row}.${col}`)) };
    globIndexes.set(table, index);
  }
  const { segments, stars, shape } = partsOf(glob);
  let unread = index.unread.get(shape);
  if (!unread) {
    unread = new Set(shapeOf(index.unreadIds, segments.length, stars).keys());
    index.unread.set(shape, unread);
  }
  if (unread.has(glob)) return null;
  let cells = index.cells.get(shape);
  if (!cells) {
    cells = shapeOf(index.cellIds, segments.length, stars);
    index.cells.set(shape, cells);
  }
  // A copy: callers may keep the list.
  return [...(cells.get(glob) ?? [])];
}

/** How a term is named in a sum: by column when all terms share a row, by row when they share a column. */
function describe(terms: Term[], all: Term[]): string {
  if (terms.length === 0) return '0';
  const parts = all.map((t) => splitCellId(t.id));
  const sameRow = parts.every((p) => p.row === parts[0]!.row && p.table === parts[0]!.table);
  const sameCol = parts.every((p) => p.col === parts[0]!.col && p.table === parts[0]!.table);
  return terms
    .map((t, i) => {
      const { table, row, col } = splitCellId(t.id);
      const name = sameRow ? colLabel(table, col) : sameCol ? shortRowLabel(table, row) : `${shortRowLabel(table, row)}·${colLabel(table, col)}`;
      const shown = t.state === 'number' ? String(t.value) : t.state === 'blank' ? '（空）' : `（${t.state === 'dash' ? '—' : '不适用'}）`;
      return `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${name} ${shown}`;
    })
    .join('');
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

/** Evaluates a relation check on a report. */
export function checkRelation(ctx: CheckContext, check: RelationCheck): Outcome[] {
  const { report } = ctx;
  const resolver = resolverFor(report, check.blankAsZero ?? true);
  const out: Outcome[] = [];
  for (const c of compile(check)) {
    const key = Object.entries(c.binding).map(([k, v]) => `${k}=${v}`).join(',') || 'all';
    if (c.when) {
      const w = evaluate(c.when.left, resolverFor(report, false));
      const wr = c.when.right ? evaluate(c.when.right, resolverFor(report, false)) : null;
      if (w.missing.length || w.text.length || (wr && (wr.missing.length || wr.text.length))) continue;
      if (c.when.op && wr && !compare(w.value, c.when.op, wr.value, 0)) continue;
    }
    const left = evaluate(c.relation.left, resolver);
    const right: SideValue = c.relation.right ? evaluate(c.relation.right, resolver) : { value: 0, terms: [], missing: [], text: [], empty: false };
    // A sum over rows this layout does not have: the relation does not apply.
    if (left.empty || right.empty) continue;
    const missing = [...left.missing, ...right.missing];
    const text = [...left.text, ...right.text];
    const tables = new Set([...left.missing, ...right.missing, ...(left.terms ?? []).map((t) => t.id), ...(right.terms ?? []).map((t) => t.id)].map((id) => id.slice(0, id.indexOf('.'))));
    // A table the report does not have at all is reported once by the table rule, not here; and
    // a relation none of whose cells exist concerns rows this report's layout does not have.
    if ([...tables].some((t) => report.tables[t] === undefined)) continue;
    if (missing.length > 0 && (left.terms ?? []).length + (right.terms ?? []).length + text.length === 0) continue;
    const allTerms = [...(left.terms ?? []), ...(right.terms ?? [])];
    const anchorId = right.terms?.[right.terms.length - 1]?.id ?? left.terms?.[0]?.id ?? missing[0] ?? text[0] ?? '';
    const anchor = anchorId ? cellOf(report, anchorId) : undefined;
    const parts = anchorId ? splitCellId(anchorId) : null;
    const location = locate(anchor?.at ?? report.tables[[...tables][0] ?? '']?.at, parts ? {
      table: parts.table, tableLabel: tableLabel(parts.table), row: parts.row, rowLabel: rowLabel(parts.table, parts.row), col: parts.col, colLabel: colLabel(parts.table, parts.col),
    } : {});
    if (missing.length > 0 || text.length > 0) {
      const what = [...missing.map((id) => (id.includes('*') ? `${id}（部分行无法读取）` : cellLabel(id))), ...text.map((id) => `${cellLabel(id)}（填的不是数字：「${cellOf(report, id)?.raw ?? ''}」）`)];
      out.push(cannot(key, `无法核对「${ctx.rule.description}」：缺少或无法读取 ${what.join('、')}`, `Cannot check "${ctx.rule.id}": missing or unreadable ${[...missing, ...text].join(', ')}`, location));
      continue;
    }
    const op = c.relation.op ?? '==';
    const tolerance = toleranceFor(check, report, allTerms);
    if (compare(left.value, op, right.value, tolerance)) continue;
    const vars: Record<string, string | number> = {
      lhs: fmt(left.value), rhs: fmt(right.value), diff: fmt(left.value - right.value),
      lhsTerms: left.terms ? describe(left.terms, allTerms) : c.source, rhsTerms: right.terms ? describe(right.terms, allTerms) : '',
      table: parts ? tableLabel(parts.table) : '', row: parts ? shortRowLabel(parts.table, parts.row) : '', col: parts ? colLabel(parts.table, parts.col) : '',
    };
    for (const [name, value] of Object.entries(c.binding)) {
      vars[`${name}_id`] = value;
      const tableId = parts?.table ?? '';
      vars[name] = colLabel(tableId, value) !== value ? colLabel(tableId, value) : rowLabel(tableId, value) !== value ? shortRowLabel(tableId, value) : value;
    }
    const outcome: Outcome = { status: 'fail', vars, location, key, expected: Number(fmt(left.value)), actual: Number(fmt(right.value)) };
    // A single blank cell in a plain sum: the relation says what it should hold.
    const blanks = allTerms.filter((t) => t.state !== 'number');
    if (op === '==' && blanks.length === 1 && left.terms && right.terms) {
      const b = blanks[0]!;
      const inLeft = left.terms.includes(b);
      const value = inLeft ? b.sign * (right.value - left.value) : b.sign * (left.value - right.value);
      if (value >= 0 && Number.isInteger(value)) {
        vars.blankCell = cellLabel(b.id);
        vars.blankValue = fmt(value);
        outcome.expected = value;
        outcome.actual = null;
        const blankCell = cellOf(report, b.id);
        const bp = splitCellId(b.id);
        outcome.location = locate(blankCell?.at, { table: bp.table, tableLabel: tableLabel(bp.table), row: bp.row, rowLabel: rowLabel(bp.table, bp.row), col: bp.col, colLabel: colLabel(bp.table, bp.col) });
      }
    }
    out.push(outcome);
  }
  return out;
}

/**
 * True when a condition over cells holds for certain: every cell it names is present (blank cells
 * read as 0) and the comparison is true. Used for the `when` of text and narrative checks.
 */
export function holds(report: Report, condition: string): boolean {
  const relation = parseRelation(condition);
  const resolver = resolverFor(report, true);
  const left = evaluate(relation.left, resolver);
  const right = relation.right ? evaluate(relation.right, resolver) : null;
  if (left.missing.length || left.text.length || left.empty || !relation.op || !right) return false;
  if (right.missing.length || right.text.length || right.empty) return false;
  return compare(left.value, relation.op, right.value, 0);
}
