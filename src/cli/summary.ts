/**
 * `check --summary <file>`: the batch summary written next to the normal output. The summary is
 * built from the batch's light per-file records (never the report models), with the findings
 * as the run reports them (after waivers and the baseline), so its counts agree with the JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BatchOutcome } from '../batch/run.js';
import { countFindings, type BatchRecord } from '../batch/types.js';
import type { Pack } from '../engine/schema.js';
import type { Finding } from '../model/finding.js';
import { builtinDescriptions, renderSummary, summarizeBatch, summaryFormatOf, type Locale, type SummaryFormat } from '../summary/index.js';
import { VERSION } from '../version.js';
import { ExitError } from './setup-core.js';

/** Where the summary goes and in which format. */
export interface SummaryTarget {
  file: string;
  format: SummaryFormat;
}

/** Checks `--summary` and `--summary-format` before the run starts (a usage error exits 2 early). */
export function summaryTarget(file: string | undefined, format: string | undefined): SummaryTarget | null {
  if (file === undefined) {
    if (format !== undefined) throw new ExitError(2, '--summary-format 需要与 --summary <文件> 一起使用');
    return null;
  }
  const chosen = summaryFormatOf(format ?? file);
  if (!chosen) throw new ExitError(2, `无法从「${file}」判断汇总的格式：请用 .txt .md .html .csv .xlsx 作扩展名，或加 --summary-format`);
  return { file, format: chosen };
}

/**
 * The records to summarise: the batch's, with each file's findings replaced by those the run
 * reports for it (entries and records are index-aligned in a batch outcome), plus a record for
 * each input path that matched no file.
 */
export function reportedRecords(outcome: BatchOutcome, reported: readonly (readonly Finding[])[], notFound: readonly { file: string; findings: Finding[] }[]): BatchRecord[] {
  const aligned = outcome.entries.length === outcome.records.length;
  const records = outcome.records.map((record, i) => {
    const findings = aligned ? reported[i] : undefined;
    return findings ? { ...record, findings: [...findings], counts: countFindings(findings) } : record;
  });
  const absent: BatchRecord[] = notFound.map((n) => ({
    file: n.file, status: 'unreadable', statusReason: n.findings[0]?.message ?? '找不到文件', agency: null, year: null, edition: null, publishedAt: null,
    findings: n.findings, counts: countFindings(n.findings),
  }));
  return [...absent, ...records];
}

/** Builds the summary and writes it; returns the file written. */
export async function writeSummary(target: SummaryTarget, records: readonly BatchRecord[], context: { packs: readonly Pack[]; locale: Locale; interrupted: boolean }): Promise<string> {
  const descriptions = builtinDescriptions(context.locale);
  for (const pack of context.packs) for (const rule of pack.rules) descriptions.set(rule.id, rule.description);
  const summary = summarizeBatch(records, { descriptions, interrupted: context.interrupted, generatedAt: new Date().toISOString(), version: VERSION });
  const content = await renderSummary(summary, target.format, context.locale);
  try {
    mkdirSync(dirname(target.file), { recursive: true });
    writeFileSync(target.file, content);
  } catch (error) {
    throw new ExitError(2, `无法写入汇总 ${target.file}：${(error as Error).message}`);
  }
  return target.file;
}
