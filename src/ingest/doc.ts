/**
 * Legacy Word binaries (.doc, and the .wps that WPS Office writes in the same format) → lines, the
 * way the .docx reader gives them: one line per paragraph and one TAB-separated line per table
 * row on the table's column grid, so a 2008–2018 report attached as .doc is checked like a .docx.
 *
 * The container is read by cfb.ts, the Word structures by word-binary.ts, the document
 * properties (title, creation date) by doc-properties.ts. Browser-safe.
 */
import type { IngestProblem, SourceText } from '../model/source.js';
import { CfbError, CompoundFile, isCompoundFile } from './cfb.js';
import { readSummaryInformation } from './doc-properties.js';
import type { IngestLimits } from './limits.js';
import { linesOfBlocks, type WordBlock } from './word-blocks.js';
import { readWordBinary, WordBinaryError } from './word-binary.js';

function problem(id: string, severity: IngestProblem['severity'], message: string, messageEn: string): IngestProblem {
  return { id, message, messageEn, severity };
}

const SAVE_AS = '请在 Word 或 WPS 中“另存为” .docx 后再检查。';
const SAVE_AS_EN = 'Open it in Word or WPS, save it as .docx and check again.';

/** What another program's compound file holds, by its top-level stream names. */
function otherOfficeFormat(names: readonly string[]): { zh: string; en: string } | undefined {
  const has = (name: string): boolean => names.includes(name);
  if (has('Workbook') || has('Book')) return { zh: 'Excel 表格（.xls）', en: 'an Excel workbook (.xls)' };
  if (has('PowerPoint Document')) return { zh: 'PowerPoint 演示文稿（.ppt）', en: 'a PowerPoint presentation (.ppt)' };
  if (has('MatOST') || has('CONTENTS')) return { zh: 'Microsoft Works 文档', en: 'a Microsoft Works document' };
  if (has('EncryptedPackage')) return { zh: '加密的 Office 文档', en: 'an encrypted Office document' };
  return undefined;
}

/** The problem for a file that is not a Word binary document at all (a .wps of another format …). */
export function notWordProblem(fileName: string, what?: { zh: string; en: string }): IngestProblem {
  const wps = fileName.toLowerCase().endsWith('.wps');
  const zh = what !== undefined ? `这个文件是${what.zh}，不是 Word 文档，无法作为年度报告读取。`
    : wps ? '这个 .wps 文件不是 WPS Office 保存的 Word 兼容格式（可能是早期 WPS 的专有格式），无法读取。'
      : '这个文件不是 Word 文档，无法读取。';
  const en = what !== undefined ? `This file is ${what.en}, not a Word document; it cannot be read as a report.`
    : wps ? 'This .wps file is not in the Word-compatible format WPS Office saves (perhaps an early WPS format); it cannot be read.'
      : 'This file is not a Word document; it cannot be read.';
  return problem('ingest/not-word', 'error', `${zh}${SAVE_AS}`, `${en} ${SAVE_AS_EN}`);
}

/**
 * Reads a Word 97–2003 binary file (or a WPS Office .wps in that format). Never throws: files that
 * cannot be read return no lines and a problem saying why and what to do.
 */
export function ingestDoc(bytes: Uint8Array, limits: IngestLimits, fileName = ''): SourceText {
  const failed = (p: IngestProblem): SourceText => ({ lines: [], kind: 'doc', meta: {}, problems: [p] });
  if (bytes.length > limits.maxFileBytes) {
    return failed(problem('ingest/too-large', 'error',
      `文件大小 ${bytes.length} 字节，超过上限 ${limits.maxFileBytes} 字节，未检查（上限可在配置文件的 limits.maxFileBytes 调整）。`,
      `The file is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit (limits.maxFileBytes in .xxgk-lint.yaml); not checked.`));
  }
  if (!isCompoundFile(bytes)) {
    const rtf = new TextDecoder('latin1').decode(bytes.subarray(0, 5)) === '{\\rtf';
    return failed(notWordProblem(fileName, rtf ? { zh: 'RTF 格式的文档', en: 'an RTF document' } : undefined));
  }
  let file: CompoundFile;
  let blocks: WordBlock[];
  try {
    file = new CompoundFile(bytes);
    const names = file.rootNames();
    if (!names.includes('WordDocument')) return failed(notWordProblem(fileName, otherOfficeFormat(names)));
    blocks = readWordBinary((name) => file.stream(name));
  } catch (error) {
    if (error instanceof WordBinaryError && error.reason === 'encrypted') {
      return failed(problem('ingest/encrypted-doc', 'error', '这个 Word 文件设置了打开密码，无法读取。请提供未加密的版本。',
        'This Word file is password-protected and cannot be read. Provide an unencrypted copy.'));
    }
    if (error instanceof WordBinaryError && error.reason === 'old-version') {
      return failed(problem('ingest/legacy-doc', 'error', `这是 Word 6.0/95 等早期版本的文件，无法读取。${SAVE_AS}`,
        `This is a Word 6.0/95 (or older) file, which cannot be read. ${SAVE_AS_EN}`));
    }
    const detail = error instanceof CfbError || error instanceof WordBinaryError ? error.message : String(error);
    return failed(problem('ingest/legacy-doc', 'error', `旧版 Word 文件（.doc）无法读取（${detail}），文件可能已损坏。${SAVE_AS}`,
      `The legacy Word file (.doc) could not be read (${detail}); it may be corrupt. ${SAVE_AS_EN}`));
  }

  const meta = readSummaryInformation(safeStream(file, '\u0005SummaryInformation'));
  const { lines, problems } = linesOfBlocks(blocks, limits, meta);
  return { lines, kind: 'doc', meta, problems };
}

/** A stream the report can do without (document properties): unreadable is the same as absent. */
function safeStream(file: CompoundFile, name: string): Uint8Array | undefined {
  try {
    return file.stream(name);
  } catch {
    return undefined;
  }
}
