/**
 * Waivers as a check run applies them (see waivers.ts), without the YAML parser and the zod
 * schemas: those are loaded only when a report's folder has a waiver file to read.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LoadError } from '../engine/load-error.js';
import type { Finding } from '../model/finding.js';
import type { WaiverFields } from './waivers.js';

/** The waiver file name looked for in each report's folder. */
export const WAIVER_FILE = '.xxgk-lint-waivers.yaml';

/** One waiver, with where it is written. */
export interface Waiver extends WaiverFields {
  source: string;
  line: number;
  used: boolean;
}

/** The waiver files beside the given report files, each folder's once, in the files' order. */
export function waiverFilesFor(files: readonly string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const path = join(dirname(resolve(f)), WAIVER_FILE);
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    found.push(path);
  }
  return found;
}

/** Waiver files beside the given report files, as waivers.ts's `loadWaiversFor`. */
export async function loadWaiversLazily(files: readonly string[]): Promise<{ waivers: Waiver[]; errors: LoadError[] }> {
  const paths = waiverFilesFor(files);
  if (paths.length === 0) return { waivers: [], errors: [] };
  const { loadWaiverFiles } = await import('./waivers.js');
  return loadWaiverFiles(paths);
}

/** A finding taken out of the results, and why. */
export interface Suppressed {
  finding: Finding;
  by: 'waiver' | 'baseline';
  reason: string;
}

/**
 * Applies waivers to one file's findings. Returns the findings that remain (plus one for each
 * expired waiver that would have applied) and the waived ones.
 */
export function applyWaivers(file: string, findings: readonly Finding[], waivers: Waiver[], today: string): { findings: Finding[]; suppressed: Suppressed[] } {
  const path = resolve(file);
  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for (const finding of findings) {
    const waiver = waivers.find((w) => resolve(dirname(w.source), w.file) === path && w.fingerprint === finding.fingerprint && (!w.rule || w.rule === finding.ruleId));
    if (!waiver) {
      kept.push(finding);
      continue;
    }
    waiver.used = true;
    if (waiver.expires && waiver.expires < today) {
      kept.push(finding, {
        ruleId: 'waiver/expired',
        severity: 'warning',
        message: `豁免已于 ${waiver.expires} 到期，不再生效（${waiver.source}:${waiver.line}，理由：${waiver.reason}）：请复核后删除或延长`,
        location: finding.location,
      });
      continue;
    }
    suppressed.push({ finding, by: 'waiver', reason: waiver.reason });
  }
  return { findings: kept, suppressed };
}

/** Findings for waivers that matched no finding of the files checked in this run. */
export function unusedWaivers(waivers: readonly Waiver[], checkedFiles: readonly string[]): Map<string, Finding[]> {
  const checked = new Set(checkedFiles.map((f) => resolve(f)));
  const out = new Map<string, Finding[]>();
  for (const w of waivers) {
    if (w.used || !checked.has(resolve(dirname(w.source), w.file))) continue;
    const list = out.get(w.source) ?? [];
    list.push({
      ruleId: 'waiver/unused',
      severity: 'warning',
      message: `这条豁免（${w.file}，指纹 ${w.fingerprint}${w.rule ? `，${w.rule}` : ''}）没有对应任何问题：问题可能已改正，请删除这条豁免`,
      location: { line: w.line },
    });
    out.set(w.source, list);
  }
  return out;
}
