/** The JSON output contract of DESIGN.md: one object, fields never renamed. */
import { summarize, type Formatter } from './types.js';

/** Formats results as the JSON contract. */
export const formatJson: Formatter = (results, options) =>
  JSON.stringify(
    {
      tool: { name: 'xxgk-lint', version: options.version },
      results: results.map((r) => ({
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
      })),
      summary: summarize(results),
    },
    null,
    2,
  );
