/**
 * Which files of a batch are the same report, and which names are the same agency, for a summary
 * an auditor can count on.
 *
 * - The same report given as .pdf and .txt (or .docx, .html) has different bytes but the same
 *   content: the same year, nearly the same table numbers and nearly the same text. Each checked
 *   file carries a {@link ReportIdentity}: hashes of its number cells (`id=value`) and a bottom-k
 *   sketch of its body, both small, so the summary can match files without keeping their text.
 * - An agency is written with or without its region (淮安市洪泽区人民政府, 洪泽区人民政府). Names are
 *   split into the leading region units and the rest; two names are one agency when the rest is
 *   the same and the regions agree: one region ends the other (江苏省淮安市 / 淮安市), where a missing
 *   region is taken from the report's own text (本报告由淮安市洪泽区人民政府办公室…) and never from a
 *   list of places. Without a region on both sides, only identical names are one agency (two
 *   鼓楼区人民政府 of different cities must not merge on a guess).
 *
 * Browser-safe and pure.
 */
import { sketch, sketchSimilarity, smallestDistinct } from '../format/text-similarity.js';
import type { Report } from '../model/report.js';

/** What the summary keeps of a checked report to recognise it in another file. */
export interface ReportIdentity {
  /** Sorted distinct 32-bit hashes of the report's number cells as `cellId=value`. */
  cells: Uint32Array;
  /** Bottom-k sketch of the body (white space removed). */
  text: Uint32Array;
  /** What the report writes right before its agency's place name, when the name has no region (see {@link textBeforePlace}). */
  before: string[];
}

/** Number cells two files must share (Jaccard) to be one report: all (a changed figure is another version of the report, which the summary flags). */
export const SAME_CELLS = 1;
/** Text sketch similarity two files must reach to be one report (a PDF's page furniture aside). */
export const SAME_TEXT = 0.8;
/** Below this many number cells the tables say too little (an all-zero township table is common). */
const FEW_CELLS = 20;
const SKETCH_K = 64;

/** FNV-1a of the string `${id}=${value}` as an unsigned 32-bit number, without making the string. */
function fnvCell(id: string, value: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= 0x3d; // '='
  h = Math.imul(h, 0x01000193);
  const digits = String(value);
  for (let i = 0; i < digits.length; i++) {
    h ^= digits.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The identity of a parsed report (its cells, its text, its agency's region). `bodySketch` is a
 * bottom-k sketch of the body (white space removed) with k ≥ 64 when the caller has one (the
 * batch makes one for the cross-report rules): its first 64 values are this sketch.
 */
export function reportIdentity(report: Report, bodySketch?: Uint32Array): ReportIdentity {
  const hashes: number[] = [];
  // Every report of a batch gets an identity: the cells are walked with for…in and hashed without
  // building their `id=value` strings (Object.entries and the strings were most of its time).
  for (const table of Object.values(report.tables)) {
    const all = table.cells;
    for (const id in all) {
      const cell = all[id]!;
      if (cell.state === 'number' && cell.value !== null && cell.value !== undefined) hashes.push(fnvCell(id, cell.value));
    }
  }
  const cells = smallestDistinct(Uint32Array.from(hashes));
  const text = bodySketch ? bodySketch.slice(0, SKETCH_K) : sketch(report.sentences.map((s) => s.text).join('').replace(/\s+/g, ''), SKETCH_K);
  const name = report.meta.agency?.name ?? null;
  // The report's whole text is joined only for a name without its region: the only case that reads it.
  const before = name && !splitAgency(name).region ? textBeforePlace(name, report.lines.map((l) => l.norm).join('').replace(/\s+/g, '')) : [];
  return { cells, text, before };
}

/** Jaccard similarity of two sorted sets of hashes. */
function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** How alike two reports' contents are: the text sketch's similarity and the number cells' overlap (null when too few cells to tell). */
export function contentLikeness(a: ReportIdentity, b: ReportIdentity): { text: number; cells: number | null } {
  const cells = a.cells.length >= FEW_CELLS && b.cells.length >= FEW_CELLS ? jaccard(a.cells, b.cells) : null;
  return { text: sketchSimilarity(a.text, b.text), cells };
}

/**
 * True when two files hold the same report: the same year, text nearly the same and, when both
 * have tables worth comparing, the same numbers (a corrected figure makes a different version).
 */
export function sameContent(a: ReportIdentity, b: ReportIdentity): boolean {
  const like = contentLikeness(a, b);
  return like.text >= SAME_TEXT && (like.cells === null || like.cells >= SAME_CELLS);
}

// A region unit: a province, city, prefecture, league, district, banner or county name. Cities,
// districts and the like take two characters or more before their suffix (城市管理局 is no city);
// counties may take one (沛县).
const UNIT = '(?:[\\u4e00-\\u9fff]{2,7}?(?:省|自治区|市|自治州|州|盟|地区|区|旗)|[\\u4e00-\\u9fff]{1,6}?县)';
const LEADING_UNITS = new RegExp(`^(${UNIT}*)(.*)$`, 'u');
const ONE_UNIT = new RegExp(UNIT, 'gu');
const FIRST_UNIT = new RegExp(`^${UNIT}`, 'u');

/** An agency name split into its leading region and the rest (the agency proper). */
export interface AgencyParts {
  /** Region units before the agency proper (淮安市), '' when none. */
  region: string;
  /** The agency proper: a government keeps its own place (洪泽区人民政府), a department drops it (财政局). */
  base: string;
}

/** Splits an agency name into region and agency proper. */
export function splitAgency(name: string): AgencyParts {
  const compact = name.replace(/\s+/g, '');
  const match = LEADING_UNITS.exec(compact);
  const units = match?.[1] ? [...match[1].matchAll(ONE_UNIT)].map((m) => m[0]) : [];
  let rest = match?.[2] ?? compact;
  // A people's government (or a place named alone) is the government of its last unit.
  if (units.length > 0 && (rest === '' || /^人民政府|^政府|^管委会|^管理委员会/.test(rest))) rest = units.pop()! + rest;
  return { region: units.join(''), base: rest };
}

/** How much text before the agency's place name is kept (a province and a city fit). */
const BEFORE = 12;
/** How many distinct passages before the place name are kept. */
const MAX_BEFORE = 8;

/**
 * When the agency's name has no region (洪泽区人民政府), the text the report writes right before
 * its place name (…本报告由淮安市 before 洪泽区): up to {@link MAX_BEFORE} distinct passages of
 * {@link BEFORE} characters. Another name's region (淮安市) is attested when one of them ends with
 * it. Empty when the name has its region, or the report never writes anything before the place.
 */
export function textBeforePlace(name: string, compactText: string): string[] {
  const { region, base } = splitAgency(name);
  if (region) return [];
  // The agency proper's first unit (洪泽区) or, for a department named alone, the whole base.
  const anchor = FIRST_UNIT.exec(base)?.[0] ?? base;
  if (anchor.length < 2) return [];
  const found = new Set<string>();
  for (let at = compactText.indexOf(anchor); at >= 0 && found.size < MAX_BEFORE; at = compactText.indexOf(anchor, at + anchor.length)) {
    if (at > 0) found.add(compactText.slice(Math.max(0, at - BEFORE), at));
  }
  return [...found];
}

/** An agency as a batch names it: the name read, and what its report writes before its place name. */
export interface AgencyMention {
  name: string;
  /** From {@link textBeforePlace}. */
  before: readonly string[];
  /** A region the manifest gives, if any. */
  region?: string | null;
}

function regionOf(mention: AgencyMention): string {
  return splitAgency(mention.name).region || mention.region || '';
}

/** True when the region is written in the mention's name or its manifest region, or right before its place name in its report. */
function attests(mention: AgencyMention, region: string): boolean {
  if (!region) return false;
  const own = regionOf(mention);
  if (own) return own.endsWith(region) || region.endsWith(own);
  return mention.before.some((text) => text.endsWith(region));
}

/**
 * True when two mentions are one agency: the same name (unless both give regions that disagree),
 * or the same agency proper where one gives a region the other writes too (in its name, or in its
 * report right before its place name).
 */
export function sameAgencyName(a: AgencyMention, b: AgencyMention): boolean {
  const pa = splitAgency(a.name);
  const pb = splitAgency(b.name);
  const ra = regionOf(a);
  const rb = regionOf(b);
  if (pa.base !== pb.base) return false;
  if (a.name.replace(/\s+/g, '') === b.name.replace(/\s+/g, '')) return !ra || !rb || attests(a, rb);
  return (rb !== '' && attests(a, rb)) || (ra !== '' && attests(b, ra));
}

/** The fuller of two names of one agency (the one that says its region). */
export function fullerName(a: string, b: string): string {
  return b.length > a.length ? b : a;
}

/** The extension of a file name, lower case, with its dot ('' when none). */
function extensionOf(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** The two files' formats in words (.pdf 与 .txt), or 同一格式. */
export function formatsOf(first: string, second: string): string {
  const a = extensionOf(first) || '无扩展名';
  const b = extensionOf(second) || '无扩展名';
  return a === b ? `同为 ${a} 文件` : `${a} 与 ${b}`;
}

/** A checked report the batch has seen: what later files are compared with. */
interface SeenReport {
  /** Its place in the batch: of several earlier matches, the first is named. */
  order: number;
  file: string;
  text: Uint32Array;
  agency: AgencyMention | null;
}

/** The reports of one year seen so far. */
interface YearReports {
  /**
   * Reports with enough number cells to compare, by their exact set of cells: the same report
   * has the same cells ({@link SAME_CELLS}), so only these need their text compared.
   */
  byCells: Map<string, SeenReport[]>;
  /** Reports with too few cells (compared by text alone), in order. */
  few: SeenReport[];
  /** Every report, in order: one with too few cells is compared with all of them. */
  all: SeenReport[];
}

/** An exact key of a sorted set of cell hashes (every 16-bit half as one code unit). */
function cellsKey(cells: Uint32Array): string {
  const halves = new Uint16Array(cells.buffer, cells.byteOffset, cells.length * 2);
  let key = '';
  for (let i = 0; i < halves.length; i += 4096) key += String.fromCharCode(...halves.subarray(i, i + 4096));
  return key;
}

/**
 * The checked reports of a batch so far, by year, to find a later file that holds one of them
 * again (another format of the same report). Two files are one report when they report on the
 * same year, their contents match ({@link sameContent}) and their agencies are one (or one of
 * them was not read). Only reports of the same year are compared, and of those only the ones with
 * the same number cells (or too few to tell): each file costs about the same however large the
 * batch, and a report is kept as its text sketch, its agency and its place in the key of its cells.
 */
export class SameReportIndex {
  private readonly byYear = new Map<number, YearReports>();
  private seen = 0;

  /** The earlier file holding the same report as this record, else null (the record is then remembered). */
  match(record: { file: string; status: string; year: number | null; agency: string | null; identity?: ReportIdentity }): string | null {
    const identity = record.identity;
    if (record.status !== 'checked' || !identity || record.year === null) return null;
    const agency = record.agency ? { name: record.agency, before: identity.before } : null;
    let year = this.byYear.get(record.year);
    if (!year) {
      year = { byCells: new Map(), few: [], all: [] };
      this.byYear.set(record.year, year);
    }
    const many = identity.cells.length >= FEW_CELLS;
    const key = many ? cellsKey(identity.cells) : '';
    const first = (candidates: readonly SeenReport[] | undefined): SeenReport | undefined =>
      candidates?.find((earlier) => !(agency && earlier.agency && !sameAgencyName(agency, earlier.agency)) && sketchSimilarity(identity.text, earlier.text) >= SAME_TEXT);
    let found: SeenReport | undefined;
    if (many) {
      const sameCells = first(year.byCells.get(key));
      const fewCells = first(year.few);
      found = sameCells && fewCells ? (sameCells.order < fewCells.order ? sameCells : fewCells) : sameCells ?? fewCells;
    } else found = first(year.all);
    if (found) return found.file;
    const seen: SeenReport = { order: this.seen++, file: record.file, text: identity.text, agency };
    year.all.push(seen);
    if (!many) year.few.push(seen);
    else {
      const bucket = year.byCells.get(key);
      if (bucket) bucket.push(seen);
      else year.byCells.set(key, [seen]);
    }
    return null;
  }
}
