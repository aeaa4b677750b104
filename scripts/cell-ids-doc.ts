/** Writes docs/cell-ids.md from the table definitions (`npm run docs:cell-ids`). */
import { writeFileSync } from 'node:fs';
import { cellIdsMarkdown } from '../src/format/cell-ids-doc.js';

writeFileSync(new URL('../docs/cell-ids.md', import.meta.url), cellIdsMarkdown());
