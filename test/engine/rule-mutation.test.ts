/**
 * Rule mutation (issue 17): every relation rule of the built-in packs is changed the ways a slip in
 * its YAML would change it (its comparison operator swapped, one value dropped from a `for` list,
 * its `when` condition dropped), the pack is reloaded through the loader, and the rule's own
 * examples are run against the mutant. Some example must then fail (an invalid example no longer
 * yields the findings it pins, or a valid one yields a finding): otherwise the examples would not
 * notice that slip, and the mutant "survives". The kill rate is printed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { exampleFailures } from '../../src/engine/examples.js';
import { loadPackText } from '../../src/engine/load.js';
import { Checker } from '../../src/engine/run.js';
import type { Check, Example, Pack, Rule } from '../../src/engine/schema.js';
import type { Report } from '../../src/model/report.js';
import { builtinRulesDir, packFiles } from '../../src/node.js';
import { exampleText, parseText } from '../helpers/examples.js';

type RelationCheck = Extract<Check, { kind: 'relation' }>;

/** One changed version of a rule's check, named for the test's output. */
interface Mutant {
  name: string;
  check: RelationCheck;
}

const COMPARATOR = /==|!=|<=|>=|<|>/;

/** What each comparison may be mistyped as: its neighbours and its negation. */
const SWAPS: Record<string, readonly string[]> = {
  '==': ['<=', '>=', '!=', '<', '>'],
  '!=': ['==', '<', '>'],
  '<=': ['<', '==', '>=', '>'],
  '>=': ['>', '==', '<=', '<'],
  '<': ['<=', '==', '>', '>='],
  '>': ['>=', '==', '<', '<='],
};

/** The mutants of a relation check: operator swaps, each `for` value dropped, the `when` dropped. */
function mutantsOf(check: RelationCheck): Mutant[] {
  const mutants: Mutant[] = [];
  const op = COMPARATOR.exec(check.assert)?.[0];
  if (op) {
    for (const to of SWAPS[op] ?? []) mutants.push({ name: `${op} → ${to}`, check: { ...check, assert: check.assert.replace(COMPARATOR, to) } });
  }
  for (const [variable, values] of Object.entries(check.for ?? {})) {
    if (values.length < 2) continue;
    for (const value of values) {
      mutants.push({ name: `for ${variable} without ${value}`, check: { ...check, for: { ...check.for, [variable]: values.filter((v) => v !== value) } } });
    }
  }
  if (check.when !== undefined) {
    const withoutWhen: RelationCheck = { ...check };
    delete withoutWhen.when;
    mutants.push({ name: 'without when', check: withoutWhen });
  }
  return mutants;
}

/** The mutated pack, written back as YAML and loaded as a pack file is (validation, cell ids). */
function reload(pack: Pack, rule: Rule, check: RelationCheck, file: string): Pack {
  const text = stringify({ pack: pack.pack, description: pack.description, ...(pack.editions ? { editions: pack.editions } : {}), rules: [{ ...rule, check }] });
  const loaded = loadPackText(text, file);
  if (!loaded.pack) throw new Error(`mutant of ${rule.id} does not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.pack;
}

const reports = new Map<Example, Report>();
/** An example's report, parsed once for all the mutants that run on it. */
function reportOf(example: Example): Report {
  let report = reports.get(example);
  if (!report) {
    report = parseText(exampleText(example));
    reports.set(example, report);
  }
  return report;
}

/** Whether some example of the rule notices the mutant (fails against it). */
async function killed(pack: Pack): Promise<boolean> {
  const rule = pack.rules[0]!;
  const checker = new Checker([pack]);
  for (const kind of ['invalid', 'valid'] as const) {
    for (const example of rule.examples[kind]) {
      const findings = (await checker.check(reportOf(example))).filter((f) => f.ruleId === rule.id);
      if (exampleFailures(kind, example, findings).length > 0) return true;
    }
  }
  return false;
}

/** The built-in packs as their files hold them, with each file's name. */
function builtinPackFiles(): { file: string; pack: Pack }[] {
  return packFiles(builtinRulesDir()).map((file) => {
    const loaded = loadPackText(readFileSync(file, 'utf8'), file);
    if (!loaded.pack) throw new Error(`${file} does not load`);
    return { file, pack: loaded.pack };
  });
}

/**
 * Mutants that no example can tell apart from the rule, with the reason: they behave exactly as
 * the rule on every report the checker can read. The test fails when one of them is killed too
 * (then it is not equivalent, and leaves this list).
 */
const EQUIVALENT: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  't2-procurement-zero': {
    '== → <=': 'an amount is never below 0 (a minus sign is not read as part of a count), so "amount <= 0" and "amount == 0" agree',
  },
  'table3-subtotal': {
    'without when': 'the condition only asks that the 小计 column exists and holds a number; where it does not, every t3.*.sub cell is absent and the relation does not apply anyway',
  },
  'table3-group-subtotal': {
    'without when': 'the condition only asks that the group has a 小计 row holding a number; where it has none, the subtotal cell is absent and the relation does not apply anyway',
  },
};

const relationRules = builtinPackFiles().flatMap(({ file, pack }) =>
  pack.rules.flatMap((rule) => (rule.check.kind === 'relation' ? [{ file, pack, rule, check: rule.check }] : [])),
);

describe('rule mutation: the examples of every relation rule notice a changed operator, `for` list or `when`', () => {
  const tally = { mutants: 0, killed: 0 };

  it('has relation rules to mutate, and the unchanged rules pass their examples', async () => {
    expect(relationRules.length).toBeGreaterThan(20);
    for (const { file, pack, rule, check } of relationRules) expect(await killed(reload(pack, rule, check, file)), rule.id).toBe(false);
  });

  for (const { file, pack, rule, check } of relationRules) {
    it(`${rule.id}: every mutant fails an example`, async () => {
      const survivors: string[] = [];
      for (const mutant of mutantsOf(check)) {
        tally.mutants++;
        if (await killed(reload(pack, rule, mutant.check, file))) tally.killed++;
        else survivors.push(mutant.name);
      }
      expect(survivors).toEqual(Object.keys(EQUIVALENT[rule.id] ?? {}));
    });
  }

  it('reports the kill rate', () => {
    const equivalent = Object.values(EQUIVALENT).reduce((n, m) => n + Object.keys(m).length, 0);
    const rate = (100 * tally.killed) / Math.max(1, tally.mutants - equivalent);
    console.log(`rule mutation: ${tally.killed} of ${tally.mutants} mutants killed, ${equivalent} equivalent (${rate.toFixed(1)} % of the others)`);
    expect(tally.mutants).toBeGreaterThan(0);
  });
});
