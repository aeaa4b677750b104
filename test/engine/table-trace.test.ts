/**
 * A table the parser cannot build is "cannot check", not "missing": the text still shows its
 * labels and its grid of numbers (as in PDFs whose cells wrap above and below their numbers). A
 * report that really lacks the table, even one that names the rows in its prose, still fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, parseText } from '../helpers/examples.js';

const CLEAN = readFileSync('fixtures/corpus/text/013-pingtan-2024.txt', 'utf8');

describe('table present but unreadable', () => {
  it('says 表三 and 表四 cannot be checked, where they are, instead of "not found"', async () => {
    // See fixtures/synthetic/README.md: PDF lines with labels wrapped around their numbers.
    const text = readFileSync('fixtures/synthetic/pdf-wrapped-cells-013.txt', 'utf8');
    const lines = text.split('\n');
    const report = parseText(text);
    expect(report.tables.t3).toBeUndefined();
    expect(report.tables.t4).toBeUndefined();
    const findings = await checkText(text);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const t3 = findings.find((f) => f.ruleId === 'table3-present')!;
    const t4 = findings.find((f) => f.ruleId === 'table4-present')!;
    expect(t3).toMatchObject({ severity: 'info', location: { table: 't3' } });
    expect(t3.message).toContain('未能读成表格');
    expect(t3.location.line).toBeGreaterThan(lines.findIndex((l) => l.startsWith('三、收到')));
    expect(t4).toMatchObject({ severity: 'info', location: { table: 't4' } });
    expect(t4.location.line).toBe(lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议')) + 1);
  });

  it('still reports a missing table as an error when only the prose names its rows', async () => {
    const lines = CLEAN.split('\n');
    const start = lines.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'));
    const end = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
    const prose = '本年新收政府信息公开申请218件，上年结转0件，予以公开71件，不予公开39件，结转下年度1件。';
    const text = [...lines.slice(0, start + 1), prose, ...lines.slice(end)].join('\n');
    const found = (await checkText(text)).filter((f) => f.ruleId === 'table3-present');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
  });
});
