/**
 * Legacy Word binaries (.doc, WPS .wps): each fixture in fixtures/doc was made by LibreOffice from
 * a real report in fixtures/corpus (fixtures/README.md), and must give the same table cells, the
 * same edition/year/agency/date and the same findings as that source. Unreadable and non-Word
 * files get a finding saying what they are, never a crash or a hang.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WordExtractor from 'word-extractor';
import { describe, expect, it } from 'vitest';
import { CompoundFile } from '../../src/ingest/cfb.js';
import { ingest } from '../../src/ingest/index.js';
import { tableGrid } from '../../src/ingest/word-binary.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { checkFile } from '../helpers/check-file.js';
import { ROOT } from '../helpers/examples.js';

const DOC = join(ROOT, 'fixtures/doc');
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));


function cellsOf(report: Report): Record<string, Record<string, [string, number | null]>> {
  return Object.fromEntries(Object.values(report.tables).map((t) => [
    t.id, Object.fromEntries(Object.values(t.cells).map((c) => [c.id, [c.state, c.value]])),
  ]));
}

// Findings without `location` (line numbers differ between a .doc and its source) and fingerprint.
const findingKeys = (findings: readonly Finding[]): string[] => findings.map((f) => JSON.stringify([f.ruleId, f.severity, f.message, f.expected, f.actual])).sort();

const metaOf = (r: Report): unknown => ({
  edition: r.meta.edition, year: r.meta.year, agency: r.meta.agency?.name ?? null, publishedAt: r.meta.publishedAt?.iso ?? null,
});

describe('a .doc reads like the report it was made from', () => {
  const pairs = [
    { doc: '013-pingtan-2024.doc', source: 'corpus/original/013-pingtan-2024.docx', tables: ['t2', 't3', 't4'], cells: 7 * 25 },
    { doc: '013-pingtan-2024.doc', source: 'corpus/text/013-pingtan-2024.txt', tables: ['t2', 't3', 't4'], cells: 7 * 25 },
    { doc: '015-pingtan-county-2011.doc', source: 'corpus/text/015-pingtan-county-2011.txt', tables: ['stat'], cells: 0 },
    { doc: '018-pingtan-zone-2012.doc', source: 'corpus/text/018-pingtan-zone-2012.txt', tables: ['stat'], cells: 0 },
    { doc: '023-shuyang-county-fgj-2023.doc', source: 'corpus/text/023-shuyang-county-fgj-2023.txt', tables: ['t2', 't3', 't4'], cells: 7 * 25 },
  ];

  it.each(pairs)('$doc: same cells, metadata and findings as $source', async ({ doc, source, tables, cells }) => {
    const fromDoc = await checkFile(read(join(DOC, doc)), doc);
    const fromSource = await checkFile(read(join(ROOT, 'fixtures', source)), source);
    expect(fromDoc.report.problems.filter((p) => p.id.startsWith('ingest/'))).toEqual([]);
    expect(Object.keys(fromDoc.report.tables).sort()).toEqual(tables);
    if (cells > 0) expect(Object.keys(fromDoc.report.tables.t3?.cells ?? {})).toHaveLength(cells);
    expect(cellsOf(fromDoc.report)).toEqual(cellsOf(fromSource.report));
    expect(metaOf(fromDoc.report)).toEqual(metaOf(fromSource.report));
    expect(findingKeys(fromDoc.findings)).toEqual(findingKeys(fromSource.findings));
  });

  it('018 (2008 format) keeps its verified narrative defect: 1913 条 in the text vs 739 in the 统计表', async () => {
    const { report, findings } = await checkFile(read(join(DOC, '018-pingtan-zone-2012.doc')), '018.doc');
    const stat = Object.values(report.tables.stat?.cells ?? {}).map((c) => c.value);
    expect(stat).toContain(739);
    expect(findings.some((f) => f.message.includes('1913'))).toBe(true);
  });

  it('013: the .doc gives the .docx reader\'s lines exactly, merged cells at their grid positions', async () => {
    const fromDoc = await ingest(read(join(DOC, '013-pingtan-2024.doc')), '013.doc');
    const fromDocx = await ingest(read(join(ROOT, 'fixtures/corpus/original/013-pingtan-2024.docx')), '013.docx');
    expect(fromDoc.kind).toBe('doc');
    expect(fromDoc.lines).toEqual(fromDocx.lines);
    expect(fromDoc.meta.title).toBe('平潭综合实验区2024年度政府信息公开工作年度报告');
    // 表三's header: the note spans three columns and two rows, 申请人情况 seven columns.
    const t3 = fromDoc.lines.filter((l) => l.origin.tableIndex === 2).map((l) => l.text.split('\t'));
    expect(t3[0]).toEqual(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', '']);
    expect(t3[1]?.slice(0, 5)).toEqual(['', '', '', '自然人', '法人或其他组织']);
    expect(t3).toHaveLength(28);
  });

  it('its paragraphs are the text an independent reader (word-extractor) finds', async () => {
    const bytes = read(join(DOC, '018-pingtan-zone-2012.doc'));
    const ours = (await ingest(bytes, '018.doc')).lines.filter((l) => l.origin.paragraph !== undefined).map((l) => l.text);
    const body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
    const theirs = body.split('\n').map((l) => l.replace(/\t+$/, '').trim()).filter((l) => l !== '' && !l.includes('\t'));
    expect(ours.length).toBeGreaterThan(10);
    // word-extractor turns curly quotes into straight ones; compare without quotes.
    const plain = (s: string): string => s.replace(/["'“”‘’]/g, '');
    expect(ours.map(plain)).toEqual(theirs.map(plain));
  });
});

describe('the table grid', () => {
  it('spans cells over the union of every row\'s boundaries; vertical-merge continuations are empty', () => {
    const grid = tableGrid([
      { cells: ['项目', '申请人情况'], def: { centers: [0, 300, 900], vertMerge: [3, 0], horzMerge: [0, 0] } },
      { cells: ['', '自然人', '法人'], def: { centers: [0, 300, 600, 900], vertMerge: [1, 0, 0], horzMerge: [0, 0, 0] } },
      { cells: ['新收', '5', '1'], def: { centers: [0, 300, 600, 900], vertMerge: [0, 0, 0], horzMerge: [0, 0, 0] } },
    ]);
    expect(grid).toEqual([['项目', '申请人情况', ''], ['', '自然人', '法人'], ['新收', '5', '1']]);
  });

  it('keeps a row without boundaries a cell per column, and a legacy horizontal merge empty', () => {
    expect(tableGrid([
      { cells: ['a', 'b'] },
      { cells: ['c', 'd', 'e'], def: { centers: [0, 10, 20, 30], vertMerge: [0, 0, 0], horzMerge: [1, 2, 0] } },
    ])).toEqual([['a', 'b', ''], ['c', '', 'e']]);
  });
});

// ---------------------------------------------------------------------------------------------
// Files that are not readable Word documents

/** Offset of `text` as UTF-16LE in `bytes`, or -1. */
function indexOfUtf16(bytes: Uint8Array, text: string): number {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes).indexOf(needle);
}

/** A copy of a real .doc whose directory entry `WordDocument` is renamed to `name`. */
function renamedStream(bytes: Uint8Array, name: string): Uint8Array {
  const out = bytes.slice();
  const at = indexOfUtf16(out, 'WordDocument');
  expect(at).toBeGreaterThan(0);
  out.fill(0, at, at + 64);
  out.set(Buffer.from(name, 'utf16le'), at);
  out[at + 0x40] = (name.length + 1) * 2;
  out[at + 0x41] = 0;
  return out;
}

async function problemOf(bytes: Uint8Array, name: string): Promise<{ id: string; message: string } | undefined> {
  const source = await ingest(bytes, name);
  expect(source.lines).toEqual([]);
  const p = source.problems[0];
  return p === undefined ? undefined : { id: p.id, message: p.message };
}

describe('files that cannot be read as Word documents', () => {
  const doc013 = (): Uint8Array => read(join(DOC, '013-pingtan-2024.doc'));

  it('a .wps in the Word format is read as a .doc; a .wps in another format says so', async () => {
    const asWps = await ingest(doc013(), 'report.wps');
    expect(asWps.lines).toEqual((await ingest(doc013(), 'report.doc')).lines);
    expect(await problemOf(new TextEncoder().encode('WPS 2000 proprietary bytes'), 'old.wps'))
      .toEqual({ id: 'ingest/not-word', message: expect.stringMatching(/不是 WPS Office 保存的 Word 兼容格式.*另存为” \.docx/) });
  });

  it('an Excel workbook or an RTF file saved as .doc is named as such', async () => {
    expect(await problemOf(renamedStream(doc013(), 'Workbook'), 'table.doc'))
      .toEqual({ id: 'ingest/not-word', message: expect.stringContaining('Excel 表格（.xls）') });
    expect(await problemOf(new TextEncoder().encode('{\\rtf1\\ansi 报告}'), 'report.doc'))
      .toEqual({ id: 'ingest/not-word', message: expect.stringContaining('RTF 格式') });
  });

  it('an encrypted .doc asks for an unencrypted copy', async () => {
    const bytes = doc013();
    // The WordDocument stream starts a sector with the FIB's signature A5EC.
    let streamAt = 512;
    while (streamAt < bytes.length && !(bytes[streamAt] === 0xec && bytes[streamAt + 1] === 0xa5)) streamAt += 512;
    expect(streamAt).toBeLessThan(bytes.length);
    bytes[streamAt + 0x0b] = (bytes[streamAt + 0x0b] ?? 0) | 0x01; // fEncrypted
    expect(await problemOf(bytes, 'secret.doc')).toEqual({ id: 'ingest/encrypted-doc', message: expect.stringContaining('未加密的版本') });
  });

  it('a sector chain that loops ends in ingest/legacy-doc, not a hang', async () => {
    const bytes = doc013();
    const file = new CompoundFile(bytes);
    expect(file.stream('WordDocument')?.length).toBeGreaterThan(4096);
    // The WordDocument stream's second sector points back at its first: A → B → A (a chain that
    // word-extractor 1.0.4's OLE reader follows forever).
    const entry = indexOfUtf16(bytes, 'WordDocument');
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const start = view.readUInt32LE(entry + 0x74);
    const fatAt = (view.readUInt32LE(0x4c) + 1) * 512;
    const second = view.readUInt32LE(fatAt + start * 4);
    view.writeUInt32LE(start, fatAt + second * 4);
    // A hang guard (the test's timeout): word-extractor 1.0.4 follows such a chain forever.
    expect(await problemOf(bytes, 'loop.doc')).toEqual({ id: 'ingest/legacy-doc', message: expect.stringContaining('sector chain loops') });
  }, 30_000);

  it('never throws or hangs on damaged copies of a real .doc', async () => {
    const original = doc013();
    let seed = 20;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 150; i++) {
      const bytes = original.slice(0, i % 3 === 0 ? Math.floor(random() * original.length) : original.length);
      for (let k = 0; k < 20; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const source = await ingest(bytes, 'damaged.doc');
      expect(source.lines.length > 0 || source.problems.length > 0).toBe(true);
    }
  }, 60_000);
});

describe('the built CLI', () => {
  it('checks a .doc through the bundle', () => {
    const bin = join(ROOT, 'dist/bundle/main.js');
    const out = execFileSync(process.execPath, [bin, 'check', '--format', 'json', join(DOC, '013-pingtan-2024.doc')], { encoding: 'utf8' });
    const result = (JSON.parse(out) as { results: Array<{ report: { edition: string; year: number }; findings: Finding[] }> }).results[0];
    expect(result?.report).toMatchObject({ edition: '2021', year: 2024 });
    expect(result?.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
