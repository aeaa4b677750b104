/**
 * Metamorphic table suite for 表三 and 表四 (issue 16): the clean real reports with their tables
 * printed in the layouts real agencies use — columns in another order, a 小计 or 备注 column, zero
 * written as a mark, subtotal rows, a table split in two, a local row, 表四 by group, transposed,
 * in three rows or with a 序号 column. A clean layout must be read cell for cell as the original,
 * with the same findings; a changed cell in each shape must be an error of the relation rule; a
 * blank count must get the blank-cell finding. Each layout is also printed as an HTML table with
 * rowspan/colspan and read through the HTML ingest, and two of them go through the mutation test.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/run.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { parseReport } from '../../src/parse/index.js';
import { mutateReport } from '../../scripts/mutation.js';
import { builtinPacks } from '../helpers/examples.js';
import { checkReport, defectSuite, findingChanges, original, type DefectTransform } from './harness.js';
import { rewriteT3, rewriteT4 } from './table-rewrite.js';
import { htmlReport, layoutCells, T34_FIXTURES, layoutDiff, TABLE_LAYOUTS, type TableLayout } from './table-layouts.js';

const FIXTURES = T34_FIXTURES;

const errorsOf = (findings: readonly Finding[]): string[] => findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`);

/** One clean test per case: no error, the same cells, the same findings; and the HTML rendering read alike. */
function cleanTables(cases: readonly TableLayout[]): void {
  const tally = { variants: 0, withError: 0, cells: 0, cellsSame: 0 };
  afterAll(() => {
    console.log(`metamorphic clean: ${cases.length} table layouts, ${tally.variants} rewritten reports, ${tally.withError} with an error; ${tally.cellsSame} of ${tally.cells} table cells read with the same value (text; HTML renderings compared too)`);
  });
  for (const t of cases) {
    it(`clean: ${t.name}`, async () => {
      let applied = 0;
      const problems: string[] = [];
      for (const file of FIXTURES) {
        const base = await original(file);
        const text = t.apply(base.text, base.report);
        if (text === null) continue;
        expect(text).not.toBe(base.text);
        applied++;
        const now = await checkReport(text);
        const name = file.split('/').pop()!;
        const skip = t.skip ?? (() => false);
        const errors = errorsOf(now.findings);
        for (const e of errors) problems.push(`${name}: error ${e}`);
        const before = layoutCells(base.report, t.tables);
        const cellDiffs = layoutDiff(before, layoutCells(now.report, t.tables), skip);
        tally.variants++;
        if (errors.length > 0) tally.withError++;
        // Cells a layout may leave out (`skip`) are not counted either way.
        const compared = [...before.keys()].filter((id) => !skip(id)).length;
        tally.cells += compared;
        tally.cellsSame += compared - cellDiffs.length;
        for (const d of cellDiffs) problems.push(`${name}: cell ${d}`);
        for (const c of findingChanges(base.findings, now.findings, t.allow)) problems.push(`${name}: finding ${c}`);
        const html = await htmlReport(t.html(base.report));
        for (const d of layoutDiff(layoutCells(base.report, t.tables), layoutCells(html, t.tables), skip)) problems.push(`${name} (HTML): cell ${d}`);
      }
      expect(problems).toEqual([]);
      expect(applied).toBeGreaterThanOrEqual(t.minApplicable);
    });
  }
}

describe('表三 and 表四 in the layouts of real reports (clean)', () => {
  cleanTables(TABLE_LAYOUTS);
});

type DefectCase = Omit<DefectTransform, 'minApplicable'>;

/** One defect test per case: the rule finds it at the severity, on at least three fixtures. */
function defectTables(cases: readonly DefectCase[]): void {
  defectSuite(cases.map((c) => ({ ...c, minApplicable: 3 })), FIXTURES);
}

/** A mark that changes one cell by +1 (a number cell). */
const bump = (row: string, col: string) => (raw: string, r: string, c: string): string => (r === row && c === col && /^\d+$/.test(raw) ? String(Number(raw) + 1) : raw);
/** A mark that leaves one cell blank. */
const blankOut = (row: string, col: string) => (raw: string, r: string, c: string): string => (r === row && c === col ? '' : raw);

describe('表三 and 表四 in the layouts of real reports (defects)', () => {
  defectTables([
    { name: '表三 总计 first, 自然人 of 本年新收 changed', apply: (t, r) => rewriteT3(t, r, { order: ['total', 'np', 'biz', 'res', 'ngo', 'law', 'oth'], mark: bump('new', 'np') }), expect: { ruleId: 'table3-row-total', severity: 'error' } },
    { name: '表三 小计 column, 自然人 of 结转下年度 changed', apply: (t, r) => rewriteT3(t, r, { order: ['np', 'sub', 'biz', 'res', 'ngo', 'law', 'oth', 'total'], mark: bump('carried_out', 'np') }), expect: { ruleId: 'table3-column-balance', severity: 'error' } },
    { name: '表三 zero as —, 总计 of （七）总计 changed', apply: (t, r) => rewriteT3(t, r, { mark: (raw, row, col) => bump('r.total', 'total')(raw === '0' ? '—' : raw, row, col) }), expect: { ruleId: 'table3-results-total', severity: 'error' } },
    { name: '表三 subtotal rows, one subtotal wrong', apply: (t, r) => rewriteT3(t, r, { subtotals: { wrongBy: 1 } }), expect: { ruleId: 'table3-group-subtotal', severity: 'error' } },
    { name: '表三 split in two, 结转下年度 changed', apply: (t, r) => rewriteT3(t, r, { splitBefore: 'r.unable.1', mark: bump('carried_out', 'np') }), expect: { ruleId: 'table3-column-balance', severity: 'error' } },
    { name: '表四 one row per group, 行政复议 总计 changed', apply: (t, r) => rewriteT4(t, r, 'per-group', { cell: 't4.rev.total', by: 1 }), expect: { ruleId: 'table4-group-total', severity: 'error' } },
    { name: '表四 transposed, 复议后起诉 结果维持 changed', apply: (t, r) => rewriteT4(t, r, 'transposed', { cell: 't4.lit_after.keep', by: 1 }), expect: { ruleId: 'table4-group-total', severity: 'error' } },
    { name: '表三 across a page break with the header repeated, 本年新收 自然人 changed', apply: (t, r) => rewriteT3(t, r, { pageBreakBefore: 'r.reject.1', mark: bump('new', 'np') }), expect: { ruleId: 'table3-row-total', severity: 'error' } },
    { name: '表三 zero as – (en dash), 本年新收 自然人 changed', apply: (t, r) => rewriteT3(t, r, { mark: (raw, row, col) => bump('new', 'np')(raw === '0' ? '–' : raw, row, col) }), expect: { ruleId: 'table3-row-total', severity: 'error' } },
    { name: '表四 without a header row, 复议后起诉 尚未审结 changed', apply: (t, r) => rewriteT4(t, r, 'no-header', { cell: 't4.lit_after.pending', by: 1 }), expect: { ruleId: 'table4-group-total', severity: 'error' } },
    { name: '表四 three rows under a three-level header, 行政复议 结果纠正 changed', apply: (t, r) => rewriteT4(t, r, 'three-rows', { cell: 't4.rev.fix', by: 1 }), expect: { ruleId: 'table4-group-total', severity: 'error' } },
    { name: '表四 16 columns (a grand 总计), 直接起诉 结果维持 changed', apply: (t, r) => rewriteT4(t, r, 'grand-total', { cell: 't4.lit_direct.keep', by: 1 }), expect: { ruleId: 'table4-group-total', severity: 'error' } },
    { name: '表四 with a 序号 column, 直接起诉 总计 changed', apply: (t, r) => rewriteT4(t, r, 'index-column', { cell: 't4.lit_direct.total', by: 1 }), expect: { ruleId: 'table4-group-total', severity: 'error' } },
    {
      name: '表三 a required count left blank (本年新收 总计)', apply: (t, r) => rewriteT3(t, r, { mark: blankOut('new', 'total') }),
      expect: { ruleId: 'blank-cells', severity: 'info' }, noErrorFrom: ['table3-row-total', 'table3-column-balance'],
    },
  ]);
});

describe('zero marks and blank cells in relations', () => {
  it('reads a row of — as a row, and says the marks were read as 0', async () => {
    const base = await original('fixtures/corpus/text/013-pingtan-2024.txt');
    const text = rewriteT3(base.text, base.report, { mark: (raw, row, col) => (row === 'r.deny.2' ? '—' : row === 'r.grant' && col === 'np' ? String(Number(raw) + 1) : raw) })!;
    const { report, findings } = await checkReport(text);
    expect(report.tables.t3!.missingRows).toEqual([]);
    expect(report.tables.t3!.cells['t3.r.deny.2.np']!.state).toBe('dash');
    const results = findings.find((f) => f.ruleId === 'table3-results-total' && f.severity === 'error' && f.location.col === 'np');
    expect(results?.message).toContain('表三「2.其他法律行政法规禁止公开」「自然人」');
    expect(results?.message).toContain('按 0 计算');
  });

  it('a blank that could make a relation hold is "cannot check" naming the value it needs, never an error', async () => {
    const base = await original('fixtures/corpus/text/013-pingtan-2024.txt');
    const text = rewriteT3(base.text, base.report, { mark: blankOut('new', 'total') })!;
    const { findings } = await checkReport(text);
    const rowTotal = findings.filter((f) => f.ruleId === 'table3-row-total');
    expect(rowTotal.map((f) => f.severity)).toEqual(['info']);
    expect(rowTotal[0]!.message).toContain('应为 218');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a blank that cannot make a relation hold leaves it an error', async () => {
    const base = await original('fixtures/corpus/text/013-pingtan-2024.txt');
    // 自然人 blank and 总计 too small for the other columns: no count in the blank fixes it.
    const text = rewriteT3(base.text, base.report, { mark: (raw, row, col) => (row === 'new' && col === 'np' ? '' : row === 'new' && col === 'total' ? '0' : raw) })!;
    const { findings } = await checkReport(text);
    expect(findings.some((f) => f.ruleId === 'table3-row-total' && f.severity === 'error')).toBe(true);
  });
});

describe('mutation test on rewritten layouts', () => {
  const packs = builtinPacks();
  const checker = new Checker(packs);
  // Cells in exact relations: 表三 and 表四 whole (190), or, with zero written as —, the number
  // cells only (the marks are read as 0 but are no numbers to change).
  const layouts: { name: string; cells?: number; make: (text: string, report: Report) => string | null }[] = [
    { name: '013 表三 总计 first with subtotal rows', make: (t, r) => rewriteT3(t, r, { order: ['total', 'np', 'biz', 'res', 'ngo', 'law', 'oth'], subtotals: {} }) },
    { name: '013 表三 zero as — with a 备注 column, 表四 one row per group', cells: 40, make: (t, r) => { const t3 = rewriteT3(t, r, { order: ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total', 'remark'], mark: (raw) => (raw === '0' ? '—' : raw) }); return t3 === null ? null : rewriteT4(t3, checkReportSync(t3), 'per-group'); } },
    { name: '013 表三 split in two, 表四 transposed', make: (t, r) => { const t3 = rewriteT3(t, r, { splitBefore: 'r.unable.1' }); return t3 === null ? null : rewriteT4(t3, checkReportSync(t3), 'transposed'); } },
  ];
  for (const layout of layouts) {
    it(`detects every single-number change: ${layout.name}`, async () => {
      const base = await original('fixtures/corpus/text/013-pingtan-2024.txt');
      const text = layout.make(base.text, base.report);
      expect(text).not.toBeNull();
      const result = await mutateReport('013-pingtan-2024-rewritten.txt', text!, checker, packs, { kinds: ['inc'] });
      expect(result.cells).toBeGreaterThanOrEqual(layout.cells ?? 190);
      expect(result.mutations.filter((m) => !m.detectedByError).map((m) => m.cell)).toEqual([]);
    }, 120_000);
  }
});

/** The parse of a text (its cells' places, for a second rewrite). */
function checkReportSync(text: string): Report {
  return parseReport({ ...textSource(text) });
}

import { ingestText } from '../../src/ingest/text.js';

function textSource(text: string): ReturnType<typeof ingestText> {
  return ingestText(new TextEncoder().encode(text), 'text', DEFAULT_LIMITS);
}
