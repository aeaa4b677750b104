/**
 * Lenient decoding (issue #18): a report that is UTF-8 or GBK/GB18030 apart from a few invalid
 * bytes (a file cut in the middle of a character, a stray byte) is checked with the bytes
 * replaced and a warning that names their lines, instead of being refused as binary.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/run.js';
import { ingest } from '../../src/ingest/index.js';
import { decodeText } from '../../src/ingest/text.js';
import type { Finding } from '../../src/model/finding.js';
import { parseReport } from '../../src/parse/index.js';
import { builtinPacks } from '../helpers/examples.js';
import { encodeGbk } from '../helpers/gbk.js';

const TEXT = readFileSync('fixtures/corpus/text/013-pingtan-2024.txt', 'utf8');
const LINES = TEXT.split('\n');
// A narrative line well inside the report: its first full stop gets the damage.
const DAMAGED_LINE = LINES.findIndex((l, i) => i > 10 && l.includes('。') && l.length > 30) + 1;
const checker = new Checker(builtinPacks());

async function check(bytes: Uint8Array): Promise<{ findings: Finding[]; year: number | null }> {
  const report = parseReport(await ingest(bytes, 'report.txt'));
  return { findings: await checker.check(report), year: report.meta.year };
}

/** The bytes of `encoded` with `insert` put after the first 。 of the damaged line. */
function withStrayByte(encode: (text: string) => Uint8Array, insert: number[]): Uint8Array {
  const before = LINES.slice(0, DAMAGED_LINE - 1).join('\n') + '\n' + LINES[DAMAGED_LINE - 1]!.slice(0, LINES[DAMAGED_LINE - 1]!.indexOf('。') + 1);
  const head = encode(before);
  const whole = encode(TEXT);
  return new Uint8Array([...head, ...insert, ...whole.subarray(head.length)]);
}

/**
 * Rule id and severity of each finding, but for the ones the replacement itself causes: the
 * decoding warning, and conversion-residue, which reports the U+FFFD it leaves in the text.
 */
const summary = (findings: readonly Finding[]): string[] => findings.filter((f) => !['ingest/invalid-bytes', 'conversion-residue'].includes(f.ruleId)).map((f) => `${f.ruleId} ${f.severity}`).sort();

describe('lenient decoding', () => {
  it('checks a UTF-8 report with a stray 0xFF as usual, with a warning naming the line', async () => {
    expect(DAMAGED_LINE).toBeGreaterThan(10);
    const clean = await check(new TextEncoder().encode(TEXT));
    const damaged = await check(withStrayByte((t) => new TextEncoder().encode(t), [0xff]));
    const warning = damaged.findings.find((f) => f.ruleId === 'ingest/invalid-bytes');
    expect(warning).toMatchObject({ severity: 'warning' });
    expect(warning!.message).toContain(`第 ${DAMAGED_LINE} 行`);
    expect(warning!.message).toContain('UTF-8');
    expect(damaged.year).toBe(clean.year);
    expect(summary(damaged.findings)).toEqual(summary(clean.findings));
  });

  it('reads a UTF-8 file cut in the middle of its last character', () => {
    const bytes = new TextEncoder().encode(TEXT.trimEnd() + '。');
    const decoded = decodeText(bytes.subarray(0, bytes.length - 1));
    expect(decoded).toMatchObject({ encoding: 'utf-8', replaced: { count: 1, lines: [TEXT.trimEnd().split('\n').length] } });
    expect(decoded!.text.startsWith(TEXT.trimEnd())).toBe(true);
  });

  it('reads a GBK report with a stray byte as GB18030, with the line', async () => {
    const clean = await check(encodeGbk(TEXT));
    const damaged = await check(withStrayByte(encodeGbk, [0xff]));
    const warning = damaged.findings.find((f) => f.ruleId === 'ingest/invalid-bytes');
    expect(warning!.message).toContain(`第 ${DAMAGED_LINE} 行`);
    expect(warning!.message).toContain('GB18030');
    expect(summary(damaged.findings)).toEqual(summary(clean.findings));
  });

  it('still refuses binary data and text in which invalid bytes are common', async () => {
    const noise = new Uint8Array(8192).map((_, i) => 0x80 + ((i * 7919) % 128));
    expect((await check(noise)).findings.map((f) => f.ruleId)).toEqual(['ingest/binary']);
    // One byte in ten broken: not a damaged report but something else.
    const utf8 = new TextEncoder().encode(TEXT.slice(0, 3000));
    const broken = utf8.map((b, i) => (i % 10 === 0 && b >= 0x80 ? 0xff : b));
    expect(decodeText(broken)?.encoding ?? null).not.toBe('utf-8');
  });

  it('gives the English warning with --locale en', async () => {
    const report = parseReport(await ingest(withStrayByte((t) => new TextEncoder().encode(t), [0xff]), 'report.txt'));
    const findings = await new Checker(builtinPacks(), { locale: 'en' }).check(report);
    expect(findings.find((f) => f.ruleId === 'ingest/invalid-bytes')!.message).toMatch(new RegExp(`not valid UTF-8 \\(line ${DAMAGED_LINE}\\)`));
  });
});
