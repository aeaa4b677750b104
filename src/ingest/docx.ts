/**
 * .docx reports → lines, read straight from the OOXML parts rather than through an HTML
 * conversion: the parser needs Word's automatic numbering text (一、 （一） 1.), which converters
 * drop, and the exact merged-cell layout of the statistics tables.
 *
 * The zip container is read here too (central directory + `DecompressionStream`), because the
 * zip-bomb defence needs the declared sizes before anything is inflated, and the inflating itself
 * must stop at the budget when a hostile file declares less than it holds.
 */
import { load } from 'cheerio';
import type { IngestProblem, SourceLine, SourceMeta, SourceText } from '../model/source.js';
import { collapseWhitespace, expandSpans, isCjkChar, isElement, joinParts, type DomNode, type SpanCell } from './grid.js';
import type { IngestLimits } from './limits.js';

function problem(id: string, severity: IngestProblem['severity'], message: string, messageEn: string): IngestProblem {
  return { id, message, messageEn, severity };
}

const corruptDocx = (detail: string): IngestProblem =>
  problem('ingest/corrupt-docx', 'error',
    `Word 文件已损坏或不是有效的 .docx（${detail}）。请在 Word 或 WPS 中打开该文件，“另存为” .docx 后再检查。`,
    `The Word file is corrupt or not a valid .docx (${detail}). Open it in Word or WPS and save it again as .docx.`);

/** Thrown inside this module for input that is not a readable .docx; turned into a problem. */
class DocxError extends Error {
  constructor(readonly problem: IngestProblem) {
    super(problem.messageEn);
  }
}

// ---------------------------------------------------------------------------------------------
// Zip container

/** One file in the zip, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
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
  return problem('ingest/zip-bomb', 'error',
    `Word 文件解压后大小（声明 ${total} 字节）超过上限 ${limit} 字节或压缩比异常，可能是“压缩炸弹”，未读取。年度报告的 .docx 通常不足 1 MB；如确属正常文件，请删除其中的大图片后重试。`,
    `The .docx would expand to ${total} bytes (declared), over the ${limit}-byte limit or with an impossible compression ratio; possibly a zip bomb. Not read.`);
}

/** The zip archive of a .docx, with a shared budget for the bytes inflated so far. */
class DocxZip {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array, entries: readonly ZipEntry[], private readonly budget: number) {
    for (const entry of entries) this.byName.set(entry.name.replace(/^\/+/, ''), entry);
  }

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

function bombDuringInflate(name: string, budget: number): IngestProblem {
  return problem('ingest/zip-bomb', 'error',
    `Word 文件中的 ${name} 解压后超出声明大小或上限 ${budget} 字节，可能是“压缩炸弹”，未读取。`,
    `${name} in the .docx expands beyond its declared size or the ${budget}-byte limit; possibly a zip bomb. Not read.`);
}

// ---------------------------------------------------------------------------------------------
// XML helpers

const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // ISO 29500 strict
]);

/** Parses an XML part; the tree keeps prefixed names (`w:p`). */
function parseXml(bytes: Uint8Array): DomNode {
  const text = new TextDecoder('utf-8').decode(bytes);
  const $ = load(text, { xml: { xmlMode: true, decodeEntities: true } });
  const root = $.root()[0] as DomNode | undefined;
  if (root === undefined) throw new DocxError(corruptDocx('XML 无法解析 / unparsable XML'));
  return root;
}

function elements(node: DomNode): DomNode[] {
  return (node.children ?? []).filter(isElement);
}

/** Local name of an element whose prefix is bound to the WordprocessingML namespace. */
class WordNames {
  constructor(private readonly prefix: string) {}

  /** Detects the prefix the part uses for WordprocessingML (`w` nearly always). */
  static of(root: DomNode): WordNames {
    const top = elements(root)[0];
    for (const [attr, value] of Object.entries(top?.attribs ?? {})) {
      if (W_NS.has(value)) return new WordNames(attr === 'xmlns' ? '' : attr.replace(/^xmlns:/, ''));
    }
    return new WordNames('w');
  }

  local(node: DomNode): string | undefined {
    const name = node.name ?? '';
    if (this.prefix === '') return name.includes(':') ? undefined : name;
    return name.startsWith(`${this.prefix}:`) ? name.slice(this.prefix.length + 1) : undefined;
  }

  attr(node: DomNode, local: string): string | undefined {
    return node.attribs?.[this.prefix === '' ? local : `${this.prefix}:${local}`];
  }

  child(node: DomNode, local: string): DomNode | undefined {
    return elements(node).find((c) => this.local(c) === local);
  }

  childVal(node: DomNode | undefined, local: string): string | undefined {
    if (node === undefined) return undefined;
    const c = this.child(node, local);
    return c === undefined ? undefined : this.attr(c, 'val');
  }
}

function findDescendant(root: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (isElement(node) && test(node)) return node;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return undefined;
}

function textOf(node: DomNode): string {
  let out = '';
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === undefined) break;
    if (n.type === 'text') out += n.data ?? '';
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return out;
}

/** Targets of a relationships part by relationship type suffix (`/officeDocument`, `/numbering`). */
function relationships(xml: DomNode | undefined): Map<string, string> {
  const rels = new Map<string, string>();
  if (xml === undefined) return rels;
  const stack = [xml];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (isElement(node) && /(^|:)Relationship$/.test(node.name ?? '')) {
      const type = node.attribs?.['Type'] ?? '';
      const target = node.attribs?.['Target'];
      const mode = node.attribs?.['TargetMode'];
      const kind = type.slice(type.lastIndexOf('/') + 1);
      if (target !== undefined && mode !== 'External' && !rels.has(kind)) rels.set(kind, target);
    }
    stack.push(...(node.children ?? []));
  }
  return rels;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

// ---------------------------------------------------------------------------------------------
// Numbering

/** Number formats of `w:numFmt` rendered as Word shows them. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return toLetters(n);
    case 'lowerLetter':
      return toLetters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseCounting(n, '〇一二三四五六七八九', ['', '十', '百', '千']);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return toChineseCounting(n, '零壹贰叁肆伍陆柒捌玖', ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)] ?? d);
    case 'ideographTraditional': // 甲乙丙丁… (the ten heavenly stems)
      return n >= 1 ? ('甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n)) : String(n);
    case 'ideographZodiac': // 子丑寅卯… (the twelve earthly branches)
    case 'ideographZodiacTraditional':
      return n >= 1 ? ('子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n)) : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

function toLetters(n: number): string {
  // Word repeats the letter: 27 → AA, 28 → BB.
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (digits below 10 000). */
function toChineseCounting(n: number, digits: string, units: readonly string[]): string {
  if (!Number.isInteger(n) || n < 0 || n >= 10000) return String(n);
  if (n === 0) return digits[0] ?? '0';
  const ds = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i] ?? '';
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += digits[0] ?? '';
    pendingZero = false;
    // 10–19 read 十, 十一 … without the leading 一.
    if (!(d === 1 && unit === units[1] && out === '' && ds.length === 2)) out += digits[d] ?? '';
    out += unit;
  });
  return out;
}

interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  suffix: 'tab' | 'space' | 'nothing';
  isLgl: boolean;
  restart?: number;
  pStyle?: string;
}

interface NumDef {
  abstractId: string;
  levels: Map<number, LevelDef>;
  /** Counter set this instance uses: the abstract list's, or its own when it restarts numbering. */
  counterKey: string;
}

/** Word's automatic numbering: definitions from numbering.xml and the running counters. */
class Numbering {
  private readonly nums = new Map<string, NumDef>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(xml: DomNode | undefined, private readonly styles: Styles) {
    if (xml === undefined) return;
    const w = WordNames.of(xml);
    const top = elements(xml)[0];
    if (top === undefined) return;
    const abstracts = new Map<string, DomNode>();
    for (const el of elements(top)) if (w.local(el) === 'abstractNum') abstracts.set(w.attr(el, 'abstractNumId') ?? '', el);
    const numEls = elements(top).filter((el) => w.local(el) === 'num');
    const numAbstract = new Map<string, string>();
    for (const el of numEls) numAbstract.set(w.attr(el, 'numId') ?? '', w.childVal(el, 'abstractNumId') ?? '');
    for (const el of numEls) {
      const numId = w.attr(el, 'numId') ?? '';
      let abstractId = numAbstract.get(numId) ?? '';
      let abstract = abstracts.get(abstractId);
      // A list-style link: the abstract list only names a numbering style, whose numId leads to
      // the abstract list that holds the levels.
      const link = abstract === undefined ? undefined : w.childVal(abstract, 'numStyleLink');
      if (link !== undefined) {
        const linkedNum = this.styles.numIdOf(link);
        const linkedAbstract = linkedNum === undefined ? undefined : numAbstract.get(linkedNum);
        if (linkedAbstract !== undefined && abstracts.has(linkedAbstract)) {
          abstractId = linkedAbstract;
          abstract = abstracts.get(linkedAbstract);
        }
      }
      const levels = new Map<number, LevelDef>();
      for (const lvl of abstract === undefined ? [] : elements(abstract)) {
        if (w.local(lvl) === 'lvl') levels.set(Number(w.attr(lvl, 'ilvl') ?? '0'), readLevel(w, lvl));
      }
      let overridden = false;
      for (const override of elements(el).filter((c) => w.local(c) === 'lvlOverride')) {
        const ilvl = Number(w.attr(override, 'ilvl') ?? '0');
        const lvl = w.child(override, 'lvl');
        if (lvl !== undefined) levels.set(ilvl, readLevel(w, lvl));
        const start = w.childVal(override, 'startOverride');
        const base = levels.get(ilvl);
        if (start !== undefined && base !== undefined) levels.set(ilvl, { ...base, start: Number(start) });
        overridden = true;
      }
      this.nums.set(numId, { abstractId, levels, counterKey: overridden ? `num:${numId}` : `abs:${abstractId}` });
    }
  }

  /**
   * The numbering text of a paragraph with list `numId` at level `ilvl` (e.g. `一、`), advancing
   * the counters as Word does. Undefined for no numbering or bullets.
   */
  next(numId: string, ilvl: number | undefined, styleId: string | undefined): { text: string; suffix: LevelDef['suffix'] } | undefined {
    const num = this.nums.get(numId);
    if (num === undefined) return undefined;
    let level = ilvl;
    if (level === undefined && styleId !== undefined) {
      // A style linked to a list level names the level in the list definition (w:lvl/w:pStyle).
      for (const [i, def] of num.levels) if (def.pStyle === styleId) level = i;
    }
    level ??= 0;
    const def = num.levels.get(level);
    if (def === undefined) return undefined;
    let counts = this.counters.get(num.counterKey);
    if (counts === undefined) {
      counts = [];
      this.counters.set(num.counterKey, counts);
    }
    const current = counts[level];
    counts[level] = current === undefined ? def.start : current + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const restart = num.levels.get(deeper)?.restart;
      // lvlRestart 0 means never restart; n restarts after a level numbered below n.
      if (restart === 0) continue;
      if (restart !== undefined && level + 1 >= restart) continue;
      counts[deeper] = undefined;
    }
    if (def.numFmt === 'bullet') return undefined;
    const text = def.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const levelDef = num.levels.get(i);
      const value = counts?.[i] ?? levelDef?.start ?? 1;
      return formatNumber(value, def.isLgl && i !== level ? 'decimal' : (levelDef?.numFmt ?? 'decimal'));
    });
    return { text, suffix: def.suffix };
  }
}

function readLevel(w: WordNames, lvl: DomNode): LevelDef {
  const numFmtEl = w.child(lvl, 'numFmt');
  let numFmt = numFmtEl === undefined ? 'decimal' : (w.attr(numFmtEl, 'val') ?? 'decimal');
  // Word 2010+ writes some formats as mc:AlternateContent with a w:numFmt w:val="custom"
  // w:format="…" choice; the fallback element carries a plain format.
  if (numFmtEl === undefined) {
    const alt = findDescendant(lvl, (n) => w.local(n) === 'numFmt');
    if (alt !== undefined) numFmt = w.attr(alt, 'val') ?? 'decimal';
  }
  if (numFmt === 'custom') numFmt = 'decimal';
  const suff = w.childVal(lvl, 'suff');
  const restart = w.childVal(lvl, 'lvlRestart');
  const pStyle = w.childVal(lvl, 'pStyle');
  const isLglEl = w.child(lvl, 'isLgl');
  const def: LevelDef = {
    start: Number(w.childVal(lvl, 'start') ?? '1'),
    numFmt,
    lvlText: w.childVal(lvl, 'lvlText') ?? '',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    isLgl: isLglEl !== undefined && w.attr(isLglEl, 'val') !== '0' && w.attr(isLglEl, 'val') !== 'false',
  };
  if (restart !== undefined) def.restart = Number(restart);
  if (pStyle !== undefined) def.pStyle = pStyle;
  if (Number.isNaN(def.start)) def.start = 1;
  return def;
}

/** Paragraph styles: the numbering a style carries, following `basedOn`. */
class Styles {
  private readonly byId = new Map<string, { basedOn?: string; numId?: string; ilvl?: number }>();

  constructor(xml: DomNode | undefined) {
    if (xml === undefined) return;
    const w = WordNames.of(xml);
    const top = elements(xml)[0];
    for (const style of top === undefined ? [] : elements(top)) {
      if (w.local(style) !== 'style') continue;
      const id = w.attr(style, 'styleId');
      if (id === undefined) continue;
      const entry: { basedOn?: string; numId?: string; ilvl?: number } = {};
      const basedOn = w.childVal(style, 'basedOn');
      if (basedOn !== undefined) entry.basedOn = basedOn;
      const pPr = w.child(style, 'pPr');
      const numPr = pPr === undefined ? undefined : w.child(pPr, 'numPr');
      if (numPr !== undefined) {
        const numId = w.childVal(numPr, 'numId');
        const ilvl = w.childVal(numPr, 'ilvl');
        if (numId !== undefined) entry.numId = numId;
        if (ilvl !== undefined) entry.ilvl = Number(ilvl);
      }
      this.byId.set(id, entry);
    }
  }

  /** The list a style numbers its paragraphs with, looking through `basedOn` ancestors. */
  numbering(styleId: string): { numId: string; ilvl?: number } | undefined {
    const seen = new Set<string>();
    let id: string | undefined = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const style = this.byId.get(id);
      if (style === undefined) return undefined;
      if (style.numId !== undefined) return style.ilvl === undefined ? { numId: style.numId } : { numId: style.numId, ilvl: style.ilvl };
      id = style.basedOn;
    }
    return undefined;
  }

  numIdOf(styleId: string): string | undefined {
    return this.numbering(styleId)?.numId;
  }
}

// ---------------------------------------------------------------------------------------------
// Document body

/** What the body walk produces: text blocks (one per paragraph line) and table rows. */
interface OutBlock {
  text: string;
  paragraph?: number;
  table?: { index: number; row: number };
}

// A list marker that a TAB separates from the paragraph text ("一、<tab>总体情况").
const MARKER_ONLY_RE = /^[（(]?[一二三四五六七八九十\d]{1,3}[）)]?[、.．]?$/;

class BodyReader {
  readonly blocks: OutBlock[] = [];
  private paragraphCount = 0;
  private tableCount = 0;

  constructor(private readonly w: WordNames, private readonly numbering: Numbering, private readonly styles: Styles) {}

  /** Walks block-level content: paragraphs, tables and the containers that wrap them. */
  readBlocks(container: DomNode): void {
    for (const el of elements(container)) {
      const name = this.w.local(el);
      if (name === 'p') this.emitParagraph(el);
      else if (name === 'tbl') this.emitTable(el);
      else if (name === 'sdt') this.readBlocks(this.w.child(el, 'sdtContent') ?? el);
      else if (name === 'customXml' || name === 'ins' || name === 'moveTo') this.readBlocks(el);
      else if (name === undefined && /AlternateContent$/.test(el.name ?? '')) {
        const choice = elements(el)[0];
        if (choice !== undefined) this.readBlocks(choice);
      }
    }
  }

  private emitParagraph(p: DomNode): void {
    const { lines, floating } = this.paragraphLines(p);
    const texts = lines.map((l) => l.trim()).filter((l) => l !== '');
    if (texts.length > 0) {
      this.paragraphCount++;
      for (const text of texts) this.blocks.push({ text, paragraph: this.paragraphCount });
    }
    // Text boxes anchored in the paragraph read as paragraphs after it.
    for (const box of floating) this.readBlocks(box);
  }

  /**
   * A paragraph's text: its numbering prefix and runs, split at manual line breaks. Text boxes
   * inside it are returned separately.
   */
  private paragraphLines(p: DomNode): { lines: string[]; floating: DomNode[] } {
    const w = this.w;
    const lines: string[] = [''];
    const floating: DomNode[] = [];
    const append = (s: string): void => {
      lines[lines.length - 1] += s;
    };
    const pPr = w.child(p, 'pPr');
    const styleId = w.childVal(pPr, 'pStyle');
    const prefix = this.numberingPrefix(pPr, styleId);

    const walk = (node: DomNode): void => {
      for (const el of elements(node)) {
        const name = w.local(el);
        if (name === undefined) {
          // Markup-compatibility wrapper: read the first choice only, so that text boxes written
          // twice (DrawingML + VML fallback) count once.
          if (/AlternateContent$/.test(el.name ?? '')) {
            const choice = elements(el)[0];
            if (choice !== undefined) walk(choice);
          } else if (/(^|:)(drawing|pict|inline|anchor|graphic|graphicData|wsp|txbx|textbox|shape|rect|group|wgp|Choice|Fallback)$/.test(el.name ?? '')) {
            walk(el);
          }
          continue;
        }
        switch (name) {
          case 'pPr':
          case 'rPr':
          case 'del':
          case 'moveFrom':
          case 'instrText':
          case 'delText':
          case 'footnoteReference':
          case 'endnoteReference':
          case 'commentReference':
          case 'fldChar':
            break;
          case 'r':
            if (isHiddenRun(w, el)) break;
            walk(el);
            break;
          case 't':
            append(textOf(el));
            break;
          case 'tab':
          case 'ptab':
            append('\t');
            break;
          case 'br':
          case 'cr':
            lines.push('');
            break;
          case 'noBreakHyphen':
            append('-');
            break;
          case 'sym': {
            const code = Number.parseInt(w.attr(el, 'char') ?? '', 16);
            // Symbol-font glyphs map to the private use area: no meaningful text.
            if (!Number.isNaN(code) && !(code >= 0xe000 && code <= 0xf8ff)) append(String.fromCodePoint(code));
            break;
          }
          case 'txbxContent':
            floating.push(el);
            break;
          case 'drawing':
          case 'pict':
          case 'object':
            walk(el);
            break;
          default:
            // hyperlink, ins, smartTag, fldSimple, sdt/sdtContent, customXml, bdo, dir, moveTo …
            walk(el);
        }
      }
    };
    walk(p);
    const out = lines.map((line, i) => cleanTabs(i === 0 && prefix !== undefined ? attachPrefix(prefix, line) : line));
    return { lines: out, floating };
  }

  private numberingPrefix(pPr: DomNode | undefined, styleId: string | undefined): { text: string; suffix: LevelDef['suffix'] } | undefined {
    const w = this.w;
    const numPr = pPr === undefined ? undefined : w.child(pPr, 'numPr');
    let numId = w.childVal(numPr, 'numId');
    const ilvlText = w.childVal(numPr, 'ilvl');
    let ilvl = ilvlText === undefined ? undefined : Number(ilvlText);
    const fromStyle = styleId === undefined ? undefined : this.styles.numbering(styleId);
    if (numId === undefined) {
      numId = fromStyle?.numId;
      ilvl ??= fromStyle?.ilvl;
    } else if (ilvl === undefined) {
      ilvl = fromStyle?.ilvl;
    }
    if (numId === undefined || numId === '0') return undefined; // numId 0 switches numbering off
    return this.numbering.next(numId, ilvl, styleId);
  }

  /** Text of a table cell: its paragraphs (and nested tables) joined into one string. */
  private cellText(tc: DomNode): string {
    const parts: string[] = [];
    const visit = (container: DomNode): void => {
      for (const el of elements(container)) {
        const name = this.w.local(el);
        if (name === 'p') {
          const { lines, floating } = this.paragraphLines(el);
          for (const line of lines) parts.push(collapseWhitespace(line));
          for (const box of floating) visit(box);
        } else if (name === 'tbl') {
          for (const row of this.tableGrid(el)) for (const cell of row) parts.push(cell);
        } else if (name === 'sdt') {
          visit(this.w.child(el, 'sdtContent') ?? el);
        } else if (name === 'customXml' || name === 'ins') {
          visit(el);
        }
      }
    };
    visit(tc);
    return joinParts(parts);
  }

  /** Rows of a table, looking through content controls and custom XML wrappers. */
  private rowsOf(tbl: DomNode): DomNode[] {
    const rows: DomNode[] = [];
    const visit = (node: DomNode): void => {
      for (const el of elements(node)) {
        const name = this.w.local(el);
        if (name === 'tr') rows.push(el);
        else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml') visit(el);
      }
    };
    visit(tbl);
    return rows;
  }

  private cellsOf(tr: DomNode): DomNode[] {
    const cells: DomNode[] = [];
    const visit = (node: DomNode): void => {
      for (const el of elements(node)) {
        const name = this.w.local(el);
        if (name === 'tc') cells.push(el);
        else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml') visit(el);
      }
    };
    visit(tr);
    return cells;
  }

  /**
   * The table as a grid: gridSpan cells cover several columns, `vMerge` continuation cells (and
   * legacy `hMerge` continuations) are empty, and `gridBefore`/`gridAfter` leave empty columns.
   */
  tableGrid(tbl: DomNode): string[][] {
    const w = this.w;
    const rows: SpanCell[][] = this.rowsOf(tbl).map((tr) => {
      const trPr = w.child(tr, 'trPr');
      const before = Number(w.childVal(trPr, 'gridBefore') ?? '0');
      const after = Number(w.childVal(trPr, 'gridAfter') ?? '0');
      const cells: SpanCell[] = [];
      if (before > 0) cells.push({ text: '', rowSpan: 1, colSpan: before });
      for (const tc of this.cellsOf(tr)) {
        const tcPr = w.child(tc, 'tcPr');
        const colSpan = Math.max(1, Number(w.childVal(tcPr, 'gridSpan') ?? '1') || 1);
        const vMerge = tcPr === undefined ? undefined : w.child(tcPr, 'vMerge');
        const hMerge = tcPr === undefined ? undefined : w.child(tcPr, 'hMerge');
        const continues = (vMerge !== undefined && w.attr(vMerge, 'val') !== 'restart')
          || (hMerge !== undefined && w.attr(hMerge, 'val') !== 'restart');
        cells.push({ text: continues ? '' : this.cellText(tc), rowSpan: 1, colSpan });
      }
      if (after > 0) cells.push({ text: '', rowSpan: 1, colSpan: after });
      return cells;
    });
    return expandSpans(rows);
  }

  private emitTable(tbl: DomNode): void {
    this.tableCount++;
    const index = this.tableCount;
    this.tableGrid(tbl).forEach((cells, r) => {
      if (cells.every((c) => c === '')) return;
      this.blocks.push({ text: cells.join('\t'), table: { index, row: r + 1 } });
    });
  }
}

function isHiddenRun(w: WordNames, r: DomNode): boolean {
  const rPr = w.child(r, 'rPr');
  const vanish = rPr === undefined ? undefined : w.child(rPr, 'vanish');
  if (vanish === undefined) return false;
  const val = w.attr(vanish, 'val');
  return val !== '0' && val !== 'false';
}

/**
 * Puts a numbering prefix before the paragraph text. Word separates them with a tab or space;
 * in Chinese text that gap is layout, not a character (typed numbering reads `1.属于…`), so the
 * prefix joins directly when either side of the join is CJK, and with one space otherwise.
 */
function attachPrefix(prefix: { text: string; suffix: LevelDef['suffix'] }, text: string): string {
  if (prefix.text === '') return text;
  const body = text.replace(/^[\s\t]+/, '');
  if (body === '') return prefix.text;
  const last = Array.from(prefix.text).at(-1);
  const first = Array.from(body)[0];
  const direct = prefix.suffix === 'nothing' || isCjkChar(last) || isCjkChar(first);
  return direct ? prefix.text + body : `${prefix.text} ${body}`;
}

/**
 * Tabs inside a paragraph would read as table-cell separators; an inner tab becomes two spaces
 * (a column gap, as in `pdftotext -layout` text), except after a bare list marker such as `一、`.
 */
function cleanTabs(line: string): string {
  const trimmed = line.replace(/^[\t ]+|[\t ]+$/g, '');
  return trimmed.replace(/\t+/g, (_, offset: number) => (MARKER_ONLY_RE.test(trimmed.slice(0, offset).trim()) ? '' : '  '));
}

// ---------------------------------------------------------------------------------------------
// Properties

/** ISO date of a W3CDTF timestamp, in China time (UTC+8), where Chinese reports are written. */
function chinaDate(value: string): string | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  return new Date(time + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function coreMeta(xml: DomNode | undefined): SourceMeta {
  const meta: SourceMeta = {};
  if (xml === undefined) return meta;
  const title = findDescendant(xml, (n) => /(^|:)title$/.test(n.name ?? ''));
  const created = findDescendant(xml, (n) => /(^|:)created$/.test(n.name ?? ''));
  const titleText = title === undefined ? '' : collapseWhitespace(textOf(title));
  if (titleText !== '') meta.title = titleText;
  const createdText = created === undefined ? '' : textOf(created).trim();
  const date = createdText === '' ? undefined : chinaDate(createdText);
  // Word writes 1601-01-01 or 1899-12-30 when the creation time is unknown.
  if (date !== undefined && date >= '1980-01-01') meta.createdAt = date;
  return meta;
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads a .docx report into lines: one per paragraph (with Word's automatic numbering text
 * restored) and one TAB-separated line per table row (merged cells expanded, continuation cells
 * empty). Checks the zip's declared sizes against `limits.maxDocxUncompressedBytes` before
 * inflating anything. Never throws: unreadable files return a problem and no lines.
 */
export async function ingestDocx(bytes: Uint8Array, limits: IngestLimits): Promise<SourceText> {
  const failed = (p: IngestProblem): SourceText => ({ lines: [], kind: 'docx', meta: {}, problems: [p] });
  if (bytes.length > limits.maxFileBytes) {
    return failed(problem('ingest/too-large', 'error',
      `文件大小 ${bytes.length} 字节，超过上限 ${limits.maxFileBytes} 字节，未检查。`,
      `The file is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit; not checked.`));
  }
  try {
    return await readDocx(bytes, limits);
  } catch (error) {
    if (error instanceof DocxError) return failed(error.problem);
    const detail = error instanceof Error ? error.message : String(error);
    return failed(corruptDocx(detail));
  }
}

async function readDocx(bytes: Uint8Array, limits: IngestLimits): Promise<SourceText> {
  const entries = readZipDirectory(bytes);
  const bomb = checkZipBomb(entries, limits.maxDocxUncompressedBytes);
  if (bomb !== undefined) throw new DocxError(bomb);
  const zip = new DocxZip(bytes, entries, limits.maxDocxUncompressedBytes);
  const xmlPart = async (name: string): Promise<DomNode | undefined> => {
    const data = await zip.read(name);
    return data === undefined ? undefined : parseXml(data);
  };

  const rootRels = relationships(await xmlPart('_rels/.rels'));
  const mainTarget = rootRels.get('officeDocument');
  const mainName = mainTarget === undefined ? 'word/document.xml' : resolvePart('', mainTarget);
  const documentXml = zip.has(mainName) ? await xmlPart(mainName) : await xmlPart('word/document.xml');
  if (documentXml === undefined) throw new DocxError(corruptDocx('缺少 word/document.xml / missing word/document.xml'));
  const relsName = `${mainName.slice(0, mainName.lastIndexOf('/') + 1)}_rels/${mainName.slice(mainName.lastIndexOf('/') + 1)}.rels`;
  const docRels = relationships(await xmlPart(relsName));
  const partName = (kind: string, fallback: string): string => {
    const target = docRels.get(kind);
    return target === undefined ? fallback : resolvePart(mainName, target);
  };
  const styles = new Styles(await xmlPart(partName('styles', 'word/styles.xml')));
  const numbering = new Numbering(await xmlPart(partName('numbering', 'word/numbering.xml')), styles);
  const corePart = rootRels.get('core-properties');
  const meta = coreMeta(await xmlPart(corePart === undefined ? 'docProps/core.xml' : resolvePart('', corePart)));

  const w = WordNames.of(documentXml);
  const documentEl = elements(documentXml)[0];
  const body = documentEl === undefined ? undefined : w.child(documentEl, 'body');
  if (body === undefined) throw new DocxError(corruptDocx('word/document.xml 中没有正文 / no w:body'));
  const reader = new BodyReader(w, numbering, styles);
  reader.readBlocks(body);

  const problems: IngestProblem[] = [];
  let blocks = reader.blocks;
  if (blocks.length > limits.maxLines) {
    problems.push(problem('ingest/too-many-lines', 'warning',
      `文档有 ${blocks.length} 行，只读取了前 ${limits.maxLines} 行。`,
      `The document has ${blocks.length} lines; only the first ${limits.maxLines} were read.`));
    blocks = blocks.slice(0, limits.maxLines);
  }
  const lines: SourceLine[] = blocks.map((block, i) => {
    const origin: SourceLine['origin'] = { line: i + 1 };
    if (block.paragraph !== undefined) origin.paragraph = block.paragraph;
    if (block.table !== undefined) {
      origin.tableIndex = block.table.index;
      origin.tableRow = block.table.row;
    }
    return { text: block.text, origin };
  });
  if (meta.title === undefined) {
    const first = blocks.find((b) => b.paragraph !== undefined);
    if (first !== undefined && first.text.includes('报告') && first.text.length <= 100) meta.title = first.text;
  }
  if (lines.length === 0) {
    problems.push(problem('ingest/empty', 'error', 'Word 文件中没有文字内容。', 'The Word file holds no text.'));
  }
  return { lines, kind: 'docx', meta, problems };
}
