/**
 * The 表三/表四 layouts of the metamorphic table suite (table-layouts.ts) as Word documents: each
 * layout's HTML rendering (spanned header cells and group labels) rebuilt as a .docx table with
 * the same row and column spans, read through the DOCX ingest, and compared cell for cell with the
 * text the layout was made from (issue 16: text, HTML, DOCX and PDF renderings read alike).
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parseReport } from '../../src/parse/index.js';
import { original } from './harness.js';
import { layoutCells, layoutDiff, T34_FIXTURES, TABLE_LAYOUTS } from './table-layouts.js';

const SPAN = (attrs: string, name: string): number => Number(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1);

/**
 * The paragraphs and tables of the HTML the layouts print (`<p>` and `<table>` of `<tr>`/`<td>` with
 * rowspan/colspan, in `<thead>`/`<tbody>` or not) as docx blocks. Only that HTML: no general reader.
 */
function docxBlocks(html: string): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const m of html.matchAll(/<p>(.*?)<\/p>|<table[^>]*>(.*?)<\/table>/gs)) {
    if (m[1] !== undefined) {
      out.push(new Paragraph(m[1]));
      continue;
    }
    const rows = Array.from(m[2]!.matchAll(/<tr>(.*?)<\/tr>/gs), (r) => new TableRow({
      children: Array.from(r[1]!.matchAll(/<td([^>]*)>(.*?)<\/td>/gs), (c) => new TableCell({
        children: [new Paragraph(c[2]!)],
        rowSpan: SPAN(c[1]!, 'rowspan'),
        columnSpan: SPAN(c[1]!, 'colspan'),
      })),
    }));
    out.push(new Table({ rows }));
  }
  return out;
}

async function docxOf(html: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph('2024年政府信息公开工作年度报告'), ...docxBlocks(html)] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('表三/表四 layouts as Word tables (DOCX)', () => {
  for (const layout of TABLE_LAYOUTS) {
    it(`${layout.name}: the DOCX reads the cells the text reads`, async () => {
      const problems: string[] = [];
      let applied = 0;
      for (const file of T34_FIXTURES) {
        const base = await original(file);
        if (layout.apply(base.text, base.report) === null) continue;
        applied++;
        const name = file.split('/').pop()!;
        const report = parseReport(await ingest(await docxOf(layout.html(base.report)), `${name}.docx`));
        for (const d of layoutDiff(layoutCells(base.report, layout.tables), layoutCells(report, layout.tables), layout.skip ?? (() => false))) problems.push(`${name}: cell ${d}`);
      }
      expect(problems).toEqual([]);
      expect(applied).toBeGreaterThanOrEqual(layout.minApplicable);
    }, 60_000);
  }
});
