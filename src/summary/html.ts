/**
 * The summary as one self-contained HTML page: no script, no external resource (a content
 * security policy says so), two inline SVG bar charts (errors per rule, errors per agency for
 * the top N) each followed by its data as a table, then the summary tables.
 */
import type { BatchSummary } from './aggregate.js';
import { localTimestamp } from './time.js';
import { words, type Locale } from './labels.js';
import { barChartSvg, escapeXml } from './svg.js';
import { agencyName, emptyText, summaryTables, type CellValue, type SummaryTable } from './tables.js';

/** Options of the HTML renderer. */
export interface HtmlOptions {
  locale: Locale;
  /** Agencies drawn in the second chart (default 20). */
  topAgencies?: number;
  /** Rules drawn in the first chart (default 40). */
  topRules?: number;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;color:#1f2328;background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta{color:#57606a;margin:0 0 16px}.warn{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{border:1px solid #d0d7de;border-radius:8px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:1.6em}.card.error b{color:#b3261e}.card.warning b{color:#8a5a00}.card.info b{color:#0b5cad}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tbody tr:nth-child(even){background:#fafbfc}
figure{margin:16px 0}figcaption{font-weight:600;margin-bottom:4px}
svg.chart{max-width:760px;font-size:12px}svg.chart .grid line{stroke:#d0d7de}svg.chart .grid text{fill:#57606a;font-size:11px}
svg.chart text{fill:#1f2328}svg.chart g.bar:hover rect{opacity:.8}
details{margin:8px 0}summary{cursor:pointer;color:#0b5cad}
`;

/** One table as HTML; count columns right-aligned. */
export function htmlTable(table: Pick<SummaryTable, 'columns' | 'rows'>, caption?: string): string {
  const head = table.columns.map((c) => `<th scope="col"${c.numeric ? ' class="n"' : ''}>${escapeXml(c.label)}</th>`).join('');
  const cell = (v: CellValue, i: number): string => `<td${table.columns[i]?.numeric ? ' class="n"' : ''}>${v === null ? '' : escapeXml(String(v))}</td>`;
  const body = table.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
  return `<table>${caption ? `<caption>${escapeXml(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function chartFigure(id: string, title: string, desc: string, bars: { label: string; value: number }[], columns: [string, string], locale: Locale): string {
  const w = words(locale);
  if (bars.length === 0) return `<figure id="${id}-figure"><figcaption>${escapeXml(title)}</figcaption><p>${escapeXml(w.noErrors)}</p></figure>`;
  const svg = barChartSvg({ id, title, desc, bars, color: '#c62828' });
  const data = htmlTable({ columns: [{ label: columns[0], width: 30 }, { label: columns[1], numeric: true, width: 8 }], rows: bars.map((b) => [b.label, b.value]) });
  return `<figure id="${id}-figure" aria-labelledby="${id}-caption"><figcaption id="${id}-caption">${escapeXml(title)}</figcaption>${svg}<details><summary>${escapeXml(w.chartData)}</summary>${data}</details></figure>`;
}

/** Renders the summary as a self-contained HTML page. */
export function renderSummaryHtml(summary: BatchSummary, options: HtmlOptions): string {
  const { locale } = options;
  const w = words(locale);
  const topRules = options.topRules ?? 40;
  const topAgencies = options.topAgencies ?? 20;
  const t = summary.totals;
  const ruleBars = summary.rules.filter((r) => r.error > 0).sort((a, b) => b.error - a.error || a.ruleId.localeCompare(b.ruleId));
  const agencyBars = summary.agencies.filter((a) => a.error > 0);
  const [overview, ...rest] = summaryTables(summary, locale, 'problems');
  const allFiles = summaryTables(summary, locale, 'all').find((x) => x.id === 'files')!;
  const stamp = [summary.generatedAt ? `${w.generated}: ${localTimestamp(summary.generatedAt, summary.timeZone ?? undefined)}` : '', summary.tool.version ? `${w.version}: ${summary.tool.version}` : ''].filter(Boolean).join(' · ');
  const card = (cls: string, label: string, value: number): string => `<div class="card ${cls}"><b>${value}</b>${escapeXml(label)}</div>`;
  const sections = rest.map((table) => {
    const empty = emptyText(table, locale);
    return `<section id="${table.id}"><h2>${escapeXml(table.title)}</h2>${table.rows.length ? htmlTable(table) : `<p>${escapeXml(empty)}</p>`}</section>`;
  });
  const page = [
    '<!doctype html>',
    `<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(w.title)}</title><style>${STYLE}</style></head>`,
    '<body><main>',
    `<h1>${escapeXml(w.title)}</h1>`,
    stamp ? `<p class="meta">${escapeXml(stamp)}</p>` : '',
    summary.interrupted ? `<p class="warn" role="alert">${escapeXml(w.interrupted)}</p>` : '',
    `<section id="overview"><h2>${escapeXml(w.overview)}</h2><div class="cards">${card('', w.inputFiles, t.files)}${card('error', w.error, t.error)}${card('warning', w.warning, t.warning)}${card('info', w.info, t.info)}${card('', w.agencies, t.agencies)}</div>${overview ? htmlTable(overview) : ''}</section>`,
    `<section id="charts"><h2>${escapeXml(w.charts)}</h2>`,
    chartFigure('chart-rules', w.chartRules, w.chartRulesDesc(ruleBars.length, Math.min(topRules, ruleBars.length)), ruleBars.slice(0, topRules).map((r) => ({ label: r.description ?? r.example, value: r.error, key: r.ruleId })), [w.rule, w.error], locale),
    chartFigure('chart-agencies', w.chartAgencies(Math.min(topAgencies, agencyBars.length)), w.chartAgenciesDesc(agencyBars.length, Math.min(topAgencies, agencyBars.length)), agencyBars.slice(0, topAgencies).map((a) => ({ label: agencyName(a.agency, locale), value: a.error })), [w.agency, w.error], locale),
    '</section>',
    ...sections,
    `<section id="all-files"><h2>${escapeXml(w.files)}</h2><details><summary>${escapeXml(`${w.files} (${allFiles.rows.length})`)}</summary>${htmlTable(allFiles)}</details></section>`,
    '</main></body></html>',
  ];
  return page.filter(Boolean).join('\n') + '\n';
}
