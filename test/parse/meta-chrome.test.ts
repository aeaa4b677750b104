/**
 * A web page printed or saved with its chrome: navigation, breadcrumb and the CMS meta table stand
 * above the title. The title (and the agency it names, which decides the deadline) must come from
 * the report, not from the breadcrumb or the 发布机构 (often the office that posted it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText, parseText } from '../helpers/examples.js';

// 013's text is an archive copy: a metadata block, a 正文 marker, then the body without its title.
const ARCHIVE = readFileSync('fixtures/corpus/text/013-pingtan-2024.txt', 'utf8').split('\n');
const TITLE = '平潭综合实验区2024年度政府信息公开工作年度报告';
const PROSE = ARCHIVE.slice(ARCHIVE.findIndex((l) => l.includes('正文')) + 1).join('\n');
const BODY = `${TITLE}\n${PROSE}`;

const CHROME = [
  '     首页',
  '     政务公开',
  '     互动交流',
  '当前位置：首页 > 政务公开 > 政府信息公开年报',
  '索引号      000000000/2025-00001      分类       政府信息公开年报',
  '发布机构 平潭综合实验区管委会办公室 发布日期 2025-03-10',
  `名称       ${TITLE}`,
].join('\n');

describe('title under page chrome', () => {
  it('takes the report title and its agency, and the chrome publication date', () => {
    expect(ARCHIVE[0]).toContain(TITLE);
    const report = parseText(`${CHROME}\n${BODY}`);
    expect(report.meta.title?.text).toBe(TITLE);
    expect(report.meta.agency?.name).toBe('平潭综合实验区');
    expect(report.meta.publishedAt?.iso).toBe('2025-03-10');
  });

  it('gives the same findings as the report without its chrome (no deadline error from the publisher)', async () => {
    const plain = await checkText(BODY.replace(TITLE, `${TITLE}\n发布日期：2025-03-10`));
    const chromed = await checkText(`${CHROME}\n${BODY}`);
    const keys = (fs: typeof plain): string[] => fs.map((f) => `${f.ruleId}|${f.severity}`).sort();
    expect(keys(chromed)).toEqual(keys(plain));
    expect(chromed.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('takes a title labelled 名称 with spaces only when no bare title follows', () => {
    const report = parseText(`${CHROME}\n${PROSE}`);
    expect(report.meta.title?.text).toBe(TITLE);
  });
});
