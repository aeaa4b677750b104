// Findings must stay byte-identical when the PDF reader and the batch path get faster: this runs
// the built CLI's `check --format json` on every fixture (one process per file), and once as a
// batch with -j 1 and -j 2 over all of them plus the Chromium-printed PDFs of bench/pdf-corpus.mjs,
// and writes each output to a folder. `node bench/findings-snapshot.mjs save DIR` before a change,
// `node bench/findings-snapshot.mjs compare DIR` after it: compare exits 1 on any difference.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pdfCorpus } from './pdf-corpus.mjs';

const [mode, dir] = process.argv.slice(2);
if (!['save', 'compare'].includes(mode ?? '') || !dir) {
  console.error('usage: node bench/findings-snapshot.mjs save|compare DIR');
  process.exit(2);
}
const CLI = JSON.parse(readFileSync('package.json', 'utf8')).bin['xxgk-lint'];
const EXT = /\.(txt|md|html?|docx|pdf)$/;
function fixtures(root) {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    if (e.isDirectory()) return e.name === 'golden' ? [] : fixtures(path);
    return EXT.test(e.name) && e.name !== 'README.md' && e.name !== 'MANIFEST.md' ? [path] : [];
  }).sort();
}
const files = fixtures('fixtures');
const printed = (await pdfCorpus()).map((f) => f.path).filter((p) => !p.startsWith('fixtures/'));
const run = (args) => {
  try {
    return execFileSync('node', [CLI, 'check', '--no-progress', '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
  } catch (error) {
    // Exit code 1 means findings at error level: the output is still the result.
    if (typeof error.stdout === 'string' && error.stdout.length > 0) return error.stdout;
    throw error;
  }
};
const outputs = new Map();
for (const file of files) outputs.set(`single-${file.replace(/[/\\]/g, '_')}.json`, run([file]));
for (const jobs of ['1', '2']) outputs.set(`batch-j${jobs}.json`, run(['-j', jobs, ...files, ...printed]));
// What the PDF reader reads, line by line with origins: stricter than the findings.
const { ingest } = await import('../dist/src/ingest/index.js');
const read = [];
for (const file of [...files.filter((f) => f.endsWith('.pdf')), ...printed]) read.push({ file, source: await ingest(new Uint8Array(readFileSync(file)), file) });
outputs.set('pdf-lines.json', JSON.stringify(read, null, 1));

if (mode === 'save') {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of outputs) writeFileSync(join(dir, name), text);
  console.log(`saved ${outputs.size} outputs (${files.length} fixtures one by one, ${files.length + printed.length} files as batches) to ${dir}`);
} else {
  let differ = 0;
  for (const [name, text] of outputs) {
    let before;
    try {
      before = readFileSync(join(dir, name), 'utf8');
    } catch {
      console.log(`new: ${name}`);
      differ++;
      continue;
    }
    if (before !== text) {
      console.log(`DIFFERS: ${name}`);
      writeFileSync(join(dir, `${basename(name, '.json')}.after.json`), text);
      differ++;
    }
  }
  console.log(differ === 0 ? `identical: all ${outputs.size} outputs` : `${differ} of ${outputs.size} outputs differ (the new ones are written beside the old as *.after.json)`);
  process.exit(differ === 0 ? 0 : 1);
}
