/**
 * JUnit XML output, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines…):
 * each checked file is a test suite and each finding a test case, as ESLint's junit formatter does.
 */
import type { Finding } from '../model/finding.js';
import type { Formatter, ResultEntry } from './types.js';
import { placeText, relatedLines } from './where.js';

/** Characters XML 1.0 does not allow at all, not even as references (lone surrogates included). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text content: drops characters XML 1.0 forbids, escapes markup characters. */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // A parser turns a raw CR (or CRLF) into LF; a reference keeps it.
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value; tabs and newlines as references, or parsers fold them to spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const TEXT = {
  zh: {
    locale: 'zh' as const,
    passed: '没有发现问题',
    expected: '应为', actual: '实际', blank: '（空）', basis: '依据', rule: '规则', colon: '：', comma: '，',
  },
  en: {
    locale: 'en' as const,
    passed: 'no problems found',
    expected: 'expected', actual: 'actual', blank: '(blank)', basis: 'basis', rule: 'rule', colon: ': ', comma: ', ',
  },
} as const;

type Text = (typeof TEXT)['zh' | 'en'];

/** Statuses under which a file could not be checked at all. */
const NOT_CHECKED = new Set(['unreadable', 'missing']);

/**
 * Whether a finding means the check could not run (JUnit `<error>`) rather than that it found
 * a problem (`<failure>`): an error from reading the file, or any error of an unreadable or
 * missing file.
 */
function isRunError(entry: ResultEntry, f: Finding): boolean {
  return f.severity === 'error' && (f.ruleId.startsWith('ingest/') || (entry.status !== undefined && NOT_CHECKED.has(entry.status)));
}

const where = (f: Finding, t: Text): string => placeText(f.location, t.locale);

function value(v: string | number | null, t: Text): string {
  return v === null || v === '' ? t.blank : String(v);
}

/** The detail of a finding, one fact a line, for the body of `<failure>` or `<system-out>`. */
function details(f: Finding, t: Text): string {
  const l = f.location;
  const cell = [l.tableLabel ?? l.table, l.rowLabel ?? l.row, l.colLabel ?? l.col].filter((s) => s !== undefined).join(' / ');
  const place = [where(f, t), l.section, cell].filter((s) => s !== undefined && s !== '').join(t.comma);
  const lines = [place, f.message];
  if (f.expected !== undefined || f.actual !== undefined) {
    lines.push([
      f.expected !== undefined ? `${t.expected}${t.colon}${value(f.expected, t)}` : '',
      f.actual !== undefined ? `${t.actual}${t.colon}${value(f.actual, t)}` : '',
    ].filter(Boolean).join(t.comma));
  }
  if (f.basis) lines.push(`${t.basis}${t.colon}${f.basis}`);
  lines.push(`${t.rule}${t.colon}${f.ruleId}`);
  lines.push(...relatedLines(f, t.locale, Number.POSITIVE_INFINITY));
  return lines.join('\n');
}

/** The class name of a file's test cases: its path without the extension, as ESLint does. */
function className(file: string): string {
  return file.replace(/\\/g, '/').replace(/(?<=[^/])\.[^./]+$/, '');
}

function testcase(entry: ResultEntry, f: Finding, t: Text): string {
  const open = `    <testcase name="${xmlAttr(`${f.ruleId} · ${where(f, t)}`)}" classname="${xmlAttr(className(entry.file))}" time="0">`;
  const body = xmlText(details(f, t));
  if (f.severity === 'info') return `${open}\n      <system-out>${body}</system-out>\n    </testcase>`;
  const tag = isRunError(entry, f) ? 'error' : 'failure';
  return `${open}\n      <${tag} message="${xmlAttr(f.message)}" type="${f.severity}">${body}</${tag}>\n    </testcase>`;
}

/** Counts of one suite (a file). */
interface Counts {
  tests: number;
  failures: number;
  errors: number;
}

function suite(entry: ResultEntry, t: Text): { xml: string; counts: Counts } {
  const counts: Counts = { tests: Math.max(1, entry.findings.length), failures: 0, errors: 0 };
  const cases: string[] = [];
  for (const f of entry.findings) {
    if (f.severity !== 'info') {
      if (isRunError(entry, f)) counts.errors++;
      else counts.failures++;
    }
    cases.push(testcase(entry, f, t));
  }
  // A clean file still needs a test case, or CI shows an empty suite instead of a pass.
  if (cases.length === 0) cases.push(`    <testcase name="${xmlAttr(t.passed)}" classname="${xmlAttr(className(entry.file))}" time="0" />`);
  const meta = entry.report?.meta;
  const props = [
    ['status', entry.status],
    ['agency', meta?.agency?.name],
    ['year', meta?.year?.toString()],
    ['edition', meta?.edition ?? undefined],
  ].filter((p): p is [string, string] => p[1] !== undefined && p[1] !== null);
  const properties = props.length
    ? [`    <properties>`, ...props.map(([k, v]) => `      <property name="${k}" value="${xmlAttr(v)}" />`), `    </properties>`]
    : [];
  const open = `  <testsuite name="${xmlAttr(entry.file)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="0" time="0">`;
  return { xml: [open, ...properties, ...cases, '  </testsuite>'].join('\n'), counts };
}

/**
 * Formats results as JUnit XML.
 *
 * - `<testsuites>` holds one `<testsuite>` per file (named by its path), with `tests`,
 *   `failures` and `errors` counts, and the report's status, agency, year and edition as
 *   `<properties>`.
 * - Each finding is a `<testcase>` named `<ruleId> · <line>`, class name the file path without
 *   its extension (as ESLint's junit formatter does):
 *   - error and warning findings fail it: `<failure message="…" type="error|warning">` with the
 *     location, expected and actual values, basis and rule id in the body;
 *   - an error that means the file could not be checked (an `ingest/…` error, or any error of an
 *     unreadable or missing file) is an `<error>` instead, JUnit's "the test could not run";
 *   - info findings pass, their text in `<system-out>`, so a CI test report shows them without
 *     failing the build.
 * - A file without findings gets one passing test case, so CI lists it as passed.
 *
 * Messages are printed as the checker localized them; the labels around them follow the locale.
 * Characters XML 1.0 forbids (control characters, lone surrogates) are dropped.
 */
export const formatJunit: Formatter = (results, options) => {
  const t = TEXT[options.locale];
  const total: Counts = { tests: 0, failures: 0, errors: 0 };
  const suites = results.map((r) => {
    const s = suite(r, t);
    total.tests += s.counts.tests;
    total.failures += s.counts.failures;
    total.errors += s.counts.errors;
    return s.xml;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="xxgk-lint" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" time="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
};
