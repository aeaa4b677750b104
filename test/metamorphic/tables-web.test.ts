/**
 * Metamorphic tests of table layouts from the web (issue 16): the clean real reports' tables
 * re-laid the way crawled or copied web pages lay them out (one cell per line with blank lines,
 * digits run together), 表二 and 统计表 columns by header, a department's 表二 with only some
 * items, a local row in the 2008 统计表, page-number lines inside tables. Each clean rewrite reads
 * the same cells and draws the same findings; each defect rewrite is found.
 */
import { describe, expect, it } from 'vitest';
import { sharedReading } from '../../src/format/numbers.js';
import { CLEAN_FIXTURES, cellDiff, cellValues, checkReport, cleanSuite, defectSuite, findingChanges, original, type CleanTransform, type DefectTransform } from './harness.js';

/** Rows of a table block: each line split into its TAB cells (a line without TAB is one cell). */
type Block = string[][];

const isValue = (cell: string): boolean => ['number', 'dash', 'na'].includes(sharedReading(cell).state);

/**
 * Finds the first block of lines from a line matching `start` to the next line matching `end`
 * (both included) and replaces it by `render(rows)`; null when there is no such block, when it has
 * no TAB row, or when `render` returns null.
 */
function relayBlock(text: string, start: RegExp, end: RegExp, render: (rows: Block) => string | null): string | null {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => start.test(l));
  if (from < 0) return null;
  let to = -1;
  for (let k = from; k < lines.length && k < from + 120; k++) {
    if (end.test(lines[k]!)) {
      to = k;
      break;
    }
  }
  if (to < 0) return null;
  const block = lines.slice(from, to + 1).filter((l) => l.trim() !== '');
  if (!block.some((l) => l.includes('\t'))) return null;
  const rows = block.map((l) => l.split('\t').map((c) => c.trim()));
  const out = render(rows);
  if (out === null) return null;
  return [...lines.slice(0, from), out, ...lines.slice(to + 1)].join('\n');
}

/**
 * The cells a web page's text nodes give: a row's empty cells vanish. Null when a row has an empty
 * cell after a value (a crawler would lose which column the later values belong to).
 */
function webCells(rows: Block): string[][] | null {
  const out: string[][] = [];
  for (const row of rows) {
    const firstValue = row.findIndex(isValue);
    const after = firstValue < 0 ? [] : row.slice(firstValue);
    const lastFilled = after.reduce((last, c, i) => (c !== '' ? i : last), -1);
    if (after.slice(0, lastFilled + 1).includes('')) return null;
    out.push(row.filter((c) => c !== ''));
  }
  return out;
}

/** One cell per line: `cellGap` blank lines between cells, `rowGap` between rows. */
function webLayout(cellGap: number, rowGap: number): (rows: Block) => string | null {
  return (rows) => {
    const cells = webCells(rows);
    if (cells === null) return null;
    const sep = '\n'.repeat(cellGap + 1);
    const rowSep = '\n'.repeat(rowGap + 1);
    return `\n\n${cells.map((r) => r.join(sep)).join(rowSep)}\n\n`;
  };
}

const T3_START = /勾稽关系|^一、本年新收政府信息公开申请数量\t/;
const T3_END = /^四、结转下年度继续办理\t/;
const T2_START = /^第二十条第（一）项\s*$/;
const T2_END = /^行政事业性收费\t/;
const STAT_START = /^(?:指标名称|统计指标)\t/;
const STAT_END = /^(?:行政申诉、举报数|\(三\) 接受培训人员数)\t/;

/** A 表三 row (label and seven single-digit values) run together: its one split is its cells. */
function glueSingleDigitRows(rows: Block): string | null {
  let glued = 0;
  const out = rows.map((row) => {
    const values = row.slice(-7);
    const label = row.slice(0, -7).filter((c) => c !== '').join('');
    if (row.length >= 8 && label !== '' && values.every((v) => /^\d$/.test(v))) {
      glued++;
      return `${label}${values.join('')}`;
    }
    return row.join('\t');
  });
  return glued >= 3 ? out.join('\n') : null;
}

/** The item header and rows of 表二 第（一）项 with their three value columns in another order. */
function reorderT2First(rows: Block): string | null {
  const order = [0, 3, 1, 2];
  let changed = 0;
  const out = rows.map((row) => {
    if (row.length === 4 && (row[0] === '信息内容' || row[0] === '规章' || row[0] === '行政规范性文件' || row[0] === '规范性文件')) {
      changed++;
      return order.map((k) => row[k]!).join('\t');
    }
    return row.join('\t');
  });
  return changed === 3 ? out.join('\n') : null;
}

/** A 备注 column added to every header and row of 表二. */
function addRemarkColumn(rows: Block): string | null {
  const out = rows.map((row) => {
    if (row.length < 2) return row.join('\t');
    if (row[0] === '信息内容') return `${row.join('\t')}\t备注`;
    return `${row.join('\t')}\t${row[0] === '规章' ? '本年度无' : ''}`;
  });
  return out.join('\n');
}

/** A page-number line in the middle of a block of TAB rows. */
function pageBreakInside(mark: string): (rows: Block) => string | null {
  return (rows) => {
    if (rows.length < 6) return null;
    const mid = Math.floor(rows.length / 2);
    const lines = rows.map((r) => r.join('\t'));
    return [...lines.slice(0, mid), '', mark, '', ...lines.slice(mid)].join('\n');
  };
}

/** The 统计表's value columns (本年度, 历年累计) swapped, header with them. */
function swapStatColumns(rows: Block): string | null {
  if (!rows.some((r) => r.length === 4 && r[3] === '历年累计')) return null;
  return rows.map((r) => (r.length === 4 ? [r[0], r[1], r[3], r[2]].join('\t') : r.join('\t'))).join('\n');
}

/** A 上年度 column added after the 统计表's value columns. */
function addPreviousYearColumn(rows: Block): string | null {
  if (!rows.some((r) => r.length === 4 && r[3] === '历年累计')) return null;
  return rows.map((r) => (r.length === 4 ? [...r, r[0] === '指标名称' ? '上年度' : '0'].join('\t') : r.join('\t'))).join('\n');
}

const webT3: CleanTransform = {
  name: '表三 one cell per line, one blank line between cells and three between rows (web page text)',
  apply: (text) => relayBlock(text, T3_START, T3_END, webLayout(1, 3)),
  minApplicable: 2,
};

const clean: CleanTransform[] = [
  webT3,
  {
    name: '表三 one cell per line, two blank lines between cells and four between rows',
    apply: (text) => relayBlock(text, T3_START, T3_END, webLayout(2, 4)),
    minApplicable: 2,
  },
  {
    name: '表三 a row per block: cells on consecutive lines, two blank lines between rows',
    apply: (text) => relayBlock(text, T3_START, T3_END, webLayout(0, 2)),
    minApplicable: 2,
  },
  {
    name: '表三 one cell per line with a page-number line (- 3 -) inside',
    apply: (text) => {
      const web = relayBlock(text, T3_START, T3_END, webLayout(1, 3));
      return web === null ? null : web.replace(/\n\n\n\n(（四）无法提供)/, '\n\n\n\n- 3 -\n\n$1');
    },
    minApplicable: 2,
  },
  {
    name: '表三 one cell per line, one blank line between every cell (rows told by their labels)',
    apply: (text) => relayBlock(text, T3_START, T3_END, webLayout(1, 1)),
    minApplicable: 2,
  },
  {
    name: '统计表 one cell per line, one blank line between every cell (rows told by their labels)',
    apply: (text) => relayBlock(text, STAT_START, STAT_END, webLayout(1, 1)),
    minApplicable: 2,
  },
  {
    name: '表二 one cell per line with blank lines (web page text)',
    apply: (text) => relayBlock(text, T2_START, T2_END, webLayout(1, 3)),
    minApplicable: 2,
  },
  {
    name: '统计表 one cell per line with blank lines (web page text)',
    apply: (text) => relayBlock(text, STAT_START, STAT_END, webLayout(1, 3)),
    minApplicable: 2,
  },
  {
    name: '统计表 a row per block (cells on consecutive lines, rows two blank lines apart)',
    apply: (text) => relayBlock(text, STAT_START, STAT_END, webLayout(0, 2)),
    minApplicable: 2,
  },
  {
    name: '表三 rows of single digits run together (one split each: a crawler that deleted the spaces)',
    apply: (text) => relayBlock(text, T3_START, T3_END, glueSingleDigitRows),
    allow: ['glued-digits-read'],
    minApplicable: 2,
  },
  {
    name: '表二 第（一）项 columns in another order, with their header',
    apply: (text) => relayBlock(text, T2_START, T2_END, reorderT2First),
    minApplicable: 2,
  },
  {
    name: '表二 with an added 备注 column',
    apply: (text) => relayBlock(text, T2_START, T2_END, addRemarkColumn),
    minApplicable: 2,
  },
  {
    name: '表三 with page-number lines (第 3 页) inside the TAB rows',
    apply: (text) => relayBlock(text, T3_START, T3_END, pageBreakInside('第 3 页')),
    minApplicable: 2,
  },
  {
    name: '统计表 with a page-number line (- 2 -) inside',
    apply: (text) => relayBlock(text, STAT_START, STAT_END, pageBreakInside('- 2 -')),
    minApplicable: 2,
  },
  {
    name: '统计表 本年度 and 历年累计 columns swapped, with their header',
    apply: (text) => relayBlock(text, STAT_START, STAT_END, swapStatColumns),
  },
  {
    name: '统计表 with an added 上年度 column',
    apply: (text) => relayBlock(text, STAT_START, STAT_END, addPreviousYearColumn),
  },
  {
    name: '统计表 moved to the end as a page of its own (form feed and page number before it)',
    apply: (text) => {
      const lines = text.split('\n');
      const caption = lines.findIndex((l, i) => /统计表\s*$/.test(l) && !/附件/.test(l) && lines.slice(i + 1, i + 3).some((n) => n.includes('\t')));
      if (caption < 0) return null;
      let end = caption + 1;
      while (end < lines.length && (lines[end]!.includes('\t') || lines[end]!.trim() === '')) end++;
      const table = lines.slice(caption, end);
      const rest = [...lines.slice(0, caption), ...lines.slice(end)];
      return [...rest, '', '- 2 -', '\f', ...table, ''].join('\n');
    },
    minApplicable: 2,
  },
];

const defects: DefectTransform[] = [
  {
    name: 'a 表三 total changed in the one-cell-per-line layout',
    apply: (text) => {
      const web = relayBlock(text, T3_START, T3_END, webLayout(1, 3));
      if (web === null) return null;
      // The last cell of 本年新收 (its 总计) one more.
      return web.replace(/(一、本年新收政府信息公开申请数量(?:\n\n[^\n]+){6}\n\n)(\d+)/, (_m, head: string, total: string) => `${head}${Number(total) + 1}`);
    },
    expect: { ruleId: 'table3-row-total', severity: 'error' },
    minApplicable: 2,
  },
  {
    name: '表三 （七）总计 run together so that no split adds up',
    apply: (text) => {
      const m = /^（七）总计((?:\t\d+){7})\s*$/m.exec(text);
      if (!m) return null;
      const values = m[1]!.split('\t').slice(1);
      values[6] = String(Number(values[6]) + 1);
      return text.replace(m[0], `（七）总计${values.join('')}`);
    },
    expect: { ruleId: 'glued-digits-no-split', severity: 'error' },
    minApplicable: 2,
  },
  {
    name: 'a 2008 统计表 历年累计 cell left blank',
    apply: (text) => {
      const m = /^(其中：1、网站公开\t条\t\d+\t)\d+$/m.exec(text);
      return m ? text.replace(m[0], m[1]!) : null;
    },
    expect: { ruleId: 'blank-cells', severity: 'info' },
  },
  {
    name: 'a 表二 value changed in the one-cell-per-line layout (2021: 本年制发件数 above 现行有效 + 废止)',
    apply: (text) => {
      const web = relayBlock(text, T2_START, T2_END, webLayout(1, 3));
      if (web === null) return null;
      return web.replace(/((?:行政)?规范性文件\n\n)(\d+)/, (_m, head: string) => `${head}99999`);
    },
    expect: { ruleId: 't2-made-within-valid', severity: 'warning' },
    minApplicable: 2,
  },
];

describe('metamorphic: web-extracted and re-laid tables (issue 16)', () => {
  cleanSuite(clean);
  defectSuite(defects);

  it('a blank 历年累计 is reported blank, never compared as 0', async () => {
    let applied = 0;
    for (const file of CLEAN_FIXTURES) {
      const base = await original(file);
      const text = defects[2]!.apply(base.text, base.report);
      if (text === null) continue;
      applied++;
      const now = await checkReport(text);
      expect(now.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
      expect(now.findings.some((f) => f.ruleId === 'stat-cumulative-covers-year' && f.severity === 'info')).toBe(true);
    }
    expect(applied).toBeGreaterThanOrEqual(1);
  });

  it('a department 表二 without the 第（五）项 sub-table: its cells only are not read, and no missing-row warning', async () => {
    let applied = 0;
    for (const file of CLEAN_FIXTURES) {
      const base = await original(file);
      const text = base.text.replace(/^第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t\d+\n/m, '');
      if (text === base.text) continue;
      applied++;
      const now = await checkReport(text);
      const lost = cellDiff(cellValues(base.report), cellValues(now.report)).filter((d) => !d.startsWith('t2.t2.a5.'));
      expect(lost).toEqual([]);
      expect(findingChanges(base.findings, now.findings)).toEqual(['+info:table2-item-not-printed ×1']);
    }
    expect(applied).toBeGreaterThanOrEqual(2);
  });

  it('a recognised local row added to the 2008 统计表 with a value that keeps the sums is read and summed', async () => {
    let applied = 0;
    for (const file of CLEAN_FIXTURES) {
      const base = await original(file);
      // National form: 电子邮件申请数 after 4.信函申请数; Fujian form: 6.其它形式申请数 after 5.信函申请数.
      const text = base.text
        .replace(/^4\.信函申请数\t件\t(\d*)$/m, (m, v: string) => `${m}\n电子邮件申请数\t件\t${v === '' ? '' : '0'}`)
        .replace(/^(5、信函申请数\t条\t\d+\t\d+)$/m, '$1\n6、其它形式申请数\t条\t0\t0');
      if (text === base.text) continue;
      applied++;
      const now = await checkReport(text);
      const diff = cellDiff(cellValues(base.report), cellValues(now.report));
      // The added row's cells are read (and nothing else changes).
      expect(diff.length).toBeGreaterThan(0);
      expect(diff.every((d) => /^stat\.stat\.(?:a1\.email|a\.6)\.\w+: \(not read\) → /.test(d)), diff.join('\n')).toBe(true);
      expect(findingChanges(base.findings, now.findings, ['blank-cells'])).toEqual([]);
      expect(now.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
    expect(applied).toBe(2);
  });

  it('an unrecognised row inside a group of parts makes its sum cannot-check, never an error', async () => {
    let applied = 0;
    for (const file of CLEAN_FIXTURES) {
      const base = await original(file);
      const text = base.text.replace(/^(5、信函申请数\t条\t\d+\t\d+)$/m, '$1\n6、短信申请数\t条\t5\t5');
      if (text === base.text) continue;
      applied++;
      const now = await checkReport(text);
      expect(now.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual([]);
      expect(now.findings.some((f) => f.ruleId === 'stat-fujian-sums' && f.severity === 'info')).toBe(true);
    }
    expect(applied).toBe(1);
  });
});
