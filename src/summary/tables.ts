/**
 * The summary as plain tables (title, columns, rows), so every renderer lays out the same
 * content and only the presentation differs.
 */
import type { BatchSummary, FileSummary } from './aggregate.js';
import { FILE_STATUSES } from './aggregate.js';
import { statusLabel, words, type Locale } from './labels.js';

/** A table cell: text, a count, or nothing. */
export type CellValue = string | number | null;

/** A column: its heading, whether it holds counts (right-aligned), and a width hint in characters. */
export interface Column {
  label: string;
  numeric?: boolean;
  width: number;
}

/** Which table of the summary. */
export type TableId = 'overview' | 'rules' | 'agencies' | 'years' | 'missing' | 'same' | 'multiple' | 'files';

/** One table of the summary. */
export interface SummaryTable {
  id: TableId;
  title: string;
  columns: Column[];
  rows: CellValue[][];
}

const num = (label: string, width = 8): Column => ({ label, numeric: true, width });
const text = (label: string, width: number): Column => ({ label, width });

/** The agency name as shown (a placeholder when it could not be read). */
export function agencyName(agency: string | null, locale: Locale): string {
  return agency ?? words(locale).unknownAgency;
}

/** The year as shown. */
export function yearName(year: number | null, locale: Locale): string {
  return year === null ? words(locale).unknownYear : String(year);
}

function fileRow(f: FileSummary, locale: Locale): CellValue[] {
  return [f.file, statusLabel(f.status, locale), f.agency, f.region, f.year, f.edition, f.publishedAt, f.error, f.warning, f.info, f.reason];
}

function problemTitle(locale: Locale): string {
  const names = FILE_STATUSES.filter((st) => st !== 'checked' && st !== 'missing').map((st) => statusLabel(st, locale));
  return locale === 'zh' ? `${words(locale).files}（${names.join('、')}）` : `${words(locale).files} (${names.join(', ')})`;
}

/** Builds the tables; `files` decides which files the file table lists. */
/** What a renderer says in place of an empty table. */
export function emptyText(table: SummaryTable, locale: Locale): string {
  const w = words(locale);
  const text: Partial<Record<TableId, string>> = { missing: w.noMissing, rules: w.noFindings, same: w.noSameReports, multiple: w.noMultipleReports };
  return text[table.id] ?? '-';
}

export function summaryTables(summary: BatchSummary, locale: Locale, files: 'all' | 'problems' = 'all'): SummaryTable[] {
  const w = words(locale);
  const s = summary;
  const list = locale === 'zh' ? '、' : ', ';
  const overview: SummaryTable = {
    id: 'overview',
    title: w.overview,
    columns: [text(w.item, 24), num(w.count, 12)],
    rows: [
      [w.inputFiles, s.totals.files],
      ...FILE_STATUSES.map((st): CellValue[] => [statusLabel(st, locale), s.statuses[st]]),
      [w.error, s.totals.error],
      [w.warning, s.totals.warning],
      [w.info, s.totals.info],
      [w.agencies, s.totals.agencies],
      [w.rules, s.totals.rules],
    ],
  };
  const rules: SummaryTable = {
    id: 'rules',
    title: w.byRule,
    columns: [text(w.rule, 34), text(w.description, 60), num(w.error), num(w.warning), num(w.info), num(w.total), num(w.ruleFiles, 10)],
    rows: s.rules.map((r) => [r.ruleId, r.description ?? r.example, r.error, r.warning, r.info, r.total, r.files]),
  };
  const agencies: SummaryTable = {
    id: 'agencies',
    title: w.byAgency,
    columns: [num(w.rank, 6), text(w.agency, 30), text(w.region, 12), num(w.fileCount), num(w.missingCount), text(w.years, 16), num(w.error), num(w.warning), num(w.info), text(w.aliases, 30)],
    rows: s.agencies.map((a) => [a.rank, agencyName(a.agency, locale), a.region, a.files, a.missing, a.years.join(list), a.error, a.warning, a.info, a.aliases.join(list) || null]),
  };
  const years: SummaryTable = {
    id: 'years',
    title: w.byYear,
    columns: [text(w.year, 10), num(w.fileCount), num(w.checked), num(w.missingCount), num(w.error), num(w.warning), num(w.info)],
    rows: s.years.map((y) => [y.year ?? yearName(y.year, locale), y.files, y.checked, y.missing, y.error, y.warning, y.info]),
  };
  const missing: SummaryTable = {
    id: 'missing',
    title: w.missing,
    columns: [text(w.agency, 30), num(w.year), text(w.region, 12), text(w.parent, 24), text(w.file, 40), text(w.reason, 60)],
    rows: s.missing.map((m) => [agencyName(m.agency, locale), m.year, m.region, m.parent, m.file, m.reason]),
  };
  const same: SummaryTable = {
    id: 'same',
    title: w.sameReports,
    columns: [text(w.sameReportFile, 40), text(w.copies, 48), text(w.agency, 30), num(w.year)],
    rows: s.sameReports.map((g) => [g.file, g.copies.join(list), agencyName(g.agency, locale), g.year]),
  };
  const multiple: SummaryTable = {
    id: 'multiple',
    title: w.multipleReports,
    columns: [text(w.agency, 30), num(w.year), num(w.fileCount), text(w.multipleFiles, 60)],
    rows: s.multipleReports.map((m) => [agencyName(m.agency, locale), m.year, m.files.length, m.files.join(list)]),
  };
  const shownFiles = files === 'all' ? s.files : s.files.filter((f) => f.status !== 'checked' && f.status !== 'missing');
  const fileTable: SummaryTable = {
    id: 'files',
    title: files === 'all' ? w.files : problemTitle(locale),
    columns: [text(w.file, 48), text(w.status, 12), text(w.agency, 30), text(w.region, 12), num(w.year), text(w.edition, 8), text(w.publishedAt, 12), num(w.error), num(w.warning), num(w.info), text(w.reason, 60)],
    rows: shownFiles.map((f) => fileRow(f, locale)),
  };
  return [overview, rules, agencies, years, missing, same, multiple, fileTable];
}
