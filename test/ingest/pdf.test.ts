import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceText } from '../../src/model/source.js';
import { ingest } from '../../src/ingest/index.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { foldKangxi, ingestPdf } from '../../src/ingest/pdf.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, ROOT)));

// ---------------------------------------------------------------------------------------------
// Hand-written PDFs (no PDF writer is installed): objects are numbered from 1, object 1 is the
// catalog, and the xref table is computed.

function pdf(objects: readonly string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const stream = (content: string, dict = ''): string => `<< /Length ${Buffer.byteLength(content, 'latin1')} ${dict} >>\nstream\n${content}\nendstream`;

/**
 * A PDF whose pages hold the given content streams. Fonts: F1 Helvetica; F2 a CJK font (STSong,
 * not embedded, UniGB-UCS2-H, so pdf.js needs its CMaps); F3 Helvetica whose ToUnicode maps "A"
 * to the Kangxi radical ⼀ (U+2F00) and "B" to ⾏ (U+2F8F).
 */
function textPdf(pages: readonly string[], trailerExtra = ''): Uint8Array {
  const fonts = 6;
  const first = 10;
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${fonts} 0 R] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 8 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    stream('/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /K def 1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <41> <2F00> <42> <2F8F> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end'),
    '<< >>',
  ];
  pages.forEach((content, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`);
    objects.push(stream(content));
  });
  return pdf(objects, trailerExtra);
}

const text = (x: number, y: number, s: string, size = 12, font = 'F1'): string => `BT /${font} ${size} Tf ${x} ${y} Td (${s}) Tj ET`;
const cjk = (x: number, y: number, hex: string, size = 12): string => `BT /F2 ${size} Tf ${x} ${y} Td <${hex}> Tj ET`;

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

  it('002: lays out 表三 and 表四 rows with column gaps of two or more spaces', () => {
    const lines = results.get('002-hongze-district-2023')?.lines ?? [];
    const texts = lines.map((l) => l.text);
    const review = lines.find((l) => /^\s*10\s{2,}1(\s{2,}0){8}\s{2,}5(\s{2,}0){4}$/.test(l.text));
    expect(review?.origin.page).toBe(4);
    expect(texts.some((t) => /^一、本年新收政府信息公开申请数量\s{2,}21(\s{2,}0){5}\s{2,}21$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\s+1\.属于国家秘密\s{2,}1(\s{2,}0){5}\s{2,}1$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\s*行政许可\s{2,}550$/.test(t))).toBe(true);
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
    const hex32 = '28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A';
    const encrypted = textPdf([text(72, 770, 'secret')], `/Encrypt 9 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]`);
    // Object 9 is the placeholder `<< >>`; make it the standard security handler dictionary.
    const patched = Buffer.from(encrypted).toString('latin1').replace('9 0 obj\n<< >>', `9 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32.split('').reverse().join('')}> /P -44 >>`);
    const bytes = fixXref(patched);
    const result = await ingest(bytes, 'secret.pdf');
    expectProblem(result, 'ingest/encrypted-pdf');
    expect(result.problems[0]?.message).toBe('PDF 已加密，请提供未加密的版本。');
  });

  it('reports a PDF without a text layer (a scan)', async () => {
    const image = '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream';
    const scanned = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
      stream('q 500 0 0 700 40 60 cm /Im1 Do Q 0 0 1 rg 10 10 50 50 re f'),
      image,
    ]);
    const result = await ingest(scanned, 'scan.pdf');
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

/** Recomputes the xref offsets of a hand-written PDF after an object was edited. */
function fixXref(source: string): Uint8Array {
  const objects: string[] = [];
  const re = /(\d+) 0 obj\n([\s\S]*?)\nendobj\n/g;
  for (const m of source.matchAll(re)) objects[Number(m[1]) - 1] = m[2] ?? '';
  const trailer = /trailer\n<< \/Size \d+ \/Root 1 0 R ([\s\S]*?) >>\nstartxref/.exec(source)?.[1] ?? '';
  return pdf(objects, trailer);
}
