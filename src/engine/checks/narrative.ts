/**
 * `narrative`: figures stated in the prose against each other and against the tables. All are
 * heuristics (warnings or infos): a sentence's scope may differ from the table's, so a comparison
 * is made only when the sentence has no scope qualifier (全市, 各单位, 累计, 网站 …) and is about the
 * report year.
 */
import type { NarrativeNumber, Report } from '../../model/report.js';
import { spanAt } from '../../model/spans.js';
import { evaluate } from '../expr.js';
import { cellList } from '../../format/labels.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import { BoundedMemo, forEachMatch, mayMatchAny } from '../regex.js';
import type { Check } from '../schema.js';
import { listCounts, partsSum } from './narrative-parts.js';
import { wholeProse } from './narrative-sentences.js';
import { holds, relationOf, resolverFor } from './relation.js';
import type { CheckKind } from './kind.js';

type NarrativeCheck = Extract<Check, { kind: 'narrative' }>;
type Figure = NonNullable<NarrativeCheck['figures']>[number];
type Contradiction = NonNullable<NarrativeCheck['contradictions']>[number];

/**
 * The patterns of a rule's figures and contradictions, compiled once per rule (they were compiled
 * again for every report). Figure patterns are global and walked with {@link forEachMatch}.
 */
const figurePatterns = new WeakMap<Figure, RegExp>();
const contradictionPatterns = new WeakMap<Contradiction, RegExp>();

function figurePattern(fig: Figure): RegExp {
  let re = figurePatterns.get(fig);
  if (!re) {
    re = new RegExp(fig.pattern, 'g');
    figurePatterns.set(fig, re);
  }
  return re;
}

function contradictionPattern(c: Contradiction): RegExp {
  let re = contradictionPatterns.get(c);
  if (!re) {
    re = new RegExp(c.pattern);
    contradictionPatterns.set(c, re);
  }
  return re;
}

/** Words that put a figure in another scope than the report's own table. */
const SCOPE = /全市|全省|全州|各单位|各部门|各乡镇|各镇|各街道|区直|县直|市直|所属|下属|系统内|累计|历年|备案|同比|较上年|去年|余|多|近|约|超过|以上|以下/;

/**
 * Channel words: a figure published through one channel (网站, 微博 …) is not the total, unless the
 * figure the rule compares is itself a channel figure.
 */
const CHANNEL = /网站|门户|微博|微信|公众号|新媒体|公报|平台|客户端|短视频/;

const YEAR = /((?:19|20)\d{2})\s*年/g;

/** Years named in a sentence other than the report year and the next one (plans). */
function otherYear(sentence: string, year: number | null): boolean {
  if (year === null) return false;
  let other = false;
  forEachMatch(YEAR, sentence, (m) => {
    other = Number(m[1]) !== year && Number(m[1]) !== year + 1;
    return !other;
  });
  return other;
}

/** "145条，占8.05%": the percentage recomputed against the base most of the list agrees on. */
function percentages(report: Report): Outcome[] {
  const out: Outcome[] = [];
  const pairs: { count: NarrativeNumber; percent: NarrativeNumber; decimals: number }[] = [];
  for (const n of report.narrative) {
    if (n.unit !== '%') continue;
    const s = n.sentence;
    const lead = s.slice(Math.max(0, n.offset - 14), n.offset);
    const count = report.narrative.filter((c) => c.sentenceIndex === n.sentenceIndex && c.unit !== '%' && c.offset < n.offset && n.offset - c.offset <= 14).pop();
    if (!count || !/占|[（(]|比例/.test(lead.slice(lead.lastIndexOf(count.raw.slice(-1)) + 1))) continue;
    const decimals = (/\.(\d+)/.exec(n.raw)?.[1] ?? '').length;
    pairs.push({ count, percent: n, decimals });
  }
  const matchesBase = (p: (typeof pairs)[number], base: number): boolean => {
    const exact = (p.count.value / base) * 100;
    const f = 10 ** p.decimals;
    return Math.round(exact * f) / f === p.percent.value || Math.floor(exact * f) / f === p.percent.value;
  };
  const groups = new Map<number, typeof pairs>();
  for (const p of pairs) {
    // Bases: counts of the same unit in this sentence or the two before, larger than the count.
    const candidates = report.narrative.filter((c) => c.unit === p.count.unit && c.sentenceIndex >= p.count.sentenceIndex - 2 && c.sentenceIndex <= p.count.sentenceIndex && (c.sentenceIndex < p.count.sentenceIndex || c.offset < p.count.offset) && c.value > p.count.value);
    for (const c of candidates) groups.set(c.value, [...(groups.get(c.value) ?? []), p]);
  }
  const flagged = new Set<NarrativeNumber>();
  for (const [base, list] of groups) {
    const agree = list.filter((p) => matchesBase(p, base));
    if (agree.length < 2) continue;
    for (const p of list) {
      if (matchesBase(p, base) || flagged.has(p.percent)) continue;
      if (pairs.some((q) => q === p && [...groups.keys()].some((b) => b !== base && matchesBase(p, b)))) continue;
      flagged.add(p.percent);
      // toFixed throws past 100 digits; a percentage stated with 300 decimals (0.000…1%) once did.
      const exact = ((p.count.value / base) * 100).toFixed(Math.min(20, Math.max(p.decimals, 2)));
      out.push({
        status: 'fail', key: `pct:${p.count.value}:${p.percent.value}`, location: locate(p.percent.at),
        vars: { count: p.count.value, percent: p.percent.value, base, exact }, expected: Number(exact), actual: p.percent.value,
        message: {
          zh: `百分比不符：${p.count.value}${p.count.unit}「占${p.percent.value}%」，但按总数 ${base}${p.count.unit} 计算为 ${p.count.value}/${base} = ${exact}%（同段其他百分比均按 ${base} 计算）`,
          en: `${p.count.value} is said to be ${p.percent.value}%, but ${p.count.value}/${base} = ${exact}%`,
        },
      });
    }
  }
  return out;
}

function valueOf(report: Report, cells: string[]): number | null {
  // A blank cell is reported by the table rules; a figure is compared with numbers only.
  const resolver = resolverFor(report, false);
  let sum = 0;
  for (const id of cells) {
    const v = resolver.cell(id);
    if (v.kind !== 'value') return null;
    sum += v.value;
  }
  return sum;
}

/** A stated figure against the table cells it names. */
function figures(report: Report, check: NarrativeCheck): Outcome[] {
  const out: Outcome[] = [];
  for (const fig of check.figures ?? []) {
    const re = figurePattern(fig);
    const expected = valueOf(report, fig.cells);
    if (expected === null) continue;
    // Most figure patterns occur in no sentence of a report: one scan of all the prose shows that.
    if (!mayMatchAny(re, wholeProse(report))) continue;
    const alternatives = (fig.alternatives ?? []).map((a) => valueOf(report, a)).filter((v): v is number => v !== null);
    for (const sentence of report.sentences) {
      forEachMatch(re, sentence.text, (m) => {
        const raw = m.slice(1).find((g) => g !== undefined);
        if (raw === undefined) return;
        const clauseStart = Math.max(sentence.text.lastIndexOf('，', m.index), sentence.text.lastIndexOf('；', m.index), sentence.text.lastIndexOf(',', m.index), 0);
        const clause = sentence.text.slice(clauseStart, m.index + m[0].length);
        if (SCOPE.test(clause) || otherYear(sentence.text, report.meta.year)) return;
        if (!fig.channel && CHANNEL.test(clause)) return;
        const stated = Number(raw.replace(/,/g, ''));
        // A figure of hundreds of digits reads as Infinity: it cannot be compared (nor be a
        // finding's `actual`, which the JSON output would print as null).
        if (!Number.isFinite(stated)) return;
        if (stated === expected || alternatives.includes(stated)) return;
        const at = spanAt(sentence, m.index + m[0].indexOf(raw));
        const table = cellList(fig.cells, ' + ');
        out.push({
          status: 'fail', key: `fig:${fig.name}:${stated}`, location: locate(at),
          vars: { name: fig.name, stated, table, value: expected, sentence: sentence.text.slice(0, 60) }, expected, actual: stated,
          message: {
            zh: `文中「${fig.name}」为 ${stated}${fig.unit ?? ''}，而表中${table}为 ${expected}（“${clause.replace(/^[，,；]/, '')}”）`,
            en: `The text states ${fig.name} = ${stated}, the table ${fig.cells.join(' + ')} = ${expected}`,
          },
        });
      });
    }
  }
  return out;
}

/** Statements that contradict the tables ("均已办结" while applications are carried over). */
function contradictions(report: Report, check: NarrativeCheck): Outcome[] {
  const out: Outcome[] = [];
  for (const c of check.contradictions ?? []) {
    if (!holds(report, c.when)) continue;
    const left = evaluate(relationOf(c.when).left, resolverFor(report, true));
    const re = contradictionPattern(c);
    if (!mayMatchAny(re, wholeProse(report))) continue;
    for (const sentence of report.sentences) {
      const m = re.exec(sentence.text);
      if (!m || otherYear(sentence.text, report.meta.year)) continue;
      out.push({
        status: 'fail', key: `contra:${c.name}`, location: locate(spanAt(sentence, m.index)),
        vars: { name: c.name, quote: m[0], when: c.when, value: left.value }, actual: m[0],
        message: {
          zh: `文中说“${m[0]}”，但表中${c.name}（为 ${left.value}）`,
          en: `The text says "${m[0]}", but ${c.nameEn ?? `the table has ${c.when}`} (${left.value})`,
        },
      });
      break;
    }
  }
  return out;
}

/** Words that take a count before them: when no number stands there, one was left out. */
const MISSING_NUMBER = /(?:公开|发布|受理|收到|办结|答复|制发|废止|处理|办理|回复)[^，。；、\d零一二两三四五六七八九十百千万余多几]{1,12}?[^\d\s零一二两三四五六七八九十百千万余多几逐每各本此该这数首某单]\s*(条|件)(?=[，。；、）)]|$)/g;

/** Words in which 件 or 条 is not a measure word (文件, 条例 …). */
const NOT_A_COUNT = /[部整全若逐一]件|条[例件款文目线]|[信邮]件|文件|案件|附件|事件|稿件|要件|软件|证件|物件|部件|组件|来件|函件/;

/**
 * MISSING_NUMBER without its look-ahead: it matches wherever MISSING_NUMBER does (an assertion
 * only takes matches away), and has no assertions, so no match of it in the prose means no
 * sentence has a match of MISSING_NUMBER (see mayMatchAny).
 */
const MISSING_NUMBER_ANYWHERE = /(?:公开|发布|受理|收到|办结|答复|制发|废止|处理|办理|回复)[^，。；、\d零一二两三四五六七八九十百千万余多几]{1,12}?[^\d\s零一二两三四五六七八九十百千万余多几逐每各本此该这数首某单]\s*(条|件)/;

/** A count word with no number before it ("公开核准企业资质条。"). */
function missingNumbers(report: Report): Outcome[] {
  const out: Outcome[] = [];
  if (!mayMatchAny(MISSING_NUMBER_ANYWHERE, wholeProse(report))) return out;
  for (const sentence of report.sentences) {
    forEachMatch(MISSING_NUMBER, sentence.text, (m) => {
      const before = sentence.text.slice(Math.max(0, m.index + m[0].length - 3), m.index + m[0].length);
      if (NOT_A_COUNT.test(before + (sentence.text[m.index + m[0].length] ?? ''))) return;
      out.push({
        status: 'fail', key: `missing:${m[0]}`, location: locate(spanAt(sentence, m.index + m[0].length - 1)),
        vars: { quote: m[0] }, actual: m[0],
        message: { zh: `“${m[0]}”前面缺少数字：量词「${m[1]}」前应写明数量`, en: `A number is missing before "${m[1]}" in "${m[0]}"` },
      });
    });
  }
  return out;
}

const ENUM = /([一二三四五六七八九十])是/g;
const ORDER = '一二三四五六七八九十';

/** 一是…三是 without 二是, within one section. */
function enumerationGaps(report: Report): Outcome[] {
  const out: Outcome[] = [];
  if (!mayMatchAny(ENUM, wholeProse(report))) return out;
  let expected = 1;
  let section: string | undefined;
  for (const sentence of report.sentences) {
    if (sentence.section !== section) {
      section = sentence.section;
      expected = 1;
    }
    forEachMatch(ENUM, sentence.text, (m) => {
      const n = ORDER.indexOf(m[1]!) + 1;
      if (n === 1) expected = 2;
      else if (n === expected) expected++;
      else if (n > expected && expected > 1) {
        const missing = ORDER.slice(expected - 1, n - 1).split('').map((c) => `${c}是`).join('、');
        out.push({
          status: 'fail', key: `enum:${section ?? ''}:${n}`, location: locate(spanAt(sentence, m.index)),
          vars: { found: m[0], missing }, expected: missing, actual: m[0],
          message: { zh: `列举跳号：出现了“${m[0]}”，但前面没有“${missing}”`, en: `Enumeration skips ${missing} before "${m[0]}"` },
        });
        expected = n + 1;
      } else expected = n + 1;
    });
  }
  return out;
}

/**
 * The plans pattern for a report year, compiled once per year (it was compiled per report, and a
 * second pattern per sentence). That second pattern, `^(?:在)?(year)\s*年(?:度)?[，,]?…`, was
 * tried when this one failed; but whatever it matches at the start, this one's `^` branch matches
 * too (its extra `\s*` and `(?:中|里)?` can match nothing), so it could never find anything more
 * and is not tried any more.
 */
const plansPatterns = new BoundedMemo<RegExp>(256);
const plansPattern = (year: number): RegExp =>
  plansPatterns.get(String(year), () => new RegExp(`(?:^|[。；])\\s*(?:在)?(${year})\\s*年(?:度)?(?:中|里)?[，,]?[^。；]{0,20}?(?:将|计划|拟|准备|力争|打算)`));
const DONE = /已|完成|取得|实现了|开展了/;

/** "2016年，我们将…" in a 2016 report: next year's plans dated with the report year. */
function plansYear(report: Report): Outcome[] {
  const year = report.meta.year;
  if (year === null) return [];
  const out: Outcome[] = [];
  const re = plansPattern(year);
  for (const sentence of report.sentences) {
    const m = re.exec(sentence.text);
    if (!m || DONE.test(sentence.text.slice(0, 30))) continue;
    out.push({
      status: 'fail', key: `plans:${sentence.text.slice(0, 20)}`, location: locate(spanAt(sentence, m.index)),
      vars: { year }, expected: year + 1, actual: year,
      message: { zh: `这里用报告年度 ${year} 年说明今后的打算（“${sentence.text.slice(0, 30)}…”），应为 ${year + 1} 年？`, en: `Plans are dated ${year}, the report year; should it be ${year + 1}?` },
    });
  }
  return out;
}

/** Evaluates a narrative check. */
export function checkNarrative(ctx: CheckContext, check: NarrativeCheck): Outcome[] {
  switch (check.what) {
    case 'parts-sum':
      return partsSum(ctx.report);
    case 'percent':
      return percentages(ctx.report);
    case 'figure-vs-cell':
      return figures(ctx.report, check);
    case 'contradiction':
      return contradictions(ctx.report, check);
    case 'missing-number':
      return missingNumbers(ctx.report);
    case 'enumeration':
      return enumerationGaps(ctx.report);
    case 'plans-year':
      return plansYear(ctx.report);
    case 'list-count':
      return listCounts(ctx.report);
  }
}

/** The `narrative` check kind. */
export const narrativeKind: CheckKind<'narrative'> = {
  kind: 'narrative',
  scope: 'report',
  cells: (check) =>
    (check.figures ?? []).flatMap((f, i) => [
      ...f.cells.map((id, j) => ({ id, path: ['figures', i, 'cells', j] })),
      ...(f.alternatives ?? []).flatMap((alt, k) => alt.map((id, j) => ({ id, path: ['figures', i, 'alternatives', k, j] }))),
    ]),
  tables: () => [],
  expressions: (check) => ({ exprs: (check.contradictions ?? []).map((c, i) => ({ source: c.when, path: ['contradictions', i, 'when'] })), vars: {} }),
  describe(check) {
    const lines = [`文字与表格、文字与文字的一致性：\`${check.what}\`。`];
    for (const f of check.figures ?? []) lines.push(`- ${f.name}：\`${f.pattern}\` 对比 ${f.cells.map((c) => `\`${c}\``).join(' + ')}`);
    for (const c of check.contradictions ?? []) lines.push(`- ${c.name}：\`${c.pattern}\`，当 \`${c.when}\``);
    lines.push('', '句子中有范围限定词（全市、各单位、累计、备案、其他年度、约数等）时不作比较。这类检查都是警告或提示。');
    return lines.join('\n');
  },
  evaluate: (ctx, check) => checkNarrative(ctx, check),
};
