/**
 * The optional manifest of a batch: which reports are expected (agency, region, parent, year,
 * file), as CSV (with a header row) or YAML (a list). Errors are located.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from '../zod.js';
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
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return { entries, errors: doc.errors.map((e) => ({ file, line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1, message: `YAML 错误：${e.message.split('\n')[0] ?? e.message}` })) };
    }
    const root = doc.contents;
    const seq = isSeq(root) ? root : isMap(root) ? root.get('reports', true) : null;
    if (!isSeq(seq)) return { entries, errors: [{ file, line: 1, column: 1, message: '清单应为一个列表（或 reports: 列表）' }] };
    const lineOf = (node: unknown): number => {
      const range = (node as YamlNode | null)?.range;
      return range ? lineCounter.linePos(range[0]).line : 1;
    };
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 50 }); // an alias bomb stops here
    } catch (error) {
      return { entries, errors: [{ file, line: 1, column: 1, message: `YAML 错误：${(error as Error).message}` }] };
    }
    const list = (Array.isArray(data) ? data : (data as { reports: unknown[] }).reports) as unknown[];
    seq.items.forEach((item, i) => add(list[i], lineOf(item)));
    return { entries, errors };
  }
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    // csv-parse handles RFC 4180 quoting (quoted commas, doubled quotes, line breaks in quotes);
    // `info` gives the line each record ends on; its raw text tells how many lines it spans.
    records = parseCsv(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number; column?: number };
    return { entries, errors: [{ file, line: e.lines ?? 1, column: 1, message: `CSV 错误：${e.message}` }] };
  }
  const [first, ...rest] = records;
  const header = (first?.record ?? []).map((h) => HEADER_ALIASES[h.toLowerCase()] ?? HEADER_ALIASES[h]);
  if (!header.includes('agency')) return { entries, errors: [{ file, line: 1, column: 1, message: '清单第一行应为列名，至少要有 agency（或“机关”）列', hint: '例如：agency,region,parent,year,file' } as LoadError] };
  for (const { record: cells, raw, info } of rest) {
    const firstLine = info.lines - (raw.replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\n/g)?.length ?? 0);
    const fields: Record<string, string> = {};
    header.forEach((h, k) => {
      if (h && cells[k] !== undefined && cells[k] !== '') fields[h] = cells[k]!;
    });
    add(fields, firstLine);
  }
  return { entries, errors };
}
