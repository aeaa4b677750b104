/** The parts of a parsed report that golden files pin down. */
import type { Report } from '../../src/model/report.js';

/** A compact, stable view of a report for golden comparison. */
export function goldenOf(report: Report): unknown {
  const m = report.meta;
  return {
    edition: m.edition,
    year: m.year,
    title: m.title?.text ?? null,
    agency: m.agency?.name ?? null,
    publishedAt: m.publishedAt?.iso ?? null,
    dates: m.dates.map((d) => `${d.role}:${d.iso}`),
    outline: report.outline.filter((s) => s.level <= 2).map((s) => `${s.level}|${s.number}|${s.title}|${s.at.line}`),
    tables: Object.fromEntries(
      Object.values(report.tables).map((t) => [
        t.id,
        {
          variant: t.variant,
          cells: Object.fromEntries(Object.values(t.cells).map((c) => [c.id, c.state === 'number' ? c.value : `${c.state}:${c.raw}`])),
          missingRows: t.missingRows,
          unreadable: t.unreadable.map((u) => `${u.row}@${u.at.line}`),
          drift: t.drift.map((d) => `${d.row}:${d.printed}`),
          notes: t.notes,
        },
      ]),
    ),
  };
}
