/**
 * Rule documentation pages (docs/rules/<id>.md), generated from the rule packs: what the rule
 * checks, why (its basis), and a failing and a passing example with the finding they produce.
 */
import type { Finding } from '../model/finding.js';
import { kindOf } from './checks/registry.js';
import { describeExample } from './examples.js';
import { shownEditions } from './resolve.js';
import type { Check, Pack, Rule } from './schema.js';

const EDITION_NAMES: Readonly<Record<string, string>> = { '2008': '2008 年《条例》时期的报告', '2019': '2019 版格式的报告', '2021': '2021 版格式的报告' };

const SEVERITY = { error: '错误（error）', warning: '警告（warning）', info: '提示（info）' } as const;

/** Findings of a rule's examples, in the order of `rule.examples.invalid` and `.valid`. */
export interface ExampleRuns {
  invalid: Finding[][];
  valid: Finding[][];
}

/** What a check verifies, in Chinese markdown (shared by the docs pages and the web page's rule panel). */
export function describeCheck(check: Check): string {
  return kindOf(check).describe(check);
}

function findingLines(findings: Finding[]): string {
  if (findings.length === 0) return '没有发现问题。';
  return findings
    .map((f) => `> 第${f.location.line}行${f.location.page ? `（第${f.location.page}页）` : ''} ${SEVERITY[f.severity].slice(0, 2)}：${f.message}`)
    .join('\n>\n');
}

/** The rule's messages: its main one, then each other message with its id (those its kind emits besides `default`). */
function messageLines(rule: Rule): string[] {
  const out = [`- 中文：${rule.message.zh}`, `- English: ${rule.message.en}`];
  for (const [id, m] of Object.entries(rule.messages ?? {})) out.push(`- \`${id}\`：${m.zh}`, `  - English: ${m.en}`);
  return out;
}

/** The markdown page of one rule. */
export function ruleDoc(rule: Rule, pack: Pack, runs: ExampleRuns): string {
  const editions = shownEditions(rule, pack);
  const out = [
    `# ${rule.id}`,
    '',
    rule.description,
    '',
    '| 项目 | 内容 |',
    '|---|---|',
    `| 严重程度 | ${SEVERITY[rule.severity]} |`,
    `| 适用版本 | ${editions.join('、')} |`,
    `| 规则包 | \`${pack.pack}\` |`,
    `| 依据 | ${rule.basis} |`,
    ...Object.entries(rule.bases ?? {}).map(([edition, text]) => `| 依据（${EDITION_NAMES[edition] ?? edition}） | ${text} |`),
    '',
    '## 检查什么',
    '',
    describeCheck(rule.check),
    '',
    '## 提示信息',
    '',
    ...messageLines(rule),
    '',
    '## 不通过的例子',
    '',
  ];
  const related = (example: Rule['examples']['invalid'][number]): string =>
    [
      example.previous ? `；上一年度报告 \`${example.previous.fixture}\`（${describeExample(example.previous)}）` : '',
      ...(example.constituents ?? []).map((c) => `；同批报告 \`${c.fixture}\`（${describeExample(c)}）`),
    ].join('');
  rule.examples.invalid.forEach((example, i) => {
    out.push(`\`${example.fixture}\`（${describeExample(example)}）${related(example)}：`, '', findingLines(runs.invalid[i] ?? []), '');
  });
  out.push('## 通过的例子', '');
  rule.examples.valid.forEach((example, i) => {
    out.push(`\`${example.fixture}\`（${describeExample(example)}）${related(example)}：${findingLines(runs.valid[i] ?? [])}`, '');
  });
  if (rule.docs) out.push('## 说明', '', rule.docs, '');
  return out.join('\n');
}

/** The index page: every rule with its severity, editions and description. */
export function rulesIndex(packs: readonly Pack[]): string {
  const out = ['# 规则一览', '', '由 `xxgk-lint rules --format markdown` 生成，请勿手工修改。', '', '| 规则 | 严重程度 | 适用版本 | 说明 |', '|---|---|---|---|'];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      out.push(`| [${rule.id}](${rule.id}.md) | ${SEVERITY[rule.severity]} | ${shownEditions(rule, pack).join('、')} | ${rule.description} |`);
    }
  }
  return out.join('\n') + '\n';
}
