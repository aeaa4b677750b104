/** `metadata`: title, dates, agency name and year consistency, edition against year. */
import { chineseDate, findDates, impossibleDate } from '../../format/dates.js';
import type { ReportLine } from '../../model/report.js';
import { editionForYear } from '../../format/editions.js';
import { labelKey } from '../../format/normalize.js';
import { locate, type CheckContext, type Outcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { NO_REFS, type CheckKind } from './kind.js';

type MetadataCheck = Extract<Check, { kind: 'metadata' }>;

function lcs(a: string, b: string): number {
  const dp = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(dp[j]!, dp[j - 1]!);
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** A date written as one but impossible (2025年2月30日), on a short line among the last lines of the text. */
function impossibleSignatureDate(lines: readonly ReportLine[]): { raw: string; at: ReportLine['at'] } | null {
  for (let k = lines.length - 1, seen = 0; k >= 0 && seen < TAIL_LINES; k--) {
    const text = lines[k]!.norm.trim();
    if (text === '') continue;
    seen++;
    const raw = text.length <= 20 && findDates(text).length === 0 ? impossibleDate(text) : null;
    if (raw) return { raw, at: lines[k]!.at };
  }
  return null;
}

/** How many non-empty lines from the end an impossible signature date is looked for in. */
const TAIL_LINES = 30;

/** True when two names are almost the same but not one a shortening of the other: a likely typo. */
export function nearlySameName(a: string, b: string): boolean {
  const x = labelKey(a);
  const y = labelKey(b);
  if (x === y || x.length < 4 || y.length < 4) return false;
  if (x.startsWith(y) || y.startsWith(x) || x.endsWith(y) || y.endsWith(x)) return false;
  return (2 * lcs(x, y)) / (x.length + y.length) >= 0.85;
}

/** Evaluates a metadata check. */
export function checkMetadata(ctx: CheckContext, check: MetadataCheck): Outcome[] {
  const { meta } = ctx.report;
  switch (check.field) {
    case 'title':
      return meta.title ? [] : [{ status: 'fail', key: 'title', location: { line: 1, scope: 'document' }, vars: {} }];
    case 'date': {
      // Only a publication, title or signature date tells when the report was published: an annex's,
      // a note's or a printed page's date does not.
      if (meta.dates.some((d) => d.role === 'page' || d.role === 'title' || d.role === 'signature')) return [];
      const invalid = impossibleSignatureDate(ctx.report.lines);
      if (invalid) {
        return [{ status: 'fail', key: 'date', location: locate(invalid.at), vars: {}, actual: invalid.raw, message: { zh: `落款日期“${invalid.raw}”不是有效日期，无法判断是否按期发布`, en: `The signature date "${invalid.raw}" is not a valid date; timeliness cannot be checked` } }];
      }
      return [{ status: 'fail', key: 'date', location: locate(ctx.report.lines.at(-1)?.at), vars: {} }]; // the end, where a signature date goes
    }
    case 'agency-consistent': {
      const title = meta.agencies.find((a) => a.source === 'title' || a.source === 'filler');
      const signature = meta.agencies.find((a) => a.source === 'signature');
      if (!title || !signature || !nearlySameName(title.name, signature.name)) return [];
      return [{ status: 'fail', key: 'agency', location: locate(signature.at), vars: { title: title.name, signature: signature.name }, expected: title.name, actual: signature.name }];
    }
    case 'dates-consistent': {
      const under = meta.dates.find((d) => d.role === 'title');
      const signed = meta.dates.filter((d) => d.role === 'signature').pop();
      if (!under || !signed || under.iso === signed.iso) return [];
      return [{ status: 'fail', key: 'dates', location: locate(signed.at), vars: { title: chineseDate(under.iso), signature: chineseDate(signed.iso) }, expected: under.iso, actual: signed.iso }];
    }
    case 'year-consistent': {
      const { titleYear, bodyYear } = meta;
      if (titleYear === null || !meta.title || !bodyYear || bodyYear.year === titleYear) return [];
      const [evidence, evidenceEn] = bodyYear.from === 'period' ? ['统计期限', 'the reporting period'] : ['正文所述年度', 'the year the body reports on'];
      return [{ status: 'fail', key: 'year', location: locate(meta.title.at), vars: { title: titleYear, period: bodyYear.year, evidence, evidenceEn }, expected: titleYear, actual: bodyYear.year }];
    }
    case 'edition-mixed': {
      const e19 = meta.labelEditions.find((l) => l.edition === '2019');
      const e21 = meta.labelEditions.find((l) => l.edition === '2021');
      if (!e19 || !e21) return [];
      return [{ status: 'fail', key: 'mixed', location: locate(e19.at), vars: { label2019: e19.label, label2021: e21.label }, expected: meta.edition ?? '', actual: `${e19.label} / ${e21.label}` }];
    }
    case 'edition-matches-year': {
      if (meta.year === null || meta.edition === null || meta.labelEditions.length === 0) return [];
      const expected = editionForYear(meta.year);
      if (expected === meta.edition) return [];
      const label = meta.labelEditions.find((l) => l.edition === meta.edition);
      return [{ status: 'fail', key: 'edition', location: locate(label?.at), vars: { year: meta.year, expected, edition: meta.edition, label: label?.label ?? '' }, expected, actual: meta.edition }];
    }
  }
}

/** The `metadata` check kind. */
export const metadataKind: CheckKind<'metadata'> = {
  kind: 'metadata',
  scope: 'report',
  ...NO_REFS,
  describe: (check) => `报告元数据检查：\`${check.field}\`。`,
  evaluate: (ctx, check) => checkMetadata(ctx, check),
};
