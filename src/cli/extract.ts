/**
 * `xxgk-lint extract <paths...> -o out.csv|out.xlsx`: the canonical tables of many reports as
 * one long table. Files go through the batch machinery (worker pool, statuses, duplicates); each
 * file's rows are written as its result arrives, so no report is kept once its rows are out.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultJobs } from '../batch/pool.js';
import { runBatch } from '../batch/run.js';
import { extractHeader, extractRows } from '../extract/rows.js';
import { csvSink, xlsxSink, type RowSink } from '../extract/sinks.js';
import { expandInputs } from './files.js';
import { ExitError } from './setup-core.js';

/** Options of `extract`. */
export interface ExtractCliOptions {
  output: string;
  format?: 'csv' | 'xlsx';
  jobs?: string;
  locale: 'zh' | 'en';
  progress?: boolean;
}

/** Runs `extract`; resolves to the exit code (0 once the table is written, whatever the files' statuses). */
export async function runExtract(inputs: string[], options: ExtractCliOptions): Promise<number> {
  const { locale } = options;
  const format = options.format ?? (/\.csv$/i.test(options.output) ? 'csv' : /\.xlsx$/i.test(options.output) ? 'xlsx' : null);
  if (!format) throw new ExitError(2, `无法从「${options.output}」判断输出格式：请用 .csv 或 .xlsx 作扩展名，或加 --format`);
  const { files, unmatched } = await expandInputs(inputs);
  if (files.length === 0) throw new ExitError(2, `没有找到要导出的文件：${unmatched.join('、') || inputs.join('、')}`);
  const jobs = options.jobs === undefined ? (files.length >= 64 ? defaultJobs() : 1) : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new ExitError(2, `--jobs 需要一个正整数，而不是「${options.jobs}」`);

  let sink: RowSink;
  try {
    mkdirSync(dirname(options.output), { recursive: true });
    const header = extractHeader(locale);
    sink = format === 'csv' ? csvSink(options.output, header) : xlsxSink(options.output, header, locale === 'zh' ? '单元格' : 'cells');
  } catch (error) {
    throw new ExitError(2, `无法写入 ${options.output}：${(error as Error).message}`);
  }
  const noTables = locale === 'zh' ? '没有找到统计表格' : 'no statistical table found';
  for (const path of unmatched) {
    await sink.write(extractRows({ file: path, status: 'unreadable', statusReason: locale === 'zh' ? `找不到文件：${path}` : `File not found: ${path}`, agency: null, year: null, edition: null }, null));
  }

  const showProgress = options.progress !== false && Boolean(process.stderr.isTTY) && !process.env.CI && files.length > 1;
  const signal = { stopped: false };
  const onInterrupt = (): void => {
    signal.stopped = true;
  };
  process.once('SIGINT', onInterrupt);
  let interrupted = false;
  try {
    // No rule packs: extraction needs the parsed tables and the statuses, not the findings.
    const outcome = await runBatch({
      files, packs: [], ruleDirs: [], settingsFor: () => ({}), locale, jobs, keepReports: false, signal,
      onResult: (entry, record) => sink.write(extractRows(record, entry.report, noTables)),
      ...(showProgress ? { onProgress: (done: number, total: number) => process.stderr.write(`\r导出中 ${done}/${total}${done === total ? '\n' : ''}`) } : {}),
    });
    interrupted = outcome.interrupted;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    await sink.close();
  }
  if (interrupted) process.stderr.write(locale === 'zh' ? '已中断：只导出了已读取的文件\n' : 'Interrupted: only the files read so far were exported\n');
  process.stderr.write(locale === 'zh' ? `已导出 ${sink.count} 行（${files.length + unmatched.length} 个文件）到 ${options.output}\n` : `Wrote ${sink.count} rows (${files.length + unmatched.length} files) to ${options.output}\n`);
  return 0;
}
