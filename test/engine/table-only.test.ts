/**
 * `table-only` (rule `narrative-present`): a file that holds a statistics table and no report is
 * said to lack the report's narrative; a report whose headings were lost, or whose text is glued
 * to its tables on one line, is not such a file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableOnly } from '../../src/engine/checks/table-only.js';
import { checkText } from '../../src/check.js';
import { builtinPacks, parseText } from '../helpers/examples.js';
import { Checker } from '../../src/engine/run.js';

const read = (path: string): string => readFileSync(path, 'utf8');

/**
 * Only the lines of a report that belong to its tables, without the headings of parts between
 * them (a statistics page saved on its own; one that keeps 三、… as captions has headings, and the
 * sections rule speaks for it).
 */
function tablesAlone(path: string): string {
  const text = read(path);
  const report = parseText(text);
  const lines = text.split('\n');
  const kept = new Set<number>();
  for (const table of Object.values(report.tables)) {
    const end = Math.max(...Object.values(table.cells).map((c) => c.at.endLine ?? c.at.line));
    for (let n = table.at.line; n <= end; n++) kept.add(n);
  }
  for (const heading of report.outline) if (heading.level === 1) kept.delete(heading.at.line);
  return lines.filter((_, i) => kept.has(i + 1)).join('\n');
}

describe('table-only', () => {
  it('a statistics table published as a page of its own (2008 regime: its own message)', () => {
    const found = tableOnly(parseText(read('fixtures/corpus/web/027-hebei-education-2018-tongjibiao.txt')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'regime-2008', vars: { tables: '政府信息公开情况统计表', sentences: 0 }, location: { scope: 'document' } });
  });

  it.each(['fixtures/corpus/text/013-pingtan-2024.txt', 'fixtures/corpus/text/001-huaian-city-2024.txt', 'fixtures/seeds/003-ankang-2018.txt'])('the tables of %s kept alone', (path) => {
    const text = tablesAlone(path);
    const report = parseText(text);
    expect(Object.keys(report.tables).length).toBeGreaterThan(0);
    const found = tableOnly(report);
    expect(found).toHaveLength(1);
    expect(found[0]!.messageId).toBe(report.meta.edition === '2008' ? 'regime-2008' : undefined);
  });

  it.each([
    ['a correct report', 'fixtures/corpus/text/013-pingtan-2024.txt'],
    ['a web report saved on one line, its text glued to its tables', 'fixtures/corpus/web/025-hebei-industry-it-2022.txt'],
    ['a report without tables', 'fixtures/seeds/002-kejiju-2016.txt'],
  ])('nothing for %s', (_name, path) => {
    expect(tableOnly(parseText(read(path)))).toEqual([]);
  });

  it('a report whose headings were all lost is no table alone: its text has sentences', () => {
    const text = read('fixtures/corpus/text/013-pingtan-2024.txt').replace(/^[一二三四五六]、(?![^\n]*\t)[^\n]*$/gm, '');
    const report = parseText(text);
    expect(report.outline.filter((s) => s.level === 1)).toEqual([]);
    expect(tableOnly(report)).toEqual([]);
  });

  it('folds the parser note that no heading was found, and the missing title, into its warning', async () => {
    const checker = new Checker(builtinPacks(), { locale: 'zh' });
    const result = await checkText(read('fixtures/corpus/web/027-hebei-education-2018-tongjibiao.txt'), '027.txt', checker);
    const top = result.findings.map((f) => f.ruleId);
    expect(top).toContain('narrative-present');
    expect(top).not.toContain('parse/no-structure');
    expect(top).not.toContain('title-present');
    const present = result.findings.find((f) => f.ruleId === 'narrative-present')!;
    expect(present.related?.map((f) => f.ruleId).sort()).toEqual(['parse/no-structure', 'title-present']);
  });
});
