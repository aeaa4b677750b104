/**
 * The optional manifest of a batch: which reports are expected (agency, region, parent, year,
 * file), as CSV (with a header row) or YAML (a list). Errors are located.
 */
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import type { LoadError } from '../engine/load.js';
import type { ManifestEntry } from './types.js';

const EntrySchema = z.strictObject({
  agency: z.string().trim().min(1, { error: 'agency（机关名称）不能为空' }),
  region: z.string().optional(),
  parent: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  file: z.string().optional(),
});

const HEADER_ALIASES: Record<string, keyof z.infer<typeof EntrySchema>> = {
  agency: 'agency', 机关: 'agency', 单位: 'agency', 机关名称: 'agency',
  region: 'region', 地区: 'region', 区域: 'region',
  parent: 'parent', 上级: 'parent', 汇总单位: 'parent',
  year: 'year', 年度: 'year',
  file: 'file', 文件: 'file',
};

/** Splits one CSV line (RFC 4180 quoting). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/** Reads a manifest's text; `kind` from the file name. */
export function loadManifestText(text: string, file: string): { entries: ManifestEntry[]; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const entries: ManifestEntry[] = [];
  const add = (raw: unknown, line: number): void => {
    const result = EntrySchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push({ file, line, column: 1, message: `${issue.path.join('.') || '(行)'}：${issue.message}` });
      return;
    }
    const e = result.data;
    entries.push({ agency: e.agency, line, ...(e.region ? { region: e.region } : {}), ...(e.parent ? { parent: e.parent } : {}), ...(e.year !== undefined ? { year: e.year } : {}), ...(e.file ? { file: e.file } : {}) });
  };
  if (/\.ya?ml$/i.test(file)) {
    let data: unknown;
    try {
      data = parseYaml(text, { maxAliasCount: 50 });
    } catch (error) {
      return { entries, errors: [{ file, line: 1, column: 1, message: `YAML 错误：${(error as Error).message}` }] };
    }
    const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { reports?: unknown }).reports) ? (data as { reports: unknown[] }).reports : null;
    if (!list) return { entries, errors: [{ file, line: 1, column: 1, message: '清单应为一个列表（或 reports: 列表）' }] };
    list.forEach((item, i) => add(item, i + 1));
    return { entries, errors };
  }
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const header = csvCells(lines[0] ?? '').map((h) => HEADER_ALIASES[h.toLowerCase()] ?? HEADER_ALIASES[h]);
  if (!header.includes('agency')) return { entries, errors: [{ file, line: 1, column: 1, message: '清单第一行应为列名，至少要有 agency（或“机关”）列', hint: '例如：agency,region,parent,year,file' } as LoadError] };
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = csvCells(line);
    const raw: Record<string, string> = {};
    header.forEach((h, k) => {
      if (h && cells[k] !== undefined && cells[k] !== '') raw[h] = cells[k]!;
    });
    add(raw, i + 2);
  });
  return { entries, errors };
}
