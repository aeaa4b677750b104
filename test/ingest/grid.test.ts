import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { cellText, collapseWhitespace, expandSpans, expandTable, joinParts, MAX_GRID_CELLS, MAX_GRID_WIDTH, type DomNode } from '../../src/ingest/grid.js';

/** The first `<table>` of an HTML fragment, as a tree node. */
function table(html: string): DomNode {
  const $ = load(html);
  const el = $('table').first()[0] as DomNode | undefined;
  if (el === undefined) throw new Error('no table');
  return el;
}

describe('expandTable', () => {
  it('puts a spanning cell on its top-left position only, with empty strings elsewhere', () => {
    const grid = expandTable(table(`
      <table>
        <tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
        <tr><td>C</td></tr>
        <tr><td>D</td><td>E</td><td>F</td></tr>
      </table>`));
    expect(grid).toEqual([
      ['A', '', 'B'],
      ['', '', 'C'],
      ['D', 'E', 'F'],
    ]);
  });

  it('lays out the 本年度办理结果 group label like the report text: first row only', () => {
    const grid = expandTable(table(`
      <table><tbody>
        <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>71</td></tr>
        <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>4</td></tr>
        <tr><td>2.其他法律行政法规禁止公开</td><td>0</td></tr>
      </tbody></table>`));
    expect(grid.map((r) => r.join('\t'))).toEqual([
      '三、本年度办理结果\t（一）予以公开\t\t71',
      '\t（三）不予公开\t1.属于国家秘密\t4',
      '\t\t2.其他法律行政法规禁止公开\t0',
    ]);
  });

  it('reads only the direct rows of the table; a nested table is text of its cell', () => {
    const grid = expandTable(table(`
      <table>
        <thead><tr><th>项目</th><th>数量</th></tr></thead>
        <tbody>
          <tr><td><table><tr><td>内层</td><td>表格</td></tr></table></td><td>5</td></tr>
        </tbody>
        <tfoot><tr><td>合计</td><td>5</td></tr></tfoot>
      </table>`));
    expect(grid).toEqual([
      ['项目', '数量'],
      ['内层表格', '5'],
      ['合计', '5'],
    ]);
  });

  it('joins <br>-separated parts without a space between CJK text, with one otherwise', () => {
    const grid = expandTable(table(`
      <table><tr>
        <td>社会公益<br>组织</td><td>法律服务<br/>机构</td><td>Total<br>count</td><td>2024年<br>12 月</td>
      </tr></table>`));
    expect(grid[0]).toEqual(['社会公益组织', '法律服务机构', 'Total count', '2024年 12 月']);
  });

  it('reads Word-pasted cells: labels split over many spans, <o:p>, &nbsp; and source line wraps', () => {
    const grid = expandTable(table(`
      <table><tr>
        <td><p class="MsoNormal"><span style="font-family:仿宋">本年新</span><span lang="EN-US">收</span><span>政府信息<o:p></o:p></span></p></td>
        <td><p><span>&nbsp;217&nbsp;</span><o:p>&nbsp;</o:p></p></td>
        <td><p>社会
              公益组织</p></td>
        <td>  a   b\t c  </td>
        <td><span style="display:none">隐藏</span>可见</td>
      </tr></table>`));
    expect(grid[0]).toEqual(['本年新收政府信息', '217', '社会公益组织', 'a b c', '可见']);
  });

  it('keeps empty cells as empty strings and pads short rows', () => {
    const grid = expandTable(table('<table><tr><td>a</td><td></td><td>c</td></tr><tr><td>d</td></tr></table>'));
    expect(grid).toEqual([
      ['a', '', 'c'],
      ['d', '', ''],
    ]);
  });

  it('treats rowspan="0" as spanning to the last row and caps hostile colspans', () => {
    const grid = expandTable(table(`
      <table>
        <tr><td rowspan="0">L</td><td>1</td></tr>
        <tr><td>2</td></tr>
        <tr><td>3</td></tr>
      </table>`));
    expect(grid).toEqual([
      ['L', '1'],
      ['', '2'],
      ['', '3'],
    ]);
    const wide = expandTable(table('<table><tr><td colspan="99999999">x</td></tr></table>'));
    expect(wide[0]?.length).toBe(1000);
    const junk = expandTable(table('<table><tr><td colspan="abc" rowspan="-3">x</td><td>y</td></tr></table>'));
    expect(junk).toEqual([['x', 'y']]);
  });

  it('bounds the grid width when each row spans all the rows below (regression: width grew as rows × colspan)', () => {
    // Each row's cell starts right of the one above it: 400 rows made a 400 000-column grid.
    const rows = Array.from({ length: 400 }, (_, i) => [{ text: String(i), rowSpan: 400 - i, colSpan: 1000 }]);
    const grid = expandSpans(rows);
    expect(grid.length).toBe(400);
    // 400 rows: the cell budget allows 250 columns (a short table still gets MAX_GRID_WIDTH).
    expect(Math.max(...grid.map((r) => r.length))).toBe(Math.floor(MAX_GRID_CELLS / 400));
    expect(expandSpans([[{ text: 'x', rowSpan: 1, colSpan: 5000 }]])[0]?.length).toBe(MAX_GRID_WIDTH);
    expect(grid[0]?.[0]).toBe('0');
    // Cells that fit are still placed as before.
    expect(expandSpans([[{ text: 'a', rowSpan: 1, colSpan: 998 }, { text: 'b', rowSpan: 1, colSpan: 5 }]])[0]?.slice(997)).toEqual(['', 'b', '']);
  });
});

describe('text helpers', () => {
  it('joinParts joins CJK directly and other text with a space, skipping empty parts', () => {
    expect(joinParts(['商业', '企业'])).toBe('商业企业');
    expect(joinParts(['危及', '“三安全一稳定”'])).toBe('危及“三安全一稳定”');
    expect(joinParts(['第 711', '号'])).toBe('第 711 号');
    expect(joinParts(['', 'a', '', 'b'])).toBe('a b');
  });

  it('collapseWhitespace collapses runs, drops wraps between CJK and trims', () => {
    expect(collapseWhitespace('  一、\u3000总体\u00a0情况  ')).toBe('一、 总体 情况');
    expect(collapseWhitespace('社会\n  公益')).toBe('社会公益');
    expect(collapseWhitespace('2024\n年')).toBe('2024 年');
  });

  it('cellText reads any element, not only cells', () => {
    const $ = load('<div>一、<b>总体</b>情况<br>第二行</div>');
    const div = $('div')[0] as DomNode | undefined;
    expect(div && cellText(div)).toBe('一、总体情况第二行');
  });

  it('expandSpans builds the grid from span descriptions (the DOCX reader uses it)', () => {
    expect(expandSpans([
      [{ text: 'a', rowSpan: 1, colSpan: 3 }],
      [{ text: 'b', rowSpan: 1, colSpan: 1 }, { text: 'c', rowSpan: 1, colSpan: 2 }],
    ])).toEqual([
      ['a', '', ''],
      ['b', 'c', ''],
    ]);
  });
});
