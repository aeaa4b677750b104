// Writes fixtures/golden/<name>.json: what the parser reads from each real report fixture.
// Run `npx tsx scripts/golden.ts` after a deliberate parser change, then review the diff against
// fixtures/corpus/MANIFEST.md before committing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { goldenOf } from '../test/helpers/golden.js';
import { parseText } from '../test/helpers/examples.js';

const files = process.argv.slice(2);
mkdirSync('fixtures/golden', { recursive: true });
for (const file of files) {
  const golden = goldenOf(parseText(readFileSync(file, 'utf8')));
  writeFileSync(`fixtures/golden/${basename(file).replace(/\.\w+$/, '')}.json`, JSON.stringify(golden, null, 1) + '\n');
  console.log(file);
}
