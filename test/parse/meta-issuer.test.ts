/**
 * The issuer type that sets the deadline comes from the whole agency name and the report's own
 * words, with its certainty: a zone's 管理委员会, a government office's consolidated report and a
 * title without an agency are not departments.
 */
import { describe, expect, it } from 'vitest';
import type { AgencyName, ReportLine } from '../../src/model/report.js';
import { classifyIssuer, readVoice, type Voice } from '../../src/parse/issuer.js';

const at = { line: 1 };
const named = (name: string, source: AgencyName['source'] = 'title'): AgencyName[] => [{ name, source, at }];
const QUIET: Voice = { government: 0, department: 0, consolidated: false };
const kind = (agencies: AgencyName[], voice: Voice = QUIET): string => {
  const issuer = classifyIssuer(agencies, voice);
  return `${issuer.kind}/${issuer.level}/${issuer.certain ? 'certain' : 'uncertain'}`;
};
const lines = (...texts: string[]): ReportLine[] => texts.map((text, i) => ({ text, norm: text, at: { line: i + 1 } }));

describe('issuer type', () => {
  it('reads departments and governments from the whole name', () => {
    expect(kind(named('沭阳县发展和改革局'))).toBe('department/unknown/certain');
    expect(kind(named('上海市科委'))).toBe('department/unknown/certain');
    expect(kind(named('上海市人民政府办公厅'))).toBe('department/unknown/certain');
    expect(kind(named('洪泽区人民政府'))).toBe('government/county/certain');
    expect(kind(named('江苏省人民政府'))).toBe('government/province/certain');
    expect(kind(named('高集镇人民政府'))).toBe('government/township/certain');
    expect(kind(named('北京市'))).toBe('government/province/certain');
    expect(kind(named('淮安市'))).toBe('government/unknown/certain');
  });

  it('takes no zone 管理委员会 for a department', () => {
    expect(kind(named('淮安经济技术开发区管理委员会'))).toBe('unknown/unknown/uncertain');
    expect(kind(named('苏州高新区管委会'))).toBe('unknown/unknown/uncertain');
    expect(kind(named('平潭综合实验区'))).toBe('unknown/unknown/uncertain');
    // A zone's name in the title decides even when a department-like office posted the page.
    expect(kind([...named('平潭综合实验区'), ...named('平潭综合实验区管委会办公室', 'page')])).toBe('unknown/unknown/uncertain');
  });

  it('takes a report only signed by a government office for the government report it compiled when the text says so', () => {
    const consolidated = readVoice(lines('本报告由某县人民政府办公室编制。', '全县各级行政机关主动公开政府信息1200条。', '我县持续推进政务公开。'));
    expect(kind(named('某县人民政府办公室', 'signature'), consolidated)).toBe('government/unknown/uncertain');
    const own = readVoice(lines('我办全年主动公开政府信息20条。', '本办未收到申请。', '我办将继续努力。'));
    expect(kind(named('某县人民政府办公室', 'signature'), own)).toBe('department/unknown/uncertain');
  });

  it('is never certain without an agency name, nor from the page publisher alone', () => {
    expect(kind([])).toBe('unknown/unknown/uncertain');
    expect(kind([], readVoice(lines('我局全年公开信息10条。', '我局未收到申请。', '本局将加强培训。')))).toBe('department/unknown/uncertain');
    expect(kind(named('某市公安局', 'page'))).toBe('department/unknown/uncertain');
    expect(kind(named('某市住房公积金管理中心'))).toBe('department/unknown/uncertain');
  });

  it('says why, for the deadline message', () => {
    expect(classifyIssuer(named('淮安经济技术开发区管理委员会'), QUIET).basis).toContain('开发区');
    expect(classifyIssuer(named('沭阳县发展和改革局'), QUIET).basis).toContain('标题');
  });
});
