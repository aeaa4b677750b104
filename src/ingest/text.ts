import type { IngestProblem, SourceLine, SourceText } from '../model/source.js';
import type { IngestLimits } from './limits.js';

/** The result of {@link decodeText}: the text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * The strict UTF-8 decoder, made once: it is tried on every file, and UTF-8 decoding keeps no
 * state from one `decode()` call to the next. The other encodings (decoded by ICU converters,
 * and rarely) get a new decoder each time, as before.
 */
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return (label === 'utf-8' ? utf8Decoder : new TextDecoder(label, { fatal: true })).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes report bytes: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8 is tried
 * first and GB18030 (a superset of GBK and GB2312) second. Returns null when neither reads the
 * bytes without errors, which in practice means the file is binary.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (startsWith(bytes, UTF8_BOM)) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    return text === null ? null : { text, encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    const text = tryDecode('utf-16le', bytes.subarray(2));
    return text === null ? null : { text, encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    const text = tryDecode('utf-16be', bytes.subarray(2));
    return text === null ? null : { text, encoding: 'utf-16be' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  return null;
}

/**
 * True when decoded text looks like binary data rather than a report: NUL characters, or more than
 * 1% of control characters other than TAB, CR, LF and form feed.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let control = 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length / 100;
}

/** Splits text into lines (LF, CRLF or CR), numbered from 1. */
export function toSourceLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => ({ text: line, origin: { line: i + 1 } }));
}

function problem(id: string, message: string, messageEn: string): IngestProblem {
  return { id, message, messageEn, severity: 'error' };
}

/** Reads a plain-text or markdown report. Never throws: problems are returned in the result. */
export function ingestText(bytes: Uint8Array, kind: 'text' | 'markdown', limits: IngestLimits): SourceText {
  const empty: SourceText = { lines: [], kind, meta: {}, problems: [] };
  if (bytes.length === 0) {
    empty.problems.push(problem('ingest/empty', '文件为空，没有可检查的内容。', 'The file is empty.'));
    return empty;
  }
  if (bytes.length > limits.maxFileBytes) {
    empty.problems.push(
      problem(
        'ingest/too-large',
        `文件大小 ${bytes.length} 字节，超过上限 ${limits.maxFileBytes} 字节，未检查。年度报告通常不足 1 MB，请确认文件是否正确，或在配置文件 .xxgk-lint.yaml 的 limits.maxFileBytes 调高上限。`,
        `The file is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit (limits.maxFileBytes in .xxgk-lint.yaml); not checked.`,
      ),
    );
    return empty;
  }
  const decoded = decodeText(bytes);
  if (decoded === null || looksBinary(decoded.text)) {
    empty.problems.push(
      problem(
        'ingest/binary',
        '文件不是可读的文本（既不是 UTF-8 也不是 GBK/GB18030 编码），可能是二进制文件。请提供 .txt、.md、.html、.docx 或 .pdf 格式的报告。',
        'The file is not readable text (neither UTF-8 nor GBK/GB18030); it may be binary.',
      ),
    );
    return empty;
  }
  let lines = toSourceLines(decoded.text);
  const problems: IngestProblem[] = [];
  if (lines.length > limits.maxLines) {
    problems.push({
      id: 'ingest/too-many-lines',
      message: `文件有 ${lines.length} 行，只读取了前 ${limits.maxLines} 行。`,
      messageEn: `The file has ${lines.length} lines; only the first ${limits.maxLines} were read.`,
      severity: 'warning',
    });
    lines = lines.slice(0, limits.maxLines);
  }
  if (lines.every((l) => l.text.trim() === '')) {
    problems.push(problem('ingest/empty', '文件只有空白，没有可检查的内容。', 'The file holds only white space.'));
  }
  return { lines, kind, encoding: decoded.encoding, meta: {}, problems };
}
