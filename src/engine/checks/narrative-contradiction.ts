/** `narrative-contradiction`: statements that contradict the tables (“均已办结” while applications are carried over). */
import { spanAt } from '../../model/spans.js';
import { evaluate } from '../expr.js';
import { locate, type Outcome } from '../outcome.js';
import { mayMatchAny } from '../regex.js';
import type { Check } from '../schema.js';
import { otherYear, SCOPE_NOTE } from './narrative-scope.js';
import { wholeProse } from './narrative-sentences.js';
import { holds, relationOf, resolverFor } from './relation.js';
import type { CheckKind } from './kind.js';

type ContradictionCheck = Extract<Check, { kind: 'narrative-contradiction' }>;
type Contradiction = ContradictionCheck['contradictions'][number];

/** Contradiction patterns, compiled once per rule. */
const patterns = new WeakMap<Contradiction, RegExp>();

function patternOf(c: Contradiction): RegExp {
  let re = patterns.get(c);
  if (!re) {
    re = new RegExp(c.pattern);
    patterns.set(c, re);
  }
  return re;
}

/** The `narrative-contradiction` check kind. */
export const narrativeContradictionKind: CheckKind<'narrative-contradiction'> = {
  kind: 'narrative-contradiction',
  scope: 'report',
  cells: () => [],
  tables: () => [],
  expressions: (check) => ({ exprs: check.contradictions.map((c, i) => ({ source: c.when, path: ['contradictions', i, 'when'] })), vars: {} }),
  messages: () => ({ default: ['name', 'nameEn', 'quote', 'when', 'value'] }),
  describe(check) {
    const lines = ['文字不得与表格矛盾：表格满足条件时，文中不应有下列说法（每种说法报告一次，`actual` 为文中的说法）：'];
    for (const c of check.contradictions) lines.push(`- ${c.name}：\`${c.pattern}\`，当 \`${c.when}\``);
    lines.push('', SCOPE_NOTE);
    return lines.join('\n');
  },
  evaluate(ctx, check): Outcome[] {
    const { report } = ctx;
    const out: Outcome[] = [];
    for (const c of check.contradictions) {
      if (!holds(report, c.when)) continue;
      const left = evaluate(relationOf(c.when).left, resolverFor(report, true));
      const re = patternOf(c);
      if (!mayMatchAny(re, wholeProse(report))) continue;
      for (const sentence of report.sentences) {
        const m = re.exec(sentence.text);
        if (!m || otherYear(sentence.text, report.meta.year)) continue;
        out.push({ status: 'fail', key: `contra:${c.name}`, location: locate(spanAt(sentence, m.index)), vars: { name: c.name, nameEn: c.nameEn, quote: m[0], when: c.when, value: left.value }, actual: m[0] });
        break;
      }
    }
    return out;
  },
};
