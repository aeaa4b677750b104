// Benchmark (npm run bench): per-report parse vs rule time, PDF batches (reports/s per thread,
// -j 2 ÷ -j 1, peak RSS for 1,000 PDFs with -j 2), text batches (reports/s per core on 4,000
// reports, the read-and-scan floor and the ratio), memory growth per report with and without the
// cross-report rules, re-runs with --cache, CLI start-up. Runs the compiled CLI (dist/),
// so `npm run build` first (the npm script does). Medians over repeated runs.
// BENCH_ONLY=pdf runs only the PDF parts (the per-report PDF row and the PDF batches) and puts
// their lines in place of the PDF lines of bench/last-run.md, leaving the other figures as they were.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../dist/src/ingest/index.js';
import { parseReport } from '../dist/src/parse/index.js';
import { Checker } from '../dist/src/engine/run.js';
import { evaluateRule } from '../dist/src/engine/evaluate.js';
import { loadRuleDirs } from '../dist/src/node.js';
import { pdfCorpus } from './pdf-corpus.mjs';

// Batches and start-up run the CLI users get (package.json "bin": the esbuild bundle).
const CLI = JSON.parse(readFileSync('package.json', 'utf8')).bin['xxgk-lint'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n.toFixed(2)} ms`;
const lines = [];
const say = (s) => {
  console.log(s);
  lines.push(s);
};
const pdfOnly = process.env.BENCH_ONLY === 'pdf';
const { packs } = loadRuleDirs();
const checker = new Checker(packs);
const rules = packs.flatMap((p) => p.rules).filter((r) => !['cross-year', 'consolidated', 'similarity'].includes(r.check.kind));

async function perReport(files, rounds) {
  const bytes = files.map((f) => [f, new Uint8Array(readFileSync(f))]);
  const parse = [];
  const check = [];
  const direct = [];
  const total = [];
  for (let r = 0; r < rounds; r++) {
    for (const [f, b] of bytes) {
      const t0 = performance.now();
      const report = parseReport(await ingest(b, f));
      const t1 = performance.now();
      await checker.check(report);
      const t2 = performance.now();
      // Direct evaluation runs on its own copy of the model: on the same object it would find the
      // per-report caches (cell globs) the engine run has just filled, and look cheaper than it is.
      const copy = parseReport(await ingest(b, f));
      const t3 = performance.now();
      for (const rule of rules) evaluateRule({ report: copy, rule });
      const t4 = performance.now();
      if (r > 0) {
        parse.push(t1 - t0);
        check.push(t2 - t1);
        direct.push(t4 - t3);
        total.push(t2 - t0);
      }
    }
  }
  return { parse: median(parse), check: median(check), direct: median(direct), total: median(total) };
}

const os = await import('node:os');
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
say(`# xxgk-lint benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores`);
say('');
// Wall-clock medians: other processes on the machine slow every figure down; the load average
// (1 / 5 / 15 min) at the start and at the end says how busy the machine was.
say(`Load average at start: ${load()}`);
say('');
say('## Per report (median, one thread, warm)');
say('| input | parse (ingest + parse) | rules (json-rules-engine) | rules evaluated directly | rules ÷ end to end | reports/s end to end |');
say('|---|---|---|---|---|---|');
const groups = {
  '.txt (11 corpus + 5 seeds)': [...readdirSync('fixtures/corpus/text').map((f) => `fixtures/corpus/text/${f}`), ...readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).map((f) => `fixtures/seeds/${f}`)],
  '.html (013)': ['fixtures/corpus/original/013-pingtan-2024.html'],
  '.docx (013)': ['fixtures/corpus/original/013-pingtan-2024.docx'],
  '.pdf (001–003)': ['001-huaian-city-2024.pdf', '002-hongze-district-2023.pdf', '003-hongze-district-2024.pdf'].map((f) => `fixtures/corpus/original/${f}`),
};
for (const [name, files] of Object.entries(groups)) {
  if (pdfOnly && !name.startsWith('.pdf')) continue;
  const t = await perReport(files, name.startsWith('.txt') ? 15 : 6);
  say(`| ${name} | ${ms(t.parse)} | ${ms(t.check)} | ${ms(t.direct)} (engine ÷ direct = ${(t.check / t.direct).toFixed(2)}×) | ${((100 * t.check) / (t.parse + t.check)).toFixed(0)} % | ${(1000 / t.total).toFixed(0)} |`);
}

// ---- Parse budget (#16): parse CPU time per report against an older build -----------------------
// BENCH_BASE=<a checkout of the older commit with dist/ compiled> (e.g. a `git worktree` of f89ae40,
// the commit before the #16 table work). The budget is judged per report: bench/parse-cpu.mjs
// `versus` parses the same reports with both builds in one process, interleaved report by report
// after both have warmed up, three times (a build against itself gives 1.00–1.02×). Each build in
// a process of its own is printed too: that figure also counts compiling the parser while it
// runs (more code compiles longer), and moves by ±20 % from run to run under load.
if (process.env.BENCH_BASE) {
  const base = process.env.BENCH_BASE;
  const versus = [];
  for (let i = 0; i < 3; i++) versus.push(JSON.parse(execFileSync('node', ['bench/parse-cpu.mjs', base, 'versus', '.'], { encoding: 'utf8' })));
  say('');
  say(`## Parse CPU time per report against ${base} (ingest + parse; interleaved in one process, warmed up, median of 3)`);
  say('| reports | older build | this build | ratio (budget ≤ 1.15×) | the three ratios |');
  say('|---|---|---|---|---|');
  for (const set of ['fixtures', 'generated']) {
    const ratios = versus.map((r) => r[set].ratio);
    const mid = median(ratios);
    const run = versus[ratios.indexOf(mid)][set];
    say(`| ${set === 'fixtures' ? 'text fixtures' : 'generated batch'} | ${(run.a / 1000).toFixed(2)} ms | ${(run.b / 1000).toFixed(2)} ms | **${mid.toFixed(2)}×** | ${ratios.map((x) => x.toFixed(2)).join(', ')} |`);
  }
  const cpuOf = (root) => JSON.parse(execFileSync('node', ['bench/parse-cpu.mjs', root, 'parse'], { encoding: 'utf8' }));
  const runs = { base: [], now: [] };
  for (let i = 0; i < 3; i++) {
    runs.base.push(cpuOf(base));
    runs.now.push(cpuOf('.'));
  }
  say('');
  say('Each build in a process of its own (whole process: start-up and compilation included; medians of 3 alternating runs):');
  say('');
  say('| reports | older build | this build | ratio |');
  say('|---|---|---|---|');
  for (const set of ['fixtures', 'generated']) {
    const [b, n] = [median(runs.base.map((r) => r[set])), median(runs.now.map((r) => r[set]))];
    say(`| ${set === 'fixtures' ? 'text fixtures' : 'generated batch'} | ${(b / 1000).toFixed(2)} ms | ${(n / 1000).toFixed(2)} ms | ${(n / b).toFixed(2)}× |`);
  }
}

// ---- Batches through the CLI users get, measured in CPU time ---------------------------------
// CPU time (user + system of the whole process, from /usr/bin/time) does not change when other
// processes share the machine; wall time and the -j 2 speed-up do, so both are printed with the
// load average. Peak RSS is the process's maximum resident set.
function runCli(args, env = {}) {
  const t0 = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'node', CLI, 'check', '--no-progress', '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true', ...env } });
  const wall = (performance.now() - t0) / 1000;
  const [user, sys, rssKb] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  const out = JSON.parse(run.stdout);
  return { wall, cpu: user + sys, rss: rssKb / 1024, out };
}

// Runs of a batch with --cache (a fresh cache, then the same batch again), next to `plain`, its
// run without: each must print what `plain` printed.
const cacheRuns = [];
function withCache(label, jobs, dir, plain) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'xxgk-bench-cache-'));
  const filling = runCli(['-j', String(jobs), '--cache-location', cacheDir, dir]);
  const again = runCli(['-j', String(jobs), '--cache-location', cacheDir, dir]);
  const expected = JSON.stringify(plain.out.results);
  for (const r of [filling, again]) if (JSON.stringify(r.out.results) !== expected) throw new Error(`${label}: --cache printed other results than a run without it`);
  const bytes = sizeOf(cacheDir);
  rmSync(cacheDir, { recursive: true, force: true });
  cacheRuns.push({ label, jobs, count: plain.out.results.length, plain, filling, again, bytes });
}

function sizeOf(path) {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0) : stat.size;
}

function fill(dir, sources, count, name) {
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, name(i)), sources(i));
  }
}

// PDFs: the real ones and the text fixtures printed by Chromium (bench/pdf-corpus.mjs).
const corpus = await pdfCorpus();
const pdfRounds = Number(process.env.BENCH_PDF_ROUNDS ?? 2);
const pdfMany = Number(process.env.BENCH_PDF_MANY ?? 1000);
const pdfBytes = corpus.map((f) => readFileSync(f.path));
const pdfDir = (count) => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-pdf-'));
  // Copies differ by one trailing comment byte, so that none is skipped as a duplicate.
  fill(dir, (i) => Buffer.concat([pdfBytes[i % pdfBytes.length], Buffer.from(`\n%${i}\n`)]), count, (i) => `r${i}.pdf`);
  return dir;
};
say('');
say(`## PDF batches (${corpus.length} PDFs: ${corpus.filter((f) => f.path.startsWith('fixtures/')).length} real, ${corpus.filter((f) => !f.path.startsWith('fixtures/')).length} printed by Chromium from the text fixtures)`);
say('| batch | workers | CPU time (user+sys) | reports/s per CPU-second | wall time | reports/s wall | peak RSS |');
say('|---|---|---|---|---|---|---|');
const pdfRuns = {};
{
  const count = corpus.length * pdfRounds;
  const dir = pdfDir(count);
  for (const jobs of [1, 2]) {
    const r = runCli(['-j', String(jobs), dir]);
    if (r.out.results.length !== count) throw new Error(`expected ${count} results, got ${r.out.results.length}`);
    pdfRuns[jobs] = r;
    say(`| corpus ×${pdfRounds} (${count}) | ${jobs} | ${r.cpu.toFixed(1)} s | ${(count / r.cpu).toFixed(1)} | ${r.wall.toFixed(1)} s | ${(count / r.wall).toFixed(1)} | ${r.rss.toFixed(0)} MB |`);
  }
  rmSync(dir, { recursive: true, force: true });
}
let pdfPeak = null;
// The large batch with one thread too: a batch's first files pay for loading pdf.js and for V8
// compiling it (a fixed second or more of CPU time), which the small batch above cannot spread.
let pdfManyOne = null;
if (pdfMany > 0) {
  const dir = pdfDir(pdfMany);
  pdfManyOne = runCli(['-j', '1', dir]);
  pdfPeak = runCli(['-j', '2', dir]);
  for (const [jobs, r] of [[1, pdfManyOne], [2, pdfPeak]]) {
    if (r.out.results.length !== pdfMany) throw new Error(`expected ${pdfMany} results, got ${r.out.results.length}`);
    say(`| corpus repeated (${pdfMany}) | ${jobs} | ${r.cpu.toFixed(1)} s | ${(pdfMany / r.cpu).toFixed(1)} | ${r.wall.toFixed(1)} s | ${(pdfMany / r.wall).toFixed(1)} | ${r.rss.toFixed(0)} MB |`);
  }
  if (JSON.stringify(pdfManyOne.out.results) !== JSON.stringify(pdfPeak.out.results)) throw new Error('-j 1 and -j 2 printed other results');
  if (!pdfOnly) withCache(`${pdfMany} PDFs`, 2, dir, pdfPeak);
  rmSync(dir, { recursive: true, force: true });
}
{
  const n = corpus.length * pdfRounds;
  const [one, two] = [pdfRuns[1], pdfRuns[2]];
  say('');
  // Each figure on the small batch and, when it ran, on the large one (start-up spread over it).
  const batches = [{ count: n, one, two }, ...(pdfManyOne ? [{ count: pdfMany, one: pdfManyOne, two: pdfPeak }] : [])];
  const each = (figure) => batches.map((b) => `${figure(b)} on ${b.count}`).join(', ');
  // V8's own threads (compilation, parallel garbage collection) work beside the one checking.
  const cores = (r) => r.cpu / r.wall;
  say(`- PDF reports/s per thread (CPU time, -j 1): ${each((b) => `**${(b.count / b.one.cpu).toFixed(1)}**`)} PDFs (target ≥ 10)`);
  say(`- -j 2 ÷ -j 1, wall time: ${each((b) => `**${(b.one.wall / b.two.wall).toFixed(2)}×**`)} PDFs (target ≥ 1.6; meaningful only on an otherwise idle machine: load average above); from CPU time, the most two free cores could give: ${each((b) => `${((2 * b.one.cpu) / b.two.cpu).toFixed(2)}×`)}`);
  say(`- Cores one thread keeps busy (-j 1, CPU time ÷ wall time): ${each((b) => cores(b.one).toFixed(2))}; with two cores, -j 2 can be at most ${each((b) => `${(2 / cores(b.one)).toFixed(2)}×`)} faster even at no extra cost`);
  if (pdfPeak) say(`- Peak RSS, ${pdfMany} PDFs with -j 2: **${pdfPeak.rss.toFixed(0)} MB** (target ≤ 300 MB)`);
}

if (pdfOnly) {
  say('');
  say(`Load average at end: ${load()}`);
  writeFileSync('bench/last-run.md', withPdfLines(readFileSync('bench/last-run.md', 'utf8'), lines));
  process.exit(0);
}

// Text: generated reports (real texts with every table number multiplied by a factor that grows
// with the copy, 1, 2, 3 …: each table's sums stay as they were, so the batch has as many findings
// per report as real reports; the prose figures no longer match the tables, which adds narrative
// warnings). Every copy has its own numbers, so each is a report of its own: with the factors 1–3
// of earlier runs all but 48 were found to be copies of another (batch/duplicate, one finding
// kept each), which understated what a batch keeps. Sources with too few table cells to tell
// versions apart are still copies by their text (about one in eight).
const N = Number(process.env.BENCH_REPORTS ?? 4000);
const sources = groups['.txt (11 corpus + 5 seeds)'].map((f) => readFileSync(f, 'utf8'));
const textOf = (i) => `${sources[i % sources.length].replace(/(?<=\t|\s{2}|\| |^)(\d+)(?=\t|\s{2}| ?\||$)/gm, (d) => String(Number(d) * (1 + Math.floor(i / sources.length))))}\n（样本 ${i}）\n`;
const textDir = (count) => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  fill(dir, textOf, count, (i) => `r${i}.txt`);
  return dir;
};
const dir = textDir(N);
say('');
say(`## Batch of ${N} generated text reports (\`check --format json\`)`);
say('| workers | CPU time (user+sys) | reports/s per CPU-second | wall time | reports/s wall | peak RSS | errors / warnings / infos per report |');
say('|---|---|---|---|---|---|---|');
const textRuns = {};
for (const jobs of [1, 2]) {
  const r = runCli(['-j', String(jobs), dir]);
  if (r.out.results.length !== N) throw new Error(`expected ${N} results, got ${r.out.results.length}`);
  textRuns[jobs] = r;
  if (jobs === 1) withCache(`${N} text reports`, 1, dir, r);
  const perFile = (severity) => (r.out.results.reduce((n, x) => n + x.findings.filter((f) => f.severity === severity).length, 0) / N).toFixed(1);
  say(`| ${jobs} | ${r.cpu.toFixed(1)} s | ${(N / r.cpu).toFixed(0)} | ${r.wall.toFixed(1)} s | ${(N / r.wall).toFixed(0)} | ${r.rss.toFixed(0)} MB | ${perFile('error')} / ${perFile('warning')} / ${perFile('info')} |`);
}
// The floor: a process that reads every file and scans each line with a few regular expressions
// (numbers, headings, dates): what no checker of these files can go below.
const floorScript = `const fs=require('fs'),path=require('path');let n=0;const walk=(d)=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,e.name);if(e.isDirectory())walk(p);else{for(const l of fs.readFileSync(p,'utf8').split('\\n')){if(/^[一二三四五六七八九十]+、/.test(l))n++;for(const m of l.matchAll(/\\d+/g))n+=m[0].length;if(/\\d{4}年\\d{1,2}月/.test(l))n++;}}}};walk(process.argv[1]);console.log(n);`;
const floors = [];
for (let i = 0; i < 3; i++) {
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', 'node', '-e', floorScript, dir], { encoding: 'utf8' });
  const [user, sys] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  floors.push(user + sys);
}
const floor = median(floors);
say('');
say(`- Text reports/s per core (CPU time, -j 1): **${(N / textRuns[1].cpu).toFixed(0)}** (target ≥ 1,000)`);
say(`- Read-and-scan floor (read every file, regex-scan every line; CPU time, median of 3): ${floor.toFixed(2)} s; check ÷ floor: **${(textRuns[1].cpu / floor).toFixed(1)}×** (target ≤ 15×)`);
rmSync(dir, { recursive: true, force: true });

say('');
say('## Re-running a batch with `--cache` (no file changed)');
say('| batch | workers | without the cache: CPU / wall | first run, filling the cache: CPU / wall | re-run: CPU / wall / peak RSS | re-run, reports/s wall | cache size |');
say('|---|---|---|---|---|---|---|');
for (const { label, jobs, count, plain, filling, again, bytes } of cacheRuns) {
  say(`| ${label} | ${jobs} | ${plain.cpu.toFixed(1)} s / ${plain.wall.toFixed(1)} s | ${filling.cpu.toFixed(1)} s / ${filling.wall.toFixed(1)} s | ${again.cpu.toFixed(2)} s / ${again.wall.toFixed(2)} s / ${again.rss.toFixed(0)} MB | ${(count / again.wall).toFixed(0)} | ${(bytes / 2 ** 20).toFixed(0)} MB (${(bytes / count / 1024).toFixed(1)} KB per report) |`);
}

// Memory per report: peak RSS of batches of three sizes (-j 1), with the built-in rules and with
// the cross-report rules turned off in a config file. The first thousand reports also grow the
// heap V8 settles into (compiled code, the parser's bounded caches filling, the collector's
// limits), so the growth is given from N/4 to N and, what "flat" is judged by, from N to 2N.
const small = Math.round(N / 4);
const noCross = join(tmpdir(), `xxgk-bench-nocross-${process.pid}.yaml`);
writeFileSync(noCross, `rules:\n${packs.flatMap((p) => p.rules).filter((r) => ['cross-year', 'consolidated', 'similarity'].includes(r.check.kind)).map((r) => `  ${r.id}: off\n`).join('')}`);
say('');
say(`## Memory growth per report (text, -j 1, peak RSS of batches of ${small}, ${N} and ${2 * N})`);
say(`| rules | peak RSS, ${small} | peak RSS, ${N} | peak RSS, ${2 * N} | growth per report, ${small} → ${N} | growth per report, ${N} → ${2 * N} |`);
say('|---|---|---|---|---|---|');
for (const [label, extra] of [['built-in (with cross-report rules)', []], ['cross-report rules off (config): results written as they come', ['-c', noCross]]]) {
  const sizes = [];
  for (const count of [small, N, 2 * N]) {
    const d = textDir(count);
    sizes.push(runCli(['-j', '1', ...extra, d]).rss);
    rmSync(d, { recursive: true, force: true });
  }
  const per = (a, b, n) => `${(((sizes[b] - sizes[a]) * 1024) / n).toFixed(1)} KB`;
  say(`| ${label} | ${sizes[0].toFixed(0)} MB | ${sizes[1].toFixed(0)} MB | ${sizes[2].toFixed(0)} MB | ${per(0, 1, N - small)} | ${per(1, 2, N)} |`);
}
rmSync(noCross, { force: true });

// The other formats end to end through the CLI: copies of the original files.
const copies = Number(process.env.BENCH_FORMAT_REPORTS ?? 100);
for (const [label, source] of [['.html', 'fixtures/corpus/original/013-pingtan-2024.html'], ['.docx', 'fixtures/corpus/original/013-pingtan-2024.docx']]) {
  const formatDir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  const bytes = readFileSync(source);
  const ext = source.slice(source.lastIndexOf('.'));
  for (let i = 0; i < copies; i++) writeFileSync(join(formatDir, `r${i}${ext}`), bytes);
  say('');
  say(`## Batch of ${copies} ${label} files (copies of ${source.split('/').pop()})`);
  say('| workers | CPU time | wall time | reports/s wall | peak RSS |');
  say('|---|---|---|---|---|');
  for (const jobs of [1, 2]) {
    const r = runCli(['-j', String(jobs), formatDir]);
    if (r.out.results.length !== copies) throw new Error(`expected ${copies} results, got ${r.out.results.length}`);
    say(`| ${jobs} | ${r.cpu.toFixed(1)} s | ${r.wall.toFixed(1)} s | ${(copies / r.wall).toFixed(0)} | ${r.rss.toFixed(0)} MB |`);
  }
  rmSync(formatDir, { recursive: true, force: true });
}

const starts = [];
const bare = [];
for (let i = 0; i < 15; i++) {
  let t0 = performance.now();
  execFileSync('node', [CLI, 'check', '--format', 'json', 'fixtures/corpus/text/013-pingtan-2024.txt'], { stdio: 'ignore' });
  starts.push(performance.now() - t0);
  t0 = performance.now();
  execFileSync('node', [CLI, '--version'], { stdio: 'ignore' });
  bare.push(performance.now() - t0);
}
say('');
say(`CLI start-up + check of one small report (\`${CLI}\`, median of 15): ${ms(median(starts))}; \`--version\` alone: ${ms(median(bare))}; \`node -e 0\`: ${ms(nodeAlone())}`);
say('');
say(`Load average at end: ${load()}`);
writeFileSync('bench/last-run.md', lines.join('\n') + '\n');

function nodeAlone() {
  const times = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    execFileSync('node', ['-e', '0'], { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * The last full run's figures with its PDF lines (the per-report .pdf row and the PDF batches
 * section) replaced by a PDF-only run's, and a note saying when they were measured.
 */
function withPdfLines(previous, pdfLines) {
  const old = previous.split('\n');
  const row = pdfLines.find((l) => l.startsWith('| .pdf'));
  const start = pdfLines.findIndex((l) => l.startsWith('## PDF batches'));
  const end = pdfLines.findIndex((l, i) => i > start && l.startsWith('Load average at end'));
  const section = [...pdfLines.slice(start, end).filter((l, i, all) => !(l === '' && i === all.length - 1)), '', `(PDF lines from a \`BENCH_ONLY=pdf\` run: ${pdfLines[0].replace(/^# xxgk-lint benchmark — /, '')}; ${pdfLines.find((l) => l.startsWith('Load average at start'))}; ${pdfLines.at(-1)})`];
  const from = old.findIndex((l) => l.startsWith('## PDF batches'));
  const to = old.findIndex((l, i) => i > from && l.startsWith('## ') );
  if (from < 0 || to < 0) return [...pdfLines, ''].join('\n');
  const out = [...old.slice(0, from), ...section, '', ...old.slice(to)];
  return out.map((l) => (row && l.startsWith('| .pdf') ? row : l)).join('\n');
}
