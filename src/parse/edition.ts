/**
 * Decides the report's edition (DESIGN.md "Editions"): the table labels first, the year as a
 * tie-breaker.
 */
import { editionForYear } from '../format/editions.js';
import type { Edition, ReportMeta, TableInstance } from '../model/report.js';

/** Input of {@link decideEdition}. */
export interface EditionInput {
  year: number | null;
  labelEditions: ReportMeta['labelEditions'];
  tables: Record<string, TableInstance>;
  hasNewFormatTables: boolean;
}

/** Decides the edition and says why. */
export function decideEdition(input: EditionInput): { edition: Edition | null; evidence: string[] } {
  const votes = { '2008': 0, '2019': 0, '2021': 0 };
  const evidence: string[] = [];
  for (const m of input.labelEditions) {
    votes[m.edition]++;
    evidence.push(`表二列名「${m.label}」属于 ${m.edition} 版格式`);
  }
  const t3 = input.tables.t3;
  if (t3 && t3.variant === 'other-split') {
    votes['2021']++;
    evidence.push('表三「（六）其他处理」分为 3 行，属于 2021 版格式');
  }
  if (input.tables.stat || input.tables['stat-items']) {
    votes['2008'] += 2;
    evidence.push('有 2008 年条例时期的《政府信息公开情况统计表》');
  }
  const ranked = (Object.keys(votes) as Edition[]).filter((e) => votes[e] > 0).sort((a, b) => votes[b] - votes[a]);
  if (ranked.length > 0) {
    const top = ranked[0]!;
    const tied = ranked.filter((e) => votes[e] === votes[top]);
    if (tied.length === 1) return { edition: top, evidence };
    if (input.year !== null && tied.includes(editionForYear(input.year))) {
      evidence.push(`报告年度 ${input.year} 年`);
      return { edition: editionForYear(input.year), evidence };
    }
    return { edition: top, evidence };
  }
  if (input.year !== null) {
    const byYear = editionForYear(input.year);
    // A table from the new formats without distinctive labels: 2019 at least.
    const edition = input.hasNewFormatTables && byYear === '2008' ? '2019' : byYear;
    evidence.push(`报告年度 ${input.year} 年`);
    return { edition, evidence };
  }
  if (input.hasNewFormatTables) return { edition: '2021', evidence: ['有表三/表四，但无法确定年度和版本'] };
  return { edition: null, evidence };
}
