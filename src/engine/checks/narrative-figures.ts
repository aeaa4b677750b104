/**
 * `narrative-figures`: figures stated in the prose against the table cells they name. Each figure
 * is data in the rule (its name, sentence pattern, cells, the other cell sets it may also mean), so
 * a new figure needs YAML only. A heuristic (warnings): a sentence with a scope qualifier, another
 * year or a channel word (unless the figure is a channel's) is not compared.
 */
import type { Report } from '../../model/report.js';
import { spanAt } from '../../model/spans.js';
import { cellList } from '../../format/labels.js';
import { locate, type Outcome } from '../outcome.js';
import { forEachMatch, mayMatchAny } from '../regex.js';
import type { Check } from '../schema.js';
import { CHANNEL, otherYear, SCOPE, SCOPE_NOTE } from './narrative-scope.js';
import { wholeProse } from './narrative-sentences.js';
import { resolverFor } from './relation.js';
import type { CheckKind } from './kind.js';

type FiguresCheck = Extract<Check, { kind: 'narrative-figures' }>;
type Figure = FiguresCheck['figures'][number];

/** Figure patterns, compiled once per rule (global: walked with {@link forEachMatch}). */
const figurePatterns = new WeakMap<Figure, RegExp>();

function figurePattern(fig: Figure): RegExp {
  let re = figurePatterns.get(fig);
  if (!re) {
    re = new RegExp(fig.pattern, 'g');
    figurePatterns.set(fig, re);
  }
  return re;
}

function valueOf(report: Report, cells: readonly string[]): number | null {
  // A blank cell is reported by the table rules; a figure is compared with numbers only.
  const resolver = resolverFor(report, false);
  let sum = 0;
  for (const id of cells) {
    const v = resolver.cell(id);
    if (v.kind !== 'value') return null;
    sum += v.value;
  }
  return sum;
}

/** Evaluates a `narrative-figures` check. */
function checkFigures(report: Report, check: FiguresCheck): Outcome[] {
  const out: Outcome[] = [];
  for (const fig of check.figures) {
    const re = figurePattern(fig);
    const expected = valueOf(report, fig.cells);
    if (expected === null) continue;
    // Most figure patterns occur in no sentence of a report: one scan of all the prose shows that.
    if (!mayMatchAny(re, wholeProse(report))) continue;
    const alternatives = (fig.alternatives ?? []).map((a) => valueOf(report, a)).filter((v): v is number => v !== null);
    for (const sentence of report.sentences) {
      forEachMatch(re, sentence.text, (m) => {
        const raw = m.slice(1).find((g) => g !== undefined);
        if (raw === undefined) return;
        const clauseStart = Math.max(sentence.text.lastIndexOf('，', m.index), sentence.text.lastIndexOf('；', m.index), sentence.text.lastIndexOf(',', m.index), 0);
        const clause = sentence.text.slice(clauseStart, m.index + m[0].length);
        if (SCOPE.test(clause) || otherYear(sentence.text, report.meta.year)) return;
        if (!fig.channel && CHANNEL.test(clause)) return;
        const stated = Number(raw.replace(/,/g, ''));
        // A figure of hundreds of digits reads as Infinity: it cannot be compared (nor be a
        // finding's `actual`, which the JSON output would print as null).
        if (!Number.isFinite(stated)) return;
        if (stated === expected || alternatives.includes(stated)) return;
        const at = spanAt(sentence, m.index + m[0].indexOf(raw));
        out.push({
          status: 'fail', key: `fig:${fig.name}:${stated}`, location: locate(at),
          vars: { name: fig.name, stated, unit: fig.unit ?? '', table: cellList(fig.cells, ' + '), cells: fig.cells.join(' + '), value: expected, clause: clause.replace(/^[，,；]/, ''), sentence: sentence.text.slice(0, 60) },
          expected, actual: stated,
        });
      });
    }
  }
  return out;
}

/** The `narrative-figures` check kind. */
export const narrativeFiguresKind: CheckKind<'narrative-figures'> = {
  kind: 'narrative-figures',
  scope: 'report',
  cells: (check) =>
    check.figures.flatMap((f, i) => [
      ...f.cells.map((id, j) => ({ id, path: ['figures', i, 'cells', j] })),
      ...(f.alternatives ?? []).flatMap((alt, k) => alt.map((id, j) => ({ id, path: ['figures', i, 'alternatives', k, j] }))),
    ]),
  tables: () => [],
  expressions: () => ({ exprs: [], vars: {} }),
  messages: () => ({ default: ['name', 'stated', 'unit', 'table', 'cells', 'value', 'clause', 'sentence'] }),
  describe(check) {
    const lines = ['文中所述的数字与表格单元格（之和）一致；一个数字也可以等于 `alternatives` 中的另一组单元格之和。`expected` 为表中的值，`actual` 为文中的数字：'];
    for (const f of check.figures) lines.push(`- ${f.name}：\`${f.pattern}\` 对比 ${f.cells.map((c) => `\`${c}\``).join(' + ')}`);
    lines.push('', SCOPE_NOTE);
    return lines.join('\n');
  },
  evaluate: (ctx, check) => checkFigures(ctx.report, check),
};
