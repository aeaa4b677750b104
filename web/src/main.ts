/**
 * The page: loads the rule packs, takes a report (file, drop or paste), checks it in the browser
 * and shows the findings next to the report's tables and text. Status messages go to an
 * aria-live region so screen readers hear when checking starts and what it found.
 */
import './style.css';
import type { Finding } from '../../src/model/finding.js';
import { summarize, type ResultEntry } from '../../src/report/types.js';
import { VERSION } from '../../src/version.js';
import { checkFile, createPageChecker, type PageChecker } from './checker.js';
import { byId, h } from './dom.js';
import { wireDownloads } from './downloads.js';
import { createRuleDialog, type RuleDialog } from './explain.js';
import { renderFindings, type FindingsView } from './findings.js';
import { lineDomId, SEVERITIES, SEVERITY_ZH } from './format.js';
import { wireInput } from './input.js';
import { renderSource } from './source.js';
import { renderTables, type TablesView } from './tables.js';

const STATUS_TEXT: Readonly<Record<string, string>> = {
  unreadable: '文件无法读取，未能检查内容',
  'not-a-report': '看起来不是年度报告',
};

const status = byId('status');
const results = byId('results');
const panels = { tables: byId('panel-tables'), text: byId('panel-text') };
const tabs = { tables: byId<HTMLButtonElement>('tab-tables'), text: byId<HTMLButtonElement>('tab-text') };

/** Says something in the live region (and shows it). */
function announce(message: string): void {
  status.textContent = message;
}

type TabName = keyof typeof tabs;

function selectTab(name: TabName, focusTab = false): void {
  for (const key of Object.keys(tabs) as TabName[]) {
    const on = key === name;
    tabs[key].setAttribute('aria-selected', String(on));
    tabs[key].tabIndex = on ? 0 : -1;
    panels[key].hidden = !on;
  }
  if (focusTab) tabs[name].focus();
}

function wireTabs(): void {
  const names = Object.keys(tabs) as TabName[];
  names.forEach((name, i) => {
    tabs[name].addEventListener('click', () => selectTab(name));
    tabs[name].addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      selectTab(names[(i + step + names.length) % names.length]!, true);
    });
  });
}

/** Scrolls to an element, focuses it and makes it blink once so the eye finds it. */
function reveal(el: HTMLElement): void {
  el.scrollIntoView({ block: 'center', inline: 'nearest' });
  el.focus({ preventScroll: true });
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation when the same place is shown twice
  el.classList.add('flash');
}

let page: PageChecker;
let dialog: RuleDialog | null = null;
let current: ResultEntry | null = null;
let findingsView: FindingsView | null = null;
let tablesView: TablesView | null = null;
let sequence = 0;

function metaLine(entry: ResultEntry): string {
  const meta = entry.report?.meta;
  const parts = [
    meta?.agency?.name ?? '机关名称未找到',
    meta?.year ? `${meta.year} 年度` : '年度未知',
    meta?.edition ? `${meta.edition} 版格式` : '格式版本未知',
    meta?.publishedAt ? `发布日期 ${meta.publishedAt.iso}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

function show(entry: ResultEntry): void {
  current = entry;
  const findings = entry.findings;
  const counts = summarize([entry]);
  byId('results-title').textContent = `「${entry.file}」的检查结果`;
  const note = entry.status && STATUS_TEXT[entry.status];
  byId('report-meta').replaceChildren(metaLine(entry), note ? h('strong', { class: 'status-note' }, `（${note}）`) : '');
  byId('summary').replaceChildren(
    ...SEVERITIES.map((s) => h('span', { class: `count sev-${s}${counts[`${s}s` as 'errors' | 'warnings' | 'infos'] === 0 ? ' zero' : ''}` }, `${counts[`${s}s` as 'errors' | 'warnings' | 'infos']} 个${SEVERITY_ZH[s]}`)),
  );

  const backToFinding = (index: number): void => findingsView?.focus(index);
  tablesView = renderTables(panels.tables, entry, backToFinding);
  renderSource(panels.text, entry.report, findings, backToFinding);
  findingsView = renderFindings(byId('findings'), byId<HTMLFieldSetElement>('filters'), findings, entry.report, {
    locate(f: Finding, where) {
      const index = findings.indexOf(f);
      if (where === 'table') {
        const el = tablesView?.target(index);
        if (el) {
          selectTab('tables');
          reveal(el);
          return;
        }
      }
      const line = document.getElementById(lineDomId(f.location.line));
      if (line) {
        selectTab('text');
        reveal(line);
      }
    },
    explain: (f) => dialog?.open(f),
    filtered: () => undefined,
  });
  // Start on the tables when there are any: that is where most errors are.
  selectTab(Object.keys(entry.report?.tables ?? {}).length > 0 ? 'tables' : 'text');
  results.hidden = false;
}

/**
 * What the status line says when a check ends: 检查完成 with the counts only when the content was
 * checked; an unreadable file says so and why (the reader's own words: damaged, an image, empty …).
 */
function outcomeText(entry: ResultEntry, name: string, s: ReturnType<typeof summarize>, ms: number): string {
  if (entry.status === 'unreadable') {
    const why = entry.findings.find((f) => f.severity === 'error')?.message ?? entry.report?.problems.find((p) => p.severity === 'error')?.message;
    return `无法读取「${name}」，没有检查内容${why ? `：${why}` : '。'}`;
  }
  if (entry.status === 'not-a-report') return `「${name}」可以读取，但看起来不是政府信息公开工作年度报告：没有年度报告的标题、章节或统计表格。`;
  return `检查完成：「${name}」有 ${s.errors} 个错误、${s.warnings} 个警告、${s.infos} 个提示（用时 ${(ms / 1000).toFixed(1)} 秒）。`;
}

async function check(bytes: Uint8Array, name: string): Promise<void> {
  const mine = ++sequence;
  const started = performance.now();
  document.body.dataset['state'] = 'checking';
  delete status.dataset['outcome'];
  results.setAttribute('aria-busy', 'true');
  announce(`正在检查「${name}」…`);
  try {
    const entry = await checkFile(page, bytes, name);
    if (mine !== sequence) return; // a newer file was given meanwhile
    show(entry);
    const s = summarize([entry]);
    const ms = Math.round(performance.now() - started);
    document.body.dataset['checkMs'] = String(ms);
    document.title = `${name} · 检查结果 · 政府信息公开工作年度报告检查`;
    status.dataset['outcome'] = entry.status ?? 'checked';
    announce(outcomeText(entry, name, s, ms));
    results.focus();
  } catch (error) {
    if (mine !== sequence) return;
    status.dataset['outcome'] = 'failed';
    // checkFile turns bad input into findings; this is a bug in the checker, said plainly.
    announce(`检查「${name}」时出错：${(error as Error).message}。请把这个文件和这条信息反馈给维护人员。`);
  } finally {
    if (mine === sequence) {
      results.removeAttribute('aria-busy');
      document.body.dataset['state'] = current ? 'done' : 'ready';
    }
  }
}

function boot(): void {
  byId('version').textContent = VERSION;
  wireTabs();
  try {
    page = createPageChecker();
  } catch (error) {
    announce(`检查规则加载失败：${(error as Error).message}`);
    return;
  }
  if (page.errors.length > 0) {
    announce(`检查规则有错误，无法检查：${page.errors.join('；')}`);
    return;
  }
  dialog = createRuleDialog(byId<HTMLDialogElement>('rule-dialog'), byId('rule-title'), byId('rule-body'), byId<HTMLButtonElement>('rule-close'), page.rules);
  wireInput(
    {
      fileInput: byId<HTMLInputElement>('file-input'),
      dropZone: byId('drop-zone'),
      pasteForm: byId<HTMLFormElement>('paste-form'),
      pasteText: byId<HTMLTextAreaElement>('paste-text'),
    },
    (bytes, name) => void check(bytes, name),
    announce,
  );
  wireDownloads(
    { html: byId<HTMLButtonElement>('download-html'), json: byId<HTMLButtonElement>('download-json'), xlsx: byId<HTMLButtonElement>('download-xlsx') },
    () => current,
    announce,
  );
  document.body.dataset['state'] = 'ready';
  void keepOffline();
  announce(`准备就绪：已加载 ${page.rules.size} 条检查规则。请选择、拖入或粘贴报告。`);
}

boot();

/**
 * Registers the service worker that stores the page's files in the browser (built pages only: the
 * build names it in a meta tag; the dev server has none), then tells the user that the page now works without a network.
 * Failing to register is not an error for the user: the page still works online.
 */
async function keepOffline(): Promise<void> {
  const script = document.querySelector<HTMLMetaElement>('meta[name="xxgk-service-worker"]')?.content;
  if (!script || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  try {
    await navigator.serviceWorker.register(script);
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((ok) => navigator.serviceWorker.addEventListener('controllerchange', () => ok(), { once: true }));
    }
    document.body.dataset['offline'] = 'ready';
    byId('offline-note').hidden = false;
  } catch {
    // Private windows and some policies forbid service workers; the page works online regardless.
  }
}
