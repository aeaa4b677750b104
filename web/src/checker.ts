/**
 * The checker in the page: the built-in rule packs bundled as text, the same Checker and
 * `checkBytes` as the CLI, the CLI's file statuses (checked, unreadable, not a report), and pdf.js
 * pointed at its bundled worker, CMaps and fonts before the first PDF.
 */
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { checkBytes } from '../../src/check.js';
import { formatLoadError, loadPacks } from '../../src/engine/load.js';
import { Checker } from '../../src/engine/run.js';
import type { Pack, Rule } from '../../src/engine/schema.js';
import { detectKind } from '../../src/ingest/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import type { ResultEntry } from '../../src/report/types.js';

/** A rule and the pack it came from (the pack gives its default editions). */
export interface RuleInfo {
  rule: Rule;
  pack: Pack;
}

/** The loaded packs, the checker built from them and a rule index for the explanation panel. */
export interface PageChecker {
  checker: Checker;
  rules: ReadonlyMap<string, RuleInfo>;
  /** Pack load errors as `file:line:col  message` (empty for the built-in packs). */
  errors: string[];
}

// The packs are bundled as strings: no fetch at run time, so the page works without a network.
const PACK_SOURCES = import.meta.glob<string>('../../rules/*.yaml', { query: '?raw', import: 'default', eager: true });

/** Loads the built-in packs, in file-name order like the CLI (finding order depends on it). */
export function createPageChecker(): PageChecker {
  const files = Object.entries(PACK_SOURCES)
    .map(([path, text]) => ({ file: `rules/${path.slice(path.lastIndexOf('/') + 1)}`, text }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const { packs, errors } = loadPacks(files);
  const rules = new Map<string, RuleInfo>();
  for (const pack of packs) for (const rule of pack.rules) rules.set(rule.id, { rule, pack });
  return { checker: new Checker(packs), rules, errors: errors.map(formatLoadError) };
}

let pdfReady: Promise<void> | null = null;

/**
 * Points pdf.js at the bundled worker and asset folders. Done on the first PDF only, through the
 * same dynamic import that ingest uses, so pdf.js stays out of the first load.
 */
function preparePdf(): Promise<void> {
  pdfReady ??= import('../../src/ingest/pdf.js').then(({ setPdfAssets }) => {
    const base = document.baseURI;
    setPdfAssets({
      workerSrc: new URL(workerUrl, base).href,
      cMapUrl: new URL('pdfjs/cmaps/', base).href,
      standardFontDataUrl: new URL('pdfjs/standard_fonts/', base).href,
    });
  });
  return pdfReady;
}

// The two functions below repeat src/batch/process.ts (`looksLikeReport` and the status of
// `processFile`), which the page cannot import: it hashes with node:crypto.

/** True when a readable file shows nothing of an annual report: no title, no tables, no format headings. */
function looksLikeReport(report: Report): boolean {
  if (Object.keys(report.tables).length > 0) return true;
  if (report.meta.title && /信息公开|政务公开|年度报告|年报/.test(report.meta.title.text)) return true;
  const headings = report.outline.filter((s) => s.level === 1 && /公开|申请|复议|问题|总体情况|概述/.test(s.title));
  return headings.length >= 2;
}

/** Checks one file's bytes as `xxgk-lint check` would; never throws for bad input. */
export async function checkFile(page: PageChecker, bytes: Uint8Array, name: string): Promise<ResultEntry> {
  if (detectKind(bytes, name) === 'pdf') await preparePdf();
  const { report, findings } = await checkBytes(bytes, name, page.checker);
  const unreadable = report.lines.length === 0 || report.problems.some((p) => p.severity === 'error' && p.id.startsWith('ingest/'));
  if (unreadable) return { file: name, report, findings, status: 'unreadable' };
  if (!looksLikeReport(report)) {
    const finding: Finding = {
      ruleId: 'batch/not-a-report',
      severity: 'warning',
      message: '文件可以读取，但没有年度报告的标题、章节或统计表格，可能不是政府信息公开工作年度报告',
      location: { line: 1 },
    };
    return { file: name, report, findings: [finding], status: 'not-a-report' };
  }
  return { file: name, report, findings, status: 'checked' };
}
