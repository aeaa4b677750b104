/**
 * 表三 printed by `pdftotext -layout` with its zero cells left blank (as many PDFs print them):
 * a blank cell is only a gap in the line, so each number is placed by the column it stands in,
 * the places taken from the table's complete rows. Made from the clean aligned-column fixtures by
 * blanking every 0 of 表三 where it stands.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { parseText, ROOT } from '../helpers/examples.js';

/** The text with every 0 cell of 表三 replaced by spaces where it stands. */
function blankZeros(text: string, report: Report): string {
  const lines = text.split('\n');
  for (const cell of Object.values(report.tables.t3!.cells)) {
    if (cell.raw !== '0') continue;
    const line = lines[cell.at.line - 1]!;
    const at = (cell.at.column ?? 1) - 1;
    expect(line[at]).toBe('0');
    lines[cell.at.line - 1] = `${line.slice(0, at)} ${line.slice(at + 1)}`;
  }
  return lines.join('\n');
}

describe('表三 in aligned columns with blank zero cells', () => {
  for (const [file, minShare] of [['fixtures/corpus/text/001-huaian-city-2024.txt', 0.2], ['fixtures/corpus/text/003-hongze-district-2024.txt', 0.25]] as const) {
    it(`places each number in its column, or leaves the row unread: ${file.split('/').pop()}`, () => {
      const text = readFileSync(resolve(ROOT, file), 'utf8');
      const before = parseText(text).tables.t3!;
      const blanked = parseText(blankZeros(text, parseText(text))).tables.t3!;
      let read = 0;
      for (const cell of Object.values(before.cells)) {
        const now = blanked.cells[cell.id];
        if (now === undefined) continue;
        read++;
        // Never misread: a number keeps its value and column; a 0 left blank is read as blank.
        if (cell.value === 0) expect(now.state, cell.id).toBe('blank');
        else expect(now.value, cell.id).toBe(cell.value);
      }
      // Rows are read whole or not at all.
      for (const row of blanked.rows) expect(Object.values(blanked.cells).filter((c) => c.row === row)).toHaveLength(7);
      expect(read / Object.keys(before.cells).length).toBeGreaterThanOrEqual(minShare);
    });
  }
});
