// Parse and check cost per text report in CPU time, for comparing two builds (issue #16's budget:
// parsing at most 1.15× the pre-#16 commit per report).
//
//   node bench/parse-cpu.mjs [build root, default .] [what: parse | check, default parse]
//   node bench/parse-cpu.mjs <build root A> versus <build root B>
//
// The build root is a checkout with `dist/` compiled (`npx tsc -p tsconfig.build.json`); the
// fixtures and generated reports always come from the current directory, so two builds read the
// same texts. Prints one JSON line: CPU microseconds per report (user + system of the process,
// which does not change when other processes share the machine) on the text fixtures and on the
// bench's generated batch. Run old and new alternately several times and compare medians.
// `versus` parses the same inputs with two builds in one process, interleaved report by report
// (the order alternating), and prints each build's CPU time per report and the ratio B ÷ A: the
// machine's load then weighs on both alike (a build against itself gives 1.00).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? '.');
const what = process.argv[3] ?? 'parse';
// A query string makes a second module instance even when both roots are the same checkout.
const loadFrom = (dir, tag = '') => (p) => import(pathToFileURL(join(dir, 'dist/src', p)).href + tag);
const load = loadFrom(root);
const { ingest } = await load('ingest/index.js');
const { parseReport } = await load('parse/index.js');
let check = null;
if (what === 'check') {
  const { Checker } = await load('engine/run.js');
  const { loadRuleDirs } = await load('node.js');
  const checker = new Checker(loadRuleDirs().packs);
  check = (report) => checker.check(report);
}

const txt = (dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
const fixtures = ['fixtures/corpus/text', 'fixtures/corpus/web', 'fixtures/synthetic', 'fixtures/seeds'].flatMap(txt);
// The bench's generated batch (bench/run.mjs): the 16 corpus and seed texts, table numbers ×1, ×2, ×3.
const sources = [...txt('fixtures/corpus/text'), ...txt('fixtures/seeds')].map((f) => readFileSync(f, 'utf8'));
const N = Number(process.env.BENCH_REPORTS ?? 4000);
const generated = Array.from({ length: N }, (_, i) => `${sources[i % sources.length].replace(/(?<=\t|\s{2}|\| |^)(\d+)(?=\t|\s{2}| ?\||$)/gm, (d) => String(Number(d) * (1 + (i % 3))))}\n（样本 ${i}）\n`);
const enc = new TextEncoder();

async function cpuPerReport(inputs, rounds) {
  const bytes = inputs.map(([name, text]) => [name, enc.encode(text)]);
  // Warm-up: one round, not counted.
  for (const [name, b] of bytes.slice(0, 200)) {
    const r = parseReport(await ingest(b, name));
    if (check) await check(r);
  }
  const t0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) {
    for (const [name, b] of bytes) {
      const r = parseReport(await ingest(b, name));
      if (check) await check(r);
    }
  }
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / (rounds * bytes.length);
}

if (what === 'versus') {
  const other = loadFrom(resolve(process.argv[4] ?? '.'), '?b');
  const builds = [
    { ingest, parseReport },
    { ingest: (await other('ingest/index.js')).ingest, parseReport: (await other('parse/index.js')).parseReport },
  ];
  const versus = async (texts, rounds) => {
    const bytes = texts.map((t) => enc.encode(t));
    const total = [0, 0];
    for (let r = 0; r <= rounds; r++) {
      for (let i = 0; i < bytes.length; i++) {
        for (const b of (i + r) % 2 ? [0, 1] : [1, 0]) {
          const t0 = process.cpuUsage();
          builds[b].parseReport(await builds[b].ingest(bytes[i], `r${i}.txt`));
          const t = process.cpuUsage(t0);
          if (r > 0) total[b] += t.user + t.system;
        }
      }
    }
    const [a, b] = total.map((t) => t / (rounds * bytes.length));
    return { a: Math.round(a), b: Math.round(b), ratio: Number((b / a).toFixed(3)) };
  };
  const fixtureTexts = fixtures.map((f) => readFileSync(f, 'utf8'));
  // Both builds parse fixtures and generated reports once before anything is counted: CPU time is
  // the whole process's, so the compiler threads still optimising either build's code would be
  // counted against whichever build happens to be parsing (the fixtures, measured first, moved by
  // ±10 % from run to run without this warm-up).
  const enc0 = (texts) => texts.map((t) => enc.encode(t));
  for (const b of builds) for (const bytes of [...enc0(fixtureTexts), ...enc0(generated.slice(0, 500))]) b.parseReport(await b.ingest(bytes, 'warm.txt'));
  // Ten rounds of the fixtures (a second each): a fixture leaves more garbage than a generated
  // report, and a collection is counted against the parse it interrupts, so two rounds left a build
  // against itself anywhere between 0.9 and 1.1.
  const fx = await versus(Array.from({ length: 20 }, () => fixtureTexts).flat(), 10);
  const gen = await versus(generated, 2);
  console.log(JSON.stringify({ a: root, b: resolve(process.argv[4] ?? '.'), fixtures: fx, generated: gen }));
  process.exit(0);
}

const fx = await cpuPerReport(fixtures.map((f) => [f, readFileSync(f, 'utf8')]), Number(process.env.ROUNDS ?? 20));
const gen = await cpuPerReport(generated.map((t, i) => [`r${i}.txt`, t]), 1);
console.log(JSON.stringify({ root, what, fixtures: Math.round(fx), generated: Math.round(gen) }));
