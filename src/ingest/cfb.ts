/**
 * Compound File Binary (OLE2) container → named streams: the container of legacy .doc, .xls, .ppt
 * and Kingsoft .wps files ([MS-CFB]).
 *
 * Written here rather than taken from a package because every sector chain in the file is
 * attacker-controlled: a chain that loops back on itself must end with an error, not run until
 * memory is gone (the OLE reader of word-extractor 1.0.4 loops forever on `A → B → A`). Every
 * offset is bounds-checked and every chain is walked at most once per sector. Browser-safe: plain
 * `Uint8Array`s, no Node modules.
 */

/** Thrown for a container that cannot be read; the message says what is wrong. */
export class CfbError extends Error {}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;

/** True when the bytes start with the OLE2 compound file signature. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

function u16(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 2 > bytes.length) throw new CfbError(`offset ${at} past the end`);
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  if (at < 0 || at + 4 > bytes.length) throw new CfbError(`offset ${at} past the end`);
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
}

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** A compound file opened for reading its top-level streams. */
export class CompoundFile {
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirEntry[];
  private miniFat: Uint32Array | undefined;
  private miniStream: Uint8Array | undefined;

  constructor(private readonly bytes: Uint8Array) {
    if (!isCompoundFile(bytes) || bytes.length < 512) throw new CfbError('not an OLE2 compound file');
    const shift = u16(bytes, 0x1e);
    if (shift !== 9 && shift !== 12) throw new CfbError(`sector shift ${shift}`);
    this.sectorSize = 1 << shift;
    const miniShift = u16(bytes, 0x20);
    if (miniShift !== 6) throw new CfbError(`mini sector shift ${miniShift}`);
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = u32(bytes, 0x38);
    this.fat = this.readFat();
    this.entries = this.readDirectory(u32(bytes, 0x30));
  }

  /** Number of whole sectors in the file: no valid chain is longer. */
  private get sectorCount(): number {
    return Math.max(0, Math.ceil((this.bytes.length - this.sectorSize) / this.sectorSize));
  }

  private sector(id: number): Uint8Array {
    const start = (id + 1) * this.sectorSize;
    if (id >= this.sectorCount) throw new CfbError(`sector ${id} past the end`);
    return this.bytes.subarray(start, Math.min(this.bytes.length, start + this.sectorSize));
  }

  private readFat(): Uint32Array {
    const fatSectors = u32(this.bytes, 0x2c);
    if (fatSectors > this.sectorCount) throw new CfbError(`${fatSectors} FAT sectors in a file of ${this.sectorCount}`);
    const ids: number[] = [];
    for (let i = 0; i < 109 && ids.length < fatSectors; i++) ids.push(u32(this.bytes, 0x4c + i * 4));
    // DIFAT sectors: each holds sector ids and, last, the next DIFAT sector.
    let difat = u32(this.bytes, 0x44);
    const seen = new Set<number>();
    while (ids.length < fatSectors && difat !== END_OF_CHAIN && difat !== FREE_SECTOR) {
      if (seen.has(difat)) throw new CfbError('DIFAT chain loops');
      seen.add(difat);
      const sector = this.sector(difat);
      const per = this.sectorSize / 4 - 1;
      for (let i = 0; i < per && ids.length < fatSectors; i++) ids.push(u32(sector, i * 4));
      difat = u32(sector, per * 4);
    }
    const fat = new Uint32Array(ids.length * (this.sectorSize / 4));
    ids.forEach((id, i) => {
      const sector = this.sector(id);
      for (let j = 0; j * 4 + 4 <= sector.length; j++) fat[i * (this.sectorSize / 4) + j] = u32(sector, j * 4);
    });
    return fat;
  }

  /** The sector ids of a chain, each visited once: a loop or a dangling id is an error. */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(table.length);
    let id = start;
    while (id !== END_OF_CHAIN && id !== FREE_SECTOR) {
      if (id >= table.length || id >= limit) throw new CfbError(`sector id ${id} out of range`);
      if (seen[id] === 1) throw new CfbError('sector chain loops');
      seen[id] = 1;
      out.push(id);
      id = table[id] ?? END_OF_CHAIN;
    }
    return out;
  }

  private readChain(start: number, size: number): Uint8Array {
    if (size > this.bytes.length) throw new CfbError(`stream of ${size} bytes in a file of ${this.bytes.length}`);
    const out = new Uint8Array(size);
    let at = 0;
    for (const id of this.chain(start, this.fat, this.sectorCount)) {
      if (at >= size) break;
      const sector = this.sector(id).subarray(0, size - at);
      out.set(sector, at);
      at += sector.length;
    }
    if (at < size) throw new CfbError('stream shorter than its declared size');
    return out;
  }

  private readDirectory(start: number): DirEntry[] {
    const ids = this.chain(start, this.fat, this.sectorCount);
    const entries: DirEntry[] = [];
    for (const id of ids) {
      const sector = this.sector(id);
      for (let at = 0; at + 128 <= sector.length; at += 128) {
        const nameBytes = Math.min(64, u16(sector, at + 0x40));
        let name = '';
        for (let i = 0; i + 2 <= nameBytes - 2; i += 2) name += String.fromCharCode(u16(sector, at + i));
        entries.push({
          name,
          type: sector[at + 0x42] ?? 0,
          left: u32(sector, at + 0x44),
          right: u32(sector, at + 0x48),
          child: u32(sector, at + 0x4c),
          start: u32(sector, at + 0x74),
          // Version 3 files leave the high half of the size undefined; reports are far below 4 GB.
          size: u32(sector, at + 0x78),
        });
      }
    }
    if (entries[0]?.type !== 5) throw new CfbError('no root entry');
    return entries;
  }

  /** The directory entries directly in the root storage (its red-black tree, each node once). */
  private *rootEntries(): Generator<[number, DirEntry]> {
    const seen = new Set<number>();
    const stack = [this.entries[0]?.child ?? NO_STREAM];
    while (stack.length > 0) {
      const id = stack.pop() ?? NO_STREAM;
      const entry = this.entries[id];
      if (entry === undefined || seen.has(id)) continue;
      seen.add(id);
      yield [id, entry];
      stack.push(entry.left, entry.right);
    }
  }

  /** Names of the streams and storages directly in the root storage. */
  rootNames(): string[] {
    return [...this.rootEntries()].map(([, entry]) => entry.name);
  }

  /** The bytes of a stream in the root storage, or undefined when there is none of that name. */
  stream(name: string): Uint8Array | undefined {
    let entry: DirEntry | undefined;
    for (const [, e] of this.rootEntries()) {
      if (e.name !== name) continue;
      entry = e;
      break;
    }
    if (entry === undefined || entry.type !== 2) return undefined;
    if (entry.size < this.miniCutoff) return this.readMini(entry.start, entry.size);
    return this.readChain(entry.start, entry.size);
  }

  private readMini(start: number, size: number): Uint8Array {
    if (this.miniFat === undefined || this.miniStream === undefined) {
      const root = this.entries[0];
      const miniFatStart = u32(this.bytes, 0x3c);
      const miniFatSize = Math.min(u32(this.bytes, 0x40), this.sectorCount) * this.sectorSize;
      const miniFatBytes = miniFatStart === END_OF_CHAIN ? new Uint8Array(0) : this.readChain(miniFatStart, miniFatSize);
      this.miniFat = new Uint32Array(Math.floor(miniFatBytes.length / 4));
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = u32(miniFatBytes, i * 4);
      this.miniStream = root === undefined || root.start === END_OF_CHAIN ? new Uint8Array(0) : this.readChain(root.start, root.size);
    }
    const out = new Uint8Array(size);
    let at = 0;
    const limit = Math.floor(this.miniStream.length / this.miniSectorSize);
    for (const id of this.chain(start, this.miniFat, limit)) {
      if (at >= size) break;
      const from = id * this.miniSectorSize;
      const piece = this.miniStream.subarray(from, from + Math.min(this.miniSectorSize, size - at));
      out.set(piece, at);
      at += piece.length;
    }
    if (at < size) throw new CfbError('stream shorter than its declared size');
    return out;
  }
}
