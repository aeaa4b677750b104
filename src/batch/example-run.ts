/**
 * Running a cross-report rule's example: the example's report, with the previous year's report
 * and the other reports of the batch it names, through the batch pipeline.
 */
import { applyExample } from '../engine/examples.js';
import { Checker } from '../engine/run.js';
import type { Example, Pack, Rule } from '../engine/schema.js';
import type { Finding } from '../model/finding.js';
import { crossCellIds, crossCheck } from './cross.js';
import { processFile, type Snapshot } from './process.js';
import type { ManifestEntry } from './types.js';

/** Findings of one cross-report rule on its example; `read` gives a fixture's text. */
export async function runCrossExample(packs: readonly Pack[], rule: Rule, example: Example, read: (fixture: string) => string): Promise<Finding[]> {
  const only = packs.map((p) => ({ ...p, rules: p.rules.filter((r) => r.id === rule.id) }));
  const checker = new Checker([]);
  const cells = crossCellIds(only);
  const snap = async (ex: Omit<Example, 'previous' | 'constituents'>, name: string): Promise<Snapshot> => {
    const text = applyExample(read(ex.fixture), ex as Example);
    const processed = await processFile(new TextEncoder().encode(text), name, checker, cells);
    if (!processed.snapshot) throw new Error(`example report ${name} was not checked`);
    return processed.snapshot;
  };
  const main = await snap(example, 'example.txt');
  const previous = example.previous ? [await snap(example.previous, 'previous.txt')] : [];
  const others = await Promise.all((example.constituents ?? []).map((c, i) => snap(c, `other-${i + 1}.txt`)));
  const manifest: ManifestEntry[] | null = others.length
    ? [
        { agency: main.agency ?? '', line: 1, ...(main.year !== null ? { year: main.year } : {}) },
        ...others.map((o, i) => ({ agency: o.agency ?? '', parent: main.agency ?? '', line: i + 2, ...(o.year !== null ? { year: o.year } : {}) })),
      ]
    : null;
  const found = await crossCheck(only, [main, ...others], { locale: 'zh', previous, manifest });
  return found.get('example.txt') ?? [];
}
