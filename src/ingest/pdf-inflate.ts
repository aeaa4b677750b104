/**
 * Whole-buffer inflation for pdf.js under Node. pdf.js 5 inflates every Flate stream of a PDF
 * (page contents, twice per page here: once for text and once for rulings; embedded fonts; CMaps)
 * through the web platform's `DecompressionStream`, which it finds as a global. Node's class is a
 * web stream over an asynchronous zlib stream: the compressed bytes go to the thread pool and come
 * back in 16 KB pieces, each piece a few promise turns through the web-stream machinery, and the
 * thread waits in between. On the benchmark PDFs (70 files, one thread, `node --cpu-prof`) that
 * machinery took 9 % of the thread's time and the thread sat idle for 15 % of the wall time.
 *
 * pdf.js always writes a stream's bytes at once and reads the result to the end before it uses
 * any of it, so nothing is gained by inflating in pieces. {@link withWholeInflate} puts a
 * `DecompressionStream` in place that inflates everything it was given in one synchronous zlib
 * call when its input ends, while at least one PDF is being read, and puts Node's own back
 * afterwards. It is a complete `DecompressionStream` (any number of writes, errors on bad data,
 * Node's class for formats it does not handle), so other code that happens to run in the same
 * process meanwhile gets the same bytes. zlib is the same library either way, so the same input
 * inflates to the same bytes or fails in both (test/ingest/pdf-inflate.test.ts compares them on
 * whole, cut, truncated, damaged and padded input); when it fails, pdf.js falls back to its own
 * inflater, as before. Its chunks are what the Compression Streams standard says, any
 * `BufferSource`: Node 20's class refuses an `ArrayBuffer` (and then never ends its output) and
 * takes a string as bytes; pdf.js writes `Uint8Array`s only.
 */

type DecompressionStreamClass = typeof DecompressionStream;
type Inflate = (input: Uint8Array) => Uint8Array;
type Zlib = typeof import('node:zlib');

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
const GLOBAL_NAME = 'DecompressionStream';

let zlibLoading: Promise<Zlib | null> | null = null;

/** node:zlib, loaded once; null outside Node or where it cannot be loaded. */
function loadZlib(): Promise<Zlib | null> {
  zlibLoading ??= isNode ? import('node:zlib').catch(() => null) : Promise.resolve(null);
  return zlibLoading;
}

/** A chunk as bytes, or a TypeError for what a `DecompressionStream` does not take (as Node's own). */
function chunkBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && chunk instanceof SharedArrayBuffer)) return new Uint8Array(chunk);
  throw new TypeError('The "chunk" argument must be an instance of ArrayBuffer or ArrayBufferView.');
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * A `DecompressionStream` class that gathers its input and inflates it in one synchronous call of
 * zlib when the input ends; formats zlib's sync functions do not cover are handed to `Native`.
 */
export function wholeInflateClass(zlib: Zlib, Native: DecompressionStreamClass): DecompressionStreamClass {
  const inflaters: Readonly<Record<string, Inflate>> = {
    deflate: (input) => zlib.inflateSync(input),
    'deflate-raw': (input) => zlib.inflateRawSync(input),
    gzip: (input) => zlib.gunzipSync(input),
  };
  class WholeDecompressionStream {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<BufferSource>;
    constructor(format: CompressionFormat) {
      const inflate = Object.hasOwn(inflaters, String(format)) ? inflaters[String(format)] : undefined;
      if (inflate === undefined) {
        const native = new Native(format);
        this.readable = native.readable;
        this.writable = native.writable;
        return;
      }
      const chunks: Uint8Array[] = [];
      const pair = new TransformStream<BufferSource, Uint8Array>({
        transform(chunk) {
          chunks.push(chunkBytes(chunk));
        },
        flush(controller) {
          const out = inflate(concat(chunks));
          chunks.length = 0;
          if (out.byteLength > 0) controller.enqueue(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
        },
      });
      this.readable = pair.readable;
      this.writable = pair.writable;
    }
  }
  return WholeDecompressionStream as unknown as DecompressionStreamClass;
}

/** The global's own descriptor while the stand-in is in place, and how many reads hold it. */
let replaced: { own: PropertyDescriptor; standIn: DecompressionStreamClass } | null = null;
let holders = 0;

/** Puts the stand-in in place (first holder) and returns how to let go of it. */
async function hold(): Promise<() => void> {
  const zlib = await loadZlib();
  if (holders === 0) {
    const own = Object.getOwnPropertyDescriptor(globalThis, GLOBAL_NAME);
    const Native = (globalThis as { DecompressionStream?: DecompressionStreamClass }).DecompressionStream;
    // Nothing to replace (a runtime without it: pdf.js inflates by itself), or not ours to replace.
    if (zlib === null || typeof Native !== 'function' || typeof TransformStream !== 'function' || own === undefined || own.configurable !== true) return () => undefined;
    const standIn = wholeInflateClass(zlib, Native);
    Object.defineProperty(globalThis, GLOBAL_NAME, { value: standIn, writable: true, configurable: true, enumerable: own.enumerable ?? false });
    replaced = { own, standIn };
  }
  holders++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    if (holders > 0 || replaced === null) return;
    const { own: original, standIn } = replaced;
    replaced = null;
    // Someone else put a class of their own in place meanwhile: theirs stays.
    if ((globalThis as { DecompressionStream?: unknown }).DecompressionStream === standIn) Object.defineProperty(globalThis, GLOBAL_NAME, original);
  };
}

/**
 * Runs `read` (a PDF read with pdf.js) with the whole-buffer `DecompressionStream` in place under
 * Node; overlapping reads share it, and Node's own class is back once the last one has ended,
 * whether it succeeded or threw. Elsewhere (browsers) it just runs `read`.
 */
export async function withWholeInflate<T>(read: () => Promise<T>): Promise<T> {
  const release = await hold();
  try {
    return await read();
  } finally {
    release();
  }
}
