/**
 * Which date says when a report was published, when the page's publication date (发布日期), the
 * signature date (落款日期) and the date under the title disagree, and how sure that is.
 *
 * - The page's 发布日期 is the record of publication, and the deadline is a publication deadline
 *   (条例第四十九条 “公布”): it is used when present.
 * - A report is not published before it is signed: a page date earlier than the signature is in
 *   doubt, and the signature date is used.
 * - Without a page date, the signature date is used (the report was published on it or later),
 *   else the date under the title.
 */
import type { FoundDate, ReportMeta } from '../../model/report.js';
import { chineseDate } from '../../format/dates.js';

/** The date a deadline is measured on, why, and whether it is sure. */
export interface PublicationDate {
  date: FoundDate;
  /** 发布日期 / 落款日期 / 标题下日期. */
  source: string;
  sourceEn: string;
  /** The other date that disagrees with the one used, if any. */
  other: FoundDate | null;
  /** Why this date, when several disagree (Chinese, English); empty when they agree. */
  why: string;
  whyEn: string;
}

const SOURCE: Partial<Record<FoundDate['role'], [string, string]>> = {
  page: ['发布日期', 'publication date'],
  signature: ['落款日期', 'signature date'],
  title: ['标题下日期', 'date under the title'],
};

/** A fetched page's own date is named as such: it was read from the web page, not the report. */
const label = (d: FoundDate): [string, string] => (d.role === 'page' && d.url ? ['网页发布日期', 'publication date on the web page'] : SOURCE[d.role] ?? ['日期', 'date']);

/** The date the report was published on, as far as the report shows it; null when it shows none. */
export function publicationDate(meta: Pick<ReportMeta, 'dates'>): PublicationDate | null {
  const page = meta.dates.find((d) => d.role === 'page');
  const signed = meta.dates.find((d) => d.role === 'signature') ?? meta.dates.find((d) => d.role === 'title');
  const make = (date: FoundDate, other: FoundDate | null, why: string, whyEn: string): PublicationDate => {
    const [source, sourceEn] = label(date);
    return { date, source, sourceEn, other, why, whyEn };
  };
  if (page && signed && page.iso !== signed.iso) {
    const [pz, pe] = label(page);
    const [sz, se] = label(signed);
    if (page.iso > signed.iso) {
      return make(page, signed, `${pz}（${chineseDate(page.iso)}）与${sz}（${chineseDate(signed.iso)}）不一致，按公布期限以${pz}为准`, `the ${pe} (${page.iso}) differs from the ${se} (${signed.iso}); the deadline is about publication, so the ${pe} is used`);
    }
    return make(signed, page, `${sz}（${chineseDate(signed.iso)}）晚于${pz}（${chineseDate(page.iso)}），报告不会早于成文日期公布，以${sz}为准`, `the ${se} (${signed.iso}) is later than the ${pe} (${page.iso}); a report is not published before it is signed, so the ${se} is used`);
  }
  if (page) return make(page, null, '', '');
  if (signed) return make(signed, null, '', '');
  return null;
}
