/**
 * Waivers: a finding accepted on purpose, identified by its fingerprint (which does not depend on
 * the message text or the line), with a required reason and an optional expiry date. Waivers live
 * in `.xxgk-lint-waivers.yaml` beside the reports. Expired waivers stop waiving and are reported;
 * waivers that matched nothing are reported too, so stale ones get cleaned up.
 */
import { readFileSync } from 'node:fs';
import { z } from '../zod.js';
import type { LoadError } from '../engine/load-error.js';
import { readYaml, zodErrors } from '../yaml-source.js';
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

/** Where waiver files are described, the hint when no other fits. */
const WAIVER_DOCS = { zh: '豁免文件的写法见 README 的“Waivers”一节：waivers 列表，每项有 file、fingerprint、reason，可选 rule、expires', en: 'see the "Waivers" section of the README: a waivers list, each with file, fingerprint, reason, and optionally rule, expires' };

/** Loads a waiver file; errors are located. */
export function loadWaiverText(text: string, file: string): { waivers: Waiver[]; errors: LoadError[] } {
  const { source, errors } = readYaml(text, file, { empty: { waivers: [] }, what: { zh: '豁免文件', en: 'waiver file' } });
  if (!source) return { waivers: [], errors };
  const result = WaiverFileSchema.safeParse(source.value);
  if (!result.success) return { waivers: [], errors: zodErrors(source, result.error.issues, { docs: WAIVER_DOCS }) };
  return { waivers: result.data.waivers.map((w, i) => ({ ...w, source: file, line: source.at(['waivers', i]).line, used: false })), errors: [] };
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
