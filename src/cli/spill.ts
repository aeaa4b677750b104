/**
 * Results parked on disk while a batch runs: the cross-report rules add their findings only once
 * every file is checked, and keeping every result in memory until then grew a batch by about
 * 15 KB per report (issue #21). Each result is parked as the very text the JSON output will hold
 * for it, in a private temporary folder, and read back in the same order at the end: most files
 * get no cross-report finding, and their bytes are copied through as they are, serialised and
 * encoded once.
 * In memory stays only each record's byte length, its file's name (a string the batch holds) and
 * a small note the caller keeps with it (the counts of its findings).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One parked record: the file as the batch names it (the key of its cross-report findings), its text and note. */
export interface ParkedRecord<Note> {
  file: string;
  /** The record's text as UTF-8 bytes: a view that is valid until the next record is read. */
  bytes: Buffer;
  note: Note;
}

/** How much of the file one read takes (records are read back in order). */
const READ_BLOCK = 1 << 20;
/** How many bytes are gathered before they are written. */
const WRITE_BLOCK = 1 << 18;

/** A temporary file of text records, written in order and read back once. */
export class ResultSpill<Note> {
  private readonly dir: string;
  private readonly path: string;
  private fd: number | null;
  private readonly files: string[] = [];
  private readonly lengths: number[] = [];
  private readonly notes: Note[] = [];
  /** Records parked but not yet written: the first `used` bytes of `block`. */
  private block = Buffer.allocUnsafe(WRITE_BLOCK);
  private used = 0;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'xxgk-lint-results-'));
    this.path = join(this.dir, 'results.txt');
    this.fd = openSync(this.path, 'w', 0o600);
  }

  /** Parks one record (any text: records are delimited by their lengths, not by line breaks). */
  write(file: string, text: string, note: Note): void {
    if (this.fd === null) throw new Error('ResultSpill: written after reading began');
    const length = Buffer.byteLength(text, 'utf8');
    // Gathered in one buffer and written a block at a time: a system call per record was most of
    // the cost of parking, and a string gathering the records lived long enough to grow the heap.
    if (this.used + length > this.block.length) {
      this.flush();
      if (length > this.block.length) this.block = Buffer.allocUnsafe(length);
    }
    this.used += this.block.write(text, this.used, 'utf8');
    this.files.push(file);
    this.lengths.push(length);
    this.notes.push(note);
  }

  private flush(): void {
    for (let done = 0; done < this.used; ) done += writeSync(this.fd!, this.block, done, this.used - done);
    this.used = 0;
  }

  /** The parked records, in the order written. */
  *read(): Generator<ParkedRecord<Note>> {
    if (this.fd !== null) {
      this.flush();
      this.block = Buffer.alloc(0);
      closeSync(this.fd);
      this.fd = null;
    }
    const fd = openSync(this.path, 'r');
    try {
      let block = Buffer.alloc(READ_BLOCK);
      let start = 0; // where the next record begins in `block`
      let end = 0; // how much of `block` holds data
      for (let i = 0; i < this.lengths.length; i++) {
        const length = this.lengths[i]!;
        if (end - start < length) {
          // Move what is left to the front (in a bigger block when the record is larger than one) and fill up.
          const next = length > block.length ? Buffer.alloc(length) : block;
          block.copy(next, 0, start, end);
          block = next;
          end -= start;
          start = 0;
          while (end < length) {
            const got = readSync(fd, block, end, block.length - end, null);
            if (got === 0) throw new Error('ResultSpill: the parked file ended early');
            end += got;
          }
        }
        yield { file: this.files[i]!, bytes: block.subarray(start, start + length), note: this.notes[i]! };
        start += length;
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes the file (safe to call more than once). */
  remove(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
