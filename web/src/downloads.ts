/**
 * Downloads of the findings: the HTML report and the JSON contract from the same formatters as
 * the CLI (`--format html`, `--format json`), and an Excel workbook built on demand. Files are
 * made in the browser and saved through a blob: link; nothing is sent anywhere.
 */
import { formatHtml } from '../../src/report/html.js';
import { formatJson } from '../../src/report/json.js';
import type { FormatOptions, ResultEntry } from '../../src/report/types.js';
import { VERSION } from '../../src/version.js';

const OPTIONS: FormatOptions = { locale: 'zh', color: false, version: VERSION };

/** The file name of a download: the report's name without its extension, plus a suffix. */
export function downloadName(file: string, suffix: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || '报告';
  return `${base}-检查结果${suffix}`;
}

function save(data: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The download buttons. */
export interface DownloadButtons {
  html: HTMLButtonElement;
  json: HTMLButtonElement;
  xlsx: HTMLButtonElement;
}

/** Wires the buttons to the current result; `announce` reports progress to screen readers. */
export function wireDownloads(buttons: DownloadButtons, current: () => ResultEntry | null, announce: (message: string) => void): void {
  buttons.json.addEventListener('click', () => {
    const entry = current();
    if (!entry) return;
    save(formatJson([entry], OPTIONS) + '\n', 'application/json', downloadName(entry.file, '.json'));
    announce('已生成 JSON 文件。');
  });
  buttons.html.addEventListener('click', () => {
    const entry = current();
    if (!entry) return;
    save(formatHtml([entry], OPTIONS), 'text/html;charset=utf-8', downloadName(entry.file, '.html'));
    announce('已生成网页报告。');
  });
  buttons.xlsx.addEventListener('click', async () => {
    const entry = current();
    if (!entry) return;
    buttons.xlsx.disabled = true;
    announce('正在生成 Excel 文件…');
    try {
      const { findingsWorkbook } = await import('./xlsx.js');
      const bytes = await findingsWorkbook(entry);
      save(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', downloadName(entry.file, '.xlsx'));
      announce('已生成 Excel 文件。');
    } catch (error) {
      announce(`生成 Excel 文件失败：${(error as Error).message}`);
    } finally {
      buttons.xlsx.disabled = false;
    }
  });
}
