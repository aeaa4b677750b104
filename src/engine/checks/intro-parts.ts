/**
 * `intro-parts`: the introduction's list of the report's parts (“本报告由总体情况、主动公开……
 * 等六个部分组成”) against the report's own top-level headings. An intro copied from another
 * report or from a draft names parts the report does not have (its subheadings, or another
 * report's sections); a reader who trusts it looks for them in vain.
 */
import type { Report, Section, Sentence } from '../../model/report.js';
import { spanAt } from '../../model/spans.js';
import { lcsLength } from '../../format/lcs.js';
import { matchSectionTitle, titleKey } from '../../format/section-titles.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';
import { BoundedMemo } from '../regex.js';

/** Where a sentence says what the report consists of: “本报告包括”“全文由”“报告共分”. */
const INTRO_VERB = /(?:报告|全文)[^。；，,]{0,12}?(?:包括|包含|由|分为|共分|分成)/g;
/** A count of parts closing the list: “等六个部分组成”“共五个部分”“6个部分”. */
const PARTS = /(?:等|共)?\s*[一二三四五六七八九十\d]{1,2}\s*个?\s*部分/;
/** A count of parts opening the list: “共分6个部分：”. */
const COUNT_FIRST = /^\s*[一二三四五六七八九十\d]{1,2}\s*个?\s*部分(?:组成)?\s*[：:，,]\s*/;
/** Words every section title shares, which say nothing about which section it is. */
const GENERIC = /政府信息公开|政府信息|信息公开|工作|情况|有关|相关|方面/g;

/** What a title is compared by: its words without those all titles share, and the format's part it names. */
interface TitleKey {
  /** `titleKey` (no 的, spaces or marks) without the words every title shares. */
  core: string;
  /** The national format's section it names (index), or -1. */
  section: number;
}

/** Keys of titles already seen (reports print the same headings), bounded for a long batch. */
const keys = new BoundedMemo<TitleKey>(4_000);

function keyOf(title: string): TitleKey {
  return keys.get(title, () => ({ core: titleKey(title).replace(GENERIC, ''), section: matchSectionTitle(title)?.index ?? -1 }));
}

/** {@link itemNames} on keys made already (each heading's once per report, each item's once). */
function keyNames(a: TitleKey, b: TitleKey): boolean {
  if (a.core.length >= 2 && b.core.length >= 2) {
    if (a.core.includes(b.core) || b.core.includes(a.core)) return true;
    if (lcsLength(a.core, b.core) / Math.min(a.core.length, b.core.length) >= 0.6) return true;
  }
  return a.section >= 0 && a.section === b.section;
}

/**
 * Whether an item of the intro's list names a heading: the same words once the words every title
 * shares are dropped (one within the other, or most of the shorter one in order: 存在的问题及工作打算
 * names 存在的问题及改进情况), or both name the same section of the national format (依申请公开
 * names 收到和处理政府信息公开申请情况).
 */
export function itemNames(item: string, heading: string): boolean {
  return keyNames(keyOf(item), keyOf(heading));
}

/**
 * The intro's list of parts in a sentence, or null: the items and the list's offset in the
 * sentence. The list runs from the verb to the count of parts or to the end of the clause; its
 * items are separated by 、 (a clause with fewer than three is not such a list).
 */
export function introList(text: string): { items: string[]; offset: number } | null {
  for (const verb of text.matchAll(INTRO_VERB)) {
    let offset = verb.index + verb[0].length;
    const countFirst = COUNT_FIRST.exec(text.slice(offset));
    if (countFirst) offset += countFirst[0].length;
    let body = /^[^，,。；;：:]*/.exec(text.slice(offset))![0];
    const count = PARTS.exec(body);
    if (count) body = body.slice(0, count.index);
    const items = body
      .split('、')
      .map((s) => s.trim().replace(/^(?:以及|和|及|与)/, '').replace(/等$/, '').trim())
      .filter((s) => s.length > 0);
    if (items.length >= 3) return { items, offset };
  }
  return null;
}

/**
 * The list's items as the parts they name: an item that names no top-level heading is joined
 * with the next when together they do and the next alone does not (titles hold 、: 行政复议、
 * 行政诉讼情况), or split at 和/及 when both halves do (…改进情况和其他需要报告的事项).
 */
function regroup(items: readonly string[], names: (item: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (names(item)) {
      out.push(item);
      continue;
    }
    const next = items[i + 1];
    if (next !== undefined && !names(next) && names(`${item}、${next}`)) {
      out.push(`${item}、${next}`);
      i++;
      continue;
    }
    const split = [...item.matchAll(/以及|和|及|与/g)]
      .map((m) => [item.slice(0, m.index), item.slice(m.index + m[0].length)] as const)
      .find(([left, right]) => left.length >= 2 && right.length >= 2 && names(left) && names(right));
    if (split) out.push(...split);
    else out.push(item);
  }
  return out;
}

/** The heading a lower-level heading belongs to: the last top-level heading before it. */
function parentOf(outline: readonly Section[], heading: Section): Section | undefined {
  let parent: Section | undefined;
  for (const s of outline) {
    if (s === heading) break;
    if (s.level === 1) parent = s;
  }
  return parent;
}

const numbered = (s: Section): string => (s.number ? `${s.number}、${s.title}` : s.title);
const quoted = (items: readonly string[]): string => items.map((s) => `「${s}」`).join('');

/** The outcome for one report: at most one, on the first intro list whose items are not all parts. */
export function introParts(report: Report): Outcome[] {
  const top = report.outline.filter((s) => s.level === 1);
  // Not enough of an outline to say what the report's parts are.
  if (top.length < 2) return [];
  // The intro comes before the second part begins.
  const second = top[1]!.at.line;
  const hasTable = Object.keys(report.tables).length > 0;
  const topKeys = top.map((s) => keyOf(s.title));
  const namesTop = (item: string): boolean => topKeys.some((k) => keyNames(keyOf(item), k)) || (hasTable && /表$/.test(item));
  for (const sentence of report.sentences) {
    if ((sentence.breaks[0]?.[1].line ?? Infinity) >= second) break;
    const list = introList(sentence.text);
    if (!list) continue;
    const items = regroup(list.items, namesTop);
    // An item naming a part of the national format is no stray even where the report lacks that
    // part or numbers it wrongly: the sections rule says so, at the heading.
    const strays = items.filter((item) => !namesTop(item) && keyOf(item).section < 0);
    // A list that names fewer than two of the report's parts is not a list of its parts.
    if (strays.length === 0 || items.length - strays.length < 2) return [];
    return [outcomeOf(report.outline, top, sentence, list.offset, strays)];
  }
  return [];
}

function outcomeOf(outline: readonly Section[], top: readonly Section[], sentence: Sentence, offset: number, strays: readonly string[]): Outcome {
  // Where each stray item is a heading after all: a lower-level one, under which part.
  const lower = strays.map((item) => outline.find((s) => s.level > 1 && itemNames(item, s.title)));
  const parents = [...new Set(lower.map((s) => (s ? parentOf(outline, s) : undefined)).filter((s): s is Section => s !== undefined))];
  const allLower = lower.every((s) => s !== undefined) && parents.length > 0;
  const sections = top.map(numbered).join('；');
  return {
    status: 'fail',
    key: `intro:${strays.join('|')}`,
    location: locate(spanAt(sentence, offset)),
    ...(allLower ? { messageId: 'subheading' } : {}),
    vars: { items: quoted(strays), count: strays.length, parents: quoted(parents.map(numbered)), sections },
    actual: strays.join('、'),
    expected: sections,
  };
}

/** The `intro-parts` check kind. */
export const introPartsKind: CheckKind<'intro-parts'> = {
  kind: 'intro-parts',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['items', 'count', 'sections'], subheading: ['items', 'count', 'parents', 'sections'] }),
  describe: () =>
    '引言中“本报告包括……等六个部分”“全文由……组成”所列的组成部分，应是报告的一级标题（措辞可以不同：去掉“政府信息公开”“工作”“情况”等各标题共有的词后相同或大体相同，或指格式的同一部分；“统计表”在报告有统计表时算数）。所列项中有不是报告任何一级标题的，在引言处提示，并说明它是否只是某部分下的小标题。`actual` 为这些项，`expected` 为报告的一级标题。所列项中能对上报告一级标题的不到两项时，不认为它是在列举本报告的部分，不作判断。',
  evaluate: (ctx) => introParts(ctx.report),
};
