/** The JSON output contract of DESIGN.md: one object, fields never renamed. */
import type { Finding } from '../model/finding.js';
import { summarize, type Formatter, type ResultEntry } from './types.js';

/** One result in the contract's form (`results[]`). */
export interface ContractResult {
  file: string;
  report: unknown;
  findings: Finding[];
  status?: string;
}

/** One result as the contract has it (`results[]`): the file, its report's metadata, its findings. */
export function contractResult(r: ResultEntry): ContractResult {
  return {
    file: r.file,
    report: {
      edition: r.report?.meta.edition ?? null,
      year: r.report?.meta.year ?? null,
      agency: r.report?.meta.agency?.name ?? null,
      publishedAt: r.report?.meta.publishedAt?.iso ?? null,
      title: r.report?.meta.title?.text ?? null,
    },
    findings: r.findings,
    ...(r.status ? { status: r.status } : {}),
  };
}

/** Formats results as the JSON contract. */
export const formatJson: Formatter = (results, options) =>
  JSON.stringify({ tool: { name: 'xxgk-lint', version: options.version }, results: results.map(contractResult), summary: summarize(results) }, null, 2);
