/**
 * Report metadata: title, agency, report year, dates (page chrome, under the title, signature),
 * and the issuer type that decides the deadline. Each value keeps where it was read.
 */
import type { AgencyName, FoundDate, ReportLine, ReportMeta } from '../model/report.js';
import type { SourceMeta } from '../model/source.js';
import { findDates } from '../format/dates.js';
import { classifyIssuer, readVoice } from './issuer.js';
import { fold } from '../format/normalize.js';
import { readReportYear } from './report-year.js';
import { AGENCY_SUFFIX, readDateLines } from './signature.js';

/** Keys of page-chrome metadata lines (archive copies and CMS meta tables). */
const PAGE_DATE_KEYS = /(?:发布时间|发布日期|公开日期|发文日期|印发日期)\s*[:：]?\s*/;
const PAGE_TITLE_KEYS = /^(?:标题|名称|文章标题)\s*[:：]\s*/;
/** A title line's CMS label, separated by a colon or, in printed pages, by spaces only. */
const TITLE_LABEL = /^(?:标题|名称|文章标题)(?:\s*[:：]\s*|\s{2,})/;
/**
 * Page chrome printed above a report when a web page is saved or printed: navigation, the
 * breadcrumb ("当前位置：首页 > 政务公开 > …") and the CMS meta table (索引号, 发布机构, 发布日期).
 * Never part of the title.
 */
const CHROME_LINE = /当前位置|您的位置|您现在的位置|^\s*首页\s*$|[>＞»›]\s*\S{2,12}\s*[>＞»›]|^\s*索引号|发布机构|发文机关|来源单位|发布日期|发布时间|成文日期|字号\s*[:：]?\s*[大中小]|打印本页|关闭窗口/;
const PAGE_PUBLISHER_KEYS = /(?:发布机构|发文机关|来源单位)\s*[:：]?\s*/;
const BODY_MARKER = /^=+\s*正文\s*=+$|^正文$/;
/** A browser's print header before the page title: "2025/4/2 上午10:15  …报告". */
const PRINT_STAMP = /^\d{4}\/\d{1,2}\/\d{1,2}\s+(?:[上下]午\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\s+/i;
const TITLE_WORDS = /(?:年度?报告|年报|工作报告|报告)$/;
const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年度?/;

/** What {@link readMeta} needs besides the lines. */
export interface MetaInput {
  lines: readonly ReportLine[];
  /** Lines that belong to tables (not prose, not signature). */
  inTable: (line: number) => boolean;
  source: SourceMeta;
}

function isShortLine(text: string, max = 50): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= max && !/[。；;]$/.test(t);
}

/** The first lines of the body (after any page chrome, and the 正文 marker at `marker` when one is), where the title stands. */
function headLines(lines: readonly ReportLine[], marker: number): ReportLine[] {
  const from = marker >= 0 && marker < 40 ? marker + 1 : 0;
  const head: ReportLine[] = [];
  // Chrome lines do not count towards the six: a printed web page may open with a dozen of them.
  for (let k = from; k < lines.length && k < from + 40 && head.length < 6; k++) {
    const text = lines[k]!.norm.trim();
    if (text !== '' && !/^附件\s*\d*\s*[:：]?$/.test(text) && !CHROME_LINE.test(text)) head.push(lines[k]!);
  }
  return head;
}

/** Index of the 正文 marker line of archive copies, or -1 (a cheap test first: most lines lack 正文). */
function bodyMarker(lines: readonly ReportLine[]): number {
  return lines.findIndex((l) => l.norm.includes('正文') && BODY_MARKER.test(l.norm.trim()));
}

function readTitle(lines: readonly ReportLine[], source: SourceMeta, marker: number): ReportMeta['title'] {
  const head = headLines(lines, marker);
  for (let k = 0; k < head.length; k++) {
    const line = head[k]!;
    const text = line.norm.replace(/^\s*#{1,6}\s*/, '').trim().replace(PRINT_STAMP, '').replace(TITLE_LABEL, '');
    if (!isShortLine(text, 60) || /^[一二三四五六七八九十]+、/.test(text)) continue;
    const joined = [text];
    // A title broken over two or three short lines: "2019年XX乡镇（部门）政府信息公开工作" + "年度报告".
    let end = k;
    while (!TITLE_WORDS.test(joined.join('')) && end + 1 < head.length && isShortLine(head[end + 1]!.norm, 30) && end - k < 2) {
      end++;
      joined.push(head[end]!.norm.trim());
    }
    const full = joined.join('').replace(/\s+(?=[^\sA-Za-z])|(?<=[^\sA-Za-z])\s+/g, '');
    if (TITLE_WORDS.test(full) && /信息公开|政务公开|年度报告|年报/.test(full)) {
      // An agency name on the line before the title belongs to it ("洪泽区人民政府" / "2023 年…报告").
      const prev = head[k - 1];
      const startsWithYear = /^(?:19|20)\d{2}/.test(full);
      const withAgency = prev && startsWithYear && isShortLine(prev.norm, 30) && AGENCY_SUFFIX.test(prev.norm.trim()) ? prev.norm.trim() + full : full;
      return { text: withAgency, at: { line: (prev && withAgency !== full ? prev : line).at.line } };
    }
  }
  const metaTitle = lines.slice(0, 12).find((l) => PAGE_TITLE_KEYS.test(l.norm.trim()));
  if (metaTitle) return { text: metaTitle.norm.trim().replace(PAGE_TITLE_KEYS, '').replace(/\s*[-—|_]\s*[^-—|_]{2,20}$/, '').trim(), at: metaTitle.at };
  if (source.title && /报告|年报/.test(source.title)) return { text: source.title, at: { line: 1 } };
  return null;
}

/** The agency named in a title: the words before the year, or between the year and 政府信息公开. */
export function agencyFromTitle(title: string): string | null {
  const t = fold(title).replace(/\s+/g, '');
  const m = YEAR_IN_TITLE.exec(t);
  if (!m) return null;
  const before = t.slice(0, m.index).replace(/^关于/, '');
  if (before.length >= 2) return before;
  const after = t.slice(m.index + m[0].length);
  const cut = after.search(/政府信息公开|信息公开|政务公开/);
  const name = cut > 0 ? after.slice(0, cut) : '';
  return name.length >= 2 ? name : null;
}

/** Reads the metadata of a report. Edition is decided later, with the tables. */
export function readMeta(input: MetaInput): Omit<ReportMeta, 'edition' | 'editionEvidence' | 'labelEditions'> {
  const { lines, inTable, source } = input;
  // The 正文 marker, looked for once (the title and the page chrome both start from it).
  const marker = bodyMarker(lines);
  const title = readTitle(lines, source, marker);
  const dates: FoundDate[] = [];
  const agencies: AgencyName[] = [];

  // Page chrome: 发布时间 / 发布日期 / 公开日期 in the first lines (archive header, CMS meta table).
  const chromeEnd = marker >= 0 && marker < 40 ? marker : Math.min(lines.length, 15);
  for (const line of lines.slice(0, chromeEnd)) {
    const keyed = PAGE_DATE_KEYS.exec(line.norm);
    if (keyed) {
      const d = findDates(line.norm.slice(keyed.index))[0];
      if (d) dates.push({ iso: d.iso, raw: d.raw, role: 'page', certain: true, at: line.at });
    }
    const publisher = PAGE_PUBLISHER_KEYS.exec(line.norm);
    if (publisher) {
      const name = line.norm.slice(publisher.index + publisher[0].length).split(/\t|\s{2,}|公开日期|发布日期/)[0]!.trim();
      if (name.length >= 2) agencies.push({ name, source: 'page', at: line.at });
    }
  }
  if (source.publishedAt && !dates.some((d) => d.role === 'page')) dates.push({ iso: source.publishedAt, raw: source.publishedAt, role: 'page', certain: true, at: { line: 1 } });
  // A fetched report's page date says which page it was read from (the deadline message names it).
  if (source.pageUrl) for (const d of dates) if (d.role === 'page') d.url = source.pageUrl;

  // The body starts after the title (and the date under it), and after any page chrome.
  let from = marker >= 0 && marker < 40 ? marker + 1 : 0;
  if (title) {
    const name = agencyFromTitle(title.text);
    if (name) agencies.unshift({ name, source: 'title', at: title.at });
    const index = lines.findIndex((l) => l.at.line === title.at.line);
    from = Math.max(from, index + 1);
    // A date on its own line right under the title: "(2017年2月22日)".
    for (let k = index + 1; k < Math.min(lines.length, index + 4); k++) {
      const text = lines[k]!.norm.trim();
      const d = findDates(text)[0];
      if (d && text.replace(/[()（）\s]/g, '').length <= d.raw.replace(/\s/g, '').length + 1) {
        dates.push({ iso: d.iso, raw: d.raw, role: 'title', certain: true, at: lines[k]!.at });
        from = Math.max(from, k + 1);
        break;
      }
    }
  }
  for (const line of lines.slice(0, 40)) {
    const m = line.norm.includes('填报单位') ? /填报单位\s*[(（]?[^)）:：]*[)）]?\s*[:：]\s*(\S+)/.exec(line.norm) : null;
    if (m) agencies.push({ name: m[1]!, source: 'filler', at: line.at });
  }
  const signed = readDateLines({ lines, inTable, from });
  if (signed.signature) dates.push(signed.signature);
  dates.push(...signed.others);
  if (signed.agency) agencies.push(signed.agency);

  const page = dates.find((d) => d.role === 'page');
  const signature = signed.signature ?? dates.find((d) => d.role === 'title') ?? null;
  const { year, at: yearAt, titleYear, bodyYear } = readReportYear(title, lines);
  const agency = agencies.find((a) => a.source === 'title') ?? agencies.find((a) => a.source === 'filler') ?? agencies.find((a) => a.source === 'signature') ?? agencies[0] ?? null;
  const publishedAt = page ?? signature;
  return { title, agency, agencies, year, yearAt, titleYear, bodyYear, publishedAt, dates, issuer: classifyIssuer(agencies, readVoice(lines)) };
}
