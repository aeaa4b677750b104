/**
 * Acceptance tests for "read reports as agencies publish them": a report read from the file the
 * agency published (.pdf, .html, .docx) must give the same model and the same findings as its
 * plain text, and `check` must read a folder of mixed formats, bad files included, to the end.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { readZipDirectory, ZipArchive } from '../../src/ingest/zip.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';
import { checkFile } from '../helpers/check-file.js';
import { ROOT } from '../helpers/examples.js';
import { encryptedPdf, scannedPdf } from '../helpers/pdf.js';
import { zip } from '../helpers/zip.js';

const ORIGINAL = join(ROOT, 'fixtures/corpus/original');
const TEXT = join(ROOT, 'fixtures/corpus/text');
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));


/** Every cell of every canonical table, as `id → [state, value]`, per table (with its variant). */
function tablesOf(report: Report): Record<string, { variant: string; cells: Record<string, [string, number | null]> }> {
  return Object.fromEntries(Object.entries(report.tables).map(([id, table]) => [id, {
    variant: table.variant,
    cells: Object.fromEntries(Object.values(table.cells).map((c) => [c.id, [c.state, c.value]])),
  }]));
}

function metaOf(report: Report): { edition: string | null; year: number | null; agency: string | null } {
  return { edition: report.meta.edition, year: report.meta.year, agency: report.meta.agency?.name ?? null };
}

// Findings are compared without `location` (line numbers differ between an original and its
// text) and `fingerprint`.
const findingKey = (f: Finding): string => JSON.stringify([f.ruleId, f.severity, f.message]);

/** The findings of `a` that `b` does not have (as a multiset, by {@link findingKey}). */
function minus(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(findingKey(f), (left.get(findingKey(f)) ?? 0) + 1);
  return a.filter((f) => {
    const n = left.get(findingKey(f)) ?? 0;
    left.set(findingKey(f), n - 1);
    return n <= 0;
  });
}


describe('published originals read like their reference texts', () => {
  const pairs = [
    { original: '001-huaian-city-2024.pdf', text: '001-huaian-city-2024.txt', meta: { edition: '2021', year: 2024, agency: '淮安市人民政府' } },
    { original: '002-hongze-district-2023.pdf', text: '002-hongze-district-2023.txt', meta: { edition: '2021', year: 2023, agency: '洪泽区人民政府' } },
    { original: '003-hongze-district-2024.pdf', text: '003-hongze-district-2024.txt', meta: { edition: '2021', year: 2024, agency: '淮安市洪泽区人民政府' } },
    { original: '013-pingtan-2024.html', text: '013-pingtan-2024.txt', meta: { edition: '2021', year: 2024, agency: '平潭综合实验区' } },
    { original: '013-pingtan-2024.docx', text: '013-pingtan-2024.txt', meta: { edition: '2021', year: 2024, agency: '平潭综合实验区' } },
  ];

  it.each(pairs)('$original: same tables, edition/year/agency and findings as $text', async ({ original, text, meta }) => {
    const fromOriginal = await checkFile(read(join(ORIGINAL, original)), original);
    const fromText = await checkFile(read(join(TEXT, text)), text);
    expect(fromOriginal.report.problems.filter((p) => p.id.startsWith('ingest/'))).toEqual([]);

    // All three tables are found, so the comparison is not of two empty models.
    expect(Object.keys(fromOriginal.report.tables).sort()).toEqual(['t2', 't3', 't4']);
    expect(tablesOf(fromOriginal.report)).toEqual(tablesOf(fromText.report));
    expect(metaOf(fromOriginal.report)).toEqual(meta);
    expect(metaOf(fromText.report)).toEqual(meta);
    expect(fromOriginal.report.meta.publishedAt?.iso).toBe(fromText.report.meta.publishedAt?.iso);

    // The texts keep pdftotext's page numbers ("- 1 -") that PDF ingest drops; no check counts
    // them (section-length skips page-number lines), so the findings are the same.
    expect({ onlyOriginal: minus(fromOriginal.findings, fromText.findings), onlyText: minus(fromText.findings, fromOriginal.findings) }).toEqual({ onlyOriginal: [], onlyText: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// A complete 2021-format report, written once as a model and rendered both as a .docx (Word
// automatic numbering, merged cells) and as plain text in the TAB-row layout.

/** A table cell that starts in its row; the cells it covers are left out of later rows. */
interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}
type Grid = GridCell[][];

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 0 | 1; number: string; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: Grid };

const cell = (text: string | number, colSpan = 1, rowSpan = 1): GridCell => ({ text: String(text), colSpan, rowSpan });
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const ZERO = [0, 0, 0, 0, 0, 0];

/** 表三's result rows: group, then its items with the six applicant columns (总计 is added). */
const T3_RESULTS: ReadonlyArray<[string, ReadonlyArray<[string, number[]]>]> = [
  ['（一）予以公开', [['', [8, 1, 0, 0, 0, 0]]]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [['', [3, 0, 0, 0, 0, 1]]]],
  ['（三）不予公开', [
    ['1.属于国家秘密', [1, 0, 0, 0, 0, 0]],
    ['2.其他法律行政法规禁止公开', ZERO],
    ['3.危及“三安全一稳定”', ZERO],
    ['4.保护第三方合法权益', [1, 0, 0, 0, 0, 0]],
    ['5.属于三类内部事务信息', [2, 0, 0, 0, 0, 0]],
    ['6.属于四类过程性信息', ZERO],
    ['7.属于行政执法案卷', ZERO],
    ['8.属于行政查询事项', ZERO],
  ]],
  ['（四）无法提供', [
    ['1.本机关不掌握相关政府信息', [4, 1, 0, 0, 0, 0]],
    ['2.没有现成信息需要另行制作', [1, 0, 0, 0, 0, 0]],
    ['3.补正后申请内容仍不明确', ZERO],
  ]],
  ['（五）不予处理', [
    ['1.信访举报投诉类申请', [1, 0, 0, 0, 0, 0]],
    ['2.重复申请', ZERO],
    ['3.要求提供公开出版物', ZERO],
    ['4.无正当理由大量反复申请', ZERO],
    ['5.要求行政机关确认或重新出具已获取信息', ZERO],
  ]],
  ['（六）其他处理', [
    ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [0, 1, 0, 0, 0, 0]],
    ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ZERO],
    ['3.其他', [0, 0, 0, 1, 0, 0]],
  ]],
];
const T3_NEW = [20, 3, 0, 1, 0, 1];
const T3_CARRIED = [2, 0, 0, 0, 0, 0];

function table3(): Grid {
  const withTotal = (values: readonly number[]): GridCell[] => [...values, sum(values)].map((v) => cell(v));
  const items = T3_RESULTS.flatMap(([, rows]) => rows.map(([, values]) => values));
  const handled = ZERO.map((_, col) => sum(items.map((values) => values[col]!)));
  const forward = ZERO.map((_, col) => T3_NEW[col]! + T3_CARRIED[col]! - handled[col]!);
  expect(Math.min(...forward)).toBeGreaterThanOrEqual(0);
  const grid: Grid = [
    [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), cell('申请人情况', 7)],
    [cell('自然人', 1, 2), cell('法人或其他组织', 5), cell('总计', 1, 2)],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => cell(t)),
    [cell('一、本年新收政府信息公开申请数量', 3), ...withTotal(T3_NEW)],
    [cell('二、上年结转政府信息公开申请数量', 3), ...withTotal(T3_CARRIED)],
  ];
  const resultRows = sum(T3_RESULTS.map(([, rows]) => rows.length)) + 1;
  T3_RESULTS.forEach(([group, rows], g) => {
    rows.forEach(([item, values], i) => {
      const row: GridCell[] = [];
      if (g === 0 && i === 0) row.push(cell('三、本年度办理结果', 1, resultRows));
      if (item === '') row.push(cell(group, 2));
      else {
        if (i === 0) row.push(cell(group, 1, rows.length));
        row.push(cell(item));
      }
      grid.push([...row, ...withTotal(values)]);
    });
  });
  grid.push([cell('（七）总计', 2), ...withTotal(handled)]);
  grid.push([cell('四、结转下年度继续办理', 3), ...withTotal(forward)]);
  return grid;
}

/** 表四 with the three groups' four results; `total` overrides a group's 总计. */
function table4(total: Partial<Record<0 | 1 | 2, number>> = {}): Grid {
  const groups = [[2, 1, 0, 1], [1, 0, 0, 1], [1, 0, 0, 0]];
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [cell('行政复议', 5), cell('行政诉讼', 10)],
    [...results.map((t) => cell(t, 1, 2)), cell('未经复议直接起诉', 5), cell('复议后起诉', 5)],
    [...results, ...results].map((t) => cell(t)),
    groups.flatMap((values, g) => [...values, total[g as 0 | 1 | 2] ?? sum(values)]).map((v) => cell(v)),
  ];
}

function table2(): Grid {
  return [
    [cell('第二十条第（一）项', 4)],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].map((t) => cell(t)),
    ['规章', 0, 0, 0].map((t) => cell(t)),
    ['行政规范性文件', 5, 2, 40].map((t) => cell(t)),
    [cell('第二十条第（五）项', 4)],
    [cell('信息内容'), cell('本年处理决定数量', 3)],
    [cell('行政许可'), cell(120, 3)],
    [cell('第二十条第（六）项', 4)],
    [cell('信息内容'), cell('本年处理决定数量', 3)],
    [cell('行政处罚'), cell(80, 3)],
    [cell('行政强制'), cell(3, 3)],
    [cell('第二十条第（八）项', 4)],
    [cell('信息内容'), cell('本年收费金额（单位：万元）', 3)],
    [cell('行政事业性收费'), cell('12.5', 3)],
  ];
}

const TITLE = '青山县人民政府2024年政府信息公开工作年度报告';
const HEADINGS = [
  ['一', '总体情况'],
  ['二', '主动公开政府信息情况'],
  ['三', '收到和处理政府信息公开申请情况'],
  ['四', '政府信息公开行政复议、行政诉讼情况'],
  ['五', '存在的主要问题及改进情况'],
  ['六', '其他需要报告的事项'],
] as const;

function report2021(t4Total: Partial<Record<0 | 1 | 2, number>> = {}): Block[] {
  const h1 = (i: number): Block => ({ kind: 'heading', level: 0, number: `${HEADINGS[i]![0]}、`, text: HEADINGS[i]![1] });
  const p = (text: string): Block => ({ kind: 'paragraph', text });
  return [
    { kind: 'title', text: TITLE },
    p('本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。'),
    h1(0),
    { kind: 'heading', level: 1, number: '（一）', text: '主动公开' },
    p('全县围绕重点领域及时发布政府信息，做好政策解读和回应关切。'),
    { kind: 'heading', level: 1, number: '（二）', text: '依申请公开' },
    p('规范依申请公开的登记、审核、办理和答复流程，按时答复申请人。'),
    h1(1),
    { kind: 'table', grid: table2() },
    h1(2),
    { kind: 'table', grid: table3() },
    h1(3),
    { kind: 'table', grid: table4(t4Total) },
    h1(4),
    p('政策解读的形式还不够丰富。下一步将丰富解读形式，提升解读质量。'),
    h1(5),
    p('本年度未收取信息处理费。政府信息公开工作已纳入年度绩效考核，未发生责任追究情况。'),
    p('青山县人民政府'),
    p('2025年1月20日'),
  ];
}

/** The report as plain text: typed heading numbers, one TAB-separated line per table row. */
function asText(blocks: readonly Block[]): string {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return b.number + b.text;
      case 'table':
        return b.grid.map((row) => row.map((c) => c.text).join('\t')).join('\n');
      default:
        return b.text;
    }
  }).join('\n') + '\n';
}

/** The report as a .docx: headings numbered by Word (chineseCounting), tables with merged cells. */
async function asDocx(blocks: readonly Block[]): Promise<Uint8Array> {
  const children = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return new Paragraph({ children: [new TextRun({ text: b.text, bold: true })], alignment: AlignmentType.CENTER });
      case 'heading':
        // Only the title is typed: Word supplies 一、 and （一） from the list definition.
        return new Paragraph({ children: [new TextRun(b.text)], numbering: { reference: 'outline', level: b.level } });
      case 'paragraph':
        return new Paragraph(b.text);
      case 'table':
        return new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.grid.map((row) => new TableRow({
            children: row.map((c) => new TableCell({ children: [new Paragraph(c.text)], columnSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1 })),
          })),
        });
    }
  });
  const doc = new Document({
    title: TITLE,
    numbering: {
      config: [{
        reference: 'outline',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
        ],
      }],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Where a grid's cells fall in the table: each cell's text at its top-left position, '' elsewhere. */
function layout(grid: Grid): string[][] {
  const out: string[][] = grid.map(() => []);
  grid.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (out[r]![col] !== undefined) col++; // covered by a cell spanning from a row above
      for (let dr = 0; dr < (c.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (c.colSpan ?? 1); dc++) out[r + dr]![col + dc] = dr === 0 && dc === 0 ? c.text : '';
      }
      col += c.colSpan ?? 1;
    }
  });
  return out;
}

async function documentXml(docx: Uint8Array): Promise<string> {
  const archive = new ZipArchive(docx, readZipDirectory(docx), 50 * 1024 * 1024);
  return new TextDecoder().decode(await archive.read('word/document.xml'));
}

describe('a .docx made with Word numbering and merged cells', () => {
  it('gives the same model as the same report in plain text, and no error findings', async () => {
    const blocks = report2021();
    const docx = await asDocx(blocks);
    // What makes this test worth having: numbering, vertical and horizontal merges are really
    // Word's, not typed text.
    const xml = await documentXml(docx);
    const markup = ['<w:numPr>', '<w:vMerge w:val="restart"/>', '<w:vMerge w:val="continue"/>', '<w:gridSpan w:val="3"/>'];
    expect(markup.filter((m) => !xml.includes(m))).toEqual([]);
    const typed = [...HEADINGS.map(([n, t]) => `${n}、${t}`), '（一）主动公开', '（二）依申请公开'];
    expect(typed.filter((h) => xml.includes(h))).toEqual([]);

    // Each merged cell's text lands in its own grid position, the positions it covers empty.
    const source = await ingest(docx, 'report.docx');
    blocks.filter((b) => b.kind === 'table').forEach((b, i) => {
      const rows = source.lines.filter((l) => l.origin.tableIndex === i + 1).map((l) => l.text.split('\t'));
      expect(rows).toEqual(layout(b.grid));
    });

    const fromDocx = await checkFile(docx, 'report.docx');
    const fromText = await checkFile(new TextEncoder().encode(asText(blocks)), 'report.txt');
    expect(fromDocx.report.problems).toEqual([]);

    const meta = { edition: '2021', year: 2024, agency: '青山县人民政府' };
    expect(metaOf(fromDocx.report)).toEqual(meta);
    expect(metaOf(fromText.report)).toEqual(meta);
    const level1 = (r: Report): string[][] => r.outline.filter((s) => s.level === 1).map((s) => [s.number, s.title]);
    expect(level1(fromDocx.report)).toEqual(HEADINGS.map(([n, t]) => [n, t]));
    expect(level1(fromText.report)).toEqual(HEADINGS.map(([n, t]) => [n, t]));
    const outline = (r: Report): unknown[] => r.outline.map((s) => [s.level, s.number, s.title]);
    expect(outline(fromDocx.report)).toEqual(outline(fromText.report));

    const tables = tablesOf(fromDocx.report);
    expect(tables).toEqual(tablesOf(fromText.report));
    expect(Object.keys(tables).sort()).toEqual(['t2', 't3', 't4']);
    expect(Object.keys(tables.t3!.cells)).toHaveLength(25 * 7);
    expect(Object.keys(tables.t4!.cells)).toHaveLength(15);
    expect(Object.values(tables.t3!.cells).every(([state]) => state === 'number')).toBe(true);

    expect(fromDocx.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(minus(fromDocx.findings, fromText.findings)).toEqual([]);
    expect(minus(fromText.findings, fromDocx.findings)).toEqual([]);
  });

  it('reports table4-group-total when one 表四 总计 does not add up', async () => {
    // 行政复议: 2 + 1 + 0 + 1 = 4, but the 总计 cell says 5.
    const docx = await asDocx(report2021({ 0: 5 }));
    const { findings } = await checkFile(docx, 'report.docx');
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.ruleId, f.location.table, f.location.row, f.location.col, f.expected, f.actual])).toEqual([
      ['table4-group-total', 't4', 'rev', 'total', 4, 5],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The check command on folders

interface JsonResult {
  file: string;
  report: { edition: string | null; year: number | null; agency: string | null };
  findings: Finding[];
}

describe('xxgk-lint check on a folder', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-lint-ingest-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('checks every file of a folder mixing .txt, .md, .html, .docx and .pdf', async () => {
    const dir = tempDir();
    copyFileSync(join(TEXT, '013-pingtan-2024.txt'), join(dir, '013-pingtan-2024.txt'));
    // A different report as .md: two files with the same bytes would be one checked and one duplicate.
    copyFileSync(join(TEXT, '004-shuyang-county-2025.txt'), join(dir, '004-shuyang-county-2025.md'));
    const originals = ['001-huaian-city-2024.pdf', '002-hongze-district-2023.pdf', '003-hongze-district-2024.pdf', '013-pingtan-2024.html', '013-pingtan-2024.docx'];
    for (const name of originals) copyFileSync(join(ORIGINAL, name), join(dir, name));

    const run = await runCli(['check', '--format', 'json', dir]);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { results: JsonResult[]; summary: { files: number } };
    const byName = new Map(out.results.map((r) => [basename(r.file), r]));
    expect([...byName.keys()].sort()).toEqual(['004-shuyang-county-2025.md', '013-pingtan-2024.txt', ...originals].sort());
    expect(out.results).toHaveLength(7);
    expect(out.summary.files).toBe(7);
    const expected: Record<string, [number, string]> = {
      '001': [2024, '淮安市人民政府'],
      '002': [2023, '洪泽区人民政府'],
      '003': [2024, '淮安市洪泽区人民政府'],
      '013': [2024, '平潭综合实验区'],
      '004': [2025, '沐阳县人民政府'],
    };
    for (const [name, result] of byName) {
      const [year, agency] = expected[name.slice(0, 3)]!;
      expect({ name, ...result.report }).toMatchObject({ name, edition: '2021', year, agency });
      expect(result.findings.filter((f) => f.ruleId.startsWith('ingest/'))).toEqual([]);
    }
    // 002 as published has two wrong 表四 totals: real errors, hence exit code 1.
    expect(byName.get('002-hongze-district-2023.pdf')!.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId))
      .toEqual(['table4-group-total', 'table4-group-total']);
    expect(run.code).toBe(1);
  });

  it('gives each unreadable file a finding saying what to do, and still checks the good report', async () => {
    const dir = tempDir();
    const corrupt = new Uint8Array(5000).map((_, i) => (i * 2654435761) % 251);
    corrupt.set([0x50, 0x4b, 0x03, 0x04]); // a zip signature, then garbage
    writeFileSync(join(dir, 'corrupt.docx'), corrupt);
    // 60 MB of zeros deflates to about 60 KB; the default limit is 50 MB uncompressed.
    writeFileSync(join(dir, 'bomb.docx'), zip([{ name: 'word/document.xml', data: new Uint8Array(60 * 1024 * 1024) }]));
    writeFileSync(join(dir, 'encrypted.pdf'), encryptedPdf());
    writeFileSync(join(dir, 'scan.pdf'), scannedPdf());
    const doc = new Uint8Array(4096);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // OLE2 compound file: old binary Word
    writeFileSync(join(dir, 'old.doc'), doc);
    copyFileSync(join(TEXT, '013-pingtan-2024.txt'), join(dir, 'good.txt'));

    const run = await runCli(['check', '--format', 'json', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { results: JsonResult[] };
    const byName = new Map(out.results.map((r) => [basename(r.file), r]));
    expect([...byName.keys()].sort()).toEqual(['bomb.docx', 'corrupt.docx', 'encrypted.pdf', 'good.txt', 'old.doc', 'scan.pdf']);

    // Each bad file: its ingest problem as an error, in Chinese, telling the user what to do.
    const bad: Record<string, [string, RegExp]> = {
      'corrupt.docx': ['ingest/corrupt-docx', /请在 Word 或 WPS 中打开该文件，“另存为” \.docx/],
      'bomb.docx': ['ingest/zip-bomb', /压缩炸弹.*请删除其中的大图片/],
      'encrypted.pdf': ['ingest/encrypted-pdf', /请提供未加密的版本/],
      'scan.pdf': ['ingest/no-text-layer', /扫描件.*请提供可复制文字的 PDF 或 Word 版本/],
      'old.doc': ['ingest/legacy-doc', /请在 Word 或 WPS 中“另存为” \.docx/],
    };
    for (const [name, [id, advice]] of Object.entries(bad)) {
      const finding = byName.get(name)?.findings.find((f) => f.ruleId === id);
      expect({ name, severity: finding?.severity, message: finding?.message }).toEqual({ name, severity: 'error', message: expect.stringMatching(advice) });
    }

    const good = byName.get('good.txt')!;
    expect(good.report).toMatchObject({ edition: '2021', year: 2024, agency: '平潭综合实验区' });
    expect(good.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Checked in full: the same findings as when it is checked on its own.
    const alone = await checkFile(read(join(TEXT, '013-pingtan-2024.txt')), 'good.txt');
    expect(good.findings.map(findingKey)).toEqual(alone.findings.map(findingKey));
  });
});
