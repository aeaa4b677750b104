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

const CLI = 'dist/src/cli/main.js';
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
  for (let r = 0; r < rounds; r++) {
    for (const [f, b] of bytes) {
      const t0 = performance.now();
      const report = parseReport(await ingest(b, f));
      const t1 = performance.now();
      await checker.check(report);
      const t2 = performance.now();
      for (const rule of rules) evaluateRule({ report, rule });
      const t3 = performance.now();
      if (r > 0) {
        parse.push(t1 - t0);
        check.push(t2 - t1);
        direct.push(t3 - t2);
      }
    }
  }
  return { parse: median(parse), check: median(check), direct: median(direct) };
}

say(`# xxgk-lint benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
say('');
say('## Per report (median, one thread, warm)');
say('| input | parse (ingest + parse) | rules (json-rules-engine) | rules evaluated directly | reports/s end to end |');
say('|---|---|---|---|---|');
const groups = {
  '.txt (11 corpus + 5 seeds)': [...readdirSync('fixtures/corpus/text').map((f) => `fixtures/corpus/text/${f}`), ...readdirSync('fixtures/seeds').filter((f) => f.endsWith('.txt')).map((f) => `fixtures/seeds/${f}`)],
  '.html (013)': ['fixtures/corpus/original/013-pingtan-2024.html'],
  '.docx (013)': ['fixtures/corpus/original/013-pingtan-2024.docx'],
  '.pdf (001–003)': ['001-huaian-city-2024.pdf', '002-hongze-district-2023.pdf', '003-hongze-district-2024.pdf'].map((f) => `fixtures/corpus/original/${f}`),
};
for (const [name, files] of Object.entries(groups)) {
  const t = await perReport(files, name.startsWith('.txt') ? 15 : 6);
  say(`| ${name} | ${ms(t.parse)} | ${ms(t.check)} | ${ms(t.direct)} (engine ÷ direct = ${(t.check / t.direct).toFixed(1)}×) | ${(1000 / (t.parse + t.check)).toFixed(0)} |`);
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
say('| workers | wall time | reports/s | peak RSS | errors / warnings / infos per report |');
say('|---|---|---|---|---|');
const batch = {};
for (const jobs of [1, 2]) {
  const t0 = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', 'node', CLI, 'check', '--no-progress', '--format', 'json', '-j', String(jobs), dir], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
  const wall = (performance.now() - t0) / 1000;
  const rss = Number(run.stderr.trim().split('\n').pop()) / 1024;
  const out = JSON.parse(run.stdout);
  if (out.results.length !== N) throw new Error(`expected ${N} results, got ${out.results.length}`);
  batch[jobs] = wall;
  const perFile = (severity) => (out.results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0) / N).toFixed(1);
  say(`| ${jobs} | ${wall.toFixed(1)} s | ${(N / wall).toFixed(0)} | ${rss.toFixed(0)} MB | ${perFile("error")} / ${perFile("warning")} / ${perFile("info")} |`);
}
say(`Speedup with 2 workers: ${(batch[1] / batch[2]).toFixed(2)}×; every one of the ${N} files has its result.`);
rmSync(dir, { recursive: true, force: true });

const starts = [];
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  execFileSync('node', [CLI, 'check', '--format', 'json', 'fixtures/corpus/text/013-pingtan-2024.txt'], { stdio: 'ignore' });
  starts.push(performance.now() - t0);
}
say('');
say(`CLI start-up + check of one small report (median of 7): ${ms(median(starts))}`);
writeFileSync('bench/last-run.md', lines.join('\n') + '\n');
