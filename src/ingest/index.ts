import type { SourceText } from '../model/source.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
import { ingestText } from './text.js';

export { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
export { decodeText, toSourceLines } from './text.js';

/** The kinds of input {@link ingest} recognises from a file's name and first bytes. */
export type InputKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'doc' | 'unknown-binary';

const startsWithBytes = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

/** True for a name that says PDF (`.pdf`, any case): what a file without telling bytes is read as. */
export function isPdfFileName(fileName: string): boolean {
  return /\.pdf$/i.test(fileName);
}

/**
 * Decides what a file is from its first bytes, and from its name where the bytes do not say
 * (plain text and markdown look alike). The bytes win over the name: a PDF saved as `.txt` is
 * read as a PDF.
 */
export function detectKind(bytes: Uint8Array, fileName: string): InputKind {
  const name = fileName.toLowerCase();
  if (startsWithBytes(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWithBytes(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'doc'; // OLE2: .doc, WPS .wps (.xls … are told apart by the reader)
  if (startsWithBytes(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // zip
  if (/\.(html?|shtml|xhtml)$/.test(name)) return 'html';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).toLowerCase();
  if (/^\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)/.test(head.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, ''))) return 'html';
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (name.endsWith('.docx')) return 'docx';
  if (isPdfFileName(name)) return 'pdf';
  // A .wps that is not an OLE2 file is an early WPS format: the .doc reader says so.
  if (name.endsWith('.doc') || name.endsWith('.wps')) return 'doc';
  return 'text';
}

/** Image formats by their first bytes: a scan or a screenshot saved under a report's name. */
const IMAGE_MAGIC: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'TIFF', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
];

/** The image format the bytes start with (PNG, JPEG, GIF, TIFF), or undefined. */
export function imageFormat(bytes: Uint8Array): string | undefined {
  return IMAGE_MAGIC.find((m) => startsWithBytes(bytes, m.bytes))?.name;
}

/**
 * What a file that is no document at all is (empty, or an image under a report's name), as the
 * problem that says so; undefined for anything else.
 */
function notADocument(bytes: Uint8Array, fileName: string): SourceText | undefined {
  if (bytes.length === 0) return failed('unknown', 'ingest/empty', `文件是空的（0 字节）：${fileName} 没有任何内容。请重新保存或下载该报告。`, `The file is empty (0 bytes): ${fileName} has no content. Save or download the report again.`);
  const image = imageFormat(bytes);
  if (image === undefined) return undefined;
  return failed('unknown', 'ingest/image',
    `这是一个 ${image} 图片文件，不是报告文档（文件名是 ${fileName}），无法读取其中的文字。请提供报告的 PDF、Word 或网页原件；只有扫描图片时，需先做文字识别（OCR）。`,
    `This is a ${image} image, not a report document (named ${fileName}); its text cannot be read. Give the report as PDF, Word or a web page; a scan needs OCR first.`);
}

/**
 * Reads one report file into lines for the parser. Never throws: a file that cannot be read
 * returns no lines and a problem saying why and what to do.
 */
export async function ingest(
  bytes: Uint8Array,
  fileName: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): Promise<SourceText> {
  const none = notADocument(bytes, fileName.split(/[\\/]/).pop() ?? fileName);
  if (none) return none;
  const kind = detectKind(bytes, fileName);
  try {
    switch (kind) {
      case 'text':
      case 'markdown':
        return ingestText(bytes, kind, limits);
      case 'html': {
        const { ingestHtml } = await import('./html.js');
        return await ingestHtml(bytes, limits);
      }
      case 'docx': {
        const { ingestDocx } = await import('./docx.js');
        return await ingestDocx(bytes, limits);
      }
      case 'pdf': {
        const { ingestPdf } = await import('./pdf.js');
        return await ingestPdf(bytes, limits);
      }
      case 'doc': {
        const { ingestDoc } = await import('./doc.js');
        return ingestDoc(bytes, limits, fileName);
      }
      default:
        return failed('unknown', 'ingest/unknown-format', '无法识别的文件格式。', 'Unrecognised file format.');
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed(kind === 'doc' || kind === 'unknown-binary' ? 'unknown' : kind, 'ingest/unreadable',
      `文件无法读取（${detail}）。文件可能已损坏；请用原程序重新导出后再检查。`,
      `The file could not be read (${detail}). It may be corrupt; export it again.`);
  }
}

function failed(kind: SourceText['kind'], id: string, message: string, messageEn: string): SourceText {
  return { lines: [], kind, meta: {}, problems: [{ id, message, messageEn, severity: 'error' }] };
}
