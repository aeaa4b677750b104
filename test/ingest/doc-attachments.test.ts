/**
 * An .xlsx 统计表 beside a report is read as that report's 统计表: a real report's text without its
 * tables, plus a workbook holding those tables (made here with exceljs from the report's own rows,
 * merged title cells included), gives the same table cells as the whole report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/run.js';
import { ingestWithAttachments, isAttachmentOf } from '../../src/ingest/attachments.js';
import { ingest } from '../../src/ingest/index.js';
import type { Report } from '../../src/model/report.js';
import { parseReport } from '../../src/parse/index.js';
import { builtinPacks, ROOT } from '../helpers/examples.js';

const TEXT = join(ROOT, 'fixtures/corpus/text');

let checker: Checker;
beforeAll(() => {
  checker = new Checker(builtinPacks());
});

const cellsOf = (report: Report): Record<string, Record<string, [string, number | null]>> => Object.fromEntries(
  Object.values(report.tables).map((t) => [t.id, Object.fromEntries(Object.values(t.cells).map((c) => [c.id, [c.state, c.value]]))]),
);

/** The report split in two: its text without the TAB rows, and the TAB rows grouped per table. */
function split(text: string): { body: string; tables: string[][][] } {
  const body: string[] = [];
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      if (current === null) tables.push((current = []));
      current.push(line.split('\t'));
    } else {
      current = null;
      body.push(line);
    }
  }
  return { body: body.join('\n'), tables };
}

/** A workbook with one sheet per table, a merged title row over each table's width. */
async function workbook(tables: string[][][], title: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  tables.forEach((rows, i) => {
    const sheet = book.addWorksheet(`${title}${i + 1}`);
    const width = Math.max(...rows.map((r) => r.length));
    sheet.addRow([title]);
    sheet.mergeCells(1, 1, 1, width);
    for (const row of rows) sheet.addRow(row.map((c) => (/^\d+$/.test(c.trim()) ? Number(c) : c)));
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('an .xlsx 统计表 beside a report', () => {
  it.each([
    ['015-pingtan-county-2011.txt', '政府信息公开情况统计表', ['stat']],
    ['013-pingtan-2024.txt', '统计表', ['t2', 't3', 't4']],
  ])('%s: the body plus a workbook of its tables reads the same cells as the whole report', async (file, title, ids) => {
    const whole = readFileSync(join(TEXT, file));
    const { body, tables } = split(whole.toString('utf8'));
    expect(tables.length).toBeGreaterThan(0);
    const bodyOnly = parseReport(await ingest(new TextEncoder().encode(body), 'report.txt'));
    // Without the workbook the main table is not there (013's 表二 keeps its untabbed lines).
    expect(Object.keys(bodyOnly.tables)).not.toContain(ids.includes('t3') ? 't3' : 'stat');

    const xlsx = await workbook(tables, title);
    const source = await ingestWithAttachments(new TextEncoder().encode(body), 'report.txt', [{ bytes: xlsx, name: 'report-统计表.xlsx' }]);
    expect(source.problems).toEqual([]);
    expect(source.lines.some((l) => l.text === '附件：report-统计表.xlsx')).toBe(true);
    const withAttachment = parseReport(source);
    const reference = parseReport(await ingest(new Uint8Array(whole), file));
    expect(Object.keys(withAttachment.tables).sort()).toEqual(ids);
    expect(cellsOf(withAttachment)).toEqual(cellsOf(reference));
    const errors = (await checker.check(withAttachment)).filter((f) => f.severity === 'error').map((f) => f.ruleId);
    const referenceErrors = (await checker.check(reference)).filter((f) => f.severity === 'error').map((f) => f.ruleId);
    expect(errors).toEqual(referenceErrors);
  });

  it('an unreadable attachment is a warning on a report that was read', async () => {
    const source = await ingestWithAttachments(readFileSync(join(TEXT, '015-pingtan-county-2011.txt')), 'r.txt', [{ bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]), name: 'r.xlsx' }]);
    expect(source.lines.length).toBeGreaterThan(10);
    expect(source.problems.map((p) => [p.severity, p.message.startsWith('附件 r.xlsx：')])).toEqual([['warning', true]]);
  });

  it('"beside" means the same folder and the report\'s name, alone or followed by 统计表/附表/附件', () => {
    const beside = ['reports/2015年报.xlsx', 'reports/2015年报-统计表.xlsx', 'reports/2015年报（附表）.xlsx', 'reports/2015年报_附件1统计表.xlsx'];
    const notBeside = ['other/2015年报.xlsx', 'reports/2015年报.csv', 'reports/2015年报2.xlsx', 'reports/2016年报.xlsx', 'reports/2015年报-名单.xlsx'];
    expect(beside.filter((c) => isAttachmentOf(c, 'reports/2015年报.doc'))).toEqual(beside);
    expect(notBeside.filter((c) => isAttachmentOf(c, 'reports/2015年报.doc'))).toEqual([]);
  });
});
