/**
 * Every table cell the parser reads from a real report points at its own text: the line and
 * column it records hold the cell's raw text. Findings are placed by these locations, and the
 * mutation test writes changes there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../helpers/examples.js';

const FILES = ['fixtures/seeds', 'fixtures/corpus/text'].flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => `${d}/${f}`));

describe('cell locations', () => {
  it.each(FILES)('%s: each number cell is at its text', (file) => {
    const text = readFileSync(file, 'utf8');
    const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
    const report = parseText(text);
    const off: string[] = [];
    let checked = 0;
    for (const table of Object.values(report.tables)) {
      for (const [id, cell] of Object.entries(table.cells)) {
        if (cell.state !== 'number' || cell.at.column === undefined || cell.raw.includes('\n')) continue;
        checked++;
        const at = (lines[cell.at.line - 1] ?? '').slice(cell.at.column - 1);
        if (!at.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).startsWith(cell.raw.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))) off.push(`${id} at ${cell.at.line}:${cell.at.column} "${cell.raw}" but the text there is "${at.slice(0, 12)}"`);
      }
    }
    expect(off).toEqual([]);
    if (Object.keys(report.tables).length > 0) expect(checked).toBeGreaterThan(0);
  });
});
