// Prints, for each report fixture, how many canonical table cells the parser recognised out of how
// many the report's format has (the figures quoted in the closing notes and the README).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseText } from '../test/helpers/examples.js';
import { T2_ITEMS } from '../src/format/definitions.js';

for (const file of process.argv.slice(2)) {
  const report = parseText(readFileSync(file, 'utf8'));
  const parts: string[] = [];
  let got = 0;
  let total = 0;
  const edition = report.meta.edition;
  if (edition === '2019' || edition === '2021') {
    const t2Total = T2_ITEMS[edition].reduce((n, item) => n + item.rows.length * item.cols.length, 0);
    const t3Rows = report.tables.t3?.variant === 'other-single' ? 23 : edition === '2021' ? 25 : 23;
    const counts: [string, number, number][] = [
      ['表二', Object.keys(report.tables.t2?.cells ?? {}).length, t2Total],
      ['表三', Object.values(report.tables.t3?.cells ?? {}).filter((c) => c.col !== 'sub').length, t3Rows * 7],
      ['表四', Object.keys(report.tables.t4?.cells ?? {}).length, 15],
    ];
    for (const [name, g, t] of counts) {
      parts.push(`${name} ${g}/${t}`);
      got += g;
      total += t;
    }
  } else {
    for (const table of Object.values(report.tables)) {
      const cols = new Set(Object.values(table.cells).map((c) => c.col)).size || 1;
      const rows = table.rows.length + table.missingRows.length + table.unreadable.length;
      const g = Object.keys(table.cells).length;
      parts.push(`${table.id}(${table.variant}) ${g}/${rows * cols}`);
      got += g;
      total += rows * cols;
    }
  }
  console.log(`${basename(file).padEnd(36)} ${edition ?? '-'}  ${got}/${total}  ${parts.join('  ')}`);
}
