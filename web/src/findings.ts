/**
 * The findings list: grouped by report section or table (in report order), filterable by
 * severity, and navigable with the keyboard (one tab stop for the list, arrow keys between
 * findings, Enter to locate, R for the rule), each finding linked to its place in the report.
 */
import type { Finding, Severity } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { h } from './dom.js';
import { placeText as originText } from '../../src/report/where.js';
import { placeText, SEVERITIES, SEVERITY_ZH, valueText, whereText } from './format.js';

/** What the list asks the rest of the page to do. */
export interface FindingsHandlers {
  /** Show the finding's place: its table cell, or its line in the text view. */
  locate(finding: Finding, where: 'table' | 'text'): void;
  /** Open the rule explanation for the finding. */
  explain(finding: Finding): void;
  /** Called after the filter changed, with the number of findings shown and in all. */
  filtered(shown: number, total: number): void;
}

/** The rendered list. */
export interface FindingsView {
  /** Moves keyboard focus to the finding (by its index in the entry's findings). */
  focus(index: number): void;
}

interface Group {
  key: string;
  title: string;
  line: number;
  findings: number[];
}

/** Groups findings by table, else by the top-level section their line falls in, in report order. */
export function groupFindings(findings: readonly Finding[], report: Report | null): Group[] {
  const groups = new Map<string, Group>();
  const headings = (report?.outline ?? []).filter((s) => s.level === 1).sort((a, b) => a.at.line - b.at.line);
  findings.forEach((f, index) => {
    let key: string;
    let title: string;
    let line: number;
    const table = f.location.table;
    if (table) {
      const instance = report?.tables[table];
      key = `table:${table}`;
      title = instance?.label ?? f.location.tableLabel ?? table;
      line = instance?.at.line ?? f.location.line;
    } else {
      const heading = [...headings].reverse().find((s) => s.at.line <= f.location.line);
      key = heading ? `section:${heading.at.line}` : 'head';
      title = heading ? `${heading.number}、${heading.title}` : '标题和全文';
      line = heading ? heading.at.line : 0;
    }
    const group = groups.get(key) ?? { key, title, line, findings: [] };
    group.findings.push(index);
    groups.set(key, group);
  });
  return [...groups.values()].sort((a, b) => a.line - b.line);
}

/** What else the same defect caused (the findings folded into this one), closed by default. */
function relatedDetails(f: Finding): HTMLElement | null {
  const related = f.related ?? [];
  if (related.length === 0) return null;
  return h(
    'details',
    { class: 'related' },
    h('summary', {}, `同一问题还导致 ${related.length} 项`),
    h('ul', {}, ...related.map((r) => h('li', {}, h('span', { class: 'where' }, originText(r.location, 'zh')), ' ', r.message, ' ', h('code', {}, r.ruleId)))),
  );
}

function hasTable(f: Finding, report: Report | null): boolean {
  return Boolean(f.location.table && report?.tables[f.location.table]);
}

/** Renders the list and the severity filter; replaces what the containers held. */
export function renderFindings(
  container: HTMLElement,
  filters: HTMLFieldSetElement,
  findings: readonly Finding[],
  report: Report | null,
  handlers: FindingsHandlers,
): FindingsView {
  container.replaceChildren();
  for (const old of filters.querySelectorAll('label, .filter-count')) old.remove();

  const items: HTMLLIElement[] = [];
  const visible = new Set<Severity>(SEVERITIES);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;

  if (findings.length === 0) {
    container.append(h('p', { class: 'no-findings' }, '没有发现问题。'));
  }
  const hasLines = (report?.lines.length ?? 0) > 0;
  for (const group of groupFindings(findings, report)) {
    const headingId = `group-${group.key.replace(/[^\w-]/g, '-')}`;
    const list = h('ul', { class: 'finding-list', 'aria-labelledby': headingId, 'aria-describedby': 'findings-help' });
    for (const index of group.findings) {
      const f = findings[index]!;
      const place = placeText(f);
      const actions = h('div', { class: 'actions' });
      if (hasTable(f, report)) actions.append(h('button', { type: 'button', class: 'button small', 'data-act': 'table' }, '在表格中查看'));
      if (hasLines) actions.append(h('button', { type: 'button', class: 'button small', 'data-act': 'text' }, `查看原文${whereText(f)}`));
      actions.append(h('button', { type: 'button', class: 'button small', 'data-act': 'rule' }, '规则说明 ', h('code', {}, f.ruleId)));
      const li = h(
        'li',
        { class: `finding sev-${f.severity}`, tabindex: -1, 'data-index': index, 'data-rule': f.ruleId, 'data-severity': f.severity },
        h('p', { class: 'finding-head' }, h('span', { class: `badge sev-${f.severity}` }, SEVERITY_ZH[f.severity]), ' ', h('span', { class: 'where' }, originText(f.location, 'zh')), place ? ' ' : '', place ? h('span', { class: 'place' }, place) : null),
        h('p', { class: 'message' }, f.message),
        f.expected !== undefined ? h('p', { class: 'values' }, '应为 ', h('strong', {}, String(f.expected)), f.actual !== undefined ? '，实际 ' : '', f.actual !== undefined ? h('strong', {}, valueText(f.actual)) : null) : null,
        relatedDetails(f),
        actions,
      );
      items[index] = li;
      list.append(li);
    }
    container.append(
      h('section', { class: 'finding-group' }, h('h4', { id: headingId }, group.title, ' ', h('span', { class: 'group-count' }, `${group.findings.length} 个`)), list),
    );
  }

  // One tab stop: the current finding and its buttons are reachable with Tab, the others by arrows.
  let current = 0;
  const shown = (): number[] => items.map((li, i) => (li.hidden ? -1 : i)).filter((i) => i >= 0);
  const setCurrent = (index: number, focus: boolean): void => {
    current = index;
    items.forEach((li, i) => {
      li.tabIndex = i === index ? 0 : -1;
      for (const b of li.querySelectorAll('button')) b.tabIndex = i === index ? 0 : -1;
    });
    if (focus) items[index]?.focus();
  };
  if (items.length > 0) setCurrent(0, false);

  container.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const li = target.closest<HTMLLIElement>('li.finding');
    if (!li) return;
    const index = Number(li.dataset['index']);
    const f = findings[index];
    if (!f) return;
    setCurrent(index, false);
    const act = target.closest<HTMLButtonElement>('button')?.dataset['act'];
    if (act === 'rule') handlers.explain(f);
    else if (act === 'table' || act === 'text') handlers.locate(f, act);
  });
  container.addEventListener('keydown', (event) => {
    const li = (event.target as HTMLElement).closest<HTMLLIElement>('li.finding');
    if (!li || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(li.dataset['index']);
    const f = findings[index];
    if (!f) return;
    const order = shown();
    const at = order.indexOf(index);
    const move = (to: number | undefined): void => {
      if (to === undefined) return;
      event.preventDefault();
      setCurrent(to, true);
    };
    const onItem = event.target === li;
    switch (event.key) {
      case 'ArrowDown':
        move(order[Math.min(order.length - 1, at + 1)]);
        break;
      case 'ArrowUp':
        move(order[Math.max(0, at - 1)]);
        break;
      case 'Home':
        move(order[0]);
        break;
      case 'End':
        move(order.at(-1));
        break;
      case 'Enter':
        if (onItem) {
          event.preventDefault();
          handlers.locate(f, hasTable(f, report) ? 'table' : 'text');
        }
        break;
      case 'r':
      case 'R':
      case '?':
        event.preventDefault();
        handlers.explain(f);
        break;
    }
  });

  const countText = h('span', { class: 'filter-count' });
  const applyFilter = (): void => {
    items.forEach((li, i) => {
      li.hidden = !visible.has(findings[i]!.severity);
    });
    for (const section of container.querySelectorAll<HTMLElement>('.finding-group')) {
      section.hidden = [...section.querySelectorAll<HTMLLIElement>('li.finding')].every((li) => li.hidden);
    }
    const order = shown();
    if (!order.includes(current) && order[0] !== undefined) setCurrent(order[0], false);
    countText.textContent = `（显示 ${order.length} / ${findings.length} 个）`;
    handlers.filtered(order.length, findings.length);
  };
  for (const severity of SEVERITIES) {
    const box = h('input', { type: 'checkbox', checked: true, value: severity, 'data-severity': severity });
    box.addEventListener('change', () => {
      if (box.checked) visible.add(severity);
      else visible.delete(severity);
      applyFilter();
    });
    filters.append(h('label', { class: `filter sev-${severity}` }, box, ` ${SEVERITY_ZH[severity]} `, h('span', { class: 'filter-n' }, String(counts[severity]))));
  }
  filters.append(countText);
  countText.textContent = `（显示 ${findings.length} / ${findings.length} 个）`;

  return {
    focus(index: number): void {
      const li = items[index];
      if (!li) return;
      if (li.hidden) {
        // The finding was filtered out: show its severity again rather than leave the user nowhere.
        const box = filters.querySelector<HTMLInputElement>(`input[data-severity="${findings[index]!.severity}"]`);
        if (box) {
          box.checked = true;
          visible.add(findings[index]!.severity);
          applyFilter();
        }
      }
      setCurrent(index, true);
      li.scrollIntoView({ block: 'nearest' });
    },
  };
}
