/**
 * The SARIF, JUnit, GitHub Actions and Markdown formatters on real reports checked by the real
 * pipeline: the SARIF log validates against the official schema, the JUnit XML is well-formed
 * with the right counts, the workflow commands are escaped as the runner expects, and the
 * Markdown table has one row per finding whatever the message holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { load } from 'cheerio';
// saxes (exceljs's XML parser) is strict: it rejects any XML that is not well-formed, which
// cheerio's forgiving parser would accept.
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBytes } from '../../src/check.js';
import { Checker } from '../../src/engine/run.js';
import type { Finding } from '../../src/model/finding.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatGitlab } from '../../src/report/gitlab.js';
import { formatJunit } from '../../src/report/junit.js';
import { escapeMarkdown, formatMarkdown } from '../../src/report/markdown.js';
import { fileUri, formatSarif } from '../../src/report/sarif.js';
import { summarize, type FormatOptions, type ResultEntry } from '../../src/report/types.js';
import { builtinPacks, ROOT } from '../helpers/examples.js';

const HONGZE_TXT = 'fixtures/corpus/text/002-hongze-district-2023.txt';
const HONGZE_PDF = 'fixtures/corpus/original/002-hongze-district-2023.pdf';
const HUAIAN = 'fixtures/corpus/text/001-huaian-city-2024.txt';
const ANKANG = 'fixtures/seeds/003-ankang-2018.txt';
// Both are CommonJS with `exports.default`: under NodeNext the default import is the module.
const Ajv = AjvDraft04.default;
const addFormats = ajvFormats.default;
const ZH: FormatOptions = { locale: 'zh', color: false, version: '9.8.7' };
const EN: FormatOptions = { locale: 'en', color: false, version: '9.8.7' };

async function check(path: string, checker: Checker, as = path): Promise<ResultEntry> {
  const result = await checkBytes(new Uint8Array(readFileSync(join(ROOT, path))), as, checker);
  return { ...result, status: 'checked' };
}

/** A finding with every character that could break an output format. */
const HOSTILE: Finding = {
  ruleId: 'table4-group-total',
  severity: 'error',
  message: 'a | b\nc, d: 100% <x> & "q" \'s\' `t` *e* \u0001\u0008\uD800 end\r\n',
  location: { line: 7, column: 3, table: 't4', tableLabel: '表四', row: 'rev', rowLabel: '行政|复议', col: 'total', colLabel: '总计' },
  expected: 'a|b',
  actual: null,
  fingerprint: 'deadbeef',
};

let hongze: ResultEntry;
let hongzePdf: ResultEntry;
let huaian: ResultEntry;
let ankang: ResultEntry;
let clean: ResultEntry;
let broken: ResultEntry;
let hongzeEn: ResultEntry;
let all: ResultEntry[];

beforeAll(async () => {
  const checker = new Checker(builtinPacks());
  hongze = await check(HONGZE_TXT, checker);
  hongzePdf = await check(HONGZE_PDF, checker);
  huaian = await check(HUAIAN, checker);
  ankang = await check(ANKANG, checker);
  // A file with no findings at all: the clean report, checked for the 表四 totals only.
  const only = Object.fromEntries(builtinPacks().flatMap((p) => p.rules).filter((r) => r.id !== 'table4-group-total').map((r) => [r.id, 'off' as const]));
  clean = await check(HUAIAN, new Checker(builtinPacks(), { rules: only }), 'reports/淮安 市 2024.txt');
  // A PDF that cannot be read, with the status a batch run gives it.
  const garbage = await checkBytes(new TextEncoder().encode('%PDF-1.7\nnot really a pdf'), 'broken.pdf', checker);
  broken = { ...garbage, status: 'unreadable' };
  hongzeEn = await check(HONGZE_TXT, new Checker(builtinPacks(), { locale: 'en' }));
  all = [hongze, hongzePdf, huaian, ankang, clean, broken];
}, 120_000);

describe('the fixtures', () => {
  it('give the findings the formatters are tested on', () => {
    expect(hongze.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.location.row])).toEqual([
      ['table4-group-total', 'rev'],
      ['table4-group-total', 'lit_after'],
    ]);
    expect(hongzePdf.findings.some((f) => f.ruleId === 'table4-group-total' && f.location.page === 4)).toBe(true);
    expect(huaian.findings.some((f) => f.severity === 'info')).toBe(true);
    expect(clean.findings).toEqual([]);
    expect(broken.findings.some((f) => f.severity === 'error' && f.ruleId.startsWith('ingest/'))).toBe(true);
  });
});

describe('formatSarif', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The official schema's `language` pattern (`…[a-zA-Z]{2}]?$`) is only valid as a non-Unicode
  // regular expression.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = (log: unknown): boolean => {
    const ok = validate(log);
    if (!ok) console.error(JSON.stringify(validate.errors, null, 2));
    return ok;
  };

  it('validates against the official SARIF 2.1.0 schema, and the schema does reject a broken log', () => {
    const log = JSON.parse(formatSarif(all, ZH));
    expect(valid(log)).toBe(true);
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
    const relative = structuredClone(log);
    relative.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/x.md';
    expect(validate(relative)).toBe(false);
  });

  it('describes the tool and one rule per rule id that occurs, each result pointing at its rule', () => {
    const log = JSON.parse(formatSarif(all, ZH));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'xxgk-lint', version: '9.8.7' });
    expect(run.language).toBe('zh-CN');
    const ids = [...new Set(all.flatMap((r) => r.findings.map((f) => f.ruleId)))];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(run.results).toHaveLength(all.reduce((n, r) => n + r.findings.length, 0));
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const group = run.tool.driver.rules.find((r: { id: string }) => r.id === 'table4-group-total');
    expect(group.properties.docs).toBe('docs/rules/table4-group-total.md');
    expect(group.fullDescription.text).toBe(hongze.findings.find((f) => f.ruleId === 'table4-group-total')!.basis);
  });

  it('maps severities to levels and places each finding by file, line, column and table cell', () => {
    const run = JSON.parse(formatSarif(all, ZH)).runs[0];
    const uriOf = (r: { locations: { physicalLocation: { artifactLocation: { uri: string; index: number } } }[] }): string => r.locations[0]!.physicalLocation.artifactLocation.uri;
    const ofHongze = run.results.filter((r: never) => uriOf(r) === HONGZE_TXT);
    expect(ofHongze.map((r: { level: string }) => r.level)).toEqual(hongze.findings.map((f) => ({ error: 'error', warning: 'warning', info: 'note' })[f.severity]));
    const errors = ofHongze.filter((r: { level: string }) => r.level === 'error');
    expect(errors.map((r: { ruleId: string; locations: { physicalLocation: { region: unknown }; logicalLocations: { name: string; kind: string }[] }[] }) => [r.ruleId, r.locations[0]!.physicalLocation.region, r.locations[0]!.logicalLocations[0]])).toEqual([
      ['table4-group-total', { startLine: 149, startColumn: 23 }, { name: 't4.rev.total', fullyQualifiedName: '表四 / 行政复议 / 总计', kind: 'element' }],
      ['table4-group-total', { startLine: 149, startColumn: 67 }, { name: 't4.lit_after.total', fullyQualifiedName: '表四 / 行政诉讼（复议后起诉） / 总计', kind: 'element' }],
    ]);
    const first = hongze.findings.find((f) => f.severity === 'error')!;
    expect(errors[0]).toMatchObject({
      message: { text: first.message },
      partialFingerprints: { 'xxgk-lint/v1': first.fingerprint },
      properties: { table: 't4', row: 'rev', col: 'total', expected: 11, actual: 0, basis: first.basis },
    });
    expect(run.artifacts[errors[0].locations[0].physicalLocation.artifactLocation.index].location.uri).toBe(HONGZE_TXT);
    const notes = run.results.filter((r: { level: string }) => r.level === 'note');
    expect(notes.length).toBe(all.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'info').length, 0));
    const pdf = run.results.filter((r: never) => uriOf(r) === HONGZE_PDF && (r as { level: string }).level === 'error');
    expect(pdf.map((r: { properties: { page: number } }) => r.properties.page)).toEqual([4, 4]);
  });

  it('lists clean and unreadable files as artifacts, with percent-encoded URIs', () => {
    const run = JSON.parse(formatSarif(all, ZH)).runs[0];
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(all.map((r) => fileUri(r.file)));
    const cleanUri = fileUri(clean.file);
    expect(cleanUri).toBe('reports/%E6%B7%AE%E5%AE%89%20%E5%B8%82%202024.txt');
    expect(run.results.some((r: never) => (r as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }).locations[0]!.physicalLocation.artifactLocation.uri === cleanUri)).toBe(false);
    const brokenArtifact = run.artifacts.find((a: { location: { uri: string } }) => a.location.uri === 'broken.pdf');
    expect(brokenArtifact.properties.status).toBe('unreadable');
    expect(run.artifacts[0].properties).toMatchObject({ status: 'checked', edition: '2021', year: 2023, agency: '洪泽区人民政府' });
  });

  it('turns any path into a URI reference', () => {
    expect(fileUri('a\\b c\\d#1?.txt')).toBe('a/b%20c/d%231%3F.txt');
    expect(fileUri('C:\\报告\\x.pdf')).toBe('file:///C:/%E6%8A%A5%E5%91%8A/x.pdf');
    expect(fileUri('/srv/r 1.txt')).toBe('file:///srv/r%201.txt');
    expect(fileUri('a:b/c.txt')).toBe('./a:b/c.txt');
    expect(fileUri('100%.txt')).toBe('100%25.txt');
  });

  it('stays valid with hostile messages and paths, in English', () => {
    const entries: ResultEntry[] = [{ file: 'C:\\x y\\a%b#c.txt', report: null, findings: [HOSTILE] }];
    const log = JSON.parse(formatSarif(entries, EN));
    expect(valid(log)).toBe(true);
    expect(log.runs[0].language).toBe('en-US');
    expect(log.runs[0].results[0].message.text).toBe(HOSTILE.message);
    expect(log.runs[0].results[0].properties.actual).toBeNull();
  });
});

/** Parses XML strictly: throws on anything not well-formed. */
function parseStrict(xml: string): void {
  new SaxesParser().write(xml).close();
}

describe('formatJunit', () => {
  it('writes well-formed XML (and the strict parser does reject broken XML)', () => {
    const xml = formatJunit(all, ZH);
    expect(() => parseStrict(xml)).not.toThrow();
    expect(() => parseStrict(xml.replace('</testsuites>', ''))).toThrow();
    expect(() => parseStrict('<a b="1 < 2"/>')).toThrow();
  });

  it('has one suite per file with counts that match its test cases and findings', () => {
    const $ = load(formatJunit(all, ZH), { xml: true });
    const suites = $('testsuites > testsuite').toArray();
    expect(suites.map((s) => $(s).attr('name'))).toEqual(all.map((r) => r.file));
    let tests = 0;
    let failures = 0;
    let errors = 0;
    suites.forEach((s, i) => {
      const entry = all[i]!;
      const suite = $(s);
      const cases = suite.children('testcase');
      expect(Number(suite.attr('tests'))).toBe(cases.length);
      expect(cases.length).toBe(Math.max(1, entry.findings.length));
      expect(Number(suite.attr('failures'))).toBe(suite.find('testcase > failure').length);
      expect(Number(suite.attr('errors'))).toBe(suite.find('testcase > error').length);
      expect(suite.find('testcase > failure, testcase > error').length).toBe(entry.findings.filter((f) => f.severity !== 'info').length);
      expect(suite.find('testcase > system-out').length).toBe(entry.findings.filter((f) => f.severity === 'info').length);
      tests += cases.length;
      failures += Number(suite.attr('failures'));
      errors += Number(suite.attr('errors'));
    });
    const root = $('testsuites');
    expect([Number(root.attr('tests')), Number(root.attr('failures')), Number(root.attr('errors'))]).toEqual([tests, failures, errors]);
    expect(errors).toBe(broken.findings.filter((f) => f.severity === 'error').length);
  });

  it('fails a test case per error and warning, with the message and severity', () => {
    const $ = load(formatJunit([hongze], ZH), { xml: true });
    const failed = $('testcase > failure').toArray().map((f) => [$(f).attr('type'), $(f).attr('message')]);
    expect(failed).toEqual(hongze.findings.filter((f) => f.severity !== 'info').map((f) => [f.severity, f.message]));
    const group = $('testcase').filter((_, c) => $(c).children('failure[type="error"]').length > 0).first();
    expect(group.attr('name')).toBe('table4-group-total · 第149行');
    expect(group.attr('classname')).toBe('fixtures/corpus/text/002-hongze-district-2023');
    expect(group.children('failure').text()).toContain('表四 / 行政复议 / 总计');
    expect(group.children('failure').text()).toContain('应为：11，实际：0');
    expect($('testsuite > properties > property[name="agency"]').attr('value')).toBe('洪泽区人民政府');
  });

  it('passes a clean file with one test case, shows infos without failing, and reads unreadable files as errors', () => {
    const $clean = load(formatJunit([clean], EN), { xml: true });
    expect($clean('testcase').length).toBe(1);
    expect($clean('testcase').attr('name')).toBe('no problems found');
    expect($clean('failure, error').length).toBe(0);
    expect($clean('testsuite').attr('failures')).toBe('0');
    const info = huaian.findings.find((f) => f.severity === 'info')!;
    const $info = load(formatJunit([huaian], ZH), { xml: true });
    const out = $info('testcase > system-out');
    expect(out.text()).toContain(info.message);
    expect(out.parent().children('failure').length).toBe(0);
    const $broken = load(formatJunit([broken], ZH), { xml: true });
    expect($broken('testcase > error').attr('type')).toBe('error');
    expect($broken('testsuite').attr('errors')).toBe('1');
  });

  it('escapes markup and drops characters XML 1.0 forbids', () => {
    const xml = formatJunit([{ file: 'a&b<c>.txt', report: null, findings: [HOSTILE] }], ZH);
    expect(() => parseStrict(xml)).not.toThrow();
    expect(xml.includes('\u0001') || xml.includes('\u0008')).toBe(false);
    const $ = load(xml, { xml: true });
    const clean = HOSTILE.message.replace('\u0001\u0008\uD800', '');
    expect($('failure').attr('message')).toBe(clean);
    expect($('failure').text()).toContain(clean);
    expect($('testsuite').attr('name')).toBe('a&b<c>.txt');
  });
});

describe('formatGitlab', () => {
  it('starts a description with the place in the original where the line is not a line of the file', () => {
    const issues = JSON.parse(formatGitlab(all, ZH)) as { description: string; check_name: string; location: { path: string } }[];
    const pdf = issues.filter((i) => i.location.path === HONGZE_PDF && i.check_name === 'table4-group-total');
    expect(pdf.map((i) => i.description.slice(0, i.description.indexOf('：') + 1))).toEqual(['第4页 第14行：', '第4页 第14行：']);
    const text = issues.filter((i) => i.location.path === HONGZE_TXT && i.check_name === 'table4-group-total');
    expect(text.map((i) => i.description.startsWith('表四「'))).toEqual([true, true]);
  });
});

describe('formatGithub', () => {
  const COMMAND = /^::(error|warning|notice) file=[^,:]+,line=\d+(,endLine=\d+)?(,col=\d+)?,title=[^,:]+::[^\r\n]+$/;

  it('prints one escaped workflow command per finding', () => {
    const out = formatGithub(all, ZH);
    const lines = out.split('\n');
    expect(lines).toHaveLength(all.reduce((n, r) => n + r.findings.length, 0));
    for (const line of lines) expect(line).toMatch(COMMAND);
    const first = hongze.findings.find((f) => f.severity === 'error')!;
    expect(lines).toContain(`::error file=${HONGZE_TXT},line=149,col=23,title=table4-group-total::${first.message}`);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(all.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'info').length, 0));
    // Where the annotation's line is not a line of the file, the message starts with the place in
    // the original: the page and its line for a PDF, 全文 for the whole document.
    expect(lines.filter((l) => l.startsWith(`::error file=${HONGZE_PDF},line=`) && l.includes('::第4页 第14行：表四「行政复议」'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith(`::warning file=${HONGZE_TXT},line=1,title=government-accountability::全文：`))).toHaveLength(1);
    expect(formatGithub([clean], ZH)).toBe('');
  });

  it('escapes messages and properties as the runner does', () => {
    expect(escapeData('a\nb\r%c, d: e')).toBe('a%0Ab%0D%25c, d: e');
    expect(escapeProperty('a\nb\r%c, d: e')).toBe('a%0Ab%0D%25c%2C d%3A e');
    const out = formatGithub([{ file: 'dir,1\\a:b.txt', report: null, findings: [{ ...HOSTILE, ruleId: 'x:y,z', message: 'line one\nline two, with: 50%' }] }], ZH);
    expect(out).toBe('::error file=dir%2C1/a%3Ab.txt,line=7,col=3,title=x%3Ay%2Cz::line one%0Aline two, with: 50%25');
    expect(out).toMatch(COMMAND);
  });
});

describe('formatMarkdown', () => {
  /** The lines of a file's section (from its heading to the next). */
  function sectionOf(md: string, file: string): string[] {
    const lines = md.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`## \`${file}\``));
    expect(start).toBeGreaterThan(-1);
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    return lines.slice(start, end === -1 ? undefined : end);
  }
  /** Splits a table row on unescaped pipes. */
  const cells = (row: string): string[] => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());

  it('has a title, the totals, and per file a heading and one table row per finding', () => {
    const md = formatMarkdown(all, ZH);
    const s = summarize(all);
    expect(md.startsWith('# 政府信息公开工作年度报告检查结果\n')).toBe(true);
    expect(md).toContain(`共检查 ${s.files} 个文件：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示。`);
    for (const r of all.filter((e) => e !== clean)) {
      const rows = sectionOf(md, r.file).filter((l) => l.startsWith('|'));
      expect(rows[0]).toBe('| 位置 | 严重程度 | 表格/行/列 | 问题 | 应为 | 实际 | 规则 |');
      expect(rows.length - 2).toBe(r.findings.length);
      for (const row of rows) expect(cells(row)).toHaveLength(7);
    }
    const hz = sectionOf(md, HONGZE_TXT);
    expect(hz[0]).toBe(`## \`${HONGZE_TXT}\` · 洪泽区人民政府 · 2023 年度 · 2021 版格式`);
    const errorRow = cells(hz.find((l) => l.includes('行政复议 / 总计'))!);
    expect(errorRow.slice(0, 3)).toEqual(['第149行', '错误', '表四 / 行政复议 / 总计']);
    expect(errorRow.slice(4)).toEqual(['11', '0', '`table4-group-total`']);
    expect(sectionOf(md, HONGZE_PDF).some((l) => l.startsWith('| 第4页 第14行 | 错误 |'))).toBe(true);
    expect(sectionOf(md, clean.file)).toContain('没有发现问题。');
    expect(sectionOf(md, 'broken.pdf')).toContain('状态：无法读取');
  });

  it('escapes pipes and line breaks so a cell cannot break the table', () => {
    const md = formatMarkdown([{ file: 'x|y.txt', report: null, findings: [HOSTILE] }], ZH);
    const rows = md.split('\n').filter((l) => l.startsWith('| 第7行'));
    expect(rows).toHaveLength(1);
    const row = cells(rows[0]!);
    expect(row).toHaveLength(7);
    expect(row[2]).toBe('表四 / 行政\\|复议 / 总计');
    expect(row[3]).toContain('a \\| b<br>c, d: 100% &lt;x\\> &amp; "q"');
    expect(row[3]).not.toMatch(/\n/);
    expect(row.slice(4, 6)).toEqual(['a\\|b', '（空）']);
    expect(md).toContain('## `x\\|y.txt`');
    expect(escapeMarkdown('*a*_b_`c`[d](e)\\')).toBe('\\*a\\*\\_b\\_\\`c\\`\\[d\\](e)\\\\');
  });

  it('speaks English with locale en', () => {
    const md = formatMarkdown([hongzeEn, clean], EN);
    expect(md).toContain('| Location | Severity | Table/row/column | Problem | Expected | Actual | Rule |');
    expect(md).toContain('· 洪泽区人民政府 · 2023 · 2021 format');
    expect(md).toContain('Table 4 "行政复议": 结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11, but the total says 0');
    expect(md).toContain('No problems found.');
    expect(md).toContain('| line 149 | error |');
  });
});
