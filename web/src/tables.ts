/**
 * The tables view: the same tables as the HTML report (src/report/html.ts, `renderResultHtml`),
 * in the format's own layout, with the cells that findings name highlighted and the expected value
 * shown. The fragment's links to its own findings list are redirected to the page's list.
 */
import { REPORT_CSS, renderResultHtml } from '../../src/report/html.js';
import type { ResultEntry } from '../../src/report/types.js';
import { VERSION } from '../../src/version.js';
import { h } from './dom.js';

/** Element ids in the fragment start with this (`c-web-t4.rev.total`, `f-web-3`). */
const PREFIX = 'web';
const FINDING_LINK = new RegExp(`^#f-${PREFIX}-(\\d+)$`);

let styled = false;

/** The rendered tables. */
export interface TablesView {
  /** The element that shows finding `index` (its cell, row label or table), if the tables show it. */
  target(index: number): HTMLElement | null;
}

/** Renders the tables of one checked file into `panel`. */
export function renderTables(panel: HTMLElement, entry: ResultEntry, backToFinding: (index: number) => void): TablesView {
  if (!styled) {
    // The report's stylesheet is scoped to xl- classes, so it sits next to the page's own.
    document.head.append(h('style', { id: 'report-css' }, REPORT_CSS));
    styled = true;
  }
  // The fragment is built by our own renderer, which escapes every string it takes from the report.
  const template = document.createElement('template');
  template.innerHTML = renderResultHtml(entry, { locale: 'zh', color: false, version: VERSION }, PREFIX);
  const fragment = template.content;

  // Where the HTML report links each finding back to: the ids of the elements that show it.
  const targets = new Map<number, string>();
  for (const back of fragment.querySelectorAll<HTMLAnchorElement>('.xl-finding .xl-back')) {
    const index = Number(/^f-[^-]+-(\d+)$/.exec(back.closest('li')?.id ?? '')?.[1]) - 1;
    const id = back.getAttribute('href')?.slice(1);
    if (index >= 0 && id) targets.set(index, id);
  }

  const tables = fragment.querySelector<HTMLElement>('.xl-tables');
  panel.replaceChildren();
  if (!tables || tables.querySelector('table') === null) {
    panel.append(h('p', { class: 'empty' }, '没有找到年度报告的统计表格。'));
    return { target: () => null };
  }
  // The page has its own headings; the fragment's "tables" heading would repeat the tab's name.
  tables.querySelector('h3')?.remove();
  panel.append(h('div', { class: 'xl-file' }, tables));

  // A property, not a listener: the panel is reused for the next file.
  panel.onclick = (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[href^="#f-"]');
    const m = FINDING_LINK.exec(link?.getAttribute('href') ?? '');
    if (!m) return;
    event.preventDefault();
    backToFinding(Number(m[1]) - 1);
  };

  return {
    target(index: number): HTMLElement | null {
      const id = targets.get(index);
      const el = id ? document.getElementById(id) : null;
      if (el && !el.hasAttribute('tabindex')) el.tabIndex = -1;
      return el;
    },
  };
}
