/** The batch manifest: CSV (RFC 4180) and YAML, with errors at the line they are on. */
import { describe, expect, it } from 'vitest';
import { loadManifestText } from '../src/batch/manifest.js';

describe('manifest', () => {
  it('reads CSV with Chinese headers, quoted commas and a line break inside quotes', () => {
    const csv = '\ufeff机关,地区,年度,文件\n"某县人民政府办公室,（代县政府）",某市,2024,a.txt\n"某县\n发改局",某市,2024,b.txt\n\n某县教育局,某市,2023,\n';
    const { entries, errors } = loadManifestText(csv, 'm.csv');
    expect(errors).toEqual([]);
    expect(entries.map((e) => [e.agency, e.year, e.file ?? null, e.line])).toEqual([
      ['某县人民政府办公室,（代县政府）', 2024, 'a.txt', 2],
      ['某县\n发改局', 2024, 'b.txt', 3],
      ['某县教育局', 2023, null, 6],
    ]);
  });

  it('locates a bad CSV row by its line and asks for the agency column', () => {
    const bad = loadManifestText('agency,year\n某县人民政府,2024\n某县财政局,明年\n', 'm.csv');
    expect(bad.entries).toHaveLength(1);
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatchObject({ file: 'm.csv', line: 3 });
    expect(bad.errors[0]!.message).toContain('year');
    const noHeader = loadManifestText('某县人民政府,2024\n', 'm.csv');
    expect(noHeader.errors[0]!.message).toContain('agency');
  });

  it('reads YAML (a list, or reports: list) and locates an item by its own line', () => {
    const yaml = 'reports:\n  - agency: 某县人民政府\n    year: 2024\n  - agency: ""\n    year: 2024\n';
    const { entries, errors } = loadManifestText(yaml, 'm.yaml');
    expect(entries.map((e) => [e.agency, e.line])).toEqual([['某县人民政府', 2]]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 4 });
    expect(errors[0]!.message).toContain('agency');
  });

  it('stops a YAML alias bomb and reports syntax errors at their line', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`), 'reports: [*i]'].join('\n');
    const bombed = loadManifestText(bomb, 'm.yaml');
    expect(bombed.entries).toEqual([]);
    expect(bombed.errors[0]!.message).toMatch(/YAML/);
    const broken = loadManifestText('- agency: a\n- agency: [b\n', 'm.yml');
    expect(broken.errors[0]!.line).toBeGreaterThanOrEqual(2);
  });
});
