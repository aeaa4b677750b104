/**
 * Waivers: a finding accepted on purpose, identified by its fingerprint (which does not depend on
 * the message text or the line), with a required reason and an optional expiry date. Waivers live
 * in `.xxgk-lint-waivers.yaml` beside the reports. Expired waivers stop waiving and are reported;
 * waivers that matched nothing are reported too, so stale ones get cleaned up.
 */
import { readFileSync } from 'node:fs';
import { z } from '../zod.js';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { LoadError } from '../engine/load-error.js';
import { waiverFilesFor, type Waiver } from './waivers-core.js';

// What a check run needs without reading a waiver file is in waivers-core.ts (no YAML, no zod).
export { applyWaivers, unusedWaivers, WAIVER_FILE, waiverFilesFor, type Suppressed, type Waiver } from './waivers-core.js';

const WaiverSchema = z.strictObject({
  file: z.string().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{8}$/, { error: '指纹是 8 位十六进制数字（见 --format json 输出的 fingerprint）' }),
  rule: z.string().optional(),
  reason: z.string().trim().min(4, { error: '豁免必须写明理由（至少 4 个字）' }),
  expires: z.iso.date({ error: '到期日期的格式是 YYYY-MM-DD' }).optional(),
});
const WaiverFileSchema = z.strictObject({ waivers: z.array(WaiverSchema) });

/** What a waiver file says about one waiver. */
export type WaiverFields = z.infer<typeof WaiverSchema>;

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

/** Loads the given waiver files. */
export function loadWaiverFiles(paths: readonly string[]): { waivers: Waiver[]; errors: LoadError[] } {
  const waivers: Waiver[] = [];
  const errors: LoadError[] = [];
  for (const path of paths) {
    const loaded = loadWaiverText(readFileSync(path, 'utf8'), path);
    waivers.push(...loaded.waivers);
    errors.push(...loaded.errors);
  }
  return { waivers, errors };
}

/** Waiver files beside the given report files, loaded once per folder. */
export function loadWaiversFor(files: readonly string[]): { waivers: Waiver[]; errors: LoadError[] } {
  return loadWaiverFiles(waiverFilesFor(files));
}
