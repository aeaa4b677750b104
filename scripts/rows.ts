import { readFileSync } from 'node:fs';
import { ingestText } from '../src/ingest/text.js';
import { DEFAULT_LIMITS } from '../src/ingest/limits.js';
import { readRows } from '../src/parse/rows.js';
const [file, from, to] = process.argv.slice(2);
const src = ingestText(new Uint8Array(readFileSync(file!)), 'text', DEFAULT_LIMITS);
for (const r of readRows(src.lines)) if (r.line >= Number(from) && r.line <= Number(to)) console.log(r.kind, r.line, r.endLine, JSON.stringify(r.cells.map((c) => c.text)));
