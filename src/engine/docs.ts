/**
 * Rule documentation pages (docs/rules/<id>.md), generated from the rule packs: what the rule
 * checks, why (its basis), and a failing and a passing example with the finding they produce.
 */
import type { Finding } from '../model/finding.js';
import { describeExample } from './examples.js';
import type { Check, Pack, Rule } from './schema.js';

const SEVERITY = { error: '错误（error）', warning: '警告（warning）', info: '提示（info）' } as const;

/** Findings of a rule's examples, in the order of `rule.examples.invalid` and `.valid`. */
export interface ExampleRuns {
  invalid: Finding[][];
  valid: Finding[][];
}

/** What a check verifies, in Chinese markdown (shared by the docs pages and the web page's rule panel). */
export function describeCheck(check: Check): string {
  switch (check.kind) {
    case 'relation': {
      const vars = Object.entries(check.for ?? {}).map(([k, v]) => `\`${k}\` ∈ ${v.map((x) => `\`${x}\``).join('、')}`);
      return [
        `算术关系${vars.length ? `，对每个 ${vars.join('，')}` : ''}：`,
        '',
        '```',
        check.assert,
        '```',
        check.when ? `\n仅当 \`${check.when}\` 时检查。` : '',
        check.tolerance !== undefined ? `\n容差：${check.tolerance === 'decimals' ? '按所填小数位' : check.tolerance}。` : '',
        '\n“—”“/”“无”“不适用”按 0 计算（提示信息中注明）。空白单元格不按 0 计算：无论空白处填什么（件数不为负）都不成立时才判为错误，否则给出“无法核对”提示（只有一个空白单元格时给出它应填的数值）。缺少或无法读取的单元格给出“无法核对”提示，不判为错误。',
      ].join('\n');
    }
    case 'cell-state':
      return `单元格 ${check.cells.map((c) => `\`${c}\``).join('、')} 须满足：${check.require.join('、')}。`;
    case 'sections':
      return `须有以下六个部分（按顺序编号）：${check.sections.map((s) => `${s.number}、${s.title}`).join('；')}。某部分的编号、标题（与格式标题或常见变体相近）和内容（${check.sections.map((s) => s.content?.what).filter(Boolean).join('；')}）都找不到时才报缺少；编号不对、措辞差别较大、只出现在下级标题、只有内容没有标题、顺序不对时警告，仅措辞不同时提示。`;
    case 'section-length':
      return `第${check.section}部分不超过 ${check.max} 字（不计空白）。`;
    case 'table':
      return check.report === 'rows' ? `表 \`${check.table}\` 须有格式规定的全部行。` : `须有表 \`${check.table}\`。`;
    case 'text':
      return `${check.expect === 'absent' ? '不得出现' : '须出现'}与正则表达式 \`${check.pattern}\` 匹配的文字${check.issuers ? `（仅适用于 ${check.issuers.join('、')}）` : ''}${check.when ? `（仅当 \`${check.when}\`）` : ''}。`;
    case 'deadline':
      return ['公布日期（网页发布日期；没有发布日期或发布日期早于落款日期时用落款日期，见 docs/deadlines.md）不得晚于：', '', ...check.deadlines.map((d) => `- ${d.who}：次年 ${d.month} 月 ${d.day} 日（逾期为${SEVERITY[d.severity]}）`)].join('\n');
    case 'metadata':
      return `报告元数据检查：\`${check.field}\`。`;
    case 'layout':
      return `解析时发现的情况：\`${check.what}\`${check.note ? `（\`${check.note}\`）` : ''}。`;
    case 'narrative': {
      const lines = [`文字与表格、文字与文字的一致性：\`${check.what}\`。`];
      for (const f of check.figures ?? []) lines.push(`- ${f.name}：\`${f.pattern}\` 对比 ${f.cells.map((c) => `\`${c}\``).join(' + ')}`);
      for (const c of check.contradictions ?? []) lines.push(`- ${c.name}：\`${c.pattern}\`，当 \`${c.when}\``);
      lines.push('', '句子中有范围限定词（全市、各单位、累计、备案、其他年度、约数等）时不作比较。这类检查都是警告或提示。');
      return lines.join('\n');
    }
    case 'cross-year':
      return ['跨年度核对（同一机关相邻两年的报告，`prev.` 表示上一年度报告的单元格）：', '', '```', check.assert, '```'].join('\n');
    case 'consolidated':
      return `汇总报告核对：本级政府汇总报告的 ${check.cells.map((c) => `\`${c}\``).join('、')} 应等于所属各单位报告之和（允许相对误差 ${check.tolerance ?? 0}）。`;
    case 'similarity':
      return `相似度核对：${check.scope === 'problems' ? '“五、存在的主要问题及改进情况”' : '报告正文'}与${check.against === 'previous' ? '同一机关上一年度报告' : '同批其他机关的报告'}的重合比例达到 ${Math.round(check.threshold * 100)}% 时提示，并列出相同的段落。`;
  }
}

function findingLines(findings: Finding[]): string {
  if (findings.length === 0) return '没有发现问题。';
  return findings
    .map((f) => `> 第${f.location.line}行${f.location.page ? `（第${f.location.page}页）` : ''} ${SEVERITY[f.severity].slice(0, 2)}：${f.message}`)
    .join('\n>\n');
}

/** The markdown page of one rule. */
export function ruleDoc(rule: Rule, pack: Pack, runs: ExampleRuns): string {
  const editions = rule.editions ?? pack.editions ?? ['2008', '2019', '2021'];
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
    '',
    '## 检查什么',
    '',
    describeCheck(rule.check),
    '',
    '## 提示信息',
    '',
    `- 中文：${rule.message.zh}`,
    `- English: ${rule.message.en}`,
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
      out.push(`| [${rule.id}](${rule.id}.md) | ${SEVERITY[rule.severity]} | ${(rule.editions ?? pack.editions ?? ['2008', '2019', '2021']).join('、')} | ${rule.description} |`);
    }
  }
  return out.join('\n') + '\n';
}
