/**
 * Hand-written PDFs for tests (no PDF writer is installed): objects are numbered from 1, object 1
 * is the catalog, and the xref table is computed.
 */

/** A PDF made of the given object bodies; `trailerExtra` goes into the trailer dictionary. */
export function pdf(objects: readonly string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A stream object body holding `content` (latin1), with `dict` added to its dictionary. */
export const stream = (content: string, dict = ''): string => `<< /Length ${Buffer.byteLength(content, 'latin1')} ${dict} >>\nstream\n${content}\nendstream`;

/**
 * A PDF whose pages hold the given content streams. Fonts: F1 Helvetica; F2 a CJK font (STSong,
 * not embedded, UniGB-UCS2-H, so pdf.js needs its CMaps); F3 Helvetica whose ToUnicode maps "A"
 * to the Kangxi radical ⼀ (U+2F00) and "B" to ⾏ (U+2F8F). Object 9 is an empty dictionary that
 * tests may replace (see {@link encryptedPdf}).
 */
export function textPdf(pages: readonly string[], trailerExtra = ''): Uint8Array {
  const fonts = 6;
  const first = 10;
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${fonts} 0 R] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 8 0 R >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    stream('/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /K def 1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <41> <2F00> <42> <2F8F> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end'),
    '<< >>',
  ];
  pages.forEach((content, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`);
    objects.push(stream(content));
  });
  return pdf(objects, trailerExtra);
}

/** A content-stream text operation: `s` in font F1 (or `font`) at (x, y). */
export const text = (x: number, y: number, s: string, size = 12, font = 'F1'): string => `BT /${font} ${size} Tf ${x} ${y} Td (${s}) Tj ET`;

/** A content-stream text operation in the CJK font F2; `hex` is UCS-2 big-endian. */
export const cjk = (x: number, y: number, hex: string, size = 12): string => `BT /F2 ${size} Tf ${x} ${y} Td <${hex}> Tj ET`;

/** Recomputes the xref offsets of a hand-written PDF after an object was edited. */
export function fixXref(source: string): Uint8Array {
  const objects: string[] = [];
  const re = /(\d+) 0 obj\n([\s\S]*?)\nendobj\n/g;
  for (const m of source.matchAll(re)) objects[Number(m[1]) - 1] = m[2] ?? '';
  const trailer = /trailer\n<< \/Size \d+ \/Root 1 0 R ([\s\S]*?) >>\nstartxref/.exec(source)?.[1] ?? '';
  return pdf(objects, trailer);
}

/**
 * A PDF encrypted with the standard security handler (RC4 40-bit) whose user password is not
 * empty, so it cannot be opened without one.
 */
export function encryptedPdf(): Uint8Array {
  const hex32 = '28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A';
  const encrypted = textPdf([text(72, 770, 'secret')], `/Encrypt 9 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]`);
  // Object 9 is the placeholder `<< >>`; make it the standard security handler dictionary.
  const patched = Buffer.from(encrypted).toString('latin1').replace('9 0 obj\n<< >>', `9 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32.split('').reverse().join('')}> /P -44 >>`);
  return fixXref(patched);
}

/** A one-page PDF that holds only an image and a filled rectangle: a scan, no text layer. */
export function scannedPdf(): Uint8Array {
  const image = '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream';
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    stream('q 500 0 0 700 40 60 cm /Im1 Do Q 0 0 1 rg 10 10 50 50 re f'),
    image,
  ]);
}
