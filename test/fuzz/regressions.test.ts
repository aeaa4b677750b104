/**
 * Regressions for what the fuzz suite found: each input once broke an invariant of
 * `checkInvariant` (time, shape) and must keep passing it.
 */
import { describe, expect, it } from 'vitest';
import { checkInvariant, fixtureText } from './harness.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('fuzz regressions', () => {
  it('a figure of 400 digits in the prose gives no finding with Infinity (printed as null in JSON)', async () => {
    // Found with seed 7: 「全年主动公开政府信息 999…9 条」 read as Infinity by stat-narrative-figures.
    const text = fixtureText('fixtures/seeds/003-ankang-2018.txt').replace('全年主动公开政府信息1267条', `全年主动公开政府信息${'9'.repeat(400)}条`);
    expect(text).toContain('9'.repeat(400));
    const result = await checkInvariant(encode(text), 'ankang.txt');
    for (const f of result.findings) for (const v of [f.expected, f.actual]) if (typeof v === 'number') expect(Number.isFinite(v), f.ruleId).toBe(true);
    expect(result.findings.some((f) => f.ruleId === 'stat-narrative-figures' && /Infinity/.test(f.message))).toBe(false);
  });

  it('a percentage stated with 300 decimals does not throw (toFixed takes at most 100 digits)', async () => {
    // Found with seed 42: 「占0.000…1%」 in a real report made the percentage check throw a RangeError.
    const tiny = `0.${'0'.repeat(300)}1`;
    const text = fixtureText('fixtures/corpus/text/015-pingtan-county-2011.txt').replace('占71.3%', `占${tiny}%`);
    expect(text).toContain(tiny);
    await checkInvariant(encode(text), 'pingtan-2011.txt');
  });

  // Hang guards: these inputs once took over 100 s (quadratic parsing); the test's timeout catches
  // a return of that, while speed itself is measured by `npm run bench`, not here.
  it('a page nested 100000 <div>s deep is read, and says it was cut (parsing was quadratic: over 100 s)', async () => {
    const result = await checkInvariant(encode(`<html><body>${'<div>'.repeat(100_000)}一、总体情况${'</div>'.repeat(100_000)}</body></html>`), 'deep.html');
    expect(result.findings.find((f) => f.ruleId === 'ingest/html-too-deep')?.severity).toBe('warning');
  }, 60_000);

  it('an HTML table whose rows each span the rest of the table is read (the grid grew as rows × colspan)', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `<tr><td rowspan="0" colspan="1000">${i}</td></tr>`).join('');
    const result = await checkInvariant(encode(`<html><body><table>${rows}</table></body></html>`), 'spans.html');
    expect(result.report.lines.length).toBeGreaterThan(0);
  }, 60_000);
});
