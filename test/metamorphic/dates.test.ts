/**
 * Metamorphic tests of dates by role, the issuer type and the title year (issue 15, "Dates by role").
 *
 * Clean rewrites write a clean real report the way other agencies write theirs: an annex or an
 * appended table with a later 填报日期 after the signature, an update note, a browser's print
 * footer, the signature date in Chinese numerals or other notations, the agency and the date on one
 * line, a zone's 管理委员会 or a government office as the author, a title without the agency. None
 * may change the deadline or the date findings. Defect rewrites move the signature after the
 * deadline, change the title year, remove or spoil the signature date.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { findDates } from '../../src/format/dates.js';
import { CLEAN_FIXTURES, checkReport, cleanSuite, defectSuite, mapLines, original, type CleanTransform, type DefectTransform } from './harness.js';

/** A line holding only a date written 2024年1月17日 (in brackets or not): the signature or the date under the title. */
const DATE_LINE = /^([ \t\u3000]*[（(]?)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日([)）]?[ \t\u3000]*)$/;
const DIGITS = '〇一二三四五六七八九';

const cnYear = (y: string): string => [...y].map((d) => DIGITS[Number(d)]).join('');
const cnSmall = (n: number): string => (n < 10 ? DIGITS[n]! : `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`);
const pad = (n: string): string => n.padStart(2, '0');

/** The signature of the parsed original, when it has one written with 年月日 on a line of its own. */
const signatureOf = (report: Report) => report.meta.dates.find((d) => d.role === 'signature' && d.certain && /年/.test(d.raw));

/** Rewrites the date-only lines (the signature and the date under the title) with `write`. */
function rewriteDateLines(text: string, report: Report, write: (y: string, m: string, d: string) => string): string | null {
  if (!signatureOf(report)) return null;
  return mapLines(text, (line) => {
    const m = DATE_LINE.exec(line);
    return m ? `${m[1]}${write(m[2]!, m[3]!, m[4]!)}${m[5]}` : null;
  });
}

/** A date in the year after the report's, as 2025年4月15日. */
const nextYear = (report: Report, month: number, day: number): string => `${report.meta.year! + 1}年${month}月${day}日`;

/** Appends lines at the end of the text. */
const append = (text: string, ...lines: string[]): string => `${text.replace(/\s*$/, '')}\n\n${lines.join('\n')}\n`;

/** The title line of the text (the report's own title line), with a function to rewrite it. */
function rewriteTitle(text: string, report: Report, f: (title: string) => string | null): string | null {
  const title = report.meta.title;
  if (!title) return null;
  return mapLines(text, (line, i) => (i + 1 === title.at.line ? f(line) : null));
}

const clean: CleanTransform[] = [
  {
    name: 'an annex heading and an appended table with a later 填报日期 and 修订日期 after the signature',
    apply: (text, report) => report.meta.year === null ? null : append(text, '附件', '', `${report.meta.year}年度政府信息公开情况统计表`, '填报单位：本机关', `填报日期：${nextYear(report, 4, 20)}`, `（${nextYear(report, 5, 6)}修订）`, nextYear(report, 6, 1)),
    // The appended table's title and 填报单位 may let the table finder see a table where it saw none.
    allow: ['parse/no-tables'],
    minApplicable: 8,
  },
  {
    name: 'an annex listed as 附件：… after the signature, with its own later date line',
    apply: (text, report) => !signatureOf(report) ? null : append(text, '附件：政府信息公开工作情况说明', '', '一、有关情况说明', '本附件对表格中的有关数据作出说明。', nextYear(report, 7, 8)),
    minApplicable: 4,
  },
  {
    name: 'an update note "（N年3月5日更新）" under the title and at the end',
    apply: (text, report) => {
      if (report.meta.year === null) return null;
      const note = `（${nextYear(report, 4, 5)}更新）`;
      // After the line that ends the title (a title may run over two lines: agency, then year and 报告).
      const title = report.meta.title;
      if (!title) return null;
      let done = false;
      const withNote = mapLines(text, (line, i) => {
        if (done || i + 1 < title.at.line || !/报告\s*$/.test(line)) return null;
        done = true;
        return `${line}\n${note}`;
      });
      return withNote === null ? null : append(withNote, note);
    },
    minApplicable: 8,
  },
  {
    name: 'a browser print footer (date and time) and a page footer at the end',
    apply: (text, report) => report.meta.year === null ? null : append(text, `${report.meta.year + 1}/4/2 上午10:15`, '第 1 页 共 5 页'),
    minApplicable: 8,
  },
  {
    name: 'the signature date in Chinese numerals (二〇二五年一月二十日)',
    apply: (text, report) => rewriteDateLines(text, report, (y, m, d) => `${cnYear(y)}年${cnSmall(Number(m))}月${cnSmall(Number(d))}日`),
    minApplicable: 4,
  },
  {
    name: 'the signature date with ○ for zero and spaces (2025 年 1 月 20 日 / 二○二五年…)',
    apply: (text, report) => rewriteDateLines(text, report, (y, m, d) => (Number(d) % 2 ? `${y} 年 ${Number(m)} 月 ${Number(d)} 日` : `${cnYear(y).replace(/〇/g, '○')}年${cnSmall(Number(m))}月${cnSmall(Number(d))}日`)),
    minApplicable: 4,
  },
  {
    name: 'the signature date as 2025-01-20',
    apply: (text, report) => rewriteDateLines(text, report, (y, m, d) => `${y}-${pad(m)}-${pad(d)}`),
    minApplicable: 4,
  },
  {
    name: 'the signature date as 2025.01.20',
    apply: (text, report) => rewriteDateLines(text, report, (y, m, d) => `${y}.${pad(m)}.${pad(d)}`),
    minApplicable: 4,
  },
  {
    name: 'the agency name and the date on one line',
    apply: (text, report) => {
      const agency = report.meta.agencies.find((a) => a.source === 'signature');
      const date = signatureOf(report);
      if (!agency || !date) return null;
      const joined = mapLines(text, (line, i) => (i + 1 === agency.at.line ? `${line.trim()}\u3000${date.raw.trim()}` : i + 1 === date.at.line ? '' : null));
      return joined;
    },
    minApplicable: 3,
  },
  {
    name: 'no agency line above the signature date',
    apply: (text, report) => {
      const agency = report.meta.agencies.find((a) => a.source === 'signature');
      if (!agency || report.meta.agencies.every((a) => a.source === 'signature')) return null;
      return mapLines(text, (_line, i) => (i + 1 === agency.at.line ? '' : null));
    },
    // The signature's agency is gone: nothing to compare with the title.
    allow: ['agency-name-consistent'],
    minApplicable: 2,
  },
  {
    name: 'the author is a development zone 管理委员会, its dates within any deadline',
    apply: (text, report) => {
      const agency = report.meta.agencies.find((a) => a.source === 'title');
      const date = report.meta.publishedAt;
      if (!agency || /区|管委会|管理委员会/.test(agency.name) || (date && date.iso.slice(5) > '01-31')) return null;
      const zone = `${agency.name.replace(/(?:人民政府)?(?:办公厅|办公室)?$/, '').replace(/(?:[^市县区]{2,12}(?:局|委|厅|委员会))$/, '').replace(/[市县]$/, '') || '本'}经济技术开发区管理委员会`;
      return text.split(agency.name).join(zone);
    },
    // A zone is no 人民政府: the government-only content rule no longer applies.
    allow: ['government-accountability'],
    minApplicable: 4,
  },
  {
    name: 'a government report signed by the 人民政府办公室 that compiled it',
    apply: (text, report) => {
      const agency = report.meta.agencies.find((a) => a.source === 'title');
      if (!agency || !/人民政府$/.test(agency.name) || (report.meta.publishedAt && report.meta.publishedAt.iso.slice(5) > '01-31')) return null;
      const office = `${agency.name}办公室`;
      const signature = report.meta.agencies.find((a) => a.source === 'signature');
      if (signature) return mapLines(text, (line, i) => (i + 1 === signature.at.line ? line.replace(signature.name, office) : null));
      return append(text, office, nextYear(report, 1, 20));
    },
    // A report that had no date gets one (the office's signature): date-present no longer applies.
    allow: ['date-present'],
    minApplicable: 3,
  },
  {
    name: 'no agency in the title',
    apply: (text, report) => {
      const agency = report.meta.agencies.find((a) => a.source === 'title');
      if (!agency || report.meta.issuer.kind === 'department') return null;
      return rewriteTitle(text, report, (line) => (line.includes(agency.name) ? line.replace(agency.name, '') : null));
    },
    // The title's agency is gone: nothing to compare with the signature.
    allow: ['agency-name-consistent'],
    minApplicable: 4,
  },
  {
    name: 'a page publication date equal to the signature date above the title',
    apply: (text, report) => {
      const date = signatureOf(report);
      if (!date || report.meta.dates.some((d) => d.role === 'page')) return null;
      return `发布日期：${date.iso}\n${text}`;
    },
    minApplicable: 3,
  },
];

/** Replaces the dates of every date-only line and page date by `late`, or appends a signature. */
function setPublication(text: string, report: Report, late: string, signer: string | null): string | null {
  const iso = (() => {
    const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(late)!;
    return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  })();
  const lines = mapLines(text, (line) => {
    const m = DATE_LINE.exec(line);
    if (m) return `${m[1]}${late}${m[5]}`;
    // 二○一三年一月二十日 on a line of its own.
    const cn = findDates(line)[0];
    if (cn && line.trim() === cn.raw.trim()) return line.replace(cn.raw, late);
    if (/发布日期|发布时间|公开日期/.test(line)) return line.replace(/\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日/, iso);
    return null;
  });
  if (lines !== null && report.meta.dates.some((d) => d.role === 'signature' || d.role === 'page')) return lines;
  if (report.meta.dates.some((d) => d.role !== 'title') || signer === null) return null;
  return append(lines ?? text, signer, late);
}

const certainly = (report: Report, kind: 'government' | 'department'): boolean => report.meta.issuer.kind === kind && report.meta.issuer.certain;

const defects: DefectTransform[] = [
  {
    name: 'a 人民政府 report signed after 3月31日',
    apply: (text, report) => certainly(report, 'government') && report.meta.edition !== '2008' ? setPublication(text, report, nextYear(report, 4, 15), report.meta.agency?.name ?? null) : null,
    expect: { ruleId: 'deadline', severity: 'error' },
    minApplicable: 3,
  },
  {
    name: 'a department report signed and published after 1月31日',
    apply: (text, report) => certainly(report, 'department') && report.meta.edition !== '2008' ? setPublication(text, report, nextYear(report, 2, 17), report.meta.agency?.name ?? null) : null,
    expect: { ruleId: 'deadline', severity: 'error' },
    minApplicable: 2,
  },
  {
    name: 'a 2008-regime report signed and published after 3月31日',
    apply: (text, report) => report.meta.edition === '2008' && report.meta.dates.some((d) => d.role === 'signature' && d.certain) ? setPublication(text, report, nextYear(report, 4, 15), null) : null,
    expect: { ruleId: 'deadline-2008', severity: 'error' },
    minApplicable: 2,
  },
  {
    name: 'a late signature is not hidden by an earlier date in an annex',
    apply: (text, report) => {
      if (!certainly(report, 'government') || report.meta.edition === '2008') return null;
      const late = setPublication(text, report, nextYear(report, 4, 15), report.meta.agency?.name ?? null);
      return late === null ? null : append(late, '附件', '', '情况说明', nextYear(report, 1, 10));
    },
    expect: { ruleId: 'deadline', severity: 'error' },
    minApplicable: 3,
  },
  {
    name: 'the title year changed to the year before',
    apply: (text, report) => {
      const year = report.meta.titleYear;
      if (year === null || report.meta.bodyYear?.year !== year) return null;
      return rewriteTitle(text, report, (line) => (line.includes(String(year)) ? line.replace(String(year), String(year - 1)) : null));
    },
    expect: { ruleId: 'year-consistent', severity: 'warning' },
    minApplicable: 4,
  },
  {
    name: 'the statistics period of another year',
    apply: (text, report) => {
      const body = report.meta.bodyYear;
      if (!body || body.from !== 'period') return null;
      return mapLines(text, (line, i) => (i + 1 === body.at.line ? line.replace(new RegExp(`${body.year}(\\s*年\\s*1\\s*月\\s*1\\s*日)`), `${body.year - 1}$1`) : null));
    },
    expect: { ruleId: 'year-consistent', severity: 'warning' },
    minApplicable: 4,
  },
  {
    name: 'the signature date removed',
    apply: (text, report) => {
      if (!signatureOf(report) || report.meta.dates.some((d) => d.role === 'page')) return null;
      return mapLines(text, (line) => (DATE_LINE.test(line) ? '' : null));
    },
    expect: { ruleId: 'date-present', severity: 'warning' },
    minApplicable: 3,
  },
  {
    name: 'the signature date an impossible day (2月30日)',
    apply: (text, report) => {
      if (!signatureOf(report) || report.meta.dates.some((d) => d.role === 'page')) return null;
      return mapLines(text, (line) => {
        const m = DATE_LINE.exec(line);
        return m ? `${m[1]}${m[2]}年2月30日${m[5]}` : null;
      });
    },
    expect: { ruleId: 'date-present', severity: 'warning' },
    minApplicable: 3,
  },
  {
    name: 'the date under the title differs from the signature',
    apply: (text, report) => {
      const under = report.meta.dates.find((d) => d.role === 'title');
      if (!under) return null;
      return mapLines(text, (line, i) => (i + 1 === under.at.line ? line.replace(/(\d{1,2})(\s*日)/, (_, d: string, rest: string) => `${((Number(d) + 2) % 28) + 1}${rest}`) : null));
    },
    expect: { ruleId: 'dates-consistent', severity: 'warning' },
    minApplicable: 2,
  },
];

describe('dates by role: clean rewrites', () => {
  cleanSuite(clean);
});

describe('dates by role: defects', () => {
  defectSuite(defects);

  it('a wrong title year is a wrong year, never a late publication', async () => {
    let applied = 0;
    const wrong: string[] = [];
    for (const file of CLEAN_FIXTURES) {
      const base = await original(file);
      const year = base.report.meta.titleYear;
      const title = base.report.meta.title;
      if (year === null || !title || base.report.meta.bodyYear?.year !== year) continue;
      for (const shift of [-1, -2]) {
        const text = mapLines(base.text, (line, i) => (i + 1 === title.at.line ? line.replace(String(year), String(year + shift)) : null));
        if (text === null) continue;
        applied++;
        const { findings } = await checkReport(text);
        const late = findings.filter((f) => (f.ruleId === 'deadline' || f.ruleId === 'deadline-2008') && f.severity !== 'info');
        if (late.length > 0) wrong.push(`${file} (${shift}): ${late.map((f) => f.message).join(' / ')}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(applied).toBeGreaterThanOrEqual(8);
  });

  it('says which date it used when the publication and signature dates disagree', async () => {
    const base = await original('fixtures/corpus/text/023-shuyang-county-fgj-2023.txt');
    const text = base.text.replace('公开日期\t2024-01-17', '公开日期\t2024-03-17');
    expect(text).not.toBe(base.text);
    const { findings } = await checkReport(text);
    const late = findings.filter((f) => f.ruleId === 'deadline');
    expect(late).toHaveLength(1);
    // The signature (2024年1月17日) is within the deadline: the page date alone is not certain.
    expect(late[0]!.severity).toBe('warning');
    expect(late[0]!.message).toContain('发布日期为 2024年3月17日');
    expect(late[0]!.message).toContain('以发布日期为准');
    expect(late[0]!.message).toContain('落款日期在期限内');
  });
});

describe('deadline certainty', () => {
  const FGJ = 'fixtures/corpus/text/023-shuyang-county-fgj-2023.txt';
  /** 023 with its author renamed and both its dates (page, signature) set to one day. */
  async function rewritten(author: string | null, iso: string) {
    const base = await original(FGJ);
    const [y, m, d] = iso.split('-').map(Number);
    let text = base.text.replace('公开日期\t2024-01-17', `公开日期\t${iso}`).replace('2024年1月17日', `${y}年${m}月${d}日`);
    if (author) text = text.split('沭阳县发展和改革局').join(author);
    expect(text).not.toBe(base.text);
    const { findings } = await checkReport(text);
    return findings.filter((f) => f.ruleId === 'deadline');
  }

  it('a certain department late after 1月31日 is an error', async () => {
    expect((await rewritten(null, '2024-02-17')).map((f) => f.severity)).toEqual(['error']);
  });

  it('a department-like name of uncertain kind (…中心) late after 1月31日 is a warning that says why', async () => {
    const [late, ...more] = await rewritten('沭阳县公共资源交易中心', '2024-02-17');
    expect(more).toEqual([]);
    expect(late?.severity).toBe('warning');
    expect(late?.message).toContain('报告主体类别不确定');
  });

  it('a zone 管理委员会 is no department: after 1月31日 no finding, after 3月31日 an error', async () => {
    expect((await rewritten('沭阳经济开发区管理委员会', '2024-03-10')).map((f) => f.severity)).toEqual([]);
    expect((await rewritten('沭阳经济开发区管理委员会', '2024-04-10')).map((f) => f.severity)).toEqual(['error']);
  });

  it('a date two years after the report year puts the year in doubt: a warning', async () => {
    const [late] = await rewritten(null, '2025-02-17');
    expect(late?.severity).toBe('warning');
    expect(late?.message).toContain('报告年度可能有误');
  });
});
