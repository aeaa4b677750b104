import type { SourceText } from '../model/source.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
import { ingestText } from './text.js';

export { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
export { decodeText, toSourceLines } from './text.js';

/** The kinds of input {@link ingest} recognises from a file's name and first bytes. */
export type InputKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'doc' | 'unknown-binary';

const startsWithBytes = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((b, i) => bytes[i] === b);

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
  if (name.endsWith('.pdf')) return 'pdf';
  // A .wps that is not an OLE2 file is an early WPS format: the .doc reader says so.
  if (name.endsWith('.doc') || name.endsWith('.wps')) return 'doc';
  return 'text';
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
