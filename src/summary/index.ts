/** The batch summary: aggregation and its renderers, chosen by format name. */
import type { BatchSummary } from './aggregate.js';
import { renderSummaryCsv } from './csv.js';
import { renderSummaryHtml } from './html.js';
import type { Locale } from './labels.js';
import { renderSummaryMarkdown } from './markdown.js';
import { renderSummaryText } from './text.js';
import { renderSummaryXlsx } from './xlsx.js';

/** The summary formats. */
export const SUMMARY_FORMATS = ['text', 'markdown', 'html', 'csv', 'xlsx'] as const;

/** A summary format. */
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

const EXTENSIONS: Record<string, SummaryFormat> = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', csv: 'csv', xlsx: 'xlsx' };

/** The format a file name or a `--summary-format` value asks for (aliases: txt, md, htm), or null. */
export function summaryFormatOf(nameOrFormat: string): SummaryFormat | null {
  const ext = nameOrFormat.includes('.') ? nameOrFormat.slice(nameOrFormat.lastIndexOf('.') + 1) : nameOrFormat;
  return EXTENSIONS[ext.toLowerCase()] ?? null;
}

/** Renders the summary in a format: text formats as a string, XLSX as bytes. */
export async function renderSummary(summary: BatchSummary, format: SummaryFormat, locale: Locale): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return renderSummaryText(summary, { locale });
    case 'markdown':
      return renderSummaryMarkdown(summary, { locale });
    case 'html':
      return renderSummaryHtml(summary, { locale });
    case 'csv':
      return renderSummaryCsv(summary, { locale });
    case 'xlsx':
      return renderSummaryXlsx(summary, { locale });
  }
}

export { summarizeBatch, SummaryBuilder, type BatchSummary, type SummaryOptions } from './aggregate.js';
export { builtinDescriptions, type Locale } from './labels.js';
