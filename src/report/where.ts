/**
 * A finding's place as a person finds it in the original, in words: 第3页 第12行 for a PDF, 表格 3
 * 第 5 行 第 2 列 or 第12段 for a .docx or a web page, 第12行 for text, 全文 for the whole
 * document; and the table/row/column labels (表三「（七）总计」「总计」). Shared by the formatters.
 */
import type { Finding, Location } from '../model/finding.js';

/** Where the finding is in the original file (no table labels). */
export function placeText(l: Location, locale: 'zh' | 'en'): string {
  const zh = locale === 'zh';
  if (l.scope === 'document') return zh ? '全文' : 'document';
  const o = l.origin;
  if (o?.tableIndex !== undefined && o.tableRow !== undefined) {
    const col = o.tableCol !== undefined ? (zh ? ` 第 ${o.tableCol} 列` : ` col ${o.tableCol}`) : '';
    return zh ? `表格 ${o.tableIndex} 第 ${o.tableRow} 行${col}` : `table ${o.tableIndex} row ${o.tableRow}${col}`;
  }
  const page = o?.page ?? l.page;
  if (page !== undefined) {
    const line = o?.pageLine;
    if (line === undefined) return zh ? `第${page}页` : `p.${page}`;
    return zh ? `第${page}页 第${line}行` : `p.${page} l.${line}`;
  }
  if (o?.paragraph !== undefined) return zh ? `第${o.paragraph}段` : `para. ${o.paragraph}`;
  return zh ? `第${l.line}行` : `line ${l.line}`;
}

/**
 * The place to put before a message where only a line of the file can be given (GitHub and
 * GitLab annotations): 第4页 第14行：, 表格 2 第 27 行 第 10 列：, 全文：, or nothing for a text
 * file, whose line the annotation already shows.
 */
export function placePrefix(l: Location, locale: 'zh' | 'en'): string {
  const o = l.origin;
  const inOriginal = l.scope === 'document' || l.page !== undefined || o?.page !== undefined || o?.tableIndex !== undefined || o?.paragraph !== undefined;
  if (!inOriginal) return '';
  return locale === 'zh' ? `${placeText(l, locale)}：` : `${placeText(l, locale)}: `;
}

/** The table, row and column the finding is about, with the labels the format prints (empty when none). */
export function cellText(l: Location): string {
  if (l.tableLabel === undefined) return l.section ?? '';
  const parts = [l.tableLabel];
  if (l.rowLabel !== undefined) parts.push(`「${l.rowLabel}」`);
  if (l.colLabel !== undefined) parts.push(`「${l.colLabel}」`);
  return parts.join('');
}

/** The place a person finds the finding at, with the table/row/column labels when it has them. */
export function fullPlace(l: Location, locale: 'zh' | 'en'): string {
  const cell = cellText(l);
  return cell ? `${placeText(l, locale)} ${cell}` : placeText(l, locale);
}

/**
 * One line per folded finding (`related`), at most `max` of them and then how many more: what
 * else the same defect caused, for the readable formats.
 */
export function relatedLines(f: Finding, locale: 'zh' | 'en', max = 3): string[] {
  const related = f.related ?? [];
  if (related.length === 0) return [];
  const zh = locale === 'zh';
  const head = zh ? `同一问题还导致 ${related.length} 项：` : `${related.length} more finding${related.length > 1 ? 's' : ''} from the same problem:`;
  const lines = related.slice(0, max).map((r) => `↳ ${placeText(r.location, locale)}  ${r.message}  ${r.ruleId}`);
  if (related.length > max) lines.push(zh ? `↳ …… 另有 ${related.length - max} 项（完整列表见 --format json 的 related）` : `↳ … ${related.length - max} more (all in --format json, "related")`);
  return [head, ...lines];
}
