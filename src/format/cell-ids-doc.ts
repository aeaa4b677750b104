/**
 * docs/cell-ids.md, generated from the table definitions (a test compares the file with this
 * output, so the reference cannot drift from what the loader accepts).
 */
import { knownCellIds } from './cell-ids.js';
import { STAT_DEFS, T2_ITEMS, T2_LABEL, T3_COLS, T3_OTHER_SINGLE, T3_OTHER_SPLIT, T3_SUBTOTAL_ROWS, T4_DEF, t3Def, type ColDef, type RowDef } from './definitions.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function idTable(head: string, items: readonly { id: string; label: string }[]): string[] {
  return [`| ${head} | 格式中的名称 |`, '| --- | --- |', ...items.map((i) => `| \`${i.id}\` | ${cell(i.label)} |`), ''];
}

// Unlisted slots are not printed rows but rules may name them (the parts a report adds to a group).
const valueRows = (rows: readonly RowDef[]): RowDef[] => rows.filter((r) => !r.header);
const cols = (list: readonly ColDef[]): ColDef[] => [...list];

/** The markdown of docs/cell-ids.md. */
export function cellIdsMarkdown(): string {
  const out: string[] = [
    '# 单元格 id（cell ids）',
    '',
    '<!-- 本文件由 `npm run docs:cell-ids` 根据 src/format/definitions.ts 生成，请勿手工修改；test/docs.test.ts 检查二者一致。 -->',
    '',
    '规则（`relation`、`cell-state`、`cross-year`、`consolidated` 和 `narrative` 的 `cells`）用单元格 id 指称统计表中的一格：',
    '`<表>.<行>.<列>`，例如 `t3.new.np` 是表三“一、本年新收政府信息公开申请数量”行“自然人”列。',
    '',
    '- `*` 匹配 id 中的一段（不含点），例如 `t3.r.deny.*.np` 是“（三）不予公开”各行的“自然人”列；`t3.r.deny_sub` 不在其中。',
    '- `sum(…)` 把若干 id 或通配符匹配到的格相加：`sum(t3.r.deny.*.{col})`。',
    '- `{col}`、`{row}` 等是规则 `for:` 中定义的变量，逐个取值展开。',
    '- `cross-year` 规则用 `prev.<id>` 指称上一年度报告的同一格。',
    '- 规则加载时检查每个 id（展开变量后）：写错的 id 会报出文件、行、列和最接近的正确写法。',
    '',
    `共 ${knownCellIds().size} 个单元格 id。`,
    '',
    `## 表二 \`t2\`：${T2_LABEL}`,
    '',
    'id 为 `t2.<项>.<行>.<列>`；2019 版与 2021 版的行和列不同，规则按报告的版式适用。',
    '',
  ];
  for (const edition of ['2021', '2019'] as const) {
    out.push(`### ${edition} 版`, '');
    for (const item of T2_ITEMS[edition]) {
      out.push(`#### \`t2.${item.item}\`：${item.caption}`, '', ...idTable('行', valueRows(item.rows)), ...idTable('列', cols(item.cols)));
    }
  }
  const split = t3Def('split');
  out.push(
    '## 表三 `t3`：收到和处理政府信息公开申请情况',
    '',
    'id 为 `t3.<行>.<列>`。2021 版“（六）其他处理”分 3 行（`r.other.1`–`r.other.3`），2019 版只有 1 行（`r.other`）；各组的“小计”行和“法人或其他组织小计”列（`sub`）只在报告印有时存在。',
    '',
    ...idTable('行', [...valueRows(split.rows), ...T3_OTHER_SINGLE.filter((r) => !split.rows.some((s) => s.id === r.id)), ...T3_SUBTOTAL_ROWS]),
    ...idTable('列', [...cols(T3_COLS), { id: 'sub', label: '法人或其他组织小计' }]),
    `2021 版“（六）其他处理”的行：${T3_OTHER_SPLIT.map((r) => `\`${r.id}\``).join('、')}。`,
    '',
    '## 表四 `t4`：政府信息公开行政复议、行政诉讼情况',
    '',
    ...idTable('行', valueRows(T4_DEF.rows)),
    ...idTable('列', cols(T4_DEF.cols)),
  );
  for (const def of STAT_DEFS) {
    out.push(`## \`${def.id}\`：${def.label}（${def.variant}，${def.editions.join('、')} 版）`, '', ...idTable('行', valueRows(def.rows)), ...idTable('列', cols(def.cols)));
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
