/**
 * Metamorphic tests of the section outline and of `required-sections` (issue 15): the six top
 * headings rewritten the ways real reports write them (numbering styles, markdown, bold, no
 * number, title variants, a web page joined into a few lines, parts out of order) draw no error
 * and read the same cells; a part removed with its heading and content is an error, a part whose
 * heading alone is missing or misnumbered is a warning.
 */
import { describe } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { STRONG_MATCH } from '../../src/format/section-titles.js';
import { titleAtStart } from '../../src/format/section-titles.js';
import { cleanSuite, defectSuite, type CleanTransform, type DefectTransform } from './harness.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
/** A top heading of the national format on a line: indentation, markdown mark, numeral, title and what follows. */
const TOP = /^(\s*)(#{1,6}\s*)?([一二三四五六])、(\s*)(.*)$/;

/** One top heading found in a text by its wording: line index, section index (0 = 一), parts of the line. */
interface TopHeading {
  index: number;
  section: number;
  indent: string;
  mark: string;
  /** The title as written, and what follows it on the line (a glued first sentence). */
  title: string;
  rest: string;
}

/**
 * The national format's top headings of a text: a line `N、title` whose title is the known title of
 * part N (not a table row such as 四、结转下年度继续办理). At most one per part, the first.
 */
function topHeadings(lines: readonly string[]): TopHeading[] {
  const out: TopHeading[] = [];
  const seen = new Set<number>();
  for (const [index, line] of lines.entries()) {
    const m = TOP.exec(line);
    if (!m || line.includes('\t')) continue;
    const section = NUMERALS.indexOf(m[3]!);
    const body = m[5]!;
    const title = titleAtStart(body);
    if (!title || title.match.index !== section || title.match.score < STRONG_MATCH || seen.has(section)) continue;
    seen.add(section);
    out.push({ index, section, indent: m[1]!, mark: m[2] ?? '', title: body.slice(0, title.length), rest: body.slice(title.length) });
  }
  return out;
}

const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/**
 * Rewrites every top heading of a report with `f` (null: leave that line). Applies to reports of the
 * national format only: at least four of its six headings found by wording.
 */
function rewriteTops(f: (h: TopHeading) => string | null, minHeadings = 4): (text: string) => string | null {
  return (text) => {
    const lines = text.split(/\r?\n/);
    const tops = topHeadings(lines);
    if (tops.length < minHeadings) return null;
    let changed = false;
    for (const h of tops) {
      const r = f(h);
      if (r !== null && r !== lines[h.index]) {
        lines[h.index] = r;
        changed = true;
      }
    }
    return changed ? lines.join(eolOf(text)) : null;
  };
}

/** A numbering style applied to all six top headings. */
const numbering = (name: string, number: (section: number) => string): CleanTransform => ({
  name: `top headings numbered ${name}`,
  apply: rewriteTops((h) => `${h.indent}${h.mark}${number(h.section)}${h.title}${h.rest}`),
  minApplicable: 6,
});

/** One part's title replaced by a real variant (a wording note is allowed). */
const variant = (section: number, title: string): CleanTransform => ({
  name: `${NUMERALS[section]} titled ${title}`,
  apply: rewriteTops((h) => (h.section === section ? `${h.indent}${h.mark}${NUMERALS[section]}、${title}${h.rest}` : null)),
  allow: ['required-sections'],
  minApplicable: section === 4 ? 5 : 6,
});

/** Lines of the report's tables (from the first to the last cell of each): never rewritten. */
function tableLines(report: Report): Set<number> {
  const out = new Set<number>();
  for (const table of Object.values(report.tables)) {
    const lines = Object.values(table.cells).map((c) => c.at.line);
    if (lines.length === 0) continue;
    for (let l = Math.min(table.at.line, ...lines); l <= Math.max(...lines); l++) out.add(l);
  }
  return out;
}

/** Prose paragraphs of a report as a web page keeps them: one line each, ending with a full stop. */
const PARAGRAPH = /[。：:]\s*$/;

/**
 * The report as saved from a web page without line breaks: from the first top heading on, every
 * paragraph line and heading outside the tables joined with `sep`; tables, the title block and the
 * signature stay as they were. Applies to reports whose paragraphs are lines (not PDF text, where a
 * paragraph is wrapped over many lines).
 */
function joinParagraphs(sep: string): (text: string, report: Report) => string | null {
  return (text, report) => {
    const lines = text.split(/\r?\n/);
    const tops = topHeadings(lines);
    if (tops.length < 5) return null;
    const tables = tableLines(report);
    const headingLines = new Set(tops.map((h) => h.index));
    const printed = lines.filter((l, i) => l.trim() !== '' && !tables.has(i + 1) && i > tops[0]!.index && !headingLines.has(i));
    // Text wrapped over lines (PDF) is not a web page's paragraphs.
    if (printed.filter((l) => PARAGRAPH.test(l)).length < printed.length * 0.6) return null;
    const lastParagraph = lines.reduce((last, l, i) => (PARAGRAPH.test(l) && !tables.has(i + 1) ? i : last), -1);
    const out: string[] = [];
    let run: string[] = [];
    const flush = (): void => {
      if (run.length) out.push(run.join(sep));
      run = [];
    };
    for (const [i, line] of lines.entries()) {
      const joinable = i >= tops[0]!.index && i <= lastParagraph && !tables.has(i + 1) && (headingLines.has(i) || PARAGRAPH.test(line) || line.trim() === '');
      if (!joinable) {
        flush();
        out.push(line);
      } else if (line.trim() !== '') run.push(line.trim());
    }
    flush();
    return out.join(eolOf(text));
  };
}

/** The line index range [start, end) of part `section`: its heading up to the next top heading. */
function partRange(lines: readonly string[], section: number): [number, number] | null {
  const tops = topHeadings(lines);
  const at = tops.findIndex((h) => h.section === section);
  if (at < 0) return null;
  const next = tops[at + 1];
  return [tops[at]!.index, next ? next.index : lines.length];
}

/** 六 (the last part): its heading and its body up to the first line that ends a sentence. */
function sixRange(lines: readonly string[]): [number, number] | null {
  const range = partRange(lines, 5);
  if (!range) return null;
  const end = lines.findIndex((l, i) => i > range[0] && /。\s*$/.test(l));
  return end < 0 ? null : [range[0], end + 1];
}

/** Swaps parts 五 and 六 (五's heading to 六's body), renumbering them or not. */
function swapFiveSix(renumber: boolean): (text: string) => string | null {
  return (text) => {
    const lines = text.split(/\r?\n/);
    const five = partRange(lines, 4);
    const six = sixRange(lines);
    if (!five || !six || five[1] !== six[0]) return null;
    let fiveBlock = lines.slice(five[0], five[1]);
    let sixBlock = lines.slice(six[0], six[1]);
    if (renumber) {
      fiveBlock = [fiveBlock[0]!.replace('五、', '六、'), ...fiveBlock.slice(1)];
      sixBlock = [sixBlock[0]!.replace('六、', '五、'), ...sixBlock.slice(1)];
    }
    return [...lines.slice(0, five[0]), ...sixBlock, ...fiveBlock, ...lines.slice(six[1])].join(eolOf(text));
  };
}

/** A prose item 1.（with a sentence in it）numbered (1); other lines as they are. */
const demoteItem = (line: string): string => (/[。，]/.test(line) ? line.replace(/^(\s*)(\d{1,2})[.、．](?!\d)/, '$1($2)') : line);

/**
 * The whole outline renumbered: the top headings by `top`, every other line outside the tables
 * by `below` (the levels under the top moved down one style, as a report numbered so would have them).
 */
function renumberLevels(top: (h: TopHeading) => string, below: (line: string) => string): (text: string, report: Report) => string | null {
  return (text, report) => {
    const tables = tableLines(report);
    const lines = text.split(/\r?\n/);
    const tops = topHeadings(lines);
    if (tops.length < 5) return null;
    const byLine = new Map(tops.map((h) => [h.index, h]));
    return lines
      .map((line, i) => {
        const h = byLine.get(i);
        if (h) return `${h.indent}${h.mark}${top(h)}${h.title}${h.rest}`;
        return tables.has(i + 1) || line.includes('\t') || /^\s*\|/.test(line) ? line : below(line);
      })
      .join(eolOf(text));
  };
}

const clean: CleanTransform[] = [
  numbering('四.', (i) => `${NUMERALS[i]}.`),
  numbering('四．', (i) => `${NUMERALS[i]}．`),
  numbering('四，', (i) => `${NUMERALS[i]}，`),
  numbering('四 (numeral and space)', (i) => `${NUMERALS[i]} `),
  numbering('第四部分', (i) => `第${NUMERALS[i]}部分 `),
  numbering('四 、(space before the mark)', (i) => `${NUMERALS[i]} 、`),
  {
    name: 'top headings as markdown ## headings',
    apply: rewriteTops((h) => `## ${NUMERALS[h.section]}、${h.title}${h.rest}`),
    minApplicable: 6,
  },
  {
    name: 'top headings in **bold**',
    apply: rewriteTops((h) => (h.rest.trim() === '' ? `${h.indent}**${NUMERALS[h.section]}、${h.title}**` : `${h.indent}**${NUMERALS[h.section]}、${h.title}**${h.rest}`)),
    minApplicable: 6,
  },
  {
    // The number dropped where the heading stands alone on its line (a glued one keeps it).
    name: 'numbers dropped before the known titles',
    apply: rewriteTops((h) => (h.rest.trim() === '' ? `${h.indent}${h.title}` : null)),
    minApplicable: 6,
  },
  {
    // All headings numbered （一）…（六）, the former （一） sub-headings 1. and the 1. items (1).
    name: 'top headings numbered （四）, sub-headings 1., items (1)',
    apply: renumberLevels((h) => `（${NUMERALS[h.section]}）`, (line) => {
      const sub = line.replace(/^(\s*(?:#{1,6}\s*)?)[（(]\s*([一二三四五六七八九十])\s*[)）]/, (_, s: string, n: string) => `${s}${'一二三四五六七八九十'.indexOf(n) + 1}.`);
      return sub !== line ? sub : demoteItem(line);
    }),
    minApplicable: 5,
  },
  {
    name: 'top headings numbered 4. (all Arabic), the 1. items below them (1)',
    apply: renumberLevels((h) => `${h.section + 1}.`, demoteItem),
    minApplicable: 5,
  },
  {
    name: 'top headings numbered 4、 (all Arabic), the 1. items below them (1)',
    apply: renumberLevels((h) => `${h.section + 1}、`, demoteItem),
    minApplicable: 5,
  },
  variant(0, '概况'),
  variant(0, '政府信息公开工作总体情况'),
  variant(2, '收到和处理政府信息公开申请的情况'),
  variant(2, '依申请公开政府信息情况'),
  variant(3, '复议、诉讼情况'),
  variant(3, '政府信息公开行政复议和行政诉讼情况'),
  variant(3, '政府信息公开行政法复议、行政诉讼情况'),
  variant(4, '存在的不足及改进措施'),
  variant(4, '存在的主要问题及整改情况'),
  variant(5, '其他需报告的事项'),
  variant(5, '其他事项'),
  variant(5, '其他需要说明的事项'),
  {
    // The heading right after the table before it (no blank line, no caption between).
    name: 'top headings right after the table before them',
    apply: (text) => {
      const lines = text.split(/\r?\n/);
      const heads = new Set(topHeadings(lines).map((h) => h.index));
      if (heads.size < 5) return null;
      const out = lines.filter((l, i) => !(l.trim() === '' && [...heads].some((h) => h > i && lines.slice(i, h).every((x) => x.trim() === ''))));
      return out.length === lines.length ? null : out.join(eolOf(text));
    },
    minApplicable: 3,
  },
  { name: 'paragraphs joined into few lines with full-width spaces (web page)', apply: joinParagraphs('　　'), minApplicable: 2 },
  { name: 'paragraphs joined into few lines with nothing between them', apply: joinParagraphs(''), minApplicable: 2 },
  { name: 'parts 五 and 六 swapped, renumbered', apply: swapFiveSix(true), allow: ['required-sections'], minApplicable: 4 },
  { name: 'parts 五 and 六 swapped, numbers kept', apply: swapFiveSix(false), allow: ['required-sections'], minApplicable: 4 },
];

const defects: DefectTransform[] = [
  {
    // Its heading and its body gone: nothing of 六 is left (the intro's list of parts is no content).
    name: 'part 六 removed with its heading and body',
    apply: (text) => {
      const lines = text.split(/\r?\n/);
      const six = sixRange(lines);
      if (!six) return null;
      return [...lines.slice(0, six[0]), ...lines.slice(six[1])].join(eolOf(text));
    },
    expect: { ruleId: 'required-sections', severity: 'error' },
    minApplicable: 5,
  },
  {
    // Heading and prose of 四 gone, its table kept: the part is there without a heading (not certain it is missing).
    name: 'part 四 heading and text removed, table 四 kept',
    apply: (text, report) => {
      if (!report.tables.t4) return null;
      const tables = tableLines(report);
      const lines = text.split(/\r?\n/);
      const four = partRange(lines, 3);
      if (!four) return null;
      const kept = lines.filter((l, i) => i < four[0] || i >= four[1] || (i > four[0] && (tables.has(i + 1) || !/。/.test(l))));
      return kept.join(eolOf(text));
    },
    expect: { ruleId: 'required-sections', severity: 'warning' },
    minApplicable: 5,
  },
  {
    name: 'heading 四 renumbered 五 (out of sequence)',
    apply: rewriteTops((h) => (h.section === 3 ? `${h.indent}${h.mark}五、${h.title}${h.rest}` : null)),
    expect: { ruleId: 'required-sections', severity: 'warning' },
    minApplicable: 6,
  },
  {
    name: 'heading 五 removed, its text kept',
    apply: rewriteTops((h) => (h.section === 4 && h.rest.trim() === '' ? '' : null)),
    expect: { ruleId: 'required-sections', severity: 'warning' },
    minApplicable: 5,
  },
  {
    name: 'heading 二 replaced by an unrelated title, its table kept',
    apply: rewriteTops((h) => (h.section === 1 ? `${h.indent}${h.mark}二、工作亮点${h.rest}` : null)),
    expect: { ruleId: 'required-sections', severity: 'warning' },
    minApplicable: 6,
  },
  {
    name: 'parts 五 and 六 in the wrong order',
    apply: swapFiveSix(false),
    expect: { ruleId: 'required-sections', severity: 'warning' },
    minApplicable: 4,
  },
  {
    name: 'parts 五 and 六 both removed (六 with its body)',
    apply: (text) => {
      const lines = text.split(/\r?\n/);
      const five = partRange(lines, 4);
      const six = sixRange(lines);
      if (!five || !six || five[1] !== six[0]) return null;
      return [...lines.slice(0, five[0]), ...lines.slice(six[1])].join(eolOf(text));
    },
    expect: { ruleId: 'required-sections', severity: 'error' },
    minApplicable: 4,
  },
];

describe('metamorphic: sections', () => {
  cleanSuite(clean);
  defectSuite(defects);
});
