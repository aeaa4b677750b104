/**
 * Mutation test of the checker (issue 10): in each real report, change one table number at a time
 * — every cell that takes part in an exact relation of the rule packs that holds on the original —
 * re-parse and re-check the changed text end to end, and measure the share of changes detected.
 *
 * Run: `npx tsx scripts/mutation.ts [files...]` (default: every text fixture) or `npm run mutation`.
 * Options: `--clean` (only the reports with no verified defect), `--only-inc` (one mutation per
 * cell instead of two), `--kinds=inc,alt,wide` (see {@link MutationKind}), `--blanks`
 * (also write 1 into each blank cell of those relations, reported apart), `--json`.
 *
 * Which cells: those the `relation` checks of the built-in packs reference, expanded over their
 * `for:` variables exactly as the engine expands them, kept only when the relation is an exact
 * equality (`==` with no tolerance), applies to the report's edition, and holds on the original
 * report. A relation that already fails cannot reveal a mutation (its finding exists already);
 * inequalities and relations with a tolerance are not exact. Only cells whose state is `number`
 * are changed: a blank, dash or 不适用 cell has no number to change, and writing one into it is a
 * different test (the cell-state rules).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, evaluate, parseRelation, type Relation, type Resolver, type SideValue } from '../src/engine/expr.js';
import { expand } from '../src/engine/load.js';
import { resolverFor } from '../src/engine/checks/relation.js';
import { Checker } from '../src/engine/run.js';
import { isCrossRule, type Pack, type Rule } from '../src/engine/schema.js';
import { ingestText } from '../src/ingest/text.js';
import { DEFAULT_LIMITS } from '../src/ingest/limits.js';
import type { Finding } from '../src/model/finding.js';
import type { Cell, Report } from '../src/model/report.js';
import { loadRuleDirs } from '../src/node.js';
import { parseReport } from '../src/parse/index.js';

/** The project root. */
export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Reports whose verified defects (fixtures/corpus/MANIFEST.md, seeds/expected.json) touch none of
 * the table arithmetic: the "clean" reports of the headline figure. The others are still measured,
 * on the relations that hold in them.
 */
export const CLEAN_REPORTS: readonly string[] = ['001-huaian-city-2024.txt', '004-shuyang-county-2025.txt', '013-pingtan-2024.txt', '023-shuyang-county-fgj-2023.txt'];

/** Every real text report of the fixtures, relative to the project root. */
export function fixtureReports(): string[] {
  const dirs = ['fixtures/corpus/text', 'fixtures/seeds'];
  return dirs.flatMap((d) => readdirSync(resolve(ROOT, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => `${d}/${f}`));
}

/** One concrete relation (a rule's assert after expansion) that holds exactly on a report. */
export interface ExactRelation {
  ruleId: string;
  severity: Rule['severity'];
  /** The expanded assertion, e.g. `t3.new.np + t3.carried_in.np == t3.r.total.np + t3.carried_out.np`. */
  source: string;
  /** The cells it reads whose coefficient is not zero (a change to one of them breaks it). */
  cells: string[];
}

const ALL_EDITIONS = ['2008', '2019', '2021', 'none'] as const;

/** Parses report text the way the CLI parses a .txt file. */
export function parseText(text: string): Report {
  return parseReport(ingestText(new TextEncoder().encode(text), 'text', DEFAULT_LIMITS));
}

function cellOf(report: Report, id: string): Cell | undefined {
  for (const table of Object.values(report.tables)) {
    const cell = table.cells[id];
    if (cell) return cell;
  }
  return undefined;
}

/** Evaluates a parsed relation as the relation check does; null when it does not apply or cannot be checked. */
function holdsOn(report: Report, relation: Relation, resolver: Resolver): { holds: boolean; left: SideValue; right: SideValue } | null {
  const left = evaluate(relation.left, resolver);
  const right: SideValue = relation.right ? evaluate(relation.right, resolver) : { value: 0, terms: [], missing: [], text: [], empty: false };
  if (left.empty || right.empty) return null;
  if (left.missing.length || right.missing.length || left.text.length || right.text.length) return null;
  const terms = [...(left.terms ?? []), ...(right.terms ?? [])];
  // A relation over a blank cell is no certain relation: the checker does not read a blank as 0.
  if (terms.some((t) => t.state === 'blank')) return null;
  const ids = terms.map((t) => t.id);
  if (ids.some((id) => report.tables[id.slice(0, id.indexOf('.'))] === undefined)) return null;
  return { holds: compare(left.value, relation.op ?? '==', right.value, 0), left, right };
}

/** The `when` of a relation check, evaluated as the engine does (blank cells do not count). */
function whenHolds(report: Report, when: string | undefined): boolean {
  if (!when) return true;
  const relation = parseRelation(when);
  const strict = resolverFor(report, false);
  const w = evaluate(relation.left, strict);
  const wr = relation.right ? evaluate(relation.right, strict) : null;
  if (w.missing.length || w.text.length || (wr && (wr.missing.length || wr.text.length))) return false;
  return !(relation.op && wr && !compare(w.value, relation.op, wr.value, 0));
}

/**
 * The exact relations of the packs that apply to the report and hold on it, with the cells each
 * one reads. Cross-report rules are left out: they need another report.
 */
export function exactRelations(report: Report, packs: readonly Pack[]): ExactRelation[] {
  const edition = report.meta.edition ?? 'none';
  const out: ExactRelation[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (isCrossRule(rule) || rule.check.kind !== 'relation') continue;
      const check = rule.check;
      if (check.tolerance !== undefined && check.tolerance !== 0) continue;
      const editions: readonly string[] = rule.editions ?? pack.editions ?? ALL_EDITIONS;
      if (!editions.includes(edition)) continue;
      for (const binding of expand(check.for ?? {})) {
        const sub = (s: string): string => s.replace(/\{([a-z_]+)\}/g, (_m, v: string) => binding[v] ?? '');
        const source = sub(check.assert);
        const relation = parseRelation(source);
        if ((relation.op ?? '==') !== '==') continue;
        if (!whenHolds(report, check.when ? sub(check.when) : undefined)) continue;
        const result = holdsOn(report, relation, resolverFor(report, check.blankAsZero ?? true));
        if (!result?.holds || !result.left.terms || !result.right.terms) continue;
        // Net coefficient of each cell: a cell on both sides with the same sign cancels out.
        const coef = new Map<string, number>();
        for (const t of result.left.terms) coef.set(t.id, (coef.get(t.id) ?? 0) + t.sign);
        for (const t of result.right.terms) coef.set(t.id, (coef.get(t.id) ?? 0) - t.sign);
        out.push({ ruleId: rule.id, severity: rule.severity, source, cells: [...coef].filter(([, c]) => c !== 0).map(([id]) => id) });
      }
    }
  }
  return out;
}

/** A mutated text, and a note when the cell was not where the model says it is. */
export interface MutatedText {
  text: string;
  /** Set when the cell's raw text was not at its recorded line and column (a location bug). */
  locationNote?: string;
}

/**
 * Writes a new number into the report text at a cell's place (its line and column). When the
 * cell's text is not on its recorded line, the next line is tried (and the miss is noted), so a
 * location bug is reported instead of ending the run. A blank cell (raw '') gets the number
 * inserted at its column.
 */
export function mutateText(text: string, cell: Cell, value: number): MutatedText {
  const lines = text.split('\n');
  const from = Math.max(0, (cell.at.column ?? 1) - 1);
  if (cell.raw === '') {
    // A blank cell: the number is written where the cell is (between its TABs, or at the end).
    const line = lines[cell.at.line - 1];
    if (line === undefined || from > line.length) throw new Error(`${cell.id}: no column ${from + 1} on line ${cell.at.line}`);
    lines[cell.at.line - 1] = line.slice(0, from) + String(value) + line.slice(from);
    return { text: lines.join('\n') };
  }
  const digits = /\d+/.exec(cell.raw);
  if (!digits) throw new Error(`${cell.id}: "${cell.raw}" has no digits`);
  // Keep whatever surrounds the digits in the cell (a unit, a sign): only the number changes.
  const raw = cell.raw.slice(0, digits.index) + String(value) + cell.raw.slice(digits.index + digits[0].length);
  const tries: [number, number][] = [[cell.at.line - 1, from], [cell.at.line, 0]];
  for (const [index, start] of tries) {
    const line = lines[index];
    if (line === undefined) continue;
    const at = line.startsWith(cell.raw, start) ? start : line.indexOf(cell.raw, start);
    if (at < 0) continue;
    lines[index] = line.slice(0, at) + raw + line.slice(at + cell.raw.length);
    const mutated: MutatedText = { text: lines.join('\n') };
    if (index !== cell.at.line - 1) mutated.locationNote = `model says line ${cell.at.line} col ${cell.at.column ?? 1}, found on line ${index + 1} col ${at + 1}`;
    return mutated;
  }
  throw new Error(`${cell.id}: cannot find "${cell.raw}" on line ${cell.at.line} or the next`);
}

/**
 * The kinds of change: `inc` adds 1; `alt` subtracts 1, or writes 7 into a 0; `wide` adds a digit
 * in front (5 → 15, 37 → 137), which moves the columns of a whitespace-aligned layout (not in the
 * default set: it measures the parser more than the rules).
 */
export type MutationKind = 'inc' | 'alt' | 'wide';

/** The new value of a mutation (always a non-negative integer, so the cell stays a count). */
export function mutatedValue(value: number, kind: MutationKind): number {
  if (kind === 'inc') return value + 1;
  if (kind === 'wide') return value + 10 ** String(value).length;
  return value >= 1 ? value - 1 : 7;
}

/** One mutation and what the checker made of it. */
export interface MutationResult {
  cell: string;
  kind: MutationKind;
  original: number;
  mutated: number;
  line: number;
  /** The exact relations (rule id: expansion) the cell takes part in on the original. */
  relations: string[];
  /** New error or warning findings (not present, by fingerprint, for the original). */
  newFindings: { ruleId: string; severity: Finding['severity'] }[];
  detected: boolean;
  detectedByError: boolean;
  /** True when a new finding comes from a rule of one of the cell's own relations. */
  detectedByRelation: boolean;
  /** Set when the cell's recorded location was off (see {@link mutateText}). */
  locationNote?: string;
  /**
   * What the parser read differently from the intended change (the cell read as another value,
   * or other cells changed), whether or not the change was detected; absent when it read it right.
   */
  misread?: string;
  /** For an undetected mutation: why, as far as the script can tell. */
  reason?: string;
}

/** The measurement on one report. */
export interface ReportResult {
  file: string;
  clean: boolean;
  /** Cells in exact relations that hold on the original (state `number`). */
  cells: number;
  /** Cells in those relations that are blank, dash or 不适用 (not mutated). */
  skippedNonNumber: string[];
  mutations: MutationResult[];
  /** With {@link MutationOptions.blanks}: a 1 written into each blank cell (original 0 = blank). */
  blankFills: MutationResult[];
  detected: number;
  detectedByError: number;
}

/** Options of {@link runMutations}. */
export interface MutationOptions {
  kinds?: readonly MutationKind[];
  packs?: readonly Pack[];
  /**
   * Also write 1 into each blank cell of the exact relations (measured apart from the headline
   * figure, in {@link ReportResult.blankFills}): blank reads as 0, so 1 must break the relation.
   */
  blanks?: boolean;
  /** Only mutate the cells this accepts (all by default). */
  only?: (cellId: string) => boolean;
}

const seen = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';

/** How the mutated report's cells differ from the intended change, or null when they match it. */
function misreadOf(original: Report, mutatedReport: Report, cellId: string, value: number): string | null {
  const cell = cellOf(mutatedReport, cellId);
  if (!cell) return `the mutated report has no cell ${cellId}`;
  if (cell.state !== 'number' || cell.value !== value) return `the mutated cell is read as ${cell.state} ${JSON.stringify(cell.raw)} (${cell.value ?? '—'}), not ${value}`;
  const changed: string[] = [];
  for (const table of Object.values(original.tables)) {
    for (const c of Object.values(table.cells)) {
      if (c.id === cellId) continue;
      const m = cellOf(mutatedReport, c.id);
      if (!m || m.value !== c.value || m.state !== c.state) changed.push(`${c.id} ${c.raw}→${m?.raw ?? '（无）'}`);
    }
  }
  for (const table of Object.values(mutatedReport.tables)) {
    for (const c of Object.values(table.cells)) if (!cellOf(original, c.id)) changed.push(`${c.id} （无）→${c.raw}`);
  }
  return changed.length ? `other cells changed too (${changed.slice(0, 4).join(', ')}${changed.length > 4 ? ' …' : ''})` : null;
}

/** Why a mutation produced no new finding: the parser read something else, or the relation survived. */
function diagnose(mutatedReport: Report, misread: string | null, relations: ExactRelation[]): string {
  if (misread) return `parser: ${misread}`;
  const broken = relations.filter((r) => {
    const res = holdsOn(mutatedReport, parseRelation(r.source), resolverFor(mutatedReport));
    return res !== null && !res.holds;
  });
  if (broken.length === 0) return 'every relation of the cell still holds on the mutated report';
  return `relation broken but no new finding (same fingerprint as an existing finding?): ${broken.map((r) => r.ruleId).join(', ')}`;
}

/** Runs the mutation test on one report's text. */
export async function mutateReport(file: string, text: string, checker: Checker, packs: readonly Pack[], options: Pick<MutationOptions, 'kinds' | 'blanks' | 'only'> = {}): Promise<ReportResult> {
  const kinds = options.kinds ?? ['inc', 'alt'];
  const originalReport = parseText(text);
  const baseline = new Set((await checker.check(originalReport)).map((f) => f.fingerprint));
  const relations = exactRelations(originalReport, packs);
  const byCell = new Map<string, ExactRelation[]>();
  for (const r of relations) for (const id of r.cells) byCell.set(id, [...(byCell.get(id) ?? []), r]);
  const skippedNonNumber: string[] = [];
  const mutations: MutationResult[] = [];
  const blankFills: MutationResult[] = [];
  let cells = 0;
  const mutate = async (cell: Cell, original: number, value: number, kind: MutationKind, rels: ExactRelation[]): Promise<MutationResult> => {
    const mutatedText = mutateText(text, cell, value);
    const mutatedReport = parseText(mutatedText.text);
    const fresh = (await checker.check(mutatedReport)).filter((f) => seen(f) && !baseline.has(f.fingerprint));
    const result: MutationResult = {
      cell: cell.id, kind, original, mutated: value, line: cell.at.line,
      relations: rels.map((r) => `${r.ruleId}: ${r.source}`),
      newFindings: fresh.map((f) => ({ ruleId: f.ruleId, severity: f.severity })),
      detected: fresh.length > 0,
      detectedByError: fresh.some((f) => f.severity === 'error'),
      detectedByRelation: fresh.some((f) => rels.some((r) => r.ruleId === f.ruleId)),
    };
    if (mutatedText.locationNote) result.locationNote = mutatedText.locationNote;
    const misread = misreadOf(originalReport, mutatedReport, cell.id, value);
    if (misread) result.misread = misread;
    if (!result.detected) result.reason = diagnose(mutatedReport, misread, rels);
    return result;
  };
  for (const [id, rels] of byCell) {
    if (options.only && !options.only(id)) continue;
    const cell = cellOf(originalReport, id);
    if (!cell || cell.state !== 'number' || cell.value === null || !Number.isInteger(cell.value)) {
      skippedNonNumber.push(id);
      if (options.blanks && cell?.state === 'blank' && cell.raw === '') blankFills.push(await mutate(cell, 0, 1, 'inc', rels));
      continue;
    }
    cells++;
    for (const kind of kinds) mutations.push(await mutate(cell, cell.value, mutatedValue(cell.value, kind), kind, rels));
  }
  return {
    file, clean: CLEAN_REPORTS.includes(basename(file)), cells, skippedNonNumber, mutations, blankFills,
    detected: mutations.filter((m) => m.detected).length,
    detectedByError: mutations.filter((m) => m.detectedByError).length,
  };
}

/** Runs the mutation test on report files (paths relative to the project root or absolute). */
export async function runMutations(files: readonly string[] = fixtureReports(), options: MutationOptions = {}): Promise<ReportResult[]> {
  let packs = options.packs;
  if (!packs) {
    const loaded = loadRuleDirs();
    if (loaded.errors.length) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    packs = loaded.packs;
  }
  const checker = new Checker(packs);
  const results: ReportResult[] = [];
  for (const file of files) results.push(await mutateReport(file, readFileSync(resolve(ROOT, file), 'utf8'), checker, packs, options));
  return results;
}

/** Totals over some reports. */
export function totals(results: readonly ReportResult[]): { cells: number; mutations: number; detected: number; detectedByError: number } {
  return results.reduce((t, r) => ({ cells: t.cells + r.cells, mutations: t.mutations + r.mutations.length, detected: t.detected + r.detected, detectedByError: t.detectedByError + r.detectedByError }), { cells: 0, mutations: 0, detected: 0, detectedByError: 0 });
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** The human-readable report: one line per report, totals, then every undetected mutation. */
export function formatResults(results: readonly ReportResult[]): string {
  const out: string[] = ['report                                   cells  mutations  detected (err+warn)   by an error'];
  const row = (name: string, t: ReturnType<typeof totals>): string =>
    `${name.padEnd(40)} ${String(t.cells).padStart(5)}  ${String(t.mutations).padStart(9)}  ${`${t.detected} ${pct(t.detected, t.mutations)}`.padStart(19)}   ${`${t.detectedByError} ${pct(t.detectedByError, t.mutations)}`.padStart(11)}`;
  for (const r of results) out.push(row(`${basename(r.file)}${r.clean ? ' *' : ''}`, totals([r])));
  out.push(row('clean reports (*)', totals(results.filter((r) => r.clean))));
  out.push(row('all reports', totals(results)));
  const skipped = results.flatMap((r) => r.skippedNonNumber.map((id) => `${basename(r.file)} ${id}`));
  if (skipped.length) out.push('', `not mutated (blank, dash or 不适用 cells in exact relations): ${skipped.length}`);
  const fills = results.flatMap((r) => r.blankFills.map((m) => ({ r, m })));
  if (fills.length) {
    const d = fills.filter(({ m }) => m.detected).length;
    const e = fills.filter(({ m }) => m.detectedByError).length;
    out.push(`blank cells filled with 1: ${fills.length}, detected ${d} (${pct(d, fills.length)}), by an error ${e} (${pct(e, fills.length)})`);
    for (const { r, m } of fills.filter(({ m }) => !m.detected || m.misread)) out.push(`  ${basename(r.file)} ${m.cell}: blank → 1 — ${m.reason ?? m.misread ?? ''}`);
  }
  const missed = results.flatMap((r) => r.mutations.filter((m) => !m.detected).map((m) => ({ r, m })));
  out.push('', missed.length ? `undetected mutations: ${missed.length}` : 'undetected mutations: none');
  for (const { r, m } of missed) out.push(`  ${basename(r.file)} line ${m.line} ${m.cell}: ${m.original} → ${m.mutated} — ${m.reason ?? ''}`, `      in ${m.relations.join(' | ')}`);
  const located = results.flatMap((r) => r.mutations.filter((m) => m.locationNote && m.kind === 'inc').map((m) => `  ${basename(r.file)} ${m.cell}: ${m.locationNote ?? ''}`));
  if (located.length) out.push('', `cells whose recorded location is off (parser): ${located.length}`, ...located);
  const misread = results.flatMap((r) => r.mutations.filter((m) => m.misread).map((m) => `  ${basename(r.file)} ${m.cell}: ${m.original} → ${m.mutated} ${m.detected ? '(detected)' : '(undetected)'} — ${m.misread ?? ''}`));
  if (misread.length) out.push('', `mutations the parser read differently: ${misread.length}`, ...misread);
  const warnOnly = results.flatMap((r) => r.mutations.filter((m) => m.detected && !m.detectedByError).map((m) => ({ r, m })));
  if (warnOnly.length) {
    out.push('', `detected by a warning only: ${warnOnly.length}`);
    for (const { r, m } of warnOnly) out.push(`  ${basename(r.file)} ${m.cell}: ${m.original} → ${m.mutated} — ${[...new Set(m.newFindings.map((f) => f.ruleId))].join(', ')}`);
  }
  return out.join('\n');
}

// Run as a script: print the figures; exit 1 when a mutation went undetected.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  let chosen = files.length ? files : fixtureReports();
  if (args.includes('--clean')) chosen = chosen.filter((f) => CLEAN_REPORTS.includes(basename(f)));
  const kindArg = args.find((a) => a.startsWith('--kinds='))?.slice('--kinds='.length);
  const kinds = (kindArg ? kindArg.split(',') : args.includes('--only-inc') ? ['inc'] : ['inc', 'alt']) as MutationKind[];
  const results = await runMutations(chosen, { kinds, blanks: args.includes('--blanks') });
  console.log(args.includes('--json') ? JSON.stringify(results, null, 1) : formatResults(results));
  process.exitCode = totals(results).detected === totals(results).mutations ? 0 : 1;
}
