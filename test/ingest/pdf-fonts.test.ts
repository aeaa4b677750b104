/**
 * pdf.js's font options under Node (issue #21): with font faces on and the font loader given a
 * document that keeps nothing, the drawing-operator pass no longer compiles the outline of every
 * glyph drawn (pdf.js sends each as a `<font>_path_<glyph>` object to the main side), which was a
 * third of a PDF's CPU time; the operators read for rulings stay the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontOptions, loadPdfjs } from '../../src/ingest/pdf-load.js';

const PDF = 'fixtures/corpus/original/003-hongze-district-2024.pdf';

/** The first page's operators and the number of glyph outlines pdf.js sent while making them. */
async function firstPage(options: ReturnType<typeof fontOptions>): Promise<{ fnArray: number[]; outlines: number }> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(PDF)), isEvalSupported: false, verbosity: 0, useSystemFonts: false, ...options });
  try {
    const page = await (await task.promise).getPage(1);
    const ops = await page.getOperatorList();
    let outlines = 0;
    for (const [id] of page.commonObjs as unknown as Iterable<[string, unknown]>) if (id.includes('_path_')) outlines++;
    return { fnArray: [...ops.fnArray], outlines };
  } finally {
    await task.destroy();
  }
}

describe('pdf.js font options under Node', () => {
  it('builds no glyph outlines, and gives the same operators as with font faces off', async () => {
    const now = await firstPage(fontOptions());
    const off = await firstPage({ disableFontFace: true });
    expect(fontOptions().disableFontFace).toBe(false);
    expect(off.outlines).toBeGreaterThan(100);
    expect(now.outlines).toBe(0);
    expect(now.fnArray).toEqual(off.fnArray);
  });

  it('hands fonts over as font faces, so no font is encoded for an @font-face rule', async () => {
    await loadPdfjs();
    const faces: unknown[] = [];
    const rules: string[] = [];
    const style = { sheet: { cssRules: { length: 0 }, insertRule: (rule: string): number => rules.push(rule) }, remove: (): void => undefined };
    const counting = {
      fonts: { add: (face: unknown): void => void faces.push(face), delete: (): boolean => false },
      createElement: () => style,
      documentElement: { getElementsByTagName: () => [{ append: (): void => undefined }] },
    };
    const options = fontOptions();
    expect(options.ownerDocument).toHaveProperty('fonts');
    const counted = await firstPage({ ...options, ownerDocument: counting as unknown as HTMLDocument });
    const plain = await firstPage(options);
    expect(faces.length).toBeGreaterThan(0);
    expect(rules).toEqual([]);
    expect(counted.outlines).toBe(0);
    expect(counted.fnArray).toEqual(plain.fnArray);
  });
});
