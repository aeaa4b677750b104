/**
 * The rule explanation: a modal dialog with what the rule checks (its description), why (its
 * basis), its severity and editions, its notes and a short excerpt of its examples, all taken from
 * the loaded rule packs. What the checker runs (patterns, cell ids of the check) and where the
 * examples' test files lie are for rule authors (docs/rules/); a clerk reading a finding gets prose.
 */
import { describeExample } from '../../src/engine/examples.js';
import type { Example } from '../../src/engine/schema.js';
import type { Finding } from '../../src/model/finding.js';
import type { RuleInfo } from './checker.js';
import { h } from './dom.js';
import { SEVERITY_ZH } from './format.js';
import { renderMarkdown } from './markdown.js';

const EDITIONS: Readonly<Record<string, string>> = {
  '2008': '2008 版（2008—2018 年度，统计表）',
  '2019': '2019 版（2019—2020 年度，国办公开办函〔2019〕60号）',
  '2021': '2021 版（2021 年度起，国办公开办函〔2021〕30号）',
};

// Findings that do not come from a rule pack: problems met while reading the file.
const BUILTIN: readonly [RegExp, string][] = [
  [/^ingest\//, '读取文件时发现的问题（文件格式、编码、加密、扫描件等），不是规则包里的检查规则。文件读不出来时无法检查内容，请按提示处理后再检查。'],
  [/^parse\//, '解析报告结构（标题、章节、表格）时发现的情况，不是规则包里的检查规则。'],
  [/^batch\//, '判断文件是否为年度报告时发现的情况：文件可以读取，但看不出年度报告的标题、章节或统计表格。'],
];

/** Longest example text shown, in characters: an excerpt, not the whole replaced passage. */
const EXCERPT = 60;
/** Examples shown of each kind. */
const SHOWN = 2;

function clipText(text: string): string {
  const chars = [...text];
  return chars.length <= EXCERPT ? text : `${chars.slice(0, EXCERPT - 1).join('')}…`;
}

/**
 * One example in words: its note when it has one, else the change made to a real report (把“…”改为“…”),
 * clipped; an unchanged report is said in words, never by its test file's path.
 */
export function exampleExcerpt(example: Example, valid: boolean): string {
  if (example.note) return clipText(example.note);
  const change = describeExample(example);
  if (change === '原样') return valid ? '一份合格的真实报告，原样通过' : '一份真实报告原样即不通过';
  return clipText(`在一份真实报告中${change.replace(/`/g, '')}`);
}

/** A few examples of one kind, without repeats (several examples often differ only in the test file). */
function exampleList(examples: readonly Example[], valid: boolean): HTMLElement {
  const texts = [...new Set(examples.map((e) => exampleExcerpt(e, valid)))];
  const shown = texts.slice(0, SHOWN).map((t) => h('li', {}, t));
  if (texts.length > SHOWN) shown.push(h('li', { class: 'note' }, `另有 ${texts.length - SHOWN} 个例子，见规则文档`));
  return h('ul', { class: 'examples' }, shown);
}

function ruleBody(info: RuleInfo): DocumentFragment {
  const { rule, pack } = info;
  const editions = rule.editions ?? pack.editions ?? ['2008', '2019', '2021'];
  const fragment = document.createDocumentFragment();
  const facts: [string, Node | string][] = [
    ['严重程度', `${SEVERITY_ZH[rule.severity]}${rule.severity === 'info' ? '' : '（缺少数据、无法核对时为提示）'}`],
    ['适用格式', editions.map((e) => EDITIONS[e] ?? e).join('；')],
    ['依据', rule.basis],
    ['规则编号', h('code', {}, rule.id)],
  ];
  fragment.append(
    h('p', { class: 'rule-description' }, rule.description),
    h('dl', { class: 'facts' }, facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
  if (rule.docs) fragment.append(h('h3', {}, '说明'), h('div', { class: 'md' }, renderMarkdown(rule.docs)));
  fragment.append(h('h3', {}, '不通过的例子'), exampleList(rule.examples.invalid, false), h('h3', {}, '通过的例子'), exampleList(rule.examples.valid, true));
  return fragment;
}

/** The dialog's controller. */
export interface RuleDialog {
  /** Opens the explanation of the finding's rule; closing returns focus to where it was. */
  open(finding: Finding): void;
}

/** Wires the dialog in index.html to the loaded rules. */
export function createRuleDialog(dialog: HTMLDialogElement, title: HTMLElement, body: HTMLElement, close: HTMLButtonElement, rules: ReadonlyMap<string, RuleInfo>): RuleDialog {
  let opener: HTMLElement | null = null;
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog box) closes it, as Esc does.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    opener?.focus();
    opener = null;
  });
  return {
    open(finding: Finding): void {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const info = rules.get(finding.ruleId);
      body.replaceChildren(h('div', { class: `this-finding sev-${finding.severity}` }, h('strong', {}, `本条${SEVERITY_ZH[finding.severity]}：`), finding.message));
      if (info) {
        title.textContent = info.rule.description;
        body.append(ruleBody(info));
      } else {
        title.textContent = `读取文件时的提示：${finding.ruleId}`;
        const why = BUILTIN.find(([re]) => re.test(finding.ruleId))?.[1] ?? '这条提示不是来自规则包。';
        body.append(h('p', {}, why));
        if (finding.basis) body.append(h('p', {}, `依据：${finding.basis}`));
      }
      dialog.showModal();
      body.scrollTop = 0;
      close.focus();
    },
  };
}
