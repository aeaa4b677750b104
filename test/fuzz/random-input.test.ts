/**
 * Fuzzing ingest + parse + check with inputs that owe nothing to real reports: random bytes under
 * every file name the tool reads, random unicode text, and random text built from the fragments
 * reports are made of (table labels, digits, TABs, pipes, 一、（一） headings). Whatever the input,
 * `checkInvariant` must hold: no exception, a result, well-formed findings (a hang fails by the test timeout).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariant, params } from './harness.js';

const EXTENSIONS = ['.txt', '.md', '.html', '.docx', '.pdf', '.doc', '.xyz'] as const;

/** Magic numbers, so random bytes also reach the PDF, zip and OLE2 readers past detection. */
const MAGIC: readonly (readonly number[])[] = [[], [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

/** Pieces of real reports, so random text reaches the table and heading parsers. */
const FRAGMENTS = [
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
  '（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '1.', '2.', '3.', '（1）',
  '本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '总计', '结转下年度继续办理',
  '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '未经复议直接起诉', '复议后起诉',
  '规章', '规范性文件', '本年制发件数', '本年废止件数', '现行有效件数', '行政许可', '行政处罚', '行政强制', '行政事业性收费',
  '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '法人或其他组织',
  '信息名称', '项目', '单位', '第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项',
  '表一', '表二', '表三', '表四', '政府信息公开工作年度报告', '人民政府办公室', '2023年', '2024年1月20日', '二〇二四年一月',
  '0', '1', '12', '100', '1,234', '3.5', '-7', '—', '-', '/', '无', 'XX', '××', '1e308', '99999999999999999999', 'NaN', 'Infinity', '０１２３', '十二',
  '\t', '\t\t', '|', ' | ', '||', '  ', '\n', '\n\n', '\r\n', '\r', '：', ':', '，', '。', '、', '（', '）', '(', ')', '%', '件', '条', '次', '个',
  '```', '#', '##', '---', '|---|---|', '<', '>', '&nbsp;', '\u3000', '\u00a0', '\ufeff', '\u200b', '\u202e',
] as const;

const reportLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 }).map((parts) => parts.join(''));

/** Lines shaped like table rows: a label, then cells separated by TABs, pipes or spaces. */
const tableRow = fc
  .tuple(
    fc.constantFrom(...FRAGMENTS.slice(0, 60)),
    fc.array(fc.oneof(fc.nat({ max: 100_000 }).map(String), fc.constantFrom('', '—', '1e308', '99999999999999999999', '0.0000001', '-1', 'X')), { maxLength: 12 }),
    fc.constantFrom('\t', '|', '  ', ' ', '\t|'),
  )
  .map(([label, cells, sep]) => [label, ...cells].join(sep));
const tableLike = fc.array(tableRow, { maxLength: 150 }).map((rows) => rows.join('\n'));

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('random input', () => {
  it('random bytes under every file name (and behind every magic number) never break the checker', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXTENSIONS), fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 4096 }), async (ext, magic, body) => {
        const bytes = new Uint8Array([...magic, ...body]);
        await checkInvariant(bytes, `random${ext}`);
      }),
      params(150),
    );
  });

  it('random unicode text, as .txt, .md and .html, never breaks the checker', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('.txt', '.md', '.html'), fc.string({ unit: 'grapheme', maxLength: 3000 }), async (ext, text) => {
        await checkInvariant(encode(text), `unicode${ext}`);
      }),
      params(100),
    );
  });

  it('random text (including lone surrogates) decoded as UTF-16 never breaks the checker', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 2000 }), async (text) => {
        // UTF-16LE with a BOM: the decoder path for files saved by Windows Notepad.
        const bytes = new Uint8Array(2 + text.length * 2);
        bytes[0] = 0xff;
        bytes[1] = 0xfe;
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          bytes[2 + i * 2] = code & 0xff;
          bytes[3 + i * 2] = code >> 8;
        }
        await checkInvariant(bytes, 'utf16.txt');
      }),
      params(30),
    );
  });

  it('random text built from report fragments never breaks the checker', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('.txt', '.md'), reportLike, async (ext, text) => {
        await checkInvariant(encode(text), `fragments${ext}`);
      }),
      params(150),
    );
  });

  it('random table-shaped text (labels, numbers, TABs, pipes) never breaks the checker', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('.txt', '.md'), reportLike, tableLike, async (ext, prose, table) => {
        const result = await checkInvariant(encode(`${prose}\n${table}`), `table${ext}`);
        // Every cell the parser read holds a finite number or no number at all: never NaN or ±∞.
        for (const t of Object.values(result.report.tables)) {
          for (const cell of Object.values(t.cells)) if (cell.value !== null && cell.value !== undefined) expect(Number.isFinite(cell.value), `${cell.id} = ${cell.value}`).toBe(true);
        }
      }),
      params(150),
    );
  });

  it('random text built from report fragments inside HTML tables never breaks the checker', async () => {
    const cell = fc.tuple(fc.constantFrom('td', 'th'), fc.constantFrom('', ' rowspan="2"', ' colspan="3"', ' rowspan="0"', ' colspan="-1"', ' rowspan="abc"', ' colspan="99999"'), fc.constantFrom(...FRAGMENTS)).map(([tag, attr, text]) => `<${tag}${attr}>${text}</${tag}>`);
    const row = fc.array(cell, { maxLength: 10 }).map((cells) => `<tr>${cells.join('')}</tr>`);
    const html = fc.tuple(reportLike, fc.array(row, { maxLength: 40 })).map(([prose, rows]) => `<html><body><p>${prose}</p><table>${rows.join('')}</table></body></html>`);
    await fc.assert(
      fc.asyncProperty(html, async (text) => {
        await checkInvariant(encode(text), 'fragments.html');
      }),
      params(60),
    );
  });
});
