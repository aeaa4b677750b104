/**
 * Report metadata: title, agency, report year, dates (page chrome, under the title, signature),
 * and the issuer type that decides the deadline. Each value keeps where it was read.
 */
import type { AgencyName, FoundDate, Issuer, ReportLine, ReportMeta, Span } from '../model/report.js';
import type { SourceMeta } from '../model/source.js';
import { findDates } from './dates.js';
import { fold, isSpaceCode } from './normalize.js';

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
const AGENCY_SUFFIX = /(?:人民政府|政府|办公厅|办公室|管委会|管理委员会|委员会|局|厅|委|署|院|中心|处|所|站|队|办|街道办事处|街道|镇|乡)$/;
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

/** The first lines of the body (after any page chrome), where the title stands. */
function headLines(lines: readonly ReportLine[]): ReportLine[] {
  const marker = bodyMarker(lines);
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

function readTitle(lines: readonly ReportLine[], source: SourceMeta): ReportMeta['title'] {
  const head = headLines(lines);
  for (let k = 0; k < head.length; k++) {
    const line = head[k]!;
    const text = line.norm.replace(/^\s*#{1,6}\s*/, '').trim().replace(TITLE_LABEL, '');
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

interface Signature {
  agency: AgencyName | null;
  date: FoundDate | null;
}

/** The longest a date line can be, brackets and spaces not counted: a 13-character date and 2 more. */
const MAX_DATE_LINE = 15;

/**
 * The length of `text` without white space and round brackets (as `replace(/[()（）\s]/g, '')`
 * counts it), counted only up to `max + 1`.
 */
function printedLength(text: string, max: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= max; i++) {
    const code = text.charCodeAt(i);
    if (!isSpaceCode(code) && code !== 0x28 && code !== 0x29 && code !== 0xff08 && code !== 0xff09) n++;
  }
  return n;
}

/** The signature block: a short date line, and the agency line just above it. */
function readSignature(lines: readonly ReportLine[], inTable: (line: number) => boolean): Signature[] {
  const found: Signature[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (inTable(line.at.line)) continue;
    const text = line.norm.trim();
    // A signature date line holds little but the date, and a date is at most 13 characters
    // without spaces (二〇二四年十二月三十一日): a longer line is not one, whatever dates it holds.
    if (printedLength(text, MAX_DATE_LINE) > MAX_DATE_LINE) continue;
    const dates = findDates(text);
    const date = dates[0];
    if (!date || text.replace(/[()（）\s]/g, '').length > date.raw.replace(/\s/g, '').length + 2) continue;
    let agency: AgencyName | null = null;
    for (let p = k - 1; p >= Math.max(0, k - 3); p--) {
      const prev = lines[p]!.norm.trim();
      if (prev === '') continue;
      if (isShortLine(prev, 30) && AGENCY_SUFFIX.test(prev) && !/[，。、：:]/.test(prev)) {
        agency = { name: prev.replace(/\s+/g, ''), source: 'signature', at: lines[p]!.at };
      }
      break;
    }
    found.push({ agency, date: { iso: date.iso, raw: date.raw, role: 'signature', at: line.at } });
  }
  return found;
}

/** The report year: from the title, else the statistics period, else the commonest year named. */
function readYear(title: ReportMeta['title'], lines: readonly ReportLine[]): { year: number | null; at: Span | null } {
  if (title) {
    const m = YEAR_IN_TITLE.exec(fold(title.text));
    if (m) return { year: Number(m[1]), at: title.at };
  }
  for (const line of lines.slice(0, 60)) {
    const m = /统计(?:期限|时限|周期|时间)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(line.norm);
    if (m) return { year: Number(m[1]), at: line.at };
  }
  const counts = new Map<number, { n: number; at: Span }>();
  for (const line of lines.slice(0, 80)) {
    for (const m of line.norm.matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/g)) {
      const y = Number(m[1]);
      const entry = counts.get(y) ?? { n: 0, at: line.at };
      entry.n++;
      counts.set(y, entry);
    }
  }
  let best: { year: number; n: number; at: Span } | null = null;
  for (const [year, { n, at }] of counts) if (!best || n > best.n) best = { year, n, at };
  return best ? { year: best.year, at: best.at } : { year: null, at: null };
}

/** Who issues the report, from the agency name (formats.md §1.3). */
export function classifyIssuer(agency: string | null): Issuer {
  if (!agency) return { kind: 'unknown', level: 'unknown' };
  const name = agency.replace(/\s+/g, '');
  const government = /人民政府$/.test(name);
  const office = /人民政府办公(?:厅|室)$/.test(name);
  const department = !government && /(?:局|厅|委员会|委|办公室|办公厅|署|中心|院)$/.test(name);
  const level = /^(?:[^市县区]{2,8}(?:省|自治区)|北京市|天津市|上海市|重庆市)(?:人民政府)?$/.test(name) ? 'province'
    : /乡|镇|街道/.test(name) && government ? 'township'
    : /(?:县|区|旗)(?:人民政府)?$/.test(name) ? 'county'
    : /市(?:人民政府)?$/.test(name) ? 'unknown'
    : 'unknown';
  if (office || department) return { kind: 'department', level: 'unknown' };
  if (government) return { kind: 'government', level };
  return { kind: 'unknown', level: 'unknown' };
}

/** Reads the metadata of a report. Edition is decided later, with the tables. */
export function readMeta(input: MetaInput): Omit<ReportMeta, 'edition' | 'editionEvidence' | 'labelEditions'> {
  const { lines, inTable, source } = input;
  const title = readTitle(lines, source);
  const dates: FoundDate[] = [];
  const agencies: AgencyName[] = [];

  // Page chrome: 发布时间 / 发布日期 / 公开日期 in the first lines (archive header, CMS meta table).
  const marker = bodyMarker(lines);
  const chromeEnd = marker >= 0 && marker < 40 ? marker : Math.min(lines.length, 15);
  for (const line of lines.slice(0, chromeEnd)) {
    const keyed = PAGE_DATE_KEYS.exec(line.norm);
    if (keyed) {
      const d = findDates(line.norm.slice(keyed.index))[0];
      if (d) dates.push({ iso: d.iso, raw: d.raw, role: 'page', at: line.at });
    }
    const publisher = PAGE_PUBLISHER_KEYS.exec(line.norm);
    if (publisher) {
      const name = line.norm.slice(publisher.index + publisher[0].length).split(/\t|\s{2,}|公开日期|发布日期/)[0]!.trim();
      if (name.length >= 2) agencies.push({ name, source: 'page', at: line.at });
    }
  }
  if (source.publishedAt && !dates.some((d) => d.role === 'page')) dates.push({ iso: source.publishedAt, raw: source.publishedAt, role: 'page', at: { line: 1 } });

  if (title) {
    const name = agencyFromTitle(title.text);
    if (name) agencies.unshift({ name, source: 'title', at: title.at });
    // A date on its own line right under the title: "(2017年2月22日)".
    const index = lines.findIndex((l) => l.at.line === title.at.line);
    for (const line of lines.slice(index + 1, index + 4)) {
      const text = line.norm.trim();
      const d = findDates(text)[0];
      if (d && text.replace(/[()（）\s]/g, '').length <= d.raw.replace(/\s/g, '').length + 1) {
        dates.push({ iso: d.iso, raw: d.raw, role: 'title', at: line.at });
        break;
      }
    }
  }
  for (const line of lines.slice(0, 40)) {
    const m = line.norm.includes('填报单位') ? /填报单位\s*[(（]?[^)）:：]*[)）]?\s*[:：]\s*(\S+)/.exec(line.norm) : null;
    if (m) agencies.push({ name: m[1]!, source: 'filler', at: line.at });
  }
  const titleDate = dates.find((d) => d.role === 'title');
  for (const sig of readSignature(lines, inTable)) {
    if (sig.date && !(titleDate && sig.date.at.line === titleDate.at.line)) dates.push(sig.date);
    if (sig.agency) agencies.push(sig.agency);
  }

  const { year, at: yearAt } = readYear(title, lines);
  const agency = agencies.find((a) => a.source === 'title') ?? agencies.find((a) => a.source === 'filler') ?? agencies.find((a) => a.source === 'signature') ?? agencies[0] ?? null;
  const publishedAt = dates.find((d) => d.role === 'page') ?? [...dates].reverse().find((d) => d.role === 'signature') ?? dates.find((d) => d.role === 'title') ?? null;
  return { title, agency, agencies, year, yearAt, publishedAt, dates, issuer: classifyIssuer(agency?.name ?? null) };
}
