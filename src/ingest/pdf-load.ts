/**
 * Loads pdf.js on demand. Under Node, pdf.js takes `DOMMatrix`, `ImageData` and `Path2D` from the
 * optional native package `@napi-rs/canvas`, and its module creates a `DOMMatrix` as soon as it
 * is evaluated: without the package (`npm install --omit=optional`, a restricted mirror, a
 * platform without a prebuilt binary) every PDF failed with "DOMMatrix is not defined". Reading
 * text and rulings never draws, so a small 2-D `DOMMatrix` is put in place first when there is
 * none; `ImageData` and `Path2D` are only used for drawing and stay absent.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type DocumentParams = Extract<Parameters<PdfJs['getDocument']>[0], { disableFontFace?: boolean | undefined }>;

/** The 2-D subset of the DOM's `DOMMatrix` (a, b, c, d, e, f), enough for pdf.js's module to load. */
class AffineMatrix {
  a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6) as [number, number, number, number, number, number];
  }
  get is2D(): boolean { return true; }
  get isIdentity(): boolean { return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0; }
  get m11(): number { return this.a; }
  get m12(): number { return this.b; }
  get m21(): number { return this.c; }
  get m22(): number { return this.d; }
  get m41(): number { return this.e; }
  get m42(): number { return this.f; }
  /** this = this × other */
  multiplySelf(o: AffineMatrix): this { return this.set(this.a * o.a + this.c * o.b, this.b * o.a + this.d * o.b, this.a * o.c + this.c * o.d, this.b * o.c + this.d * o.d, this.a * o.e + this.c * o.f + this.e, this.b * o.e + this.d * o.f + this.f); }
  /** this = other × this */
  preMultiplySelf(o: AffineMatrix): this { return this.set(o.a * this.a + o.c * this.b, o.b * this.a + o.d * this.b, o.a * this.c + o.c * this.d, o.b * this.c + o.d * this.d, o.a * this.e + o.c * this.f + o.e, o.b * this.e + o.d * this.f + o.f); }
  translateSelf(x = 0, y = 0): this { return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, x, y])); }
  scaleSelf(x = 1, y = x): this { return this.multiplySelf(new AffineMatrix([x, 0, 0, y, 0, 0])); }
  translate(x = 0, y = 0): AffineMatrix { return this.copy().translateSelf(x, y); }
  scale(x = 1, y = x): AffineMatrix { return this.copy().scaleSelf(x, y); }
  multiply(o: AffineMatrix): AffineMatrix { return this.copy().multiplySelf(o); }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set(NaN, NaN, NaN, NaN, NaN, NaN);
    return this.set(this.d / det, -this.b / det, -this.c / det, this.a / det, (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det);
  }
  inverse(): AffineMatrix { return this.copy().invertSelf(); }
  private copy(): AffineMatrix { return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]); }
  private set(a: number, b: number, c: number, d: number, e: number, f: number): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }
}

/**
 * Built-ins that the legacy pdf.js build replaces process-wide with core-js versions (Node 20's V8
 * fails core-js's test for an edge case of `push` on a frozen-length array, and core-js adds
 * `JSON.rawJSON` support to `JSON.parse`/`stringify`). The replacements are plain JavaScript:
 * every `push` in the parser and the rules, and the JSON output, ran several times slower once a
 * PDF had been read (10 % of a PDF batch's CPU time went to core-js's `push`, measured with
 * `node --cpu-prof`). pdf.js uses neither edge case, so the native ones are put back.
 */
function nativeBuiltins(): { push: typeof Array.prototype.push; parse: typeof JSON.parse; stringify: typeof JSON.stringify } {
  return { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
}

function restoreBuiltins(natives: ReturnType<typeof nativeBuiltins>): void {
  const put = (target: object, key: string, value: unknown): void => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor?.value !== value && descriptor?.configurable !== false) Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
  };
  put(Array.prototype, 'push', natives.push);
  put(JSON, 'parse', natives.parse);
  put(JSON, 'stringify', natives.stringify);
}

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
let loading: Promise<PdfJs> | null = null;

/** True when pdf.js would have no `DOMMatrix` of its own (Node without `@napi-rs/canvas`). */
async function canvasMissing(): Promise<boolean> {
  try {
    const { createRequire } = await import('node:module');
    createRequire(import.meta.url)('@napi-rs/canvas');
    return false;
  } catch {
    return true;
  }
}

let readingOnly = false;

/**
 * Declares that nothing in this thread draws a PDF page: the CLI and its batch workers, which
 * only read text and rulings with pdf.js. pdf.js is then loaded without `@napi-rs/canvas` (as
 * when the package is not installed, with the 2-D `DOMMatrix` of this module): pdf.js loads that
 * native package as soon as its module is evaluated, only to draw, and it cost each process
 * 23 MB of memory (300 PDFs with `-j 2`: 307 MB against 328 MB peak, 28.4 s against 29.6 s of
 * CPU time, one pair of runs). The lines read are the same either way
 * (test/ingest/pdf-without-canvas.test.ts). A program that uses this library and may draw with
 * the same pdf.js does not call it, and pdf.js loads the package as usual.
 */
export function pdfReadingOnly(): void {
  readingOnly = true;
}

/**
 * Keeps pdf.js from loading `@napi-rs/canvas` while its module is evaluated: the package's entry
 * is put in the require cache as a module that exports nothing, and taken out again by the
 * returned function (so that anything else in the thread that requires it later gets the real
 * one). Where the package cannot be resolved, pdf.js fails to load it anyway, and nothing is done.
 */
async function hideCanvasFromPdfjs(): Promise<() => void> {
  try {
    const { createRequire, default: Module } = await import('node:module');
    const pdfjsEntry = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs');
    const requireFromPdfjs = createRequire(pdfjsEntry);
    const canvasEntry = requireFromPdfjs.resolve('@napi-rs/canvas');
    if (requireFromPdfjs.cache[canvasEntry] !== undefined) return () => undefined; // loaded already
    const empty = new Module(canvasEntry);
    empty.filename = canvasEntry;
    empty.loaded = true;
    requireFromPdfjs.cache[canvasEntry] = empty;
    return () => {
      if (requireFromPdfjs.cache[canvasEntry] === empty) delete requireFromPdfjs.cache[canvasEntry];
    };
  } catch {
    return () => undefined;
  }
}

/**
 * pdf.js, loaded once. Under Node a `FontFace` stand-in is installed first where there is none
 * ({@link DiscardedFontFace}), and without `@napi-rs/canvas` (not installed, or kept from pdf.js by
 * {@link pdfReadingOnly}) a 2-D `DOMMatrix`; the warnings pdf.js prints on standard error while
 * loading ("Cannot load @napi-rs/canvas", "Cannot polyfill `Path2D`, rendering may be broken" …)
 * are dropped: nothing this tool does draws.
 */
export function loadPdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    if (!isNode) return import('pdfjs-dist/legacy/build/pdf.mjs');
    const missing = readingOnly || (await canvasMissing());
    if (missing && typeof globalThis.DOMMatrix === 'undefined') Object.defineProperty(globalThis, 'DOMMatrix', { value: AffineMatrix, configurable: true, writable: true });
    installFontFace();
    const warn = console.warn;
    console.warn = (...args: unknown[]): void => {
      if (missing && typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot ')) return;
      warn(...args);
    };
    const natives = nativeBuiltins();
    const showCanvas = readingOnly ? await hideCanvasFromPdfjs() : () => undefined;
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // pdf.js runs its "worker" in this thread under Node; loading the worker module now (where
      // pdf.js looks for it, `globalThis.pdfjsWorker`) lets its polyfills be undone below too.
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
      return pdfjs;
    } finally {
      showCanvas();
      restoreBuiltins(natives);
      console.warn = warn;
    }
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * The Font Loading API's `FontFace`, as far as pdf.js uses it when it only reads: a face that is
 * "loaded" at once and keeps nothing of the font. pdf.js's font loader, given a document with a
 * `fonts` set, hands each embedded font over as `new FontFace(name, bytes)`; without one it writes
 * the font into a CSS `@font-face` rule, encoding all its bytes as base64 first (4–5 % of a PDF
 * batch's CPU time, for a rule nobody reads). pdf.js names `FontFace` as a global, so the stand-in
 * has to be one: {@link installFontFace} puts it in place under Node only, only where there is
 * no `FontFace` already, and only once a PDF is read. pdf.js's font loader uses it only for a
 * document with a `fonts` set (in Node: {@link fontSinkDocument}, ours); a default pdf.js
 * document under Node has none and never looks at it.
 */
class DiscardedFontFace {
  readonly family: string;
  readonly status = 'loaded';
  readonly loaded: Promise<this>;
  constructor(family: string) {
    this.family = family;
    this.loaded = Promise.resolve(this);
  }
  load(): Promise<this> {
    return this.loaded;
  }
}

/** Puts {@link DiscardedFontFace} in place as the global `FontFace` (Node, none there yet). */
function installFontFace(): void {
  if (typeof (globalThis as { FontFace?: unknown }).FontFace === 'undefined') {
    Object.defineProperty(globalThis, 'FontFace', { value: DiscardedFontFace, configurable: true, writable: true, enumerable: false });
  }
}

/**
 * The documents pdf.js's font loader writes to under Node. {@link fontSinkDocument}'s `fonts` set
 * takes every font face and keeps none (Node draws nothing, so a font is never needed once read);
 * it is given only when there is a `FontFace` (else pdf.js would fail on each font and fall back
 * to glyph outlines). Without one, {@link styleSinkDocument}: a style element whose sheet takes
 * every `@font-face` rule and keeps none (Node loads fonts synchronously, so inserting the rule is
 * all pdf.js does with a font there, `FontLoader.bind`).
 */
const styleSink = { sheet: { cssRules: { length: 0 }, insertRule: (): number => 0 }, remove: (): void => undefined };
const styleSinkDocument = {
  createElement: () => styleSink,
  documentElement: { getElementsByTagName: () => [{ append: (): void => undefined }] },
};
const fontSinkDocument = { ...styleSinkDocument, fonts: { add: (): void => undefined, delete: (): boolean => false } };

/**
 * pdf.js's font options for reading text and rulings. Under Node pdf.js defaults to
 * `disableFontFace: true`, and then its operator pass compiles the outline of every glyph drawn
 * (`buildFontPaths`) and sends it over, for a canvas this tool never draws on: a third of a PDF's
 * CPU time on the benchmark corpus. With font faces on, glyphs stay glyphs, and the font loader
 * gets a document that takes the fonts and keeps nothing ({@link fontSinkDocument}); should it
 * fail anyway, pdf.js falls back to the glyph outlines, as before. Text and operators are the same
 * either way. In a browser the defaults stay.
 */
export function fontOptions(): Pick<DocumentParams, 'disableFontFace'> & Partial<Pick<DocumentParams, 'ownerDocument'>> {
  if (!isNode) return { disableFontFace: true };
  const sink = typeof (globalThis as { FontFace?: unknown }).FontFace === 'function' ? fontSinkDocument : styleSinkDocument;
  return { disableFontFace: false, ownerDocument: sink as unknown as HTMLDocument };
}
