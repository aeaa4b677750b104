import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceText } from '../../src/model/source.js';
import { ingest } from '../../src/ingest/index.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { foldKangxi, ingestPdf } from '../../src/ingest/pdf.js';
import { cjk, encryptedPdf, scannedPdf, text, textPdf } from '../helpers/pdf.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, ROOT)));

// ---------------------------------------------------------------------------------------------

/** Number sequences of table-like rows: cells split at 2+ spaces or TAB, numeric cells kept. */
function numericRows(lines: readonly string[]): string[] {
  const rows: string[] = [];
  for (const line of lines) {
    const cells = line.trim().split(/\s{2,}|\t/).filter((c) => c !== '');
    const numbers = cells.filter((c) => /^\d+(\.\d+)?$/.test(c));
    if (numbers.length > 0 && cells.length >= 2) rows.push(numbers.join(' '));
  }
  return rows;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('ingestPdf on the corpus PDFs', () => {
  const files = ['001-huaian-city-2024', '002-hongze-district-2023', '003-hongze-district-2024'] as const;
  const results = new Map<string, SourceText>();

  beforeAll(async () => {
    for (const file of files) results.set(file, await ingest(read(`fixtures/corpus/original/${file}.pdf`), `${file}.pdf`));
  });

  it.each(files)('%s: every numeric row of the pdftotext text is a row of the output', (file) => {
    const result = results.get(file);
    expect(result?.kind).toBe('pdf');
    expect(result?.problems).toEqual([]);
    const reference = readFileSync(new URL(`fixtures/corpus/text/${file}.txt`, ROOT), 'utf-8').split('\n');
    const mine = new Set(numericRows(result?.lines.map((l) => l.text) ?? []));
    const wanted = numericRows(reference);
    expect(wanted.length).toBeGreaterThanOrEqual(30);
    expect(wanted.filter((row) => !mine.has(row))).toEqual([]);
  });

  it.each(files)('%s: carries the body text of the pdftotext output', (file) => {
    const result = results.get(file);
    const mine = squash(result?.lines.map((l) => l.text).join('') ?? '');
    const reference = readFileSync(new URL(`fixtures/corpus/text/${file}.txt`, ROOT), 'utf-8').split('\n');
    const body = reference.filter((l) => /[\u4e00-\u9fff]{12}/.test(l) && !/\S\s{2,}\d/.test(l));
    const missing = body.filter((l) => !mine.includes(squash(l)));
    expect(body.length).toBeGreaterThan(25);
    // Lines of the two-line row labels in 表三 are interleaved differently; nothing else differs.
    expect(missing.length).toBeLessThanOrEqual(2);
    expect(mine).toContain(squash('五、存在的主要问题及改进情况'));
  });

  it('002: reads the ruled 表二, 表三 and 表四 as whole rows, cells joined by TAB', () => {
    const lines = results.get('002-hongze-district-2023')?.lines ?? [];
    const texts = lines.map((l) => l.text);
    const review = lines.find((l) => /^10\t1(\t0){8}\t5(\t0){4}$/.test(l.text));
    expect(review?.origin.page).toBe(4);
    // Merged cells: the text at their first position, the positions they also cover empty.
    expect(texts).toContain('一、本年新收政府信息公开申请数量\t\t\t21\t0\t0\t0\t0\t0\t21');
    expect(texts).toContain('\t（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1');
    expect(texts.some((t) => /^行政许可\t550\t*$/.test(t))).toBe(true);
    // Body text: CJK glyphs join, a number keeps single spaces.
    expect(texts).toContain('要求编制此报告。报告中所列数据统计期限自 2023 年 1 月 1 日');
  });

  it('002: drops page numbers but keeps page and line-in-page in the origin', () => {
    const result = results.get('002-hongze-district-2023');
    const lines = result?.lines ?? [];
    expect(lines.filter((l) => /^\s*[-—]\s*\d+\s*[-—]\s*$/.test(l.text))).toEqual([]);
    expect(lines.map((l) => l.origin.line)).toEqual(lines.map((_, i) => i + 1));
    expect(new Set(lines.map((l) => l.origin.page))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(lines[0]?.origin).toEqual({ line: 1, page: 1, pageLine: 1 });
    const pages = lines.map((l) => l.origin.page ?? 0);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(result?.meta).toEqual({ createdAt: '2024-02-26', title: '洪泽区人民政府2023年政府信息公开工作年度报告' });
  });

  it('leaves pages past maxPdfPages out, with a warning', async () => {
    const result = await ingestPdf(read('fixtures/corpus/original/002-hongze-district-2023.pdf'), { ...DEFAULT_LIMITS, maxPdfPages: 2 });
    expect(result.problems.map((p) => [p.id, p.severity])).toEqual([['ingest/too-many-pages', 'warning']]);
    expect(Math.max(...result.lines.map((l) => l.origin.page ?? 0))).toBe(2);
  });
});

describe('ingestPdf layout on hand-made PDFs', () => {
  it('separates columns by 2+ spaces, joins CJK glyphs, drops page numbers and folds Kangxi radicals', async () => {
    const page = [
      text(72, 770, 'Label'), text(300, 770, '12'), text(400, 770, '345'),
      text(72, 740, 'one'), text(96, 740, 'word'),
      // 一、总体情况 as glyphs placed side by side, then 一 and 二 as separate items without a gap
      cjk(72, 710, '4E003001603B4F5360C551B5'), cjk(72, 680, '4E00'), cjk(84, 680, '4E8C'),
      // a CJK label and a number in the next column
      cjk(72, 650, '884C653F8BB853EF'), text(300, 650, '550'),
      text(72, 620, 'AB', 12, 'F3'),
      text(290, 30, '- 3 -', 10),
    ].join('\n');
    const result = await ingestPdf(textPdf([page]), DEFAULT_LIMITS);
    expect(result.problems).toEqual([]);
    const texts = result.lines.map((l) => l.text);
    expect(texts[0]).toMatch(/^Label\s{2,}12\s{2,}345$/);
    expect(texts[1]).toBe('one word');
    expect(texts[2]).toBe('一、总体情况');
    expect(texts[3]).toBe('一二');
    expect(texts[4]).toMatch(/^行政许可\s{2,}550$/);
    expect(texts[5]).toBe('一行');
    expect(texts).toHaveLength(6);
    // Columns line up: 345 and 550 start where their x positions put them.
    expect(texts[0]?.indexOf('12')).toBe(texts[4]?.indexOf('550'));
  });

  it('drops running headers that repeat on every page', async () => {
    const pages = [1, 2, 3].map((n) => [
      text(72, 810, 'Annual report of the county'),
      text(72, 700, `Body text of page ${n}`),
      text(280, 30, `Page ${n}`, 10),
    ].join('\n'));
    const result = await ingestPdf(textPdf(pages), DEFAULT_LIMITS);
    expect(result.lines.map((l) => [l.text, l.origin.page, l.origin.pageLine])).toEqual([
      ['Body text of page 1', 1, 2],
      ['Body text of page 2', 2, 2],
      ['Body text of page 3', 3, 2],
    ]);
  });

  it('keeps a lone number that is not where page numbers go', async () => {
    const page = [text(72, 100, 'Row label'), text(420, 60, '4119'), text(292, 30, '7', 10)].join('\n');
    const result = await ingestPdf(textPdf([page]), DEFAULT_LIMITS);
    expect(result.lines.map((l) => l.text.trim())).toEqual(['Row label', '4119']);
  });

  it('folds only Kangxi radicals, leaving full-width punctuation as printed', () => {
    expect(foldKangxi('⼀⼆⾏，（１）：')).toBe('一二行，（１）：');
  });
});

describe('ingestPdf on bad input', () => {
  const expectProblem = (result: SourceText, id: string): void => {
    expect(result.kind).toBe('pdf');
    expect(result.lines).toEqual([]);
    expect(result.problems.map((p) => p.id)).toEqual([id]);
    expect(result.problems[0]?.severity).toBe('error');
    expect(result.problems[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.problems[0]?.messageEn).toMatch(/[a-z]/);
  };

  it('reports an encrypted PDF that needs a password', async () => {
    const result = await ingest(encryptedPdf(), 'secret.pdf');
    expectProblem(result, 'ingest/encrypted-pdf');
    expect(result.problems[0]?.message).toBe('PDF 已加密，请提供未加密的版本。');
  });

  it('reports a PDF without a text layer (a scan)', async () => {
    const result = await ingest(scannedPdf(), 'scan.pdf');
    expectProblem(result, 'ingest/no-text-layer');
    expect(result.problems[0]?.message).toContain('扫描件');
  });

  it('warns about single pages without text in an otherwise readable PDF', async () => {
    const result = await ingestPdf(textPdf([text(72, 770, 'page one'), '0 0 1 rg 10 10 50 50 re f']), DEFAULT_LIMITS);
    expect(result.lines.map((l) => l.text)).toEqual(['page one']);
    expect(result.problems.map((p) => [p.id, p.severity])).toEqual([['ingest/pdf-pages-without-text', 'warning']]);
  });

  it('reports a corrupt PDF and files over the size limit', async () => {
    const junk = new Uint8Array(Buffer.from('%PDF-1.7\n' + 'garbage '.repeat(200), 'latin1'));
    expectProblem(await ingest(junk, 'broken.pdf'), 'ingest/corrupt-pdf');
    expectProblem(await ingestPdf(junk, { ...DEFAULT_LIMITS, maxFileBytes: 100 }), 'ingest/too-large');
  });

  it('does not detach the caller’s buffer', async () => {
    const bytes = textPdf([text(72, 770, 'hello')]);
    await ingestPdf(bytes, DEFAULT_LIMITS);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await ingestPdf(bytes, DEFAULT_LIMITS)).lines.map((l) => l.text)).toEqual(['hello']);
  });
});
