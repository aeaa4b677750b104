/**
 * Metamorphic tests of the text rules (issue 15: placeholders by context, narrative numbers).
 * Clean rewrites are what real reports write and must draw nothing new: anonymised names in a case,
 * 统计期限 followed by a comma, markdown bold, a breakdown of one part inside a total, 办理 for 收到,
 * a bracketed list after its total, a list that names its own count. Defect rewrites put a template
 * slot or a contradicting figure into the report and must be found at the rule's severity.
 */
import { describe } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { cleanSuite, defectSuite, mapLines, replaceFirst, type CleanTransform, type DefectTransform } from './harness.js';

/**
 * Appends a sentence to the first paragraph of prose after the report's first section heading: a
 * line of 40 characters or more ending in 。, with no tab (not a table row), not ending in a figure
 * and not followed by a 其中 line (so that no total is parted from its parts). Null when there is none.
 */
function appendToProse(text: string, sentence: string): string | null {
  let done = false;
  let seenHeading = false;
  const out = mapLines(text, (line, i, lines) => {
    if (done) return null;
    if (/^\s*[一二三四五六七八九]、/.test(line)) seenHeading = true;
    if (!seenHeading || line.includes('\t') || line.trim().length < 40 || !/。\s*$/.test(line)) return null;
    if (/\d\s*(?:件|条|%)\s*。\s*$/.test(line) || /^\s*其中/.test(lines[i + 1] ?? '')) return null;
    done = true;
    return line.replace(/\s*$/, '') + sentence;
  });
  return done ? out : null;
}

/** A number of items derived from the report's length, so that inserted figures differ by report. */
const sizeOf = (text: string): number => 100 + (text.length % 400);

/** The line of the title (the first line naming an annual report). */
const TITLE = /^.{0,60}?(?:19|20)\d{2}\s*年.{0,40}?(?:年度报告|年报)/m;

/** The period clause: 统计期限/统计时限 up to its full stop or the end of the line. */
const PERIOD = /统计(期限|时限)[^。\n]*/;

/** Words that give a figure another scope than the table's (their sentence is not compared). */
const SCOPE = /全市|全省|全州|全县|全区|各单位|各部门|各乡镇|区直|县直|市直|累计|同比|余|多|约|代表/;

/** "受理/收到…申请N件" with no scope word in its clause: the figure narrative-figures compares. */
const RECEIVED = /(?<=^|[，,。；;\s])([^，,。；;\n]*?)(收到|受理)([^，。；,\d\n]{0,12}?申请[^，。；,\d\n]{0,8}?)(\d+)(\s*件)/m;

/** A date written in full (2024年3月1日), as the first group's year, month and day. */
const FULL_DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** The last line that is only a date: the signature date. */
function signatureDate(text: string, by: (line: string) => string): string | null {
  const lines = text.split(/\r?\n/);
  let last = -1;
  lines.forEach((l, i) => {
    if (/^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/.test(l)) last = i;
  });
  return last < 0 ? null : mapLines(text, (line, i) => (i === last ? by(line) : null));
}

/** Counts the 一是 … or （一）… items that follow `from` in the text, as long as they run on in order. */
function enumeratedAfter(text: string, from: number): number {
  const rest = text.slice(from, from + 60);
  const style = (k: string): string => (rest.search(/[（(]一[）)]/) >= 0 && (rest.indexOf('一是') < 0 || rest.search(/[（(]一[）)]/) < rest.indexOf('一是')) ? `（${k}）` : `${k}是`);
  let count = 0;
  let at = from;
  for (const k of '一二三四五六七八九') {
    const next = text.indexOf(style(k), at);
    if (next < 0 || next - at > 400) break;
    count++;
    at = next + 2;
  }
  return count;
}

const CHINESE = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九'];

const clean: CleanTransform[] = [
  {
    name: 'a case described with anonymised names (王某某, 李××, 张某)',
    apply: (text) => appendToProse(text, '如申请人王某某申请公开拆迁补偿信息、李××申请公开会议纪要、张某申请公开项目审批信息，均已依法答复。'),
    minApplicable: 7,
  },
  {
    name: 'a case with an anonymised address (申请公开XX街道XX村…): at most a warning',
    apply: (text) => appendToProse(text, '例如，申请人李某某申请公开XX街道XX村征地补偿信息，已依法答复。'),
    allow: ['placeholder-suspect'],
    minApplicable: 7,
  },
  {
    name: '统计期限，自…起至…止 (a comma after 统计期限)',
    apply: (text) => replaceFirst(text, /统计(期限|时限)(?:为|是)?\s*自?\s*(?=\d|$)/m, (m) => `统计${m[1]!}，自`),
    minApplicable: 5,
  },
  {
    name: '统计期限 with spaces between the digits and 年月日 (PDF text)',
    apply: (text) => {
      const out = replaceFirst(text, PERIOD, (m) => m[0].replace(/(\d)\s*([年月日])\s*/g, '$1 $2 '));
      return out === text ? null : out;
    },
    minApplicable: 5,
  },
  {
    name: 'markdown bold on the enumerators (**一是**, **二是** …)',
    apply: (text) => mapLines(text, (line) => (line.includes('\t') ? null : line.replace(/([一二三四五六七八九])是/g, '**$1是**'))),
    minApplicable: 3,
  },
  {
    name: 'markdown bold on the figures of the prose (**218件**)',
    apply: (text) => mapLines(text, (line) => (line.includes('\t') ? null : line.replace(/(?<![\d.])(\d+)(件|条)/g, '**$1$2**'))),
    minApplicable: 5,
  },
  {
    name: 'a breakdown of one part in brackets inside a total sentence (numbers consistent)',
    apply: (text) => {
      const n = sizeOf(text);
      return appendToProse(text, `全年发布各类政务信息${3 * n}条，其中政务动态${2 * n}条（县直单位${n + 7}条，各乡镇${n - 7}条），通知公告${n}条。`);
    },
    minApplicable: 7,
  },
  {
    name: 'a breakdown of one part named by lower levels, without brackets (numbers consistent)',
    apply: (text) => {
      const n = sizeOf(text);
      return appendToProse(text, `全年发布各类政务信息${3 * n}条，其中政务动态${2 * n}条，县直单位${n + 7}条，各乡镇${n - 7}条，通知公告${n}条。`);
    },
    minApplicable: 7,
  },
  {
    name: 'a list in brackets after its total, summing right',
    apply: (text) => {
      const n = sizeOf(text);
      return appendToProse(text, `全年发布政策解读${n + 20}篇，（其中图文解读${n}篇，视频解读20篇）。`);
    },
    minApplicable: 7,
  },
  {
    name: '受理/收到…申请N件 rewritten as 全年办理…申请N件 (same N)',
    apply: (text) => replaceFirst(text, RECEIVED, (m) => `${m[1]!.replace(/全年/g, '')}全年办理${m[3]!}${m[4]!}${m[5]!}`),
    minApplicable: 3,
  },
  {
    name: 'a list that names its own count, matching (有三类：A、B、C)',
    apply: (text) => appendToProse(text, '主动公开的信息主要有三类：政策文件、工作动态、通知公告。'),
    minApplicable: 7,
  },
  {
    name: '从以下方面 given the count of the 一是 … items that follow',
    apply: (text) => {
      const m = /以下(?:几个)?方面/.exec(text);
      if (!m) return null;
      const count = enumeratedAfter(text, m.index);
      if (count < 2 || count > 9) return null;
      return text.slice(0, m.index) + `以下${CHINESE[count]!}个方面` + text.slice(m.index + m[0].length);
    },
    minApplicable: 2,
  },
];

/** Replaces the first figure of the prose (N件 or N条, not in a table row) by `slot`. */
function figureSlot(text: string, slot: string): string | null {
  let done = false;
  const out = mapLines(text, (line) => {
    if (done || line.includes('\t')) return null;
    const m = /(?<![\d.])\d+(?=\s*(?:件|条)(?![例件款文目线数]))/.exec(line);
    if (!m) return null;
    done = true;
    return line.slice(0, m.index) + slot + line.slice(m.index + m[0].length);
  });
  return done ? out : null;
}

const placeholder = { ruleId: 'placeholder-text', severity: 'error' } as const;
const emptyPeriod = { ruleId: 'empty-period', severity: 'error' } as const;

const defects: DefectTransform[] = [
  { name: 'XX县 in the title', apply: (text) => replaceFirst(text, TITLE, (m) => m[0].replace(/((?:19|20)\d{2}\s*年)/, 'XX县$1')), expect: placeholder, minApplicable: 7 },
  { name: '[单位名称] before the title', apply: (text) => replaceFirst(text, TITLE, (m) => m[0].replace(/((?:19|20)\d{2}\s*年)/, '[单位名称]$1')), expect: placeholder, minApplicable: 7 },
  { name: '【单位名称】 for the agency in the prose', apply: (text) => appendToProse(text, '联系单位：【单位名称】。'), expect: placeholder, minApplicable: 7 },
  { name: 'XX单位 in the prose', apply: (text) => appendToProse(text, '由XX单位负责具体实施。'), expect: placeholder, minApplicable: 7 },
  { name: '○○件 for a figure', apply: (text) => figureSlot(text, '○○'), expect: placeholder, minApplicable: 5 },
  { name: '**件 for a figure', apply: (text) => figureSlot(text, '**'), expect: placeholder, minApplicable: 5 },
  { name: 'XX件 for a figure', apply: (text) => figureSlot(text, 'XX'), expect: placeholder, minApplicable: 5 },
  { name: '2026年X月X日 for a date', apply: (text) => replaceFirst(text, FULL_DATE, (m) => `${m[1]!}年X月X日`), expect: placeholder, minApplicable: 7 },
  { name: '1月X日 for a date', apply: (text) => replaceFirst(text, FULL_DATE, (m) => `${m[1]!}年${m[2]!}月X日`), expect: placeholder, minApplicable: 7 },
  { name: 'the signature date left as     年  月  日', apply: (text) => signatureDate(text, () => '    年  月  日'), expect: placeholder, minApplicable: 2 },
  { name: '统计期限自至', apply: (text) => replaceFirst(text, PERIOD, (m) => `统计${m[1]!}自至`), expect: emptyPeriod, minApplicable: 5 },
  { name: '统计期限为年月日至年月日', apply: (text) => replaceFirst(text, PERIOD, (m) => `统计${m[1]!}为年月日至年月日`), expect: emptyPeriod, minApplicable: 5 },
  {
    name: '统计期限 with its end date left empty (…至年月日)',
    apply: (text) => {
      const m = PERIOD.exec(text);
      return m && m[0].includes('至') ? text.slice(0, m.index) + m[0].replace(/至.*$/, '至年月日') + text.slice(m.index + m[0].length) : null;
    },
    expect: emptyPeriod,
    minApplicable: 3,
  },
  {
    name: 'a narrative count of applications that contradicts 表三',
    apply: (text, report: Report) => {
      const m = RECEIVED.exec(text);
      if (!m || SCOPE.test(m[1]!) || !report.tables.t3) return null;
      return text.slice(0, m.index) + m[0].replace(/(\d+)(\s*件)$/, (_, n: string, unit: string) => `${Number(n) + 7}${unit}`) + text.slice(m.index + m[0].length);
    },
    expect: { ruleId: 'narrative-figures', severity: 'warning' },
    minApplicable: 2,
  },
  {
    name: 'a count of 表三 written with the minus sign U+2212 (−1)',
    apply: (text) => replaceFirst(text, /^(\|?\s*四、结转下年度继续办理[\s|]+)(\d+)/m, (m) => `${m[1]!}−${m[2] === '0' ? 1 : m[2]!}`),
    expect: { ruleId: 'counts-non-negative-integer', severity: 'error' },
    minApplicable: 4,
  },
  {
    name: 'a total whose parts (one of them broken down) do not add up',
    apply: (text) => {
      const n = sizeOf(text);
      return appendToProse(text, `全年发布各类政务信息${3 * n - 5}条，其中政务动态${2 * n}条（县直单位${n + 7}条，各乡镇${n - 7}条），通知公告${n}条。`);
    },
    expect: { ruleId: 'narrative-parts-sum', severity: 'warning' },
    minApplicable: 7,
  },
  {
    name: 'a list that names more items than it lists',
    apply: (text) => appendToProse(text, '主动公开的信息主要有五类：政策文件、工作动态、通知公告。'),
    expect: { ruleId: 'narrative-list-count', severity: 'warning' },
    minApplicable: 7,
  },
];

describe('metamorphic: placeholders and narrative numbers (clean rewrites)', () => {
  cleanSuite(clean);
});

describe('metamorphic: placeholders and narrative numbers (defects)', () => {
  defectSuite(defects);
});
