/**
 * PDFs without the optional native package @napi-rs/canvas (issue #18): pdf.js takes `DOMMatrix`
 * from it under Node, and without it every PDF failed as "可能已损坏 (DOMMatrix is not defined)".
 * The compiled ingest (dist/src, `npm run build`) runs in a child process in which the package
 * cannot be resolved, and must read the same lines (text and ruled tables) as with it, quietly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { PDF_OPS, transformMatrix } from '../../src/ingest/pdf-ops.js';

const PDFS = ['001-huaian-city-2024', '002-hongze-district-2023'].map((name) => resolve(`fixtures/corpus/original/${name}.pdf`));
const INGEST = resolve('dist/src/ingest/index.js');
const HIDE = resolve('test/helpers/hide-canvas.mjs');

interface Read { canvas: boolean; domMatrix: string; results: { lines: string[]; problems: string[] }[] }

function readWithoutCanvas(): { read: Read; stderr: string } {
  if (!existsSync(INGEST)) throw new Error('run `npm run build` first (this test runs the compiled ingest)');
  const script = `
    import { createRequire } from 'node:module';
    import { readFileSync } from 'node:fs';
    const { ingest } = await import(${JSON.stringify(INGEST)});
    let canvas = true;
    try { createRequire(${JSON.stringify(INGEST)})('@napi-rs/canvas'); } catch { canvas = false; }
    const results = [];
    for (const file of ${JSON.stringify(PDFS)}) {
      const source = await ingest(new Uint8Array(readFileSync(file)), file);
      results.push({ lines: source.lines.map((l) => l.text), problems: source.problems.map((p) => p.id) });
    }
    console.log(JSON.stringify({ canvas, domMatrix: globalThis.DOMMatrix?.name ?? 'none', results }));`;
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(HIDE).href, '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(run.status, run.stderr).toBe(0);
  return { read: JSON.parse(run.stdout) as Read, stderr: run.stderr };
}

describe('PDF without @napi-rs/canvas', () => {
  it('reads the same lines and tables as with it, and prints no warnings', async () => {
    const { read, stderr } = readWithoutCanvas();
    expect(read.canvas).toBe(false); // the package really was hidden
    expect(read.domMatrix).toBe('AffineMatrix'); // and the stand-in was used
    expect(stderr).toBe('');
    for (const [index, file] of PDFS.entries()) {
      const withCanvas = await ingest(new Uint8Array(readFileSync(file)), file);
      const without = read.results[index]!;
      expect(without.problems.filter((id) => id.startsWith('ingest/'))).toEqual(withCanvas.problems.map((p) => p.id).filter((id) => id.startsWith('ingest/')));
      expect(without.lines.length).toBeGreaterThan(50);
      expect(without.lines).toEqual(withCanvas.lines.map((l) => l.text));
    }
  });

  it('keeps the installed package from being loaded at all once the thread only reads PDFs, and leaves it to others', async () => {
    const script = `
      import { createRequire } from 'node:module';
      import { readFileSync } from 'node:fs';
      const { ingest } = await import(${JSON.stringify(INGEST)});
      const { pdfReadingOnly } = await import(${JSON.stringify(resolve('dist/src/ingest/pdf-load.js'))});
      pdfReadingOnly();
      const results = [];
      for (const file of ${JSON.stringify(PDFS)}) {
        const source = await ingest(new Uint8Array(readFileSync(file)), file);
        results.push({ lines: source.lines.map((l) => l.text), problems: source.problems.map((p) => p.id) });
      }
      const natives = () => process.report.getReport().sharedObjects.filter((o) => /napi-rs|skia|canvas/i.test(o));
      const loadedWhileReading = natives();
      const canvas = createRequire(${JSON.stringify(INGEST)})('@napi-rs/canvas');
      console.log(JSON.stringify({ loadedWhileReading, later: typeof canvas.createCanvas, loadedLater: natives().length, domMatrix: globalThis.DOMMatrix?.name ?? 'none', results }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const read = JSON.parse(run.stdout) as { loadedWhileReading: string[]; later: string; loadedLater: number; domMatrix: string; results: Read['results'] };
    expect(read.loadedWhileReading).toEqual([]); // no native canvas library was mapped
    expect(read.domMatrix).toBe('AffineMatrix');
    expect(read.later).toBe('function'); // the real package, for whatever else wants it
    expect(read.loadedLater).toBeGreaterThan(0);
    for (const [index, file] of PDFS.entries()) {
      const withCanvas = await ingest(new Uint8Array(readFileSync(file)), file);
      expect(read.results[index]!.lines).toEqual(withCanvas.lines.map((l) => l.text));
    }
  });

  it('uses pdf.js\'s own operator codes and matrix product', () => {
    for (const [name, code] of Object.entries(PDF_OPS)) expect(OPS[name as keyof typeof OPS], name).toBe(code);
    const m1 = [2, 0.5, -1, 3, 10, 20];
    const m2 = [0.5, 1, 2, -1, 5, 7];
    expect(transformMatrix(m1, m2)).toEqual(Util.transform(m1, m2));
  });
});
