/**
 * Metamorphic testing of the checker on the real reports of `fixtures/` (issues 15 and 16).
 *
 * A transformation rewrites a report the way real agencies write theirs. A **clean** transformation
 * (another numbering style, a heading reworded, a date written otherwise, zero written as —, a
 * table laid out otherwise …) is no defect: the rewritten report must draw no error, read every
 * table cell with the same value, and change no warning except those the transformation names.
 * A **defect** transformation (an unfilled placeholder, a removed section, a wrong title year …)
 * must be found by the named rule at the named severity.
 *
 * Transformations are functions of the report text, never of line numbers: each says by returning
 * null that it does not apply to a report (no such heading, date or table there).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { Checker } from '../../src/engine/run.js';
import { builtinPacks, parseText, ROOT } from '../helpers/examples.js';

/**
 * The real reports whose original draws no error: the population every clean transformation is
 * applied to (paths relative to the project root).
 */
export const CLEAN_FIXTURES: readonly string[] = [
  'fixtures/corpus/text/001-huaian-city-2024.txt',
  'fixtures/corpus/text/003-hongze-district-2024.txt',
  'fixtures/corpus/text/004-shuyang-county-2025.txt',
  'fixtures/corpus/text/006-shanghai-gov-office-2025.txt',
  'fixtures/corpus/text/010-pingtan-2021.txt',
  'fixtures/corpus/text/013-pingtan-2024.txt',
  'fixtures/corpus/text/018-pingtan-zone-2012.txt',
  'fixtures/corpus/text/023-shuyang-county-fgj-2023.txt',
  'fixtures/seeds/001-linzi-2017.txt',
  'fixtures/seeds/002-kejiju-2016.txt',
];

/** A rewrite of a report. Returns null when it does not apply to this report. */
export type Rewrite = (text: string, report: Report) => string | null;

/** A rewrite that is no defect. */
export interface CleanTransform {
  name: string;
  apply: Rewrite;
  /** Rule ids whose warnings or infos may appear or disappear (e.g. a wording note). */
  allow?: readonly string[];
  /** Cells that the rewrite may leave unread (it removes them on purpose); default none. */
  mayLoseCells?: boolean;
  /** The rewrite must apply to at least this many of {@link CLEAN_FIXTURES} (default 1). */
  minApplicable?: number;
}

/** A rewrite that introduces one defect. */
export interface DefectTransform {
  name: string;
  apply: Rewrite;
  /** The rule that must report it, and at what severity. */
  expect: { ruleId: string; severity: Finding['severity'] };
  /** Rules that must not give an error on it (the defect is no certain failure of theirs). */
  noErrorFrom?: readonly string[];
  /** As for {@link CleanTransform.minApplicable}. */
  minApplicable?: number;
}

interface Checked {
  text: string;
  report: Report;
  findings: Finding[];
}

let checker: Checker | null = null;
const checked = new Map<string, Checked>();

/** Parses and checks report text with the built-in packs. */
export async function checkReport(text: string): Promise<{ report: Report; findings: Finding[] }> {
  checker ??= new Checker(builtinPacks());
  const report = parseText(text);
  return { report, findings: await checker.check(report) };
}

/** The original of a fixture, parsed and checked once per test file. */
export async function original(file: string): Promise<Checked> {
  let hit = checked.get(file);
  if (!hit) {
    const text = readFileSync(resolve(ROOT, file), 'utf8');
    hit = { text, ...(await checkReport(text)) };
    checked.set(file, hit);
  }
  return hit;
}

/** Every number-like cell of every table, by `table.cell id`, as value or `state:raw`. */
export function cellValues(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of Object.values(report.tables)) {
    for (const cell of Object.values(table.cells)) {
      out.set(`${table.id}.${cell.id}`, cell.state === 'number' ? String(cell.value) : cell.state);
    }
  }
  return out;
}

/** The differences of two cell maps, as readable lines (empty when equal). */
export function cellDiff(before: Map<string, string>, after: Map<string, string>, mayLose = false): string[] {
  const out: string[] = [];
  for (const [id, value] of before) {
    const now = after.get(id);
    if (now === undefined) {
      if (!mayLose) out.push(`${id}: ${value} → (not read)`);
    } else if (now !== value) out.push(`${id}: ${value} → ${now}`);
  }
  for (const [id, value] of after) if (!before.has(id)) out.push(`${id}: (not read) → ${value}`);
  return out;
}

const findingKey = (f: Finding): string => `${f.severity}:${f.ruleId}`;

/** Warnings and infos that appear or disappear, as `+severity:rule` / `-severity:rule`, minus allowed rules. */
export function findingChanges(before: readonly Finding[], after: readonly Finding[], allow: readonly string[] = []): string[] {
  const count = (list: readonly Finding[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const f of list) if (!allow.includes(f.ruleId)) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
    return m;
  };
  const a = count(before);
  const b = count(after);
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const d = (b.get(k) ?? 0) - (a.get(k) ?? 0);
    if (d > 0) out.push(`+${k} ×${d}`);
    if (d < 0) out.push(`-${k} ×${-d}`);
  }
  return out.sort();
}

const describeErrors = (findings: readonly Finding[]): string[] =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} @${f.location.line}: ${f.message}`);

/**
 * Registers one test per clean transformation: applied to every clean fixture it fits, the
 * rewritten report draws no error, reads the same cells and changes no finding beyond `allow`.
 */
export function cleanSuite(transforms: readonly CleanTransform[], fixtures: readonly string[] = CLEAN_FIXTURES): void {
  // What the suite tried, printed once it has run: rewritten reports, those with an error, cells compared.
  const tally = { variants: 0, withError: 0, cells: 0, cellsSame: 0 };
  afterAll(() => {
    console.log(`metamorphic clean: ${transforms.length} transformations, ${tally.variants} rewritten reports, ${tally.withError} with an error; ${tally.cellsSame} of ${tally.cells} cells read with the same value`);
  });
  for (const t of transforms) {
    it(`clean: ${t.name}`, async () => {
      let applied = 0;
      const problems: string[] = [];
      for (const file of fixtures) {
        const base = await original(file);
        const text = t.apply(base.text, base.report);
        if (text === null) continue;
        expect(text, `${t.name} changed nothing in ${file}`).not.toBe(base.text);
        applied++;
        const now = await checkReport(text);
        const name = file.split('/').pop();
        const errors = describeErrors(now.findings);
        for (const e of errors) problems.push(`${name}: error ${e}`);
        const before = cellValues(base.report);
        const after = cellValues(now.report);
        tally.variants++;
        if (errors.length > 0) tally.withError++;
        tally.cells += before.size;
        for (const [id, value] of before) if (after.get(id) === value) tally.cellsSame++;
        for (const d of cellDiff(before, after, t.mayLoseCells)) problems.push(`${name}: cell ${d}`);
        for (const c of findingChanges(base.findings, now.findings, t.allow)) problems.push(`${name}: finding ${c}`);
      }
      expect(problems).toEqual([]);
      expect(applied).toBeGreaterThanOrEqual(t.minApplicable ?? 1);
    });
  }
}

/**
 * Registers one test per defect transformation: applied to every clean fixture it fits, the
 * rewritten report has a finding of the expected rule at the expected severity.
 */
export function defectSuite(transforms: readonly DefectTransform[], fixtures: readonly string[] = CLEAN_FIXTURES): void {
  const tally = { variants: 0, found: 0 };
  afterAll(() => {
    console.log(`metamorphic defect: ${transforms.length} transformations, ${tally.variants} rewritten reports, ${tally.found} found by the named rule at the named severity`);
  });
  for (const t of transforms) {
    it(`defect: ${t.name} → ${t.expect.severity} ${t.expect.ruleId}`, async () => {
      let applied = 0;
      const missed: string[] = [];
      for (const file of fixtures) {
        const base = await original(file);
        const text = t.apply(base.text, base.report);
        if (text === null) continue;
        applied++;
        const now = await checkReport(text);
        const hit = now.findings.some((f) => f.ruleId === t.expect.ruleId && f.severity === t.expect.severity);
        tally.variants++;
        if (hit) tally.found++;
        if (!hit) {
          const seen = now.findings.filter((f) => f.severity !== 'info').map(findingKey).join(', ');
          missed.push(`${file.split('/').pop()}: no ${t.expect.severity} ${t.expect.ruleId} (found: ${seen || 'nothing'})`);
        }
        for (const f of now.findings) {
          if (f.severity === 'error' && t.noErrorFrom?.includes(f.ruleId)) missed.push(`${file.split('/').pop()}: unexpected error ${f.ruleId}: ${f.message}`);
        }
      }
      expect(missed).toEqual([]);
      expect(applied).toBeGreaterThanOrEqual(t.minApplicable ?? 1);
    });
  }
}

/** Replaces the first match of `re` in `text` by `by` (a string or function), or returns null when there is none. */
export function replaceFirst(text: string, re: RegExp, by: string | ((m: RegExpExecArray) => string)): string | null {
  const flags = re.flags.replace('g', '');
  const m = new RegExp(re.source, flags).exec(text);
  if (!m) return null;
  const replacement = typeof by === 'string' ? m[0].replace(new RegExp(re.source, flags), by) : by(m);
  return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
}

/** Replaces every match of a global `re`, or returns null when there is none. */
export function replaceAll(text: string, re: RegExp, by: string | ((substring: string, ...args: string[]) => string)): string | null {
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  if (!new RegExp(g.source, g.flags).test(text)) return null;
  return text.replace(g, by as (substring: string, ...args: unknown[]) => string);
}

/** Lines of a report text, and the text back from lines (keeping the line ending the text used). */
export function mapLines(text: string, f: (line: string, index: number, lines: readonly string[]) => string | null): string | null {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  let changed = false;
  const out = lines.map((line, i) => {
    const r = f(line, i, lines);
    if (r === null || r === line) return line;
    changed = true;
    return r;
  });
  return changed ? out.join(eol) : null;
}
