#!/usr/bin/env node
/**
 * Findings on every fixture, for comparing the engine before and after a change.
 *
 *   node scripts/fixture-findings.mjs snapshot out.json   # run `check --format json` on fixtures/
 *   node scripts/fixture-findings.mjs compare a.json b.json
 *
 * The snapshot runs the checker once per file (per-report rules) and once over all files together
 * (cross-report rules pair the fixtures of one agency). `compare` prints, per file, findings that
 * appeared or disappeared (by rule id, severity, location and fingerprint) apart from those whose
 * only change is their wording (message or basis).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const cli = process.env.XXGK_CLI ?? 'src/cli/main.ts';
const run = (files) => {
  const cmd = cli.endsWith('.ts') ? ['npx', ['tsx', cli, 'check', '--format', 'json', '--jobs', '1', ...files]] : ['node', [cli, 'check', '--format', 'json', '--jobs', '1', ...files]];
  let out;
  try {
    out = execFileSync(cmd[0], cmd[1], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    out = error.stdout;
  }
  return JSON.parse(out).results.map((r) => ({ file: r.file, findings: r.findings }));
};

function walk(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'snapshot') {
  const files = walk('fixtures').filter((f) => !f.endsWith('.json') && !f.endsWith('.md'));
  const single = Object.fromEntries(files.map((f) => [f, run([f])[0]?.findings ?? []]));
  const batch = Object.fromEntries(run(files).map((r) => [r.file, r.findings]));
  writeFileSync(a, JSON.stringify({ single, batch }, null, 1));
} else if (mode === 'compare') {
  const before = JSON.parse(readFileSync(a, 'utf8'));
  const after = JSON.parse(readFileSync(b, 'utf8'));
  const key = (f) => JSON.stringify([f.ruleId, f.severity, f.location, f.fingerprint, f.expected, f.actual]);
  let same = 0;
  let reworded = 0;
  let changed = 0;
  const words = new Map();
  for (const run of ['single', 'batch']) {
    for (const file of new Set([...Object.keys(before[run]), ...Object.keys(after[run])])) {
      const x = before[run][file] ?? [];
      const y = after[run][file] ?? [];
      const left = new Map();
      for (const f of x) left.set(key(f), [...(left.get(key(f)) ?? []), f]);
      for (const f of y) {
        const list = left.get(key(f));
        const g = list?.shift();
        if (!g) {
          changed++;
          console.log(`${run} ${file}: + ${f.ruleId} ${f.severity} line ${f.location.line} ${f.message}`);
          continue;
        }
        if (g.message === f.message && g.basis === f.basis) same++;
        else {
          reworded++;
          const w = `${f.ruleId}: ${g.message === f.message ? '' : `\n   - ${g.message}\n   + ${f.message}`}${g.basis === f.basis ? '' : `\n   - basis ${g.basis}\n   + basis ${f.basis}`}`;
          words.set(w, (words.get(w) ?? 0) + 1);
        }
      }
      for (const list of left.values()) for (const g of list) {
        changed++;
        console.log(`${run} ${file}: - ${g.ruleId} ${g.severity} line ${g.location.line} ${g.message}`);
      }
    }
  }
  if (process.argv.includes('--words')) for (const [w, n] of words) console.log(`${n}× ${w}`);
  console.log(`unchanged ${same}, reworded only ${reworded}, added or removed ${changed}`);
  process.exitCode = changed > 0 ? 1 : 0;
} else {
  console.error('usage: fixture-findings.mjs snapshot <out.json> | compare <before.json> <after.json> [--words]');
  process.exitCode = 2;
}
