// Development aid: prints what the parser reads from report files (tables, meta, outline).
import { readFileSync } from 'node:fs';
import { ingestText } from '../src/ingest/text.js';
import { DEFAULT_LIMITS } from '../src/ingest/limits.js';
import { parseReport } from '../src/parse/index.js';

for (const file of process.argv.slice(2)) {
  const src = ingestText(new Uint8Array(readFileSync(file)), 'text', DEFAULT_LIMITS);
  const r = parseReport(src);
  console.log(`=== ${file}`);
  const m = r.meta;
  console.log(`title=${m.title?.text} | agency=${m.agency?.name}(${m.agency?.source}) | year=${m.year} | edition=${m.edition} | published=${m.publishedAt?.iso}(${m.publishedAt?.role}) | issuer=${m.issuer.kind}/${m.issuer.level}`);
  console.log(`  agencies: ${m.agencies.map((a) => `${a.name}@${a.source}`).join(', ')}; dates: ${m.dates.map((d) => `${d.iso}@${d.role}:${d.at.line}`).join(', ')}`);
  console.log(`  outline: ${r.outline.filter((s) => s.level <= 1).map((s) => `${s.number}、${s.title}${s.glued ? '*' : ''}@${s.at.line}`).join(' | ')}`);
  for (const t of Object.values(r.tables)) {
    console.log(`  [${t.id}/${t.variant}] rows=${t.rows.length} cells=${Object.keys(t.cells).length} missing=${t.missingRows.join(',')} notes=${t.notes.join(',')}`);
    const byRow = new Map<string, string[]>();
    for (const c of Object.values(t.cells)) {
      const v = c.state === 'number' ? String(c.value) : c.state === 'blank' ? '·' : `<${c.state}:${c.raw}>`;
      byRow.set(c.row, [...(byRow.get(c.row) ?? []), v]);
    }
    for (const [row, vals] of byRow) console.log(`     ${row.padEnd(12)} ${vals.join(' ')}`);
    for (const u of t.unreadable) console.log(`     UNREADABLE ${u.row}@${u.at.line}: ${u.reason} [${u.raw.slice(0, 80)}]`);
    for (const d of t.drift) console.log(`     DRIFT ${d.row}: "${d.printed}" vs "${d.expected}"`);
  }
  if (process.env.NARR) for (const n of r.narrative) console.log(`  N ${n.value}${n.unit} @${n.at.line} :: ${n.sentence.slice(0, 60)}`);
}
