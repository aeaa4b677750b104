// Benchmark (npm run bench): throughput, parse vs rule time, json-rules-engine overhead, worker
// speedup, peak memory on 10,000 generated reports, CLI start-up. Runs the compiled CLI (dist/),
// so `npm run build` first (the npm script does). Medians over repeated runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../dist/src/ingest/index.js';
import { parseReport } from '../dist/src/parse/index.js';
import { Checker } from '../dist/src/engine/run.js';
import { evaluateRule } from '../dist/src/engine/evaluate.js';
import { loadRuleDirs } from '../dist/src/node.js';

// Batches and start-up run the CLI users get (package.json "bin": the esbuild bundle).
const CLI = JSON.parse(readFileSync('package.json', 'utf8')).bin['xxgk-lint'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n.toFixed(2)} ms`;
const lines = [];
const say = (s) => {
  console.log(s);
  lines.push(s);
};
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
  const t = await perReport(files, name.startsWith('.txt') ? 15 : 6);
  say(`| ${name} | ${ms(t.parse)} | ${ms(t.check)} | ${ms(t.direct)} (engine ÷ direct = ${(t.check / t.direct).toFixed(2)}×) | ${((100 * t.check) / (t.parse + t.check)).toFixed(0)} % | ${(1000 / t.total).toFixed(0)} |`);
}

// 10,000 generated reports: real texts with every table number multiplied by 1, 2 or 3. Scaling
// keeps each table's sums as they were (a consistent report stays consistent, a wrong one stays
// wrong), so the batch has as many findings per report as real reports have; the prose figures no
// longer match the tables, which adds narrative warnings.
const N = Number(process.env.BENCH_REPORTS ?? 10000);
const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
const sources = groups['.txt (11 corpus + 5 seeds)'].map((f) => readFileSync(f, 'utf8'));
for (let i = 0; i < N; i++) {
  const sub = join(dir, String(Math.floor(i / 1000)));
  if (i % 1000 === 0) mkdirSync(sub);
  const factor = 1 + (i % 3);
  const text = sources[i % sources.length].replace(/(?<=\t|\s{2}|\| |^)(\d+)(?=\t|\s{2}| ?\||$)/gm, (d) => String(Number(d) * factor));
  writeFileSync(join(sub, `r${i}.txt`), `${text}\n（样本 ${i}）\n`);
}
say('');
say(`## Batch of ${N} generated reports (\`check --format json\`, wall time and peak RSS of the process)`);
runBatches(dir, N, true);
rmSync(dir, { recursive: true, force: true });

// The other formats end to end through the CLI: copies of the original files. Byte-identical
// copies are all read and checked (duplicates are recognised in the parent, after the check).
const copies = Number(process.env.BENCH_FORMAT_REPORTS ?? 100);
for (const [label, source] of [['.html', 'fixtures/corpus/original/013-pingtan-2024.html'], ['.docx', 'fixtures/corpus/original/013-pingtan-2024.docx'], ['.pdf', 'fixtures/corpus/original/002-hongze-district-2023.pdf']]) {
  const formatDir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  const bytes = readFileSync(source);
  const ext = source.slice(source.lastIndexOf('.'));
  for (let i = 0; i < copies; i++) writeFileSync(join(formatDir, `r${i}${ext}`), bytes);
  say('');
  say(`## Batch of ${copies} ${label} files (copies of ${source.split('/').pop()})`);
  runBatches(formatDir, copies, false);
  rmSync(formatDir, { recursive: true, force: true });
}

function runBatches(folder, count, perFileCounts) {
  say(`| workers | wall time | reports/s | peak RSS |${perFileCounts ? ' errors / warnings / infos per report |' : ''}`);
  say(`|---|---|---|---|${perFileCounts ? '---|' : ''}`);
  const wallByJobs = {};
  for (const jobs of [1, 2]) {
    const t0 = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%M', 'node', CLI, 'check', '--no-progress', '--format', 'json', '-j', String(jobs), folder], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
    const wall = (performance.now() - t0) / 1000;
    const rss = Number(run.stderr.trim().split('\n').pop()) / 1024;
    const out = JSON.parse(run.stdout);
    if (out.results.length !== count) throw new Error(`expected ${count} results, got ${out.results.length}`);
    wallByJobs[jobs] = wall;
    const perFile = (severity) => (out.results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0) / count).toFixed(1);
    say(`| ${jobs} | ${wall.toFixed(1)} s | ${(count / wall).toFixed(0)} | ${rss.toFixed(0)} MB |${perFileCounts ? ` ${perFile('error')} / ${perFile('warning')} / ${perFile('info')} |` : ''}`);
  }
  say(`Speedup with 2 workers: ${(wallByJobs[1] / wallByJobs[2]).toFixed(2)}×; every one of the ${count} files has its result.`);
  return wallByJobs;
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
