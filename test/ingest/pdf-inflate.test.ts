/**
 * The whole-buffer `DecompressionStream` that PDF reads put in place under Node (issue #21,
 * src/ingest/pdf-inflate.ts): it must inflate every input exactly as Node's own class does, fail
 * where Node's fails, and be in place only while a PDF is being read.
 */
import * as zlib from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPdf } from '../../src/ingest/pdf.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { loadPdfjs } from '../../src/ingest/pdf-load.js';
import { wholeInflateClass, withWholeInflate } from '../../src/ingest/pdf-inflate.js';

type DecompressionStreamClass = typeof DecompressionStream;

const NATIVE: DecompressionStreamClass = globalThis.DecompressionStream;
const NATIVE_DESCRIPTOR = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
const Whole = wholeInflateClass(zlib, NATIVE);

afterEach(() => {
  Object.defineProperty(globalThis, 'DecompressionStream', NATIVE_DESCRIPTOR!);
});

/** Mulberry32: the same cases on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a stream class makes of `chunks`: the inflated bytes (base64), or "error". */
async function inflateWith(Class: DecompressionStreamClass, format: CompressionFormat, chunks: readonly unknown[]): Promise<string> {
  const stream = new Class(format);
  const writer = stream.writable.getWriter();
  const writing = (async () => {
    for (const chunk of chunks) await writer.write(chunk as BufferSource);
    await writer.close();
  })().catch(() => undefined);
  const parts: Buffer[] = [];
  try {
    const reader = stream.readable.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) parts.push(Buffer.from(part.value));
    return Buffer.concat(parts).toString('base64');
  } catch {
    return 'error';
  } finally {
    await writing;
  }
}

/** Bytes that compress somewhat, like a page's drawing operators. */
function payload(next: () => number, length: number): Uint8Array {
  const words = ['BT', 'ET', '/F1 12 Tf', '0 0 m', '595 0 l', 'S', 'q', 'Q', '1 0 0 1 72 720 cm', '<0031003200330034> Tj'];
  const out = Buffer.alloc(length);
  let at = 0;
  while (at < length) {
    const word = next() < 0.1 ? String.fromCharCode(Math.floor(next() * 256)) : `${words[Math.floor(next() * words.length)]}\n`;
    at += out.write(word, at, 'latin1');
  }
  return new Uint8Array(out);
}

/** `bytes` cut into 1–4 chunks at random places. */
function cut(next: () => number, bytes: Uint8Array): Uint8Array[] {
  const cuts = [...Array(Math.floor(next() * 4))].map(() => Math.floor(next() * bytes.length)).sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    out.push(bytes.subarray(from, at));
    from = at;
  }
  return out;
}

const COMPRESS: Record<'deflate' | 'deflate-raw' | 'gzip', (b: Uint8Array) => Buffer> = {
  deflate: (b) => zlib.deflateSync(b),
  'deflate-raw': (b) => zlib.deflateRawSync(b),
  gzip: (b) => zlib.gzipSync(b),
};

describe('whole-buffer DecompressionStream', () => {
  it('gives what Node\'s own gives, bytes or failure, on whole, cut, truncated, damaged and padded input', async () => {
    const next = random(21);
    const outcomes = { same: 0, errors: 0 };
    for (let i = 0; i < 240; i++) {
      const format = (['deflate', 'deflate-raw', 'gzip'] as const)[i % 3]!;
      let bytes: Uint8Array = new Uint8Array(COMPRESS[format](payload(next, Math.floor(next() * 200_000))));
      const damage = i % 6;
      if (damage === 1) bytes = bytes.subarray(0, Math.floor(next() * bytes.length)); // truncated
      if (damage === 2) {
        const at = Math.floor(next() * bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ (1 + Math.floor(next() * 255)); // one byte changed
      }
      if (damage === 3) bytes = new Uint8Array(Buffer.concat([bytes, Buffer.from('\nendstream\n')])); // trailing bytes
      if (damage === 4) bytes = new Uint8Array(0); // nothing
      const chunks = cut(next, bytes);
      const native = await inflateWith(NATIVE, format, chunks);
      expect(await inflateWith(Whole, format, chunks), `case ${i} (${format}, damage ${damage})`).toBe(native);
      outcomes.same++;
      if (native === 'error') outcomes.errors++;
    }
    // Both kinds of outcome were compared, not only one.
    expect(outcomes.errors).toBeGreaterThan(20);
    expect(outcomes.same - outcomes.errors).toBeGreaterThan(120);
  });

  it('takes every BufferSource and refuses anything else, as the Compression Streams standard says', async () => {
    const text = '0 0 m 595 0 l S\n'.repeat(50);
    const bytes = zlib.deflateSync(Buffer.from(text));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const inflated = Buffer.from(text).toString('base64');
    // Views of any kind: the same bytes as Node's own class.
    for (const chunks of [[new DataView(buffer)], [new Uint16Array(buffer.slice(0, 2)), new Uint8Array(buffer.slice(2))], [new Uint8Array(buffer)]]) {
      expect(await inflateWith(Whole, 'deflate', chunks)).toBe(inflated);
      expect(await inflateWith(NATIVE, 'deflate', chunks)).toBe(inflated);
    }
    // Where Node 20's class departs from the standard (it refuses an ArrayBuffer and then never
    // ends its output, and takes a string as bytes), this one follows the standard: it takes the
    // ArrayBuffer and fails on anything that is not bytes, rather than hang.
    expect(await inflateWith(Whole, 'deflate', [buffer])).toBe(inflated);
    expect(await inflateWith(Whole, 'deflate', [text])).toBe('error');
    expect(await inflateWith(Whole, 'deflate', [{ length: 3 }])).toBe('error');
  });

  it('hands formats it does not inflate itself to Node\'s class, which refuses unknown ones', () => {
    for (const format of ['brotli', 'zip', '']) {
      let native = 'made';
      let whole = 'made';
      try { new NATIVE(format as CompressionFormat); } catch (error) { native = (error as Error).name; }
      try { new Whole(format as CompressionFormat); } catch (error) { whole = (error as Error).name; }
      expect(whole, format).toBe(native);
    }
  });
});

describe('withWholeInflate', () => {
  it('is in place only while a read runs, overlapping reads share it, and Node\'s class comes back', async () => {
    let release!: () => void;
    const firstHeld = new Promise<void>((resolve) => { release = resolve; });
    const seen: unknown[] = [];
    const first = withWholeInflate(async () => {
      seen.push(globalThis.DecompressionStream);
      await firstHeld;
      return 'first';
    });
    const second = withWholeInflate(async () => {
      seen.push(globalThis.DecompressionStream);
      return 'second';
    });
    expect(await second).toBe('second');
    // The first read still runs: the stand-in stays.
    expect(globalThis.DecompressionStream).not.toBe(NATIVE);
    release();
    expect(await first).toBe('first');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0]).not.toBe(NATIVE);
    expect(globalThis.DecompressionStream).toBe(NATIVE);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream')).toEqual(NATIVE_DESCRIPTOR);
  });

  it('puts Node\'s class back when the read throws, and leaves a class someone else put in place', async () => {
    await expect(withWholeInflate(() => Promise.reject(new Error('bad PDF')))).rejects.toThrow('bad PDF');
    expect(globalThis.DecompressionStream).toBe(NATIVE);
    class Theirs extends NATIVE {}
    await withWholeInflate(async () => {
      globalThis.DecompressionStream = Theirs;
    });
    expect(globalThis.DecompressionStream).toBe(Theirs);
  });

  it('is what pdf.js inflates with while ingestPdf reads, with the same lines as pdf.js reading alone', async () => {
    let made = 0;
    class Counting extends NATIVE {
      constructor(format: CompressionFormat) {
        super(format);
        made++;
      }
    }
    globalThis.DecompressionStream = Counting;
    const bytes = new Uint8Array(readFileSync('fixtures/corpus/original/003-hongze-district-2024.pdf'));
    // pdf.js alone goes through the global for its Flate streams …
    const pdfjs = await loadPdfjs();
    const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, useSystemFonts: false });
    const page = await (await task.promise).getPage(1);
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    await task.destroy();
    expect(made).toBeGreaterThan(0);
    // … and while ingestPdf reads, the global is the stand-in, so Node's class makes none.
    made = 0;
    const read = await ingestPdf(bytes, DEFAULT_LIMITS);
    expect(made).toBe(0);
    expect(globalThis.DecompressionStream).toBe(Counting);
    expect(read.problems).toEqual([]);
    const firstPage = read.lines.filter((line) => line.origin.page === 1).map((line) => line.text.replace(/\s+/g, '')).join('');
    expect(firstPage.length).toBeGreaterThan(200);
    expect(text.replace(/\s+/g, '')).toContain(firstPage.slice(0, 40));
  });
});
