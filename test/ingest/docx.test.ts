import { readFileSync } from 'node:fs';
import {
  AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { ingestDocx } from '../../src/ingest/docx.js';
import { formatNumber } from '../../src/ingest/docx-numbering.js';
import { checkZipBomb, readZipDirectory } from '../../src/ingest/zip.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { zip, type ZipPart } from '../helpers/zip.js';

const ROOT = new URL('../../', import.meta.url);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string, pPr = ''): string => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numPr = (numId: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

/** A .docx from hand-written body XML, numbering definitions and styles. */
function handDocx(body: string, numbering = '', styles = ''): Uint8Array {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'word/document.xml', data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>` },
  ];
  if (numbering !== '') parts.push({ name: 'word/numbering.xml', data: `<w:numbering ${W}>${numbering}</w:numbering>` });
  if (styles !== '') parts.push({ name: 'word/styles.xml', data: `<w:styles ${W}>${styles}</w:styles>` });
  return zip(parts);
}

const lvl = (ilvl: number, fmt: string, text: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

// ---------------------------------------------------------------------------------------------

/** A report-like document made with the docx package: automatic 一、/（一）/1. numbering and merged cells. */
async function reportDocx(): Promise<Uint8Array> {
  const heading = (text: string, level: number): Paragraph =>
    new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'report', level } });
  const cell = (text: string, opts: { rowSpan?: number; columnSpan?: number } = {}): TableCell =>
    new TableCell({ children: [new Paragraph(text)], ...opts });
  const doc = new Document({
    creator: 'test',
    title: '某某县2024年政府信息公开工作年度报告',
    numbering: {
      config: [{
        reference: 'report',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
        ],
      }],
    },
    sections: [{
      children: [
        new Paragraph({ children: [new TextRun({ text: '某某县2024年政府信息公开工作年度报告', bold: true })], alignment: AlignmentType.CENTER }),
        heading('总体情况', 0),
        heading('主动公开情况', 1),
        new Paragraph('2024年，全县主动公开政府信息1136条。'),
        heading('依申请公开情况', 1),
        heading('主动公开政府信息情况', 0),
        heading('收到和处理政府信息公开申请情况', 0),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ children: [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowSpan: 2, columnSpan: 2 }), cell('申请人情况', { columnSpan: 2 })] }),
            new TableRow({ children: [cell('自然人'), cell('总计')] }),
            new TableRow({ children: [cell('三、本年度办理结果', { rowSpan: 2 }), cell('（一）予以公开'), cell('71'), cell('71')] }),
            new TableRow({ children: [cell('（二）部分公开'), cell('29'), cell('29')] }),
          ],
        }),
        heading('政府信息公开行政复议、行政诉讼情况', 0),
        heading('第一个三级', 2),
        heading('第二个三级', 2),
        heading('存在的主要问题', 1),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('ingestDocx', () => {
  it('restores Word automatic numbering (chineseCounting 一、, （一）, 1.)', async () => {
    const result = await ingestDocx(await reportDocx(), DEFAULT_LIMITS);
    expect(result.problems).toEqual([]);
    const texts = result.lines.map((l) => l.text).filter((t) => !t.includes('\t'));
    expect(texts).toEqual([
      '某某县2024年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开情况',
      '2024年，全县主动公开政府信息1136条。',
      '（二）依申请公开情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '1.第一个三级',
      '2.第二个三级',
      '（一）存在的主要问题',
    ]);
    expect(result.meta.title).toBe('某某县2024年政府信息公开工作年度报告');
  });

  it('expands vertically merged and gridSpan cells into a grid, continuation cells empty', async () => {
    const result = await ingestDocx(await reportDocx(), DEFAULT_LIMITS);
    const rows = result.lines.filter((l) => l.origin.tableIndex !== undefined);
    expect(rows.map((r) => r.text.split('\t'))).toEqual([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '申请人情况', ''],
      ['', '', '自然人', '总计'],
      ['三、本年度办理结果', '（一）予以公开', '71', '71'],
      ['', '（二）部分公开', '29', '29'],
    ]);
    expect(rows.map((r) => [r.origin.tableIndex, r.origin.tableRow])).toEqual([[1, 1], [1, 2], [1, 3], [1, 4]]);
    expect(result.lines.map((l) => l.origin.line)).toEqual(result.lines.map((_, i) => i + 1));
  });

  it('reads the real 013 docx: same table rows as the reference text, headings, body and signature', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('fixtures/corpus/original/013-pingtan-2024.docx', ROOT)));
    const result = await ingest(bytes, '013-pingtan-2024.docx');
    expect(result.kind).toBe('docx');
    expect(result.problems).toEqual([]);
    const reference = readFileSync(new URL('fixtures/corpus/text/013-pingtan-2024.txt', ROOT), 'utf-8').split('\n');
    const rows = (lines: readonly string[]): string[][] => lines
      .filter((l) => l.includes('\t'))
      .map((l) => l.split('\t').filter((c) => c.trim() !== '').map((c) => c.replace(/\s+/g, '')))
      .filter((r) => r.length > 1);
    const texts = result.lines.map((l) => l.text);
    expect(rows(texts)).toEqual(rows(reference));
    expect(texts).toContain('一、本年新收政府信息公开申请数量\t\t\t217\t1\t0\t0\t0\t0\t218');
    expect(texts).toContain('2\t1\t3\t1\t7\t0\t0\t0\t0\t0\t13\t2\t4\t0\t19');
    for (const heading of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(texts).toContain(heading);
    }
    expect(texts.some((t) => t.startsWith('一、总体情况 2024年'))).toBe(true);
    expect(texts.slice(-2)).toEqual(['平潭综合实验区管委会', '2025年3月10日']);
    expect(result.meta.title).toBe('平潭综合实验区2024年度政府信息公开工作年度报告');
  });

  it('handles style-linked numbering, restarts, gridBefore, hMerge, breaks, tabs, fields and deletions', async () => {
    const numbering = [
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'chineseCountingThousand', '%1、', '<w:pStyle w:val="H1"/>')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%1.%3', '<w:isLgl/>')}${lvl(3, 'decimal', '%1.%4')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimalEnclosedCircle', '%1')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="3">${lvl(0, 'bullet', '')}</w:abstractNum>`,
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>',
      '<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
      '<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>',
    ].join('');
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>`;
    const body = [
      para('总体情况', '<w:pStyle w:val="H1"/>'),
      para('子项', numPr(1, 1)),
      para('细目', numPr(1, 2)),
      para('非法律式', numPr(1, 3)),
      para('主动公开', '<w:pStyle w:val="H1x"/>'),
      para('子项重新编号', numPr(1, 1)),
      para('不编号', `<w:pStyle w:val="H1"/>${numPr(0)}`),
      para('圈一', numPr(2)),
      para('圈二', numPr(2)),
      para('重新开始', numPr(3)),
      para('项目符号', numPr(4)),
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>手工编号</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>行政许可</w:t><w:tab/><w:t>550</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>',
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>',
      '<w:p/>',
      '<w:sdt><w:sdtContent>' + para('内容控件') + '</w:sdtContent></w:sdt>',
      `<w:tbl>
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${para('表头')}</w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${para('社会公益')}${para('组织')}</w:tc><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>${para('甲')}</w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr>${para('乙')}</w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>${para('被合并')}</w:tc><w:tc>${para('1', numPr(2))}</w:tc><w:tc><w:tbl><w:tr><w:tc>${para('内')}</w:tc><w:tc>${para('表')}</w:tc></w:tr></w:tbl></w:tc></w:tr>
      </w:tbl>`,
    ].join('');
    const result = await ingestDocx(handDocx(body, numbering, styles), DEFAULT_LIMITS);
    expect(result.problems).toEqual([]);
    expect(result.lines.map((l) => l.text)).toEqual([
      '一、总体情况',
      '（一）子项',
      '1.1细目',
      '一.1非法律式',
      '二、主动公开',
      '（一）子项重新编号',
      '不编号',
      '①圈一',
      '②圈二',
      '①重新开始',
      '项目符号',
      '第一行',
      '第二行',
      '一、手工编号',
      '行政许可  550',
      '保留插入',
      '7链接',
      '内容控件',
      '\t表头\t',
      '社会公益组织\t甲\t',
      '\t③ 1\t内表',
    ]);
    const broken = result.lines.filter((l) => l.text === '第一行' || l.text === '第二行');
    expect(broken.map((l) => l.origin.paragraph)).toEqual([12, 12]);
  });

  it('reads docProps/core.xml title and creation date (China time)', async () => {
    const bytes = zip([
      { name: 'word/document.xml', data: `<w:document ${W}><w:body>${para('正文')}</w:body></w:document>` },
      { name: 'docProps/core.xml', data: '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>年度报告</dc:title><dcterms:created>2025-03-09T17:30:00Z</dcterms:created></cp:coreProperties>' },
    ]);
    const result = await ingestDocx(bytes, DEFAULT_LIMITS);
    expect(result.meta).toEqual({ title: '年度报告', createdAt: '2025-03-10' });
  });
});

describe('formatNumber', () => {
  it('renders Chinese counting as Word does', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1000, 1024].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百〇一', '一百一十', '一千', '一千〇二十四',
    ]);
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('拾贰');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(12, 'ideographDigital')).toBe('一二');
    expect(formatNumber(3, 'decimalEnclosedParen')).toBe('⑶');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(7, 'decimalFullWidth')).toBe('７');
    expect(formatNumber(7, 'someFutureFormat')).toBe('7');
  });
});

describe('ingestDocx on bad input', () => {
  const expectProblem = (result: Awaited<ReturnType<typeof ingestDocx>>, id: string): void => {
    expect(result.lines).toEqual([]);
    expect(result.problems.map((p) => p.id)).toEqual([id]);
    expect(result.problems[0]?.severity).toBe('error');
    expect(result.problems[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.problems[0]?.messageEn).toMatch(/[a-z]/);
  };

  it('reports a corrupt .docx (zip header, random bytes) and tells the user to save it again', async () => {
    const junk = new Uint8Array(5000).map((_, i) => (i * 2654435761) % 251);
    junk.set([0x50, 0x4b, 0x03, 0x04]);
    const result = await ingest(junk, 'report.docx');
    expectProblem(result, 'ingest/corrupt-docx');
    expect(result.problems[0]?.message).toContain('另存为');
  });

  it('reports a zip without word/document.xml, and a truncated archive', async () => {
    expectProblem(await ingestDocx(zip([{ name: 'hello.txt', data: 'hi' }]), DEFAULT_LIMITS), 'ingest/corrupt-docx');
    const good = handDocx(para('正文'));
    expectProblem(await ingestDocx(good.subarray(0, good.length - 30), DEFAULT_LIMITS), 'ingest/corrupt-docx');
    const damaged = handDocx(para('正文'.repeat(500)));
    damaged.fill(0x41, 120, 200); // inside the deflated document.xml
    const result = await ingestDocx(damaged, DEFAULT_LIMITS);
    expect(result.problems.map((p) => p.id)).toEqual(['ingest/corrupt-docx']);
  });

  it('refuses a zip bomb by its declared sizes, before inflating anything', async () => {
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const bomb = zip([{ name: 'word/document.xml', data: zeros }]);
    expect(bomb.length).toBeLessThan(200_000);
    const entries = readZipDirectory(bomb);
    expect(entries[0]?.uncompressedSize).toBe(zeros.length);
    expect(checkZipBomb(entries, DEFAULT_LIMITS.maxDocxUncompressedBytes)?.id).toBe('ingest/zip-bomb');
    expectProblem(await ingestDocx(bomb, DEFAULT_LIMITS), 'ingest/zip-bomb');
  });

  it('refuses a .docx over a lowered limit, and a forged declared size or ratio', async () => {
    const docx = await reportDocx();
    expectProblem(await ingestDocx(docx, { ...DEFAULT_LIMITS, maxDocxUncompressedBytes: 1000 }), 'ingest/zip-bomb');
    // Declares more than deflate can produce from so few bytes.
    const forgedRatio = zip([{ name: 'word/document.xml', data: para('x'), declaredSize: 40 * 1024 * 1024 }]);
    expectProblem(await ingestDocx(forgedRatio, DEFAULT_LIMITS), 'ingest/zip-bomb');
    // Declares less than it holds: inflating stops at the declared size.
    const body = `<w:document ${W}><w:body>${para('数据'.repeat(50_000))}</w:body></w:document>`;
    const understated = zip([{ name: 'word/document.xml', data: body, declaredSize: 1000 }]);
    expectProblem(await ingestDocx(understated, DEFAULT_LIMITS), 'ingest/zip-bomb');
  });

  it('refuses files over maxFileBytes', async () => {
    expectProblem(await ingestDocx(handDocx(para('正文')), { ...DEFAULT_LIMITS, maxFileBytes: 10 }), 'ingest/too-large');
  });

  it('reads stored (uncompressed) parts', async () => {
    const bytes = zip([{ name: 'word/document.xml', data: `<w:document ${W}><w:body>${para('未压缩')}</w:body></w:document>`, stored: true }]);
    expect((await ingestDocx(bytes, DEFAULT_LIMITS)).lines.map((l) => l.text)).toEqual(['未压缩']);
  });
});
