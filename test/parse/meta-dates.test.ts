/**
 * Dates by role: the signature is the date that closes the body, not the latest date in the text;
 * the year the body reports on is kept beside the title's.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { publicationDate } from '../../src/engine/checks/publication-date.js';
import { defaultText } from '../../src/engine/kind-messages.js';
import { parseText } from '../helpers/examples.js';

const BODY = [
  '沭阳县发展和改革局2024年政府信息公开工作年度报告',
  '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
  '一、总体情况',
  '2024年，我局坚持以公开为常态、不公开为例外，全面推进政务公开工作。',
  '二、主动公开政府信息情况',
  '我局全年主动公开政府信息120条。',
  '三、收到和处理政府信息公开申请情况',
  '我局全年收到政府信息公开申请3件，均按期答复。',
  '四、政府信息公开行政复议、行政诉讼情况',
  '我局未发生行政复议、行政诉讼。',
  '五、政府信息公开工作存在的主要问题及改进情况',
  '我局将进一步加强培训，提高公开质量。',
  '六、其他需要报告的事项',
  '我局未收取信息处理费。',
];

const parse = (...tail: string[]): Report => parseText([...BODY, ...tail].join('\n'));
const roles = (report: Report): string[] => report.meta.dates.map((d) => `${d.role}:${d.iso}`);

describe('the signature block', () => {
  it('is the agency and date that close the body', () => {
    const report = parse('沭阳县发展和改革局', '2025年1月20日');
    expect(roles(report)).toEqual(['signature:2025-01-20']);
    expect(report.meta.agencies.find((a) => a.source === 'signature')?.name).toBe('沭阳县发展和改革局');
  });

  it('reads the date in Chinese numerals, with spaces, dashes or dots, and on the agency line', () => {
    for (const date of ['二〇二五年一月二十日', '二○二五年一月二十日', '2025 年 1 月 20 日', '2025-01-20', '2025.01.20', '（2025年1月20日）']) {
      expect(roles(parse('沭阳县发展和改革局', date)), date).toEqual(['signature:2025-01-20']);
    }
    const bold = parse('**沭阳县发展和改革局**', '**2025年1月20日**');
    expect(roles(bold)).toEqual(['signature:2025-01-20']);
    expect(bold.meta.agencies.find((a) => a.source === 'signature')?.name).toBe('沭阳县发展和改革局');
    const oneLine = parse('沭阳县发展和改革局　　2025年1月20日');
    expect(roles(oneLine)).toEqual(['signature:2025-01-20']);
    expect(oneLine.meta.agencies.find((a) => a.source === 'signature')?.name).toBe('沭阳县发展和改革局');
  });

  it('is not an annex date, a 填报日期, an update note or a print footer after it', () => {
    const report = parse(
      '沭阳县发展和改革局', '2025年1月20日',
      '（2025年3月5日更新）',
      '附件', '', '2024年度政府信息公开情况统计表', '填报日期：2025年4月2日', '2025年4月3日',
      '2025/4/2 上午10:15', '第 1 页 共 5 页',
    );
    expect(roles(report)).toEqual(['signature:2025-01-20', 'note:2025-03-05', 'annex:2025-04-03', 'footer:2025-04-02']);
    expect(report.meta.publishedAt?.iso).toBe('2025-01-20');
  });

  it('is not a bare date after a signed one, nor an annex that a report without a signature appends', () => {
    expect(roles(parse('沭阳县发展和改革局', '2025年1月20日', '', '2025年6月1日'))).toEqual(['signature:2025-01-20', 'body:2025-06-01']);
    expect(roles(parse('附件', '情况说明', '2025年6月1日'))).toEqual(['annex:2025-06-01']);
  });

  it('follows a list of annexes that stands above it (附件：…)', () => {
    expect(roles(parse('附件：政府信息公开情况统计表', '沭阳县发展和改革局', '2025年1月20日'))).toEqual(['signature:2025-01-20']);
  });

  it('is read, as a guess, from the end of a page saved without line breaks', () => {
    const report = parseText(`${BODY.join(' ')}我局将继续做好政府信息公开工作。 二○二五年一月二十日 `);
    const signature = report.meta.dates.find((d) => d.role === 'signature');
    expect(signature?.iso).toBe('2025-01-20');
    expect(signature?.certain).toBe(false);
  });

  it('takes no date from a sentence that quotes a URL, and none from a print header above the title', () => {
    const report = parseText(['2025/4/2 上午10:15    沭阳县发展和改革局2024年政府信息公开工作年度报告', ...BODY.slice(1), '报告全文见 http://www.example.gov.cn/2024-01-01/a.html 。'].join('\n'));
    expect(report.meta.title?.text).toBe('沭阳县发展和改革局2024年政府信息公开工作年度报告');
    expect(report.meta.dates.filter((d) => d.role === 'signature')).toEqual([]);
  });
});

describe('the publication date used for the deadline', () => {
  it('is the page date when it is later than the signature, the signature when the page date is earlier', () => {
    const late = parseText(['发布日期：2025-03-17', ...BODY, '沭阳县发展和改革局', '2025年1月20日'].join('\n'));
    const used = publicationDate(late.meta);
    expect(used?.date.role).toBe('page');
    expect(used?.other?.iso).toBe('2025-01-20');
    expect(defaultText('deadline', used!.why!)).toContain('以发布日期为准');
    const early = parseText(['发布日期：2025-01-10', ...BODY, '沭阳县发展和改革局', '2025年1月20日'].join('\n'));
    expect(publicationDate(early.meta)?.date.role).toBe('signature');
    expect(defaultText('deadline', publicationDate(early.meta)!.why!)).toContain('报告不会早于成文日期公布');
  });

  it('needs no explanation when the dates agree', () => {
    const same = parseText(['发布日期：2025-01-20', ...BODY, '沭阳县发展和改革局', '2025年1月20日'].join('\n'));
    expect(publicationDate(same.meta)?.why).toBeNull();
  });
});

describe('the report year', () => {
  it('keeps the title year and the body year apart', () => {
    const wrong = parseText([BODY[0]!.replace('2024年', '2023年'), ...BODY.slice(1), '沭阳县发展和改革局', '2025年1月20日'].join('\n'));
    expect(wrong.meta.titleYear).toBe(2023);
    expect(wrong.meta.year).toBe(2023);
    expect(wrong.meta.bodyYear).toMatchObject({ year: 2024, from: 'period' });
  });

  it('takes the year the body names when no period is stated and the title year is never named', () => {
    const noPeriod = BODY.filter((l) => !l.includes('统计期限')).map((l, i) => (i === 0 ? l.replace('2024年', '2023年') : l));
    const report = parseText([...noPeriod, '2024年，我局共办理申请3件。', '2024年我局新制作文件5件。'].join('\n'));
    expect(report.meta.bodyYear).toMatchObject({ year: 2024, from: 'mentions' });
    const right = parseText([...BODY.filter((l) => !l.includes('统计期限')), '2025年，我局将继续做好工作。'].join('\n'));
    expect(right.meta.bodyYear).toBeNull();
  });
});
