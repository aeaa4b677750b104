/**
 * Waivers: a finding accepted on purpose, identified by its fingerprint (which does not depend on
 * the message text or the line), with a required reason and an optional expiry date. Waivers live
 * in `.xxgk-lint-waivers.yaml` beside the reports. Expired waivers stop waiving and are reported;
 * waivers that matched nothing are reported too, so stale ones get cleaned up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { LoadError } from '../engine/load.js';
import type { Finding } from '../model/finding.js';

/** The waiver file name looked for in each report's folder. */
export const WAIVER_FILE = '.xxgk-lint-waivers.yaml';

const WaiverSchema = z.strictObject({
  file: z.string().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{8}$/, { error: '指纹是 8 位十六进制数字（见 --format json 输出的 fingerprint）' }),
  rule: z.string().optional(),
  reason: z.string().trim().min(4, { error: '豁免必须写明理由（至少 4 个字）' }),
  expires: z.iso.date({ error: '到期日期的格式是 YYYY-MM-DD' }).optional(),
});
const WaiverFileSchema = z.strictObject({ waivers: z.array(WaiverSchema) });

/** One waiver, with where it is written. */
export interface Waiver extends z.infer<typeof WaiverSchema> {
  source: string;
  line: number;
  used: boolean;
}

/** Loads a waiver file; errors are located. */
export function loadWaiverText(text: string, file: string): { waivers: Waiver[]; errors: LoadError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    return { waivers: [], errors: doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, message: `YAML 语法错误：${e.message.split('\n')[0]}` })) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? { waivers: [] };
  } catch (error) {
    // An alias bomb ("billion laughs") stops here instead of escaping as an exception.
    return { waivers: [], errors: [{ file, line: 1, column: 1, message: `无法展开 YAML（别名展开过多或有循环）：${(error as Error).message}` }] };
  }
  const result = WaiverFileSchema.safeParse(data);
  const items = isMap(doc.contents) ? doc.contents.get('waivers', true) : null;
  const lineOf = (index: number): number => {
    const node = isSeq(items) ? items.items[index] : null;
    const offset = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number])[0] : 0;
    return lineCounter.linePos(offset).line;
  };
  if (!result.success) {
    return {
      waivers: [],
      errors: result.error.issues.map((issue) => ({ file, line: typeof issue.path[1] === 'number' ? lineOf(issue.path[1]) : 1, column: 1, message: `${issue.path.join('.')}：${issue.message}` })),
    };
  }
  return { waivers: result.data.waivers.map((w, i) => ({ ...w, source: file, line: lineOf(i), used: false })), errors: [] };
}

/** Waiver files beside the given report files, loaded once per folder. */
export function loadWaiversFor(files: readonly string[]): { waivers: Waiver[]; errors: LoadError[] } {
  const waivers: Waiver[] = [];
  const errors: LoadError[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const path = join(dirname(resolve(f)), WAIVER_FILE);
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    const loaded = loadWaiverText(readFileSync(path, 'utf8'), path);
    waivers.push(...loaded.waivers);
    errors.push(...loaded.errors);
  }
  return { waivers, errors };
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
