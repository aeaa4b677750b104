/**
 * Fuzzing with real reports from fixtures/, damaged the ways files get damaged in the wild and the
 * ways a hostile file would be built: truncated anywhere, lines shuffled, random bytes inserted,
 * numbers no report holds (1e308, 20 nines) in the table cells; HTML nested 100000 deep or with
 * huge row and column spans; docx zips with broken, missing or lying parts; PDFs cut short or
 * with bytes flipped. `checkInvariant` must hold for every one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zip } from '../helpers/zip.js';
import { checkInvariant, fixtureBytes, fixtureText, params, TEXT_FIXTURES } from './harness.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const HUGE = ['1e308', '1e309', '-1e308', '99999999999999999999', '9'.repeat(400), '0.' + '0'.repeat(300) + '1', '1.7976931348623157e308', '4294967296', '9007199254740993', '１'.repeat(30), '1,000,000,000,000,000,000,000'];

/** A real report's text, chosen at random, with its lines. */
const report = fc.constantFrom(...TEXT_FIXTURES).map((path) => ({ path, text: fixtureText(path) }));


/**
 * A real file cut short (keeping at least `minKeep` of it, and `minLength` bytes) with up to
 * `maxEdits` bytes overwritten at random places.
 */
function damaged(original: Uint8Array, { maxEdits, minKeep, minLength }: { maxEdits: number; minKeep: number; minLength: number }): fc.Arbitrary<Uint8Array> {
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.integer({ min: 0, max: 255 }) });
  return fc.tuple(fc.array(edit, { maxLength: maxEdits }), fc.double({ min: minKeep, max: 1, noNaN: true })).map(([edits, keep]) => {
    const bytes = original.slice(0, Math.max(minLength, Math.floor(original.length * keep)));
    for (const e of edits) bytes[Math.floor((bytes.length - 1) * e.at)] = e.value;
    return bytes;
  });
}

describe('mutated real reports', () => {
  it('a real report truncated at any point is checked without breaking', async () => {
    await fc.assert(
      fc.asyncProperty(report, fc.double({ min: 0, max: 1, noNaN: true }), async ({ path, text }, at) => {
        await checkInvariant(encode(text.slice(0, Math.floor(text.length * at))), path);
      }),
      params(70),
    );
  });

  it('a real report with its lines shuffled, dropped or repeated is checked without breaking', async () => {
    await fc.assert(
      fc.asyncProperty(report, fc.array(fc.nat(), { minLength: 1, maxLength: 600 }), async ({ path, text }, picks) => {
        const lines = text.split('\n');
        await checkInvariant(encode(picks.map((p) => lines[p % lines.length]).join('\n')), path);
      }),
      params(70),
    );
  });

  it('a real report with random bytes inserted or overwritten is checked without breaking', async () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }), overwrite: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(report, fc.array(edit, { minLength: 1, maxLength: 20 }), async ({ path, text }, edits) => {
        let bytes = encode(text);
        for (const e of edits) {
          const at = Math.floor(bytes.length * e.at);
          const tail = bytes.subarray(e.overwrite ? Math.min(bytes.length, at + e.bytes.length) : at);
          bytes = new Uint8Array([...bytes.subarray(0, at), ...e.bytes, ...tail]);
        }
        await checkInvariant(bytes, path);
      }),
      params(70),
    );
  });

  it('huge and odd numbers in the table cells of a real report are read as finite numbers or not at all', async () => {
    await fc.assert(
      fc.asyncProperty(report, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...HUGE)), { minLength: 1, maxLength: 40 }), async ({ path, text }, swaps) => {
        // Replace whole numbers in the text (most are table cells) by the odd ones.
        const numbers = [...text.matchAll(/\d+/g)];
        const chosen = new Map(swaps.map(([n, value]) => [numbers.length ? n % numbers.length : 0, value]));
        let i = 0;
        const mutated = text.replace(/\d+/g, (m) => chosen.get(i++) ?? m);
        const result = await checkInvariant(encode(mutated), path);
        for (const table of Object.values(result.report.tables)) {
          for (const cell of Object.values(table.cells)) if (cell.value !== null && cell.value !== undefined) expect(Number.isFinite(cell.value), `${cell.id} = ${cell.value}`).toBe(true);
        }
        // An expected/actual in a finding is a finite number or a string, never NaN or ±∞.
        for (const f of result.findings) for (const v of [f.expected, f.actual]) if (typeof v === 'number') expect(Number.isFinite(v), `${f.ruleId} ${v}`).toBe(true);
      }),
      params(70),
    );
  });

  it('a real HTML report with tags removed, repeated or nested in random places is checked without breaking', async () => {
    const html = new TextDecoder().decode(fixtureBytes('fixtures/corpus/original/013-pingtan-2024.html'));
    const tags = [...html.matchAll(/<[^>]+>/g)].map((m) => m.index);
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom('drop', 'dup', 'open-div', 'open-table', 'close-td', 'big-span', 'zero-span') });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 30 }), async (edits) => {
        let text = html;
        for (const e of [...edits].sort((a, b) => (b.at % tags.length) - (a.at % tags.length))) {
          const at = tags[e.at % tags.length]!;
          const end = text.indexOf('>', at) + 1;
          const tag = text.slice(at, end);
          const insert = { drop: '', dup: tag + tag, 'open-div': '<div>'.repeat(50) + tag, 'open-table': '<table><tr><td>' + tag, 'close-td': '</td></tr></table>' + tag, 'big-span': tag.replace(/^<(td|th)\b/i, '<$1 rowspan="65534" colspan="100000"'), 'zero-span': tag.replace(/^<(td|th)\b/i, '<$1 rowspan="0" colspan="0"') }[e.op];
          text = text.slice(0, at) + insert + text.slice(end);
        }
        await checkInvariant(encode(text), 'mutated.html');
      }),
      params(40),
    );
  });

  it('a real docx with its bytes flipped, cut short or its parts damaged is checked without breaking', async () => {
    const docx = fixtureBytes('fixtures/corpus/original/013-pingtan-2024.docx');
    await fc.assert(
      fc.asyncProperty(damaged(docx, { maxEdits: 30, minKeep: 0.05, minLength: 4 }), async (bytes) => {
        await checkInvariant(bytes, 'mutated.docx');
      }),
      params(60),
    );
  });

  it('hand-made docx zips with random, missing or malformed parts are checked without breaking', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const fragment = fc.constantFrom('<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>', '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc></w:tr></w:tbl>', '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr>', '<w:p><w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="-1"/></w:numPr></w:pPr><w:r><w:t>1e308</w:t></w:r></w:p>', '<w:p>', '</w:p>', '<![CDATA[x]]>', '&amp;', '&#xFFFF;', '&#0;', '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', '&a;', '<w:t>\t</w:t>');
    const part = fc.record({
      name: fc.constantFrom('word/document.xml', 'word/numbering.xml', 'word/styles.xml', '[Content_Types].xml', 'docProps/core.xml', '../evil.xml', '/abs.xml', 'word/document.xml\u0000'),
      body: fc.array(fragment, { maxLength: 40 }).map((fs) => `<?xml version="1.0"?><w:document ${W}><w:body>${fs.join('')}</w:body></w:document>`),
      raw: fc.uint8Array({ maxLength: 200 }),
      useRaw: fc.boolean(),
      stored: fc.boolean(),
      declaredSize: fc.option(fc.constantFrom(0, 1, 0xffffffff, 1000), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 5 }), async (parts) => {
        const bytes = zip(parts.map((p) => ({ name: p.name, data: p.useRaw ? p.raw : p.body, stored: p.stored, ...(p.declaredSize !== undefined ? { declaredSize: p.declaredSize } : {}) })));
        await checkInvariant(bytes, 'handmade.docx');
      }),
      params(70),
    );
  });

  it('a real PDF cut short or with bytes flipped is checked without breaking', async () => {
    const pdf = fixtureBytes('fixtures/corpus/original/002-hongze-district-2023.pdf');
    await fc.assert(
      fc.asyncProperty(damaged(pdf, { maxEdits: 20, minKeep: 0.01, minLength: 5 }), async (bytes) => {
        await checkInvariant(bytes, 'mutated.pdf');
      }),
      params(12),
    );
  });
});

describe('hostile structures', () => {
  it('HTML nested 100000 <div>s deep is read up to the depth limit and says so', async () => {
    const depth = 100_000;
    const html = `<html><body>${'<div>'.repeat(depth)}一、总体情况${'</div>'.repeat(depth)}<p>二、主动公开政府信息情况</p></body></html>`;
    const result = await checkInvariant(encode(html), 'deep.html');
    expect(result.findings.some((f) => f.ruleId === 'ingest/html-too-deep')).toBe(true);
    expect(result.report.lines.map((l) => l.text).join('\n')).toContain('一、总体情况');
  });

  it('HTML 100000 unclosed <table><tr><td> levels deep is checked without breaking', async () => {
    await checkInvariant(encode(`<html><body>${'<table><tr><td>'.repeat(30_000)}总计</body></html>`), 'deep-tables.html');
  });

  it('an HTML table whose every row spans all the rows below and 100000 columns is checked without breaking', async () => {
    // Each row's cell covers the rest of the table, so each next row starts further right: a grid
    // that grows as rows² × colspan unless spans are bounded.
    const rows = Array.from({ length: 400 }, (_, i) => `<tr><td rowspan="0" colspan="100000">${i}</td></tr>`).join('');
    await checkInvariant(encode(`<html><body><p>三、收到和处理政府信息公开申请情况</p><table>${rows}</table></body></html>`), 'spans.html');
  });

  it('an HTML table with 2000 rows of 1000-column cells is checked without breaking', async () => {
    const rows = Array.from({ length: 2000 }, () => '<tr><td colspan="1000">1</td><td>2</td></tr>').join('');
    await checkInvariant(encode(`<html><body><table>${rows}</table></body></html>`), 'wide.html');
  });

  it('a docx table cell spanning 99999 grid columns, in many rows, is checked without breaking', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>';
    const bytes = zip([{ name: 'word/document.xml', data: `<w:document ${W}><w:body><w:tbl>${row.repeat(2000)}</w:tbl></w:body></w:document>` }]);
    await checkInvariant(bytes, 'span.docx');
  });

  it('one line of 2.7 MB (no line breaks) is checked without breaking', async () => {
    await checkInvariant(encode('本年新收政府信息公开申请数量\t1\t'.repeat(100_000)), 'one-line.txt');
  });

  it('200000 lines of table rows (5.4 MB) are read up to the line limit, and say so', async () => {
    const result = await checkInvariant(encode('予以公开\t1\t2\t3\t4\t5\t6\t7\n'.repeat(200_000)), 'many-lines.txt');
    expect(result.findings.some((f) => f.ruleId === 'ingest/too-many-lines')).toBe(true);
  });
});
