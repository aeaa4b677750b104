/**
 * Metamorphic tests of `intro-parts`: an intro that lists the report's own parts, in the words and
 * forms real intros use, changes nothing; an intro that lists a subheading as a part is found.
 * The intro is written from each report's own outline, so the suite runs on 2008-regime reports
 * with local section titles as well as on the national format.
 */
import { describe } from 'vitest';
import { introList, itemNames } from '../../src/engine/checks/intro-parts.js';
import type { Report, Section } from '../../src/model/report.js';
import { matchSectionTitle } from '../../src/format/section-titles.js';
import { cleanSuite, defectSuite, type CleanTransform, type DefectTransform } from './harness.js';

const tops = (report: Report): Section[] => report.outline.filter((s) => s.level === 1);

/** Whether the report already has an intro list (before its second part): a second one would not be read. */
function hasIntro(report: Report): boolean {
  const second = tops(report)[1]?.at.line ?? Infinity;
  return report.sentences.some((s) => (s.breaks[0]?.[1].line ?? Infinity) < second && introList(s.text) !== null);
}

/** The text with a line holding `sentence` inserted before the report's first part; null without two parts. */
function withIntroLine(text: string, report: Report, sentence: (parts: Section[]) => string | null): string | null {
  const parts = tops(report);
  if (parts.length < 2 || hasIntro(report)) return null;
  const line = sentence(parts);
  if (line === null) return null;
  const lines = text.split('\n');
  const at = parts[0]!.at.line - 1;
  return [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
}

/** A title as intros shorten it: the words every title shares dropped (主动公开政府信息情况 → 主动公开). */
const shortened = (title: string): string => title.replace(/政府信息公开|政府信息|工作|情况/g, '').replace(/的$/, '') || title;

const clean: CleanTransform[] = [
  {
    name: 'intro listing the report’s own parts, count last',
    apply: (text, report) => withIntroLine(text, report, (parts) => `本报告包括${parts.map((s) => s.title).join('、')}等${parts.length}个部分。`),
    minApplicable: 5,
  },
  {
    name: 'intro listing the report’s parts shortened, count first',
    apply: (text, report) => withIntroLine(text, report, (parts) => `本报告共分${parts.length}个部分：${parts.map((s) => shortened(s.title)).join('、')}。`),
    minApplicable: 5,
  },
  {
    name: 'intro listing only some of the parts, joined by 和',
    apply: (text, report) =>
      withIntroLine(text, report, (parts) => {
        if (parts.length < 4) return null;
        const [a, b, c] = parts.map((s) => s.title);
        return `全文由${a}、${b}和${c}等部分组成。`;
      }),
    minApplicable: 5,
  },
];

const defects: DefectTransform[] = [
  {
    name: 'intro listing a subheading as a part of the report',
    apply: (text, report) =>
      withIntroLine(text, report, (parts) => {
        // A subheading that names no part (of the format or of this report; one that does, such
        // as 系统化推进主动公开, is let pass by the rule), written without punctuation.
        const sub = report.outline.find((s) => s.level === 2 && /^[^，,。；;：:、]{4,}$/.test(s.title) && matchSectionTitle(s.title) === null && !parts.some((p) => itemNames(s.title, p.title)));
        if (!sub) return null;
        const titles = parts.map((s) => s.title);
        return `本报告包括${[titles[0], sub.title, ...titles.slice(1)].join('、')}等${parts.length + 1}个部分。`;
      }),
    expect: { ruleId: 'intro-parts', severity: 'warning' },
    minApplicable: 3,
  },
];

describe('metamorphic: the intro’s list of parts', () => {
  cleanSuite(clean);
  defectSuite(defects);
});
