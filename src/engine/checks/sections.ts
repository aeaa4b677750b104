/**
 * `sections`: the six parts of the national format (一 总体情况 … 六 其他需要报告的事项), found by
 * number, by title (similarity to the official title and its known variants) or by content (its
 * table, its typical words). Only a part found by none of the three is missing (the rule's
 * severity, an error): a part present under other wording, another number, only a sub-heading,
 * out of order, or without a heading but with its content, is a warning that names what differs
 * (a wording difference alone: info). See docs/sections.md and docs/rules/required-sections.md.
 */
import type { Section } from '../../model/report.js';
import { keySimilarity, knownTitlesOf, titleKey, TITLE_MATCH, STRONG_MATCH } from '../../format/section-titles.js';
import { tableLabel } from '../../format/labels.js';
import { cannotCheck, locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { NO_REFS, type CheckKind } from './kind.js';
import { BoundedMemo } from '../regex.js';

type SectionsCheck = Extract<Check, { kind: 'sections' }>;
type Spec = SectionsCheck['sections'][number];

const key = (s: string): string => s.replace(/\s+/g, '');
const printed = (s: Section): string => `${s.number}、${s.title}`;

interface CompiledSpec {
  accept: readonly RegExp[];
  content: RegExp | null;
  titles: readonly string[];
  /** Scores of titles already seen (reports print the same headings), bounded for a long batch. */
  scores: BoundedMemo<number>;
}

/** Titles whose scores a rule's section remembers. */
const SCORES_KEPT = 4_000;

/** Compiled regular expressions of a rule, once per rule (not per heading and report). */
const compiled = new WeakMap<object, CompiledSpec>();

function compiledOf(spec: Spec): CompiledSpec {
  let c = compiled.get(spec);
  if (!c) {
    c = {
      accept: (spec.accept ?? []).map((a) => new RegExp(a)),
      content: spec.content?.text ? new RegExp(spec.content.text) : null,
      titles: knownTitlesOf(spec.title).map(titleKey),
      scores: new BoundedMemo(SCORES_KEPT),
    };
    compiled.set(spec, c);
  }
  return c;
}

/** How closely a heading title names a section: 1 for an accepted pattern, else the best similarity. */
function titleScore(title: string, spec: Spec): number {
  const c = compiledOf(spec);
  return c.scores.get(title, () => {
    if (c.accept.some((re) => re.test(key(title)))) return 1;
    const k = titleKey(title);
    let best = 0;
    for (const t of c.titles) best = Math.max(best, keySimilarity(k, t));
    return best;
  });
}

/** Where a section's content shows without its heading: its table, or its words in a line. */
function contentOf(ctx: CheckContext, spec: Spec): { at: Section['at']; what: string } | null {
  const content = spec.content;
  if (!content) return null;
  for (const id of content.tables ?? []) {
    const table = ctx.report.tables[id];
    if (table) return { at: table.at, what: tableLabel(id) };
  }
  const re = compiledOf(spec).content;
  if (re) {
    for (const line of ctx.report.lines) {
      const m = re.exec(line.norm);
      // The introduction that lists the six parts by name is no part's content.
      if (m && !listsParts(line.norm)) return { at: line.at, what: `“${m[0]}”` };
    }
  }
  return null;
}

/** Titles of the parts, as an introduction lists them (本报告由总体情况、主动公开政府信息情况…组成). */
const PART_NAMES = /总体情况|主动公开政府信息|收到和处理|行政复议、?(?:和)?行政诉讼|存在的主要问题|其他需要报告/g;

/** True when a line names three or more parts: an enumeration of the report's parts. */
function listsParts(text: string): boolean {
  return (text.match(PART_NAMES)?.length ?? 0) >= 3;
}

const before = (a: Section, b: Section): boolean => a.at.line < b.at.line || (a.at.line === b.at.line && (a.at.column ?? 0) < (b.at.column ?? 0));

/** Evaluates a sections check. */
export function checkSections(ctx: CheckContext, check: SectionsCheck): Outcome[] {
  const outline = ctx.report.outline;
  const top = outline.filter((s) => s.level === 1);
  // No heading found by any means: the parser says so once (parse/no-structure); reporting each
  // part as missing would be six false errors on a report whose structure was not read.
  if (top.length === 0) return [];
  const specs = check.sections;
  // Each top-level heading names the part its title is most like (when like any).
  const named = new Map<Section, number>();
  const scoreOf = new Map<Section, number>();
  for (const s of top) {
    let best = -1;
    let bestScore = TITLE_MATCH;
    for (const [i, spec] of specs.entries()) {
      const score = titleScore(s.title, spec);
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = i;
        bestScore = score;
      }
    }
    if (best >= 0) {
      named.set(s, best);
      scoreOf.set(s, bestScore);
    }
  }

  // Fewer than two headings that name a part: what was read as headings is not the report's
  // outline (its headings lost in extraction, table rows taken for headings). Said once.
  if (named.size < 2) {
    return [cannotCheck('no-structure', 'no-structure', {}, { line: top[0]?.at.line ?? 1 })];
  }
  const out: Outcome[] = [];
  const found: (Section | undefined)[] = [];
  for (const [i, spec] of specs.entries()) {
    const expected = `${spec.number}、${spec.title}`;
    // At its own number first, else the closest title.
    const byTitle = top.filter((s) => named.get(s) === i).sort((a, b) => (scoreOf.get(b) ?? 0) - (scoreOf.get(a) ?? 0));
    const heading = byTitle.find((s) => s.number === spec.number) ?? byTitle[0];
    if (heading) {
      found[i] = heading;
      const actual = printed(heading);
      const location = locate(heading.at, { section: actual });
      if (heading.number !== spec.number) {
        out.push({
          status: 'fail', severity: 'warning', key: `number:${spec.number}`, messageId: 'number', location, vars: { expected, found: actual, foundNumber: heading.number }, expected, actual,
        });
      } else if (key(heading.title) !== key(spec.title) && !key(heading.title).endsWith(key(spec.title))) {
        out.push({
          status: 'fail', severity: 'info', key: `wording:${spec.number}`, messageId: 'wording', location, vars: { expected, found: actual, foundTitle: heading.title, title: spec.title }, expected, actual,
        });
      }
      continue;
    }
    const byNumber = top.find((s) => s.number === spec.number && !named.has(s));
    if (byNumber) {
      found[i] = byNumber;
      const actual = printed(byNumber);
      out.push({
        status: 'fail', severity: 'warning', key: `title:${spec.number}`, messageId: 'title-far', location: locate(byNumber.at, { section: actual }),
        vars: { expected, found: actual, number: spec.number, foundTitle: byNumber.title, title: spec.title }, expected, actual,
      });
      continue;
    }
    const lower = outline.find((s) => s.level > 1 && titleScore(s.title, spec) >= STRONG_MATCH);
    if (lower) {
      out.push({
        status: 'fail', severity: 'warning', key: `level:${spec.number}`, messageId: 'lower-level', location: locate(lower.at, { section: lower.title }), vars: { expected, found: lower.title }, expected, actual: lower.title,
      });
      continue;
    }
    const content = contentOf(ctx, spec);
    if (content) {
      out.push({
        status: 'fail', severity: 'warning', key: `heading:${spec.number}`, messageId: 'no-heading', location: locate(content.at, { section: expected }), vars: { expected, found: content.what, number: spec.number }, expected,
      });
      continue;
    }
    out.push({ status: 'fail', key: `missing:${spec.number}`, location: { line: 1, scope: 'document', section: expected }, vars: { expected, number: spec.number, title: spec.title, content: spec.content?.what ?? '' }, expected });
  }
  // Order: each part found after the part before it.
  let last: { section: Section; spec: Spec } | null = null;
  for (const [i, spec] of specs.entries()) {
    const s = found[i];
    if (!s) continue;
    if (last && before(s, last.section)) {
      const a = printed(s);
      const b = printed(last.section);
      out.push({
        status: 'fail', severity: 'warning', key: `order:${spec.number}`, messageId: 'order', location: locate(s.at, { section: a }),
        vars: { expected: `${spec.number}、${spec.title}`, found: a, number: spec.number, before: b, beforeNumber: last.spec.number }, expected: `${spec.number}、${spec.title}`, actual: a,
      });
    }
    if (!last || !before(s, last.section)) last = { section: s, spec };
  }
  return out;
}

/** The `sections` check kind. */
export const sectionsKind: CheckKind<'sections'> = {
  kind: 'sections',
  scope: 'report',
  cells: () => [],
  tables: (check) => check.sections.flatMap((s, i) => (s.content?.tables ?? []).map((id, j) => ({ id, path: ['sections', i, 'content', 'tables', j] }))),
  expressions: NO_REFS.expressions,
  messages: () => ({
    default: ['expected', 'number', 'title', 'content'],
    'no-structure': [],
    number: ['expected', 'found', 'foundNumber'],
    wording: ['expected', 'found', 'foundTitle', 'title'],
    'title-far': ['expected', 'found', 'number', 'foundTitle', 'title'],
    'lower-level': ['expected', 'found'],
    'no-heading': ['expected', 'found', 'number'],
    order: ['expected', 'found', 'number', 'before', 'beforeNumber'],
  }),
  describe: (check) =>
    `须有以下六个部分（按顺序编号）：${check.sections.map((s) => `${s.number}、${s.title}`).join('；')}。某部分的编号、标题（与格式标题或常见变体相近）和内容（${check.sections.map((s) => s.content?.what).filter(Boolean).join('；')}）都找不到时才报缺少；编号不对、措辞差别较大、只出现在下级标题、只有内容没有标题、顺序不对时警告，仅措辞不同时提示。`,
  evaluate: (ctx, check) => checkSections(ctx, check),
};
