/**
 * Narrative lists against their totals: a total with its parts (共N条，其中A a条，B b条 …), and a
 * list that names its own count (主动公开类别有七类：…). Both are heuristics and give warnings or
 * infos; each message shows the parts it added up, or the items it counted.
 */
import type { NarrativeNumber, Report, Sentence } from '../../model/report.js';
import { parseChineseNumber } from '../../format/numbers.js';
import { matchSectionTitle } from '../../format/section-titles.js';
import { spanAt } from '../../model/spans.js';
import { locate, type Outcome } from '../outcome.js';
import { forEachMatch, mayMatchAny } from '../regex.js';
import { NONE, numbersIn, wholeProse } from './narrative-sentences.js';

/** "在…的425条政府信息中": a total before a list of categories. */
const LIST = /在[^。]{0,40}?的\s*(\d+)\s*(条|件)[^。]{0,10}?中/;

/** Channels (网站, 微博 …) overlap: a list of them is not a breakdown of a total. */
const CHANNELS = /网站|微博|微信|公报|报纸|报刊|平台|新媒体|公众号/;

/** Numbers with a unit or a date word; what is left of a clause without them is a bare number. */
const COUNTED_NUMBERS = /\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万元|元|件|条|次|人次|人|篇|期|个|项|家|场|%|年|月|日|号)/g;

/** Words in a parenthesis after a number that make it a note, not the number's breakdown (含…, 同比, 上年为 …). */
const NOT_A_BREAKDOWN = /含|包括|另|累计|同比|环比|较|比上|增|减|上年|去年|前年|上一年|以上|以下|平均/;

/** Where the parts of a total are listed: a stretch of one sentence. */
interface Clause {
  index: number;
  start: number;
  end: number;
  /** The parts are inside a parenthesis: they end with it, and no sentence after adds to them. */
  paren: boolean;
}

/** Offset of the bracket closing the one at `open`, or the text's length when it is not closed. */
function closeOf(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    const ch = text[k];
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && --depth === 0) return k;
  }
  return text.length;
}

/**
 * The clause that lists a total's parts: "，其中…" or "（其中…）" in its sentence, a parenthesis
 * right after it with two or more parts, or a next sentence that starts with 其中.
 */
function clauseAfter(report: Report, i: number, total: NarrativeNumber): Clause | null {
  const text = report.sentences[i]!.text;
  const from = total.offset + total.raw.length;
  const after = text.slice(from);
  const then = /^\s*[，,]?\s*([（(])?\s*其中/.exec(after);
  if (then) {
    const start = from + then[0].length - 2;
    if (then[1] === undefined) return { index: i, start, end: text.length, paren: false };
    return { index: i, start, end: closeOf(text, from + then[0].indexOf(then[1])), paren: true };
  }
  const paren = /^\s*[（(]/.exec(after);
  if (paren) {
    const open = from + paren[0].length - 1;
    const end = closeOf(text, open);
    return NOT_A_BREAKDOWN.test(text.slice(open + 1, end)) ? null : { index: i, start: open + 1, end, paren: true };
  }
  const next = report.sentences[i + 1];
  if (after.replace(/[。\s]/g, '') === '' && next !== undefined && next.text.startsWith('其中')) return { index: i + 1, start: 0, end: next.text.length, paren: false };
  return null;
}

/**
 * The parts that break down another part, not the total: those inside a parenthesis of the clause
 * (主动公开2000条（县直1500条，乡镇500条）) and those after a second 其中 up to the next ；.
 */
function nestedParts(sentence: string, clause: Clause, parts: readonly NarrativeNumber[]): Set<NarrativeNumber> {
  const nested = new Set<NarrativeNumber>();
  const inner: [number, number][] = [];
  for (let k = clause.start; k < clause.end; k++) {
    const ch = sentence[k];
    if (ch === '（' || ch === '(') {
      const end = closeOf(sentence, k);
      inner.push([k, end]);
      k = end;
    }
  }
  forEachMatch(/其中/g, sentence.slice(clause.start + 2, clause.end), (m) => {
    const at = clause.start + 2 + m.index;
    const stop = sentence.slice(at, clause.end).search(/[；;]/);
    inner.push([at, stop < 0 ? clause.end : at + stop]);
  });
  for (const p of parts) if (inner.some(([a, b]) => p.offset > a && p.offset < b)) nested.add(p);
  return nested;
}

const sumOf = (parts: readonly NarrativeNumber[]): number => parts.reduce((a, p) => a + p.value, 0);
const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/** Words that name a lower level of the agency or region: parts so named may break down one part. */
const SUB_UNIT = /县直|区直|市直|省直|乡镇|街道|各部门|各单位|本级|下属|所属|镇|乡/;

/**
 * Parts that add up exactly to the part before them and are each named by a lower level
 * (主动公开2000条，县直单位1500条，各乡镇500条，依申请…): the breakdown of one part, written
 * without brackets. A run that adds up by chance ("更新3条，公文2条，年报1条") is not one: its
 * parts name no lower level. Returns them, or an empty set.
 */
function runsOfParts(text: string, parts: readonly NarrativeNumber[]): Set<NarrativeNumber> {
  const nested = new Set<NarrativeNumber>();
  const named = parts.map((p, k) => p.sentenceIndex === parts[0]!.sentenceIndex && SUB_UNIT.test(text.slice(k === 0 ? 0 : parts[k - 1]!.offset + parts[k - 1]!.raw.length, p.offset)));
  for (let k = 0; k < parts.length; k++) {
    let sum = 0;
    for (let j = k + 1; j < parts.length && named[j]; j++) {
      sum += parts[j]!.value;
      if (j > k + 1 && near(sum, parts[k]!.value)) {
        for (let x = k + 1; x <= j; x++) nested.add(parts[x]!);
        k = j;
        break;
      }
      if (sum > parts[k]!.value) break;
    }
  }
  return nested;
}

/** True when the list's first parts add up to the total (the list went on past the breakdown). */
const prefixReaches = (parts: readonly NarrativeNumber[], total: number): boolean => {
  let prefix = 0;
  return parts.some((p) => near((prefix += p.value), total));
};

/** Parts listed in the sentences after the clause in the same pattern ("…1397条，占73%。各乡镇…534条，占27%。"). */
function partsInNextSentences(report: Report, clause: Clause, unit: string, sum: number, total: number): NarrativeNumber[] {
  const more: NarrativeNumber[] = [];
  for (let k = clause.index + 1; k < report.sentences.length && k <= clause.index + 3 && sum < total; k++) {
    const numbers = numbersIn(report, k);
    const counts = numbers.filter((n) => n.unit === unit);
    if (counts.length !== 1 || !numbers.some((n) => n.unit === '%') || !report.sentences[k]!.text.includes('占')) break;
    more.push(counts[0]!);
    sum += counts[0]!.value;
  }
  return more;
}

/** A total's parts do not add up to it: the finding, naming the parts added and those left out (message `with-breakdown`). */
function partsOutcome(sentence: Sentence, total: NarrativeNumber, parts: readonly NarrativeNumber[], left: readonly NarrativeNumber[]): Outcome {
  const sum = sumOf(parts);
  const vars: Outcome['vars'] = { total: total.value, unit: total.unit, parts: parts.map((p) => p.value).join(' + '), sum, excerpt: sentence.text.slice(0, 40) };
  if (left.length) {
    vars.left = left.map((p) => p.value).join('、');
    vars.leftEn = left.map((p) => p.value).join(', ');
  }
  return {
    status: 'fail', severity: sum > total.value ? 'warning' : 'info', key: `parts:${total.value}:${sum}`, location: locate(total.at),
    ...(left.length ? { messageId: 'with-breakdown' } : {}), vars, expected: sum, actual: total.value,
  };
}

/** One total against its parts, summed at one level; null when they agree or cannot be compared. */
function checkTotal(report: Report, i: number, total: NarrativeNumber): Outcome | null {
  const sentence = report.sentences[i]!;
  const before = sentence.text.slice(Math.max(0, total.offset - 12), total.offset);
  if (/余|多|近|约/.test(total.raw + before.slice(-2)) || /累计|历年/.test(sentence.text.slice(0, total.offset))) return null;
  const clause = clauseAfter(report, i, total);
  if (!clause) return null;
  const text = report.sentences[clause.index]!.text;
  const clauseText = text.slice(clause.start, clause.end);
  // A bare number in the clause is a part whose unit was left out: the parts cannot be added up.
  if (/\d/.test(clauseText.replace(COUNTED_NUMBERS, '')) || CHANNELS.test(clauseText)) return null;
  const all = numbersIn(report, clause.index).filter((n) => n.unit === total.unit && n.offset >= clause.start && n.offset < clause.end);
  const nested = nestedParts(text, clause, all);
  let parts = all.filter((p) => !nested.has(p));
  if (!clause.paren) parts = [...parts, ...partsInNextSentences(report, clause, total.unit, sumOf(parts), total.value)];
  if (parts.length < 2 || parts.some((p) => /余|多/.test(p.raw))) return null;
  if (prefixReaches(parts, total.value)) return null;
  // Without brackets, a run of parts that adds up to the part before it is that part's breakdown.
  const runs = runsOfParts(text, parts);
  if (runs.size > 0 && near(sumOf(parts.filter((p) => !runs.has(p))), total.value)) return null;
  const sum = sumOf(parts);
  // A list well short of the total names only some categories.
  if (sum < total.value * 0.9) return null;
  return partsOutcome(sentence, total, parts, [...nested]);
}

/** "在…的425条政府信息中，A类148条…": a list of categories whose sum exceeds or falls short of the total. */
function categoryList(report: Report, sentence: Sentence, i: number): Outcome | null {
  const m = LIST.exec(sentence.text);
  if (!m) return null;
  const total = Number(m[1]);
  const unit = m[2]!;
  const parts = numbersIn(report, i).filter((n) => n.unit === unit && n.offset > m.index + m[0].length);
  const sum = parts.reduce((a, p) => a + p.value, 0);
  if (parts.length < 3 || !(sum > total || (sum < total && sum >= total * 0.9))) return null;
  // Located at the total: `actual` is the total the sentence states, `expected` what its categories add up to.
  return {
    status: 'fail', severity: sum > total ? 'warning' : 'info', key: `list:${total}:${sum}`, location: locate(spanAt(sentence, m.index)),
    messageId: sum > total ? 'categories-over' : 'categories-under',
    vars: { total, unit, parts: parts.map((p) => p.value).join(' + '), sum, gap: total - sum }, expected: sum, actual: total,
  };
}

/** A stated total followed by its parts (其中 …, or in brackets): the parts, at one level, must add up to the total. */
export function partsSum(report: Report): Outcome[] {
  const out: Outcome[] = [];
  // Both kinds of breakdown need words most reports have nowhere; the prose says so at once.
  const prose = wholeProse(report);
  const breakdowns = prose.includes('其中') || /[\d条件][（(]/.test(prose);
  const lists = mayMatchAny(LIST, prose);
  report.sentences.forEach((sentence, i) => {
    for (const total of breakdowns ? numbersIn(report, i) : NONE) {
      if (total.unit === '%') continue;
      const found = checkTotal(report, i, total);
      if (found) out.push(found);
    }
    const listed = lists ? categoryList(report, sentence, i) : null;
    if (listed) out.push(listed);
  });
  return out;
}

/** "有七类：A、B…", "分为三个方面，分别是…": a count of kinds (not an ordinal: 第三类), then the list. */
const OWN_COUNT = /(?<![第前后近每\d一二两三四五六七八九十])([一二两三四五六七八九十]{1,3}|\d{1,2})\s*(?:个|大)?(类|项|方面|种|部分)/g;
/** What may stand between the count and its list. */
const LIST_START = /^[^。：:；;]{0,12}?(?:[：:]|[，,]\s*(?:分别|即|依次)(?:是|为|有)?\s*[：:，,]?)/;
/** Enumerator styles that start a list of items (一是 …, （一）…), given the item's numeral. */
const ENUMERATORS: readonly ((k: string) => RegExp)[] = [(k) => new RegExp(`${k}是`), (k) => new RegExp(`[（(]${k}[）)]`)];
const ORDER = '一二三四五六七八九十';

/** How many enumerated items (一是 … / （一） …) follow, in this sentence and the next ones of its section. */
function enumeratedItems(report: Report, i: number, list: string): number | null {
  const style = ENUMERATORS.find((e) => e('一').exec(list)?.index === 0);
  if (!style) return null;
  const section = report.sentences[i]!.section;
  let text = list;
  for (let k = i + 1; k < report.sentences.length && k <= i + 12 && report.sentences[k]!.section === section; k++) text += report.sentences[k]!.text;
  let count = 0;
  let from = 0;
  for (const k of ORDER) {
    const m = style(k).exec(text.slice(from));
    if (!m) break;
    count++;
    from += m.index + m[0].length;
  }
  return count;
}

/** A list that names its own count ("主动公开类别有七类：…") against the items it lists. */
export function listCounts(report: Report): Outcome[] {
  const out: Outcome[] = [];
  if (!mayMatchAny(OWN_COUNT, wholeProse(report))) return out;
  report.sentences.forEach((sentence, i) => {
    forEachMatch(OWN_COUNT, sentence.text, (m) => {
      const stated = /\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumber(m[1]!);
      const rest = sentence.text.slice(m.index + m[0].length);
      const start = LIST_START.exec(rest);
      if (stated === null || stated < 2 || !start) return;
      const list = rest.slice(start[0].length).replace(/[。！？!?]$/, '').trim();
      const enumerated = enumeratedItems(report, i, list);
      // The stated counts that agree with the list: from `least` to `most`.
      let counted: number;
      let least: number;
      let most: number;
      if (enumerated !== null) {
        // A later list of the same style may follow: only too few items is certain enough to say.
        counted = enumerated;
        least = 0;
        most = counted;
      } else {
        if (/等$|等[^、，,；;]{0,4}$/.test(list)) return;
        // Items are parted by the strongest separator the list uses: ；, else 、, else ，.
        const separator = [/[；;]/, /、/, /[，,]/].find((re) => re.test(list)) ?? /[；;]/;
        const items = list.split(separator).map((s) => s.trim()).filter((s) => s !== '');
        counted = items.length;
        // A title that holds 、 (行政复议、行政诉讼情况) is one item written as two: an intro that
        // lists the report's parts counts it once.
        least = counted - items.filter((item, k) => k + 1 < items.length && matchSectionTitle(item) === null && matchSectionTitle(`${item}、${items[k + 1]}`) !== null).length;
        // "A、B和C" may be two items or three: 和/及/与 in an item may join two.
        most = counted + items.filter((s) => /和|及|与/.test(s)).length;
      }
      if (counted < 2 || (stated >= least && stated <= most)) return;
      // Located at the stated count: `actual` is what the sentence says, `expected` the items counted.
      out.push({
        status: 'fail', key: `count:${m[0]}:${counted}`, location: locate(spanAt(sentence, m.index)),
        vars: { stated, counted, quote: m[0], measure: m[2]!, countedMeasure: m[2] === '方面' ? { message: 'measure-aspects' } : m[2]!, list: `${list.slice(0, 40)}${list.length > 40 ? '…' : ''}` },
        expected: counted, actual: stated,
      });
    });
  });
  return out;
}
