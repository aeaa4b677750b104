/** `xxgk-lint rules --format markdown`: writes docs/rules/<id>.md for every rule. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ruleDoc, rulesIndex, type ExampleRuns } from '../engine/docs.js';
import { applyExample } from '../engine/examples.js';
import { Checker } from '../engine/run.js';
import { isCrossRule } from '../engine/kinds.js';
import type { Example, Pack, Rule } from '../engine/schema.js';
import { runCrossExample } from '../batch/example-run.js';
import { ingestText } from '../ingest/text.js';
import { DEFAULT_LIMITS } from '../ingest/limits.js';
import type { Finding } from '../model/finding.js';
import { parseReport } from '../parse/index.js';
import { builtinRulesDir } from '../rule-dirs.js';

/**
 * Reads an example's fixture, refusing a path outside `root`: the pack schema already refuses
 * absolute paths and `..`, and this keeps the docs generator safe whatever a pack says.
 */
export function readFixture(root: string, fixture: string): string {
  const path = resolve(root, fixture);
  const rel = relative(resolve(root), path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`示例文件 ${fixture} 不在 ${root} 之内，未读取`);
  return readFileSync(path, 'utf8');
}

async function runExample(checker: Checker, rule: Rule, example: Example, root: string, packs: readonly Pack[]): Promise<Finding[]> {
  if (isCrossRule(rule)) return runCrossExample(packs, rule, example, (f) => readFixture(root, f));
  const text = applyExample(readFixture(root, example.fixture), example);
  const report = parseReport(ingestText(new TextEncoder().encode(text), 'text', DEFAULT_LIMITS));
  return (await checker.check(report)).filter((f) => f.ruleId === rule.id);
}

/** The pages of every rule, by file name, examples run with only that rule on. */
export async function ruleDocs(packs: readonly Pack[], root = dirname(builtinRulesDir())): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const all = packs.flatMap((p) => p.rules);
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const checker = new Checker(packs, { rules: Object.fromEntries(all.filter((r) => r.id !== rule.id).map((r) => [r.id, 'off' as const])) });
      const runs: ExampleRuns = { invalid: [], valid: [] };
      for (const e of rule.examples.invalid) runs.invalid.push(await runExample(checker, rule, e, root, packs));
      for (const e of rule.examples.valid) runs.valid.push(await runExample(checker, rule, e, root, packs));
      pages.set(`${rule.id}.md`, ruleDoc(rule, pack, runs));
    }
  }
  pages.set('README.md', rulesIndex(packs));
  return pages;
}

/** Writes the pages into a folder. */
export async function writeRuleDocs(packs: readonly Pack[], dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const pages = await ruleDocs(packs);
  for (const [name, text] of pages) writeFileSync(join(dir, name), text);
  return pages.size;
}
