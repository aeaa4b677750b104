/**
 * Baselines (as ESLint's suppressions file): `--baseline-write` records today's findings by
 * fingerprint; later runs with `--baseline` report only findings that are not in it, so CI fails
 * on new problems only. Counts matter: a second finding with the same fingerprint is new.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { z } from '../zod.js';
import type { Finding } from '../model/finding.js';
import type { Suppressed } from './waivers-core.js';

const BaselineSchema = z.object({
  version: z.literal(1),
  files: z.record(z.string(), z.record(z.string(), z.number().int().min(1))),
});
/** The baseline file. */
export type Baseline = z.infer<typeof BaselineSchema>;

const key = (baselineFile: string, file: string): string => relative(dirname(resolve(baselineFile)), resolve(file)).split('\\').join('/');

/** Writes a baseline of the given findings. */
export function writeBaseline(baselineFile: string, results: readonly { file: string; findings: readonly Finding[] }[]): number {
  const baseline: Baseline = { version: 1, files: {} };
  let count = 0;
  for (const r of results) {
    const counts: Record<string, number> = {};
    for (const f of r.findings) {
      if (!f.fingerprint) continue;
      counts[f.fingerprint] = (counts[f.fingerprint] ?? 0) + 1;
      count++;
    }
    if (Object.keys(counts).length) baseline.files[key(baselineFile, r.file)] = counts;
  }
  writeFileSync(baselineFile, JSON.stringify(baseline, null, 2) + '\n');
  return count;
}

/** Reads a baseline file; throws a message naming the file when it is not one. */
export function readBaseline(baselineFile: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(baselineFile, 'utf8'));
  } catch (error) {
    throw new Error(`无法读取基线文件 ${baselineFile}：${(error as Error).message}`);
  }
  const result = BaselineSchema.safeParse(data);
  if (!result.success) throw new Error(`基线文件 ${baselineFile} 格式不对：${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return result.data;
}

/** Takes the findings recorded in the baseline out of one file's findings. */
export function applyBaseline(baseline: Baseline, baselineFile: string, file: string, findings: readonly Finding[]): { findings: Finding[]; suppressed: Suppressed[] } {
  const left = { ...(baseline.files[key(baselineFile, file)] ?? {}) };
  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for (const f of findings) {
    if (f.fingerprint && (left[f.fingerprint] ?? 0) > 0) {
      left[f.fingerprint]!--;
      suppressed.push({ finding: f, by: 'baseline', reason: '已记录在基线中' });
    } else kept.push(f);
  }
  return { findings: kept, suppressed };
}
