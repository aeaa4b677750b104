/**
 * The `html` formatter: one self-contained page (inline CSS, no script, no external resources)
 * that shows, for each checked file, its metadata, its findings and each canonical table in the
 * format's own layout with the cells the findings name highlighted and linked to them.
 *
 * Browser-safe (no Node APIs): the web page renders the same fragment with
 * {@link renderResultHtml} and {@link REPORT_CSS}.
 */
import type { Finding } from '../model/finding.js';
import { REPORT_CSS } from './html-css.js';
import { tableOrder } from './html-layout.js';
import { findingId, renderTable, type TableContext } from './html-table.js';
import { esc, SEVERITIES, stringsFor, type HtmlStrings } from './html-text.js';
import { summarize, type FormatOptions, type Formatter, type ResultEntry } from './types.js';

export { REPORT_CSS, SEVERITY_COLORS } from './html-css.js';

/** FNV-1a, for an id prefix that stays the same for the same file name. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function counts(findings: readonly Finding[]): Record<(typeof SEVERITIES)[number], number> {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

function countBadges(n: Record<(typeof SEVERITIES)[number], number>, s: HtmlStrings): string {
  return SEVERITIES.map((sev) => `<span class="xl-count xl-${sev}${n[sev] === 0 ? ' xl-zero' : ''}">${esc(s.countBadge(n[sev], sev))}</span>`).join('');
}

function header(entry: ResultEntry, s: HtmlStrings): string {
  const meta = entry.report?.meta;
  // [label, value, value is the report's own Chinese]
  const items: [string, string, boolean][] = [];
  if (entry.report) {
    items.push(
      [s.agency, meta?.agency?.name ?? s.notFound, Boolean(meta?.agency)],
      [s.year, meta?.year ? s.yearValue(meta.year) : s.unknown, false],
      [s.edition, meta?.edition ? s.editionValue(meta.edition) : s.unknown, false],
      [s.published, meta?.publishedAt?.iso ?? s.notFound, false],
    );
  }
  if (entry.status && entry.status !== 'checked') items.push([s.status, s.statuses[entry.status] ?? entry.status, false]);
  const dl = items.length === 0 ? '' : `<dl class="xl-meta">${items.map(([k, v, zh]) => `<div><dt>${esc(k)}</dt><dd${zh ? s.zhAttr : ''}>${esc(v)}</dd></div>`).join('')}</dl>`;
  const title = meta?.title?.text ? `<p class="xl-title"${s.zhAttr}>${esc(meta.title.text)}</p>` : '';
  return `<header class="xl-head"><h2>${esc(entry.file)}</h2>${title}${dl}<p class="xl-counts">${countBadges(counts(entry.findings), s)}</p></header>`;
}

function findingItem(f: Finding, i: number, prefix: string, target: string | undefined, s: HtmlStrings): string {
  const l = f.location;
  const labels = [l.tableLabel, l.rowLabel, l.colLabel].filter((x): x is string => x !== undefined && x !== '');
  const ea: string[] = [];
  if (f.expected !== undefined && f.expected !== '') ea.push(`${esc(s.expected)} <b>${esc(String(f.expected))}</b>`);
  if (f.actual !== undefined && f.actual !== '') ea.push(`${esc(s.actual)} <b>${f.actual === null ? esc(s.paren(s.blank)) : esc(String(f.actual))}</b>`);
  const back = target ? `<a class="xl-back" href="#${target}">${esc(target.startsWith('t-') ? s.toTable : s.toCell)} ↑</a>` : '';
  return [
    `<li class="xl-finding xl-${f.severity}" id="${findingId(prefix, i)}">`,
    `<p class="xl-fhead"><span class="xl-no">${i + 1}.</span><span class="xl-badge xl-${f.severity}">${esc(s.severity[f.severity])}</span>`,
    `<span class="xl-where">${esc(s.where(f))}</span>`,
    labels.length > 0 ? `<span class="xl-labels"${s.zhAttr}>${labels.map(esc).join(' › ')}</span>` : '',
    '</p>',
    `<p class="xl-msg">${esc(f.message)}</p>`,
    ea.length > 0 ? `<p class="xl-ea">${ea.join(esc(s.sep))}</p>` : '',
    f.basis ? `<p class="xl-basis">${esc(s.basis)}${esc(s.colon)}<span${s.zhAttr}>${esc(f.basis)}</span></p>` : '',
    `<p class="xl-rule">${esc(s.rule)} <code>${esc(f.ruleId)}</code>${back}</p>`,
    relatedList(f, s),
    '</li>',
  ].join('');
}

/** The findings folded into this one (what the same defect also caused), closed by default. */
function relatedList(f: Finding, s: HtmlStrings): string {
  const related = f.related ?? [];
  if (related.length === 0) return '';
  const items = related.map((r) => `<li><span class="xl-where">${esc(s.where(r))}</span> ${esc(r.message)} <code>${esc(r.ruleId)}</code></li>`).join('');
  return `<details class="xl-related"><summary>${esc(s.related(related.length))}</summary><ul>${items}</ul></details>`;
}

function legend(s: HtmlStrings): string {
  const sw = (cls: string, text: string): string => `<li><span class="xl-swatch ${cls}" aria-hidden="true"></span>${esc(text)}</li>`;
  return `<ul class="xl-legend" aria-label="${esc(s.legend)}">${sw('xl-error', s.legendItems.error)}${sw('xl-warning', s.legendItems.warning)}${sw('xl-info', s.legendItems.info)}${sw('xl-tint-error', s.legendItems.tint)}${sw('xl-state-swatch', s.legendItems.state)}</ul>`;
}

/**
 * The HTML fragment for one checked file (a `<section>`, no `<html>`): header, findings and the
 * report's tables. `prefix` keeps element ids unique when a page shows several files; it defaults
 * to one derived from the file name. Style it with {@link REPORT_CSS}.
 */
export function renderResultHtml(entry: ResultEntry, options: FormatOptions, prefix: string = `x${hash(entry.file)}`): string {
  const s = stringsFor(options.locale);
  const ctx: TableContext = { prefix, s, findings: entry.findings, targets: new Map() };
  // Tables first: rendering them records where each finding is shown, for the links back.
  let tables = '';
  if (entry.report) {
    const ids = tableOrder(Object.keys(entry.report.tables));
    const body = ids.map((id) => renderTable(entry.report!.tables[id]!, ctx)).join('');
    tables = `<section class="xl-tables"><h3>${esc(s.tables)}</h3>${ids.length > 0 ? `${legend(s)}${body}` : `<p>${esc(s.noTables)}</p>`}</section>`;
  }
  const list = entry.findings.length === 0
    ? `<p>${esc(s.noFindings)}</p>`
    : `<ol>${entry.findings.map((f, i) => findingItem(f, i, prefix, ctx.targets.get(i), s)).join('')}</ol>`;
  const unread = entry.report ? '' : `<p>${esc(s.unreadableReport)}</p>`;
  const findings = `<section class="xl-findings"><h3>${esc(s.findings(entry.findings.length))}</h3>${unread}${list}</section>`;
  return `<section class="xl-file" id="file-${prefix}">${header(entry, s)}${findings}${tables}</section>`;
}

/** Formats results as one self-contained HTML page. */
export const formatHtml: Formatter = (results, options) => {
  const s = stringsFor(options.locale);
  const sum = summarize(results);
  const prefixes = results.map((_, i) => `r${i + 1}`);
  const toc = results.length > 1
    ? `<nav aria-label="${esc(s.contents)}"><ol class="xl-toc">${results.map((r, i) => {
      const n = counts(r.findings);
      return `<li><a href="#file-${prefixes[i]}">${esc(r.file)}</a> — ${esc(s.counts(n.error, n.warning, n.info))}</li>`;
    }).join('')}</ol></nav>`
    : '';
  const files = results.map((r, i) => renderResultHtml(r, options, prefixes[i])).join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${s.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="xxgk-lint ${esc(options.version)}">`,
    `<title>${esc(s.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body class="xl-doc">',
    '<div class="xl-page">',
    `<header class="xl-top"><h1>${esc(s.title)}</h1><p class="xl-summary">${esc(s.files(sum.files))} · ${esc(s.counts(sum.errors, sum.warnings, sum.infos))}</p>${toc}</header>`,
    `<main>${files}</main>`,
    `<footer class="xl-footer">${esc(s.generated(options.version))}</footer>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
