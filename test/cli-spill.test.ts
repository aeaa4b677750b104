import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ResultSpill } from '../src/cli/spill.js';

describe('ResultSpill', () => {
  it('gives back every record, byte for byte and in order, across block boundaries', () => {
    const spill = new ResultSpill<number>();
    const written: { file: string; text: string; note: number }[] = [];
    // Multi-byte text, line breaks inside records, an empty record, and records larger than a read block (1 MB) and a write block.
    const texts = ['{"a": "政府信息公开"}', '', 'line one\nline two\r\n', '€'.repeat(400_000), 'x'.repeat(1_500_000), '表三\t第1行'];
    for (let i = 0; i < 120; i++) written.push({ file: `f${i}.txt`, text: `${texts[i % texts.length]!}#${i}`, note: i * 7 });
    for (const r of written) spill.write(r.file, r.text, r.note);
    const read: typeof written = [];
    // Each record's bytes are decoded before the next is read (the view is valid until then).
    for (const r of spill.read()) read.push({ file: r.file, text: r.bytes.toString('utf8'), note: r.note });
    expect(read.length).toBe(written.length);
    for (let i = 0; i < written.length; i++) expect(read[i]).toEqual(written[i]);
    spill.remove();
  });

  it('refuses writes once reading began, and removes its folder', () => {
    const spill = new ResultSpill<null>();
    spill.write('a', 'text', null);
    const texts: string[] = [];
    for (const r of spill.read()) texts.push(r.bytes.toString('utf8'));
    expect(texts).toEqual(['text']);
    expect(() => spill.write('b', 'more', null)).toThrow(/after reading/);
    const dir = (spill as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    spill.remove();
    spill.remove();
    expect(existsSync(dir)).toBe(false);
  });
});
