/**
 * The text view: the report as the checker read it, one line per row with its line number (the
 * numbering findings use), PDF page breaks marked, and lines with findings flagged with a button
 * back to the finding.
 */
import type { Finding, Severity } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { h } from './dom.js';
import { lineDomId, SEVERITY_ZH } from './format.js';

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Renders the report text into `panel`; `backToFinding` gets the index of a finding on the line. */
export function renderSource(panel: HTMLElement, report: Report | null, findings: readonly Finding[], backToFinding: (index: number) => void): void {
  panel.replaceChildren();
  if (!report || report.lines.length === 0) {
    panel.append(h('p', { class: 'empty' }, '没有读到报告文字。'));
    return;
  }
  const byLine = new Map<number, number[]>();
  findings.forEach((f, i) => byLine.set(f.location.line, [...(byLine.get(f.location.line) ?? []), i]));

  const view = h('div', { class: 'source', role: 'list', 'aria-label': `报告原文，共 ${report.lines.length} 行` });
  let page: number | undefined;
  const fragment = document.createDocumentFragment();
  for (const line of report.lines) {
    if (line.at.page !== undefined && line.at.page !== page) {
      page = line.at.page;
      fragment.append(h('div', { class: 'page-break', role: 'presentation' }, `第 ${page} 页`));
    }
    const here = byLine.get(line.at.line) ?? [];
    const worst = here.map((i) => findings[i]!.severity).sort((a, b) => RANK[a] - RANK[b])[0];
    const row = h(
      'div',
      { class: `line${worst ? ` has-finding sev-${worst}` : ''}`, id: lineDomId(line.at.line), role: 'listitem', tabindex: -1, 'data-line': line.at.line },
      h('span', { class: 'ln', 'aria-hidden': 'true' }, String(line.at.line)),
      h('span', { class: 'visually-hidden' }, `第${line.at.line}行：`),
      h('span', { class: 'code' }, line.text === '' ? '\u00a0' : line.text),
    );
    if (worst && here[0] !== undefined) {
      const first = here[0];
      const mark = h('button', { type: 'button', class: `mark sev-${worst}`, title: here.map((i) => findings[i]!.message).join('\n') }, `${SEVERITY_ZH[worst]} ${here.length} 个`);
      mark.setAttribute('aria-label', `本行有 ${here.length} 个问题，转到问题列表`);
      mark.addEventListener('click', () => backToFinding(first));
      row.append(mark);
    }
    fragment.append(row);
  }
  view.append(fragment);
  panel.append(view);
}
