/**
 * The few pdf.js constants and helpers the PDF reader needs, without importing pdf.js: its module
 * needs `DOMMatrix` when it is evaluated, which Node has only through the optional native
 * `@napi-rs/canvas` package, so pdf.js is loaded on demand by pdf-load.ts after a stand-in is in
 * place. The operator codes are pdf.js's public `OPS` numbers (pdfjs-dist is pinned; a test
 * compares them with the installed package's).
 */

/** pdf.js `OPS` codes used when reading rulings from a page's operator list. */
export const PDF_OPS = {
  setLineWidth: 2,
  save: 10,
  restore: 11,
  transform: 12,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
} as const;

/** A PDF transformation matrix `[a, b, c, d, e, f]`. */
export type PdfMatrix = readonly number[];

/** `m1 × m2` as pdf.js's `Util.transform` computes it: apply m2, then m1. */
export function transformMatrix(m1: PdfMatrix, m2: PdfMatrix): [number, number, number, number, number, number] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m1;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m2;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}
