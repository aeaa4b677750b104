/**
 * The zip container of a .docx, read by hand (central directory + `DecompressionStream`) rather
 * than through a zip library: the zip-bomb defence needs the declared sizes before anything is
 * inflated, and the inflating itself must stop at the budget when a hostile file declares less
 * than it holds.
 *
 * A .docx is the only zip this tool opens, so the problems raised here speak of the Word file and
 * tell the user what to do with it.
 */
import type { IngestProblem } from '../model/source.js';

function problem(id: string, message: string, messageEn: string): IngestProblem {
  return { id, message, messageEn, severity: 'error' };
}

/**
 * The problem for bytes that are not a readable .docx, with `detail` saying what is wrong (in
 * Chinese and English, since it goes into both messages).
 */
export function corruptDocx(detail: string): IngestProblem {
  return problem('ingest/corrupt-docx',
    `Word 文件已损坏或不是有效的 .docx（${detail}）。请在 Word 或 WPS 中打开该文件，“另存为” .docx 后再检查。`,
    `The Word file is corrupt or not a valid .docx (${detail}). Open it in Word or WPS and save it again as .docx.`);
}

/**
 * Thrown while reading a .docx for input that cannot be read; carries the problem to report.
 * `ingestDocx` catches it, so it never leaves the ingest layer.
 */
export class DocxError extends Error {
  constructor(readonly problem: IngestProblem) {
    super(problem.messageEn);
  }
}

/** One file in the zip, as its central directory declares it. */
export interface ZipEntry {
  /** Path inside the archive, as stored (UTF-8). */
  name: string;
  /** Compression method: 0 stored, 8 deflate; anything else is refused when read. */
  method: number;
  /** General-purpose flags; bit 0 means encrypted. */
  flags: number;
  compressedSize: number;
  /** Declared uncompressed size: what the zip-bomb check trusts before inflating. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function u64(view: DataView, offset: number): number {
  // Sizes above 2^53 are nonsense for a report; they fail the size check anyway.
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32;
}

/**
 * Reads the zip central directory (with ZIP64 records) without inflating anything. Throws
 * {@link DocxError} when the bytes are not a zip.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (what: string): DocxError => new DocxError(corruptDocx(what));
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('找不到 zip 目录 / no zip central directory');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_EOCD_LOCATOR_SIG) throw bad('ZIP64 记录缺失 / missing ZIP64 record');
    const rec = u64(view, locator + 8);
    if (rec + 56 > bytes.length || view.getUint32(rec, true) !== ZIP64_EOCD_SIG) throw bad('ZIP64 记录损坏 / bad ZIP64 record');
    count = u64(view, rec + 32);
    cdSize = u64(view, rec + 40);
    cdOffset = u64(view, rec + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw bad('zip 目录越界 / central directory out of range');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIG) throw bad('zip 目录项损坏 / bad central directory entry');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > bytes.length) throw bad('zip 目录项越界 / entry out of range');
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extra field: the 64-bit values replace those stored as 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          uncompressedSize = u64(view, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) {
          compressedSize = u64(view, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) localHeaderOffset = u64(view, q);
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

// Deflate cannot compress better than about 1032:1; a bigger declared ratio is a forged header.
const MAX_DEFLATE_RATIO = 1100;

/**
 * The zip-bomb check on declared sizes: the total declared uncompressed size must be within the
 * limit, and no entry may declare more than deflate can produce from its compressed size.
 * Returns a problem, or undefined when the archive may be opened.
 */
export function checkZipBomb(entries: readonly ZipEntry[], limit: number): IngestProblem | undefined {
  let total = 0;
  let forged = false;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > MAX_DEFLATE_RATIO * Math.max(1, entry.compressedSize)) forged = true;
  }
  if (total <= limit && !forged) return undefined;
  return problem('ingest/zip-bomb',
    `Word 文件解压后大小（声明 ${total} 字节）超过上限 ${limit} 字节或压缩比异常，可能是“压缩炸弹”，未读取。年度报告的 .docx 通常不足 1 MB；如确属正常文件，请删除其中的大图片后重试。`,
    `The .docx would expand to ${total} bytes (declared), over the ${limit}-byte limit or with an impossible compression ratio; possibly a zip bomb. Not read.`);
}

function bombDuringInflate(name: string, budget: number): IngestProblem {
  return problem('ingest/zip-bomb',
    `Word 文件中的 ${name} 解压后超出声明大小或上限 ${budget} 字节，可能是“压缩炸弹”，未读取。`,
    `${name} in the .docx expands beyond its declared size or the ${budget}-byte limit; possibly a zip bomb. Not read.`);
}

/**
 * A zip archive whose parts are read on demand, with one budget for all the bytes inflated: the
 * declared sizes were checked by {@link checkZipBomb}, and the budget catches archives that lie
 * about them. Every read failure throws {@link DocxError}.
 */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  /**
   * @param bytes the whole archive
   * @param entries its central directory, from {@link readZipDirectory}
   * @param budget most bytes all reads together may produce
   */
  constructor(private readonly bytes: Uint8Array, entries: readonly ZipEntry[], private readonly budget: number) {
    // Some writers store part names with a leading slash; OOXML part names are looked up without.
    for (const entry of entries) this.byName.set(entry.name.replace(/^\/+/, ''), entry);
  }

  /** True when the archive holds a part of that name. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The part's bytes, or undefined when the archive has no such part. */
  async read(name: string): Promise<Uint8Array | undefined> {
    const entry = this.byName.get(name);
    if (entry === undefined) return undefined;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== LOCAL_SIG) throw new DocxError(corruptDocx(`${name}: 文件头损坏 / bad local header`));
    if ((entry.flags & 1) !== 0) throw new DocxError(corruptDocx(`${name}: 已加密 / encrypted`));
    // The local header's name and extra field may differ in length from the central directory's.
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new DocxError(corruptDocx(`${name}: 数据不完整 / truncated`));
    const data = this.bytes.subarray(start, end);
    if (entry.method === 0) return this.charge(name, data);
    if (entry.method !== 8) throw new DocxError(corruptDocx(`${name}: 不支持的压缩方式 ${entry.method} / unsupported compression`));
    return this.inflate(name, data, entry.uncompressedSize);
  }

  private charge(name: string, data: Uint8Array): Uint8Array {
    this.inflated += data.length;
    if (this.inflated > this.budget) throw new DocxError(bombDuringInflate(name, this.budget));
    return data;
  }

  /**
   * Inflates with the platform's `DecompressionStream`, counting output as it arrives: more than
   * the entry declared, or more than the remaining budget, stops at once (a forged size header
   * cannot get past the check this way).
   */
  private async inflate(name: string, data: Uint8Array, declared: number): Promise<Uint8Array> {
    const input = new ReadableStream<BufferSource>({
      start(controller) {
        controller.enqueue(data.slice()); // a copy: the stream wants an ArrayBuffer-backed view
        controller.close();
      },
    });
    const reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        this.inflated += value.length;
        if (size > declared || this.inflated > this.budget) {
          await reader.cancel().catch(() => undefined);
          throw new DocxError(bombDuringInflate(name, this.budget));
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof DocxError) throw error;
      throw new DocxError(corruptDocx(`${name}: 解压失败 / inflate failed`));
    }
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
