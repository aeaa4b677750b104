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
import type { Phrase } from '../message.js';

/** The date a deadline is measured on, why, and whether it is sure. */
export interface PublicationDate {
  date: FoundDate;
  /** Its name: the shared message `date-page` (发布日期), `date-signature` (落款日期) … */
  source: Phrase;
  /** The other date that disagrees with the one used, if any. */
  other: FoundDate | null;
  /** Why this date, when several disagree (a shared message of the deadline kind); null when they agree. */
  why: Phrase | null;
}

const SOURCE: Partial<Record<FoundDate['role'], string>> = { page: 'date-page', signature: 'date-signature', title: 'date-title' };

/** The shared message naming a date. A fetched page's own date is named as such: it was read from the web page, not the report. */
const label = (d: FoundDate): Phrase => ({ message: d.role === 'page' && d.url ? 'date-web-page' : SOURCE[d.role] ?? 'date-other' });

/** The date the report was published on, as far as the report shows it; null when it shows none. */
export function publicationDate(meta: Pick<ReportMeta, 'dates'>): PublicationDate | null {
  const page = meta.dates.find((d) => d.role === 'page');
  const signed = meta.dates.find((d) => d.role === 'signature') ?? meta.dates.find((d) => d.role === 'title');
  const make = (date: FoundDate, other: FoundDate | null, why: string | null): PublicationDate => {
    const reason: Phrase | null = why && other ? { message: why, vars: { used: label(date), other: label(other), usedDate: chineseDate(date.iso), otherDate: chineseDate(other.iso), usedIso: date.iso, otherIso: other.iso } } : null;
    return { date, source: label(date), other, why: reason };
  };
  if (page && signed && page.iso !== signed.iso) {
    // The page's date is the record of publication; a page date before the signature is in doubt.
    return page.iso > signed.iso ? make(page, signed, 'date-page-used') : make(signed, page, 'date-signature-used');
  }
  if (page) return make(page, null, null);
  if (signed) return make(signed, null, null);
  return null;
}
