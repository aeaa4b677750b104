/**
 * The SummaryInformation property set of a compound file ([MS-OLEPS]): the document's title and
 * creation date, the same metadata the .docx reader takes from docProps/core.xml. Anything
 * malformed is left out; nothing here throws.
 */
import type { SourceMeta } from '../model/source.js';

const PID_CODEPAGE = 1;
const PID_TITLE = 2;
const PID_CREATE_DTM = 12;
const VT_I2 = 2;
const VT_LPSTR = 30;
const VT_LPWSTR = 31;
const VT_FILETIME = 64;

function reader(bytes: Uint8Array): { u16: (at: number) => number; u32: (at: number) => number; ok: (at: number, n: number) => boolean } {
  const ok = (at: number, n: number): boolean => at >= 0 && at + n <= bytes.length;
  const u16 = (at: number): number => (ok(at, 2) ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : 0);
  const u32 = (at: number): number => (ok(at, 4) ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : 0);
  return { u16, u32, ok };
}

/** Decodes a property string in the set's code page (936 = GBK for Chinese Windows). */
function decodeString(bytes: Uint8Array, codePage: number): string {
  const label = codePage === 65001 ? 'utf-8' : codePage === 936 ? 'gbk' : codePage === 1200 ? 'utf-16le' : codePage === 950 ? 'big5' : 'windows-1252';
  try {
    return new TextDecoder(label).decode(bytes).replace(/\0.*$/s, '').trim();
  } catch {
    return '';
  }
}

/** ISO date, in China time, of a FILETIME (100 ns ticks since 1601). */
function fileTimeDate(low: number, high: number): string | undefined {
  const ms = (high * 2 ** 32 + low) / 10_000 - 11_644_473_600_000;
  if (!Number.isFinite(ms) || ms < Date.UTC(1980, 0, 1) || ms > Date.UTC(2100, 0, 1)) return undefined;
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** Title and creation date from a `\u0005SummaryInformation` stream (absent when unreadable). */
export function readSummaryInformation(bytes: Uint8Array | undefined): SourceMeta {
  const meta: SourceMeta = {};
  if (bytes === undefined || bytes.length < 48) return meta;
  const { u16, u32, ok } = reader(bytes);
  const set = u32(44); // offset of the first property set (after its FMTID)
  const count = u32(set + 4);
  if (!ok(set, 8) || count > 1000) return meta;
  const values = new Map<number, number>();
  for (let i = 0; i < count; i++) values.set(u32(set + 8 + i * 8), set + u32(set + 12 + i * 8));
  const at = (pid: number): number | undefined => {
    const offset = values.get(pid);
    return offset !== undefined && ok(offset, 8) ? offset : undefined;
  };
  const cpAt = at(PID_CODEPAGE);
  const codePage = cpAt !== undefined && u16(cpAt) === VT_I2 ? u16(cpAt + 4) : 1252;
  const titleAt = at(PID_TITLE);
  if (titleAt !== undefined) {
    const type = u16(titleAt);
    const length = u32(titleAt + 4);
    const size = type === VT_LPWSTR ? length * 2 : length;
    if ((type === VT_LPSTR || type === VT_LPWSTR) && ok(titleAt + 8, size)) {
      const title = decodeString(bytes.subarray(titleAt + 8, titleAt + 8 + size), type === VT_LPWSTR ? 1200 : codePage);
      if (title !== '') meta.title = title.replace(/\s+/g, ' ');
    }
  }
  const createdAt = at(PID_CREATE_DTM);
  if (createdAt !== undefined && u16(createdAt) === VT_FILETIME && ok(createdAt + 4, 8)) {
    const date = fileTimeDate(u32(createdAt + 4), u32(createdAt + 8));
    if (date !== undefined) meta.createdAt = date;
  }
  return meta;
}
