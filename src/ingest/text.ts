import type { IngestProblem, SourceLine, SourceText } from '../model/source.js';
import type { IngestLimits } from './limits.js';

/** The result of {@link decodeText}: the text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: string;
  /**
   * Bytes that were not valid in `encoding` and became U+FFFD (a file cut in the middle of a
   * character, a stray byte): their count and the lines (from 1) they are on. Absent when every
   * byte decoded.
   */
  replaced?: { count: number; lines: number[] };
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

const REPLACEMENT = 0xfffd;
/**
 * At most one invalid byte per this many non-ASCII characters read correctly (or a couple in a
 * short or mostly ASCII text): a file that is text in an encoding has a few damaged places at
 * most, while text in another encoding (GBK read as UTF-8) or binary data fails everywhere.
 */
const DAMAGE_RATIO = 50;
const DAMAGE_ALWAYS_ALLOWED = 2;

/**
 * Decodes leniently (invalid bytes become U+FFFD) when the damage is rare enough for the text to
 * be that encoding; null otherwise. The lines of the replacements are counted in the same pass.
 */
function decodeDamaged(label: string, bytes: Uint8Array, encoding: string): DecodedText | null {
  const text = new TextDecoder(label).decode(bytes);
  let count = 0;
  let nonAscii = 0;
  let line = 1;
  const lines: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    else if (c === REPLACEMENT) {
      count++;
      if (lines[lines.length - 1] !== line) lines.push(line);
    } else if (c > 127) nonAscii++;
  }
  if (count === 0 || count > Math.max(DAMAGE_ALWAYS_ALLOWED, nonAscii / DAMAGE_RATIO)) return null;
  return { text, encoding, replaced: { count, lines } };
}

/**
 * Decodes report bytes: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8 is tried
 * first and GB18030 (a superset of GBK and GB2312) second. When neither reads every byte, a text
 * that is clearly UTF-8 or GB18030 apart from a few invalid bytes is decoded with those bytes
 * replaced (`replaced` says where). Returns null otherwise, which in practice means the file is
 * binary.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (startsWith(bytes, UTF8_BOM)) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    return text === null ? decodeDamaged('utf-8', bytes.subarray(3), 'utf-8-bom') : { text, encoding: 'utf-8-bom' };
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
  return decodeDamaged('utf-8', bytes, 'utf-8') ?? (mostlyGb2312(bytes) ? decodeDamaged('gb18030', bytes, 'gb18030') : null);
}

/**
 * True when at least 90 % of the two-byte characters are in GB2312's rows (lead and trail bytes
 * 0xA1–0xFE): Chinese prose in GBK almost never leaves them, while binary data or UTF-8 read as
 * GBK lands there about a third or half of the time. GB18030 reads nearly any byte pair, so its
 * own count of invalid bytes cannot tell damaged text from noise.
 */
function mostlyGb2312(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1] ?? 0;
    pairs++;
    if (lead >= 0xa1 && trail >= 0xa1 && trail <= 0xfe) common++;
    i++;
  }
  return pairs > 0 && common >= pairs * 0.9;
}

/** The warning for a text decoded with replacements: how many bytes, on which lines. */
export function replacedBytesProblem(decoded: DecodedText): IngestProblem | null {
  if (!decoded.replaced) return null;
  const { count, lines } = decoded.replaced;
  const shown = lines.slice(0, 10);
  const more = lines.length > shown.length;
  const name = decoded.encoding.startsWith('utf-8') ? 'UTF-8' : 'GB18030/GBK';
  return {
    id: 'ingest/invalid-bytes',
    severity: 'warning',
    message: `文件中有 ${count} 个字节不是有效的 ${name} 编码（第 ${shown.join('、')} 行${more ? ' 等' : ''}），已替换为「\uFFFD」后照常检查；这些位置的文字可能缺失或截断。请用原程序重新保存文件。`,
    messageEn: `${count} byte(s) are not valid ${name} (line${lines.length > 1 ? 's' : ''} ${shown.join(', ')}${more ? ' …' : ''}); they were replaced with U+FFFD and the report was checked; text there may be missing or cut. Save the file again from its program.`,
  };
}

/**
 * True when decoded text looks like binary data rather than a report: NUL characters, or more than
 * 1% of control characters other than TAB, CR, LF and form feed.
 */
export function looksBinary(text: string): boolean {
  // One scan of the sample for both tests; only a text longer than the sample is searched past it
  // for a NUL (profiled: a separate search of every text for NUL first).
  let control = 0;
  const length = Math.min(text.length, 200_000);
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) {
      if (c === 0) return true;
      control++;
    }
  }
  if (text.length > length && text.indexOf('\u0000', length) >= 0) return true;
  return control > length / 100;
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
  const replaced = replacedBytesProblem(decoded);
  if (replaced) problems.push(replaced);
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
