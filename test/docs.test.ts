/**
 * The documents in docs/ that describe the program cannot drift from it: the cell-id reference is
 * what the definitions generate, the rule-writing guide's example pack loads and passes its own
 * examples, the JSON output page's example has the shape the program prints, and every `docs/…`
 * file a message, hint, basis or document names exists.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exampleFailures } from '../src/engine/examples.js';
import { loadPackText } from '../src/engine/load.js';
import { Checker } from '../src/engine/run.js';
import { cellIdsMarkdown } from '../src/format/cell-ids-doc.js';
import { knownCellIds } from '../src/format/cell-ids.js';
import { splitCellId } from '../src/format/labels.js';
import { FindingSchema } from '../src/model/finding-schema.js';
import { formatJson } from '../src/report/json.js';
import { builtinPacks, exampleText, parseText, ROOT } from './helpers/examples.js';

const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

/** The fenced code blocks of a markdown text in a language. */
function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('docs/cell-ids.md', () => {
  it('is what the table definitions generate (run `npm run docs:cell-ids` after changing them)', () => {
    expect(read('docs/cell-ids.md')).toBe(cellIdsMarkdown());
  });

  it('names the row and the column of every cell id the loader accepts', () => {
    const page = read('docs/cell-ids.md');
    const missing = [...knownCellIds()].filter((id) => {
      const { table, row, col } = splitCellId(id);
      // 表二's rows are listed under their item: `t2.a1`, then `reg`.
      const [section, rowId] = table === 't2' ? [`${table}.${row.slice(0, row.indexOf('.'))}`, row.slice(row.indexOf('.') + 1)] : [table, row];
      return !page.includes(`\`${section}`) || !page.includes(`\`${rowId}\``) || !page.includes(`\`${col}\``);
    });
    expect(missing).toEqual([]);
  });
});

describe('docs/writing-rules.md', () => {
  const [yaml] = codeBlocks(read('docs/writing-rules.md'), 'yaml');

  it('has an example pack that loads without errors', () => {
    expect(yaml).toBeDefined();
    const loaded = loadPackText(yaml!, 'docs/writing-rules.md');
    expect(loaded.errors).toEqual([]);
    expect(loaded.pack?.rules.length).toBeGreaterThan(0);
  });

  it("whose rules pass their own examples, the invalid ones with the findings they pin", async () => {
    const pack = loadPackText(yaml!, 'docs/writing-rules.md').pack!;
    const checker = new Checker([pack]);
    for (const rule of pack.rules) {
      for (const kind of ['invalid', 'valid'] as const) {
        for (const example of rule.examples[kind]) {
          const findings = (await checker.check(parseText(exampleText(example)))).filter((f) => f.ruleId === rule.id);
          expect(exampleFailures(kind, example, findings), `${rule.id} ${kind} ${example.note ?? ''}`).toEqual([]);
        }
      }
    }
  });
});

describe('docs/json-output.md', () => {
  it('shows an output with the fields the program prints, and findings of the contract', () => {
    const [json] = codeBlocks(read('docs/json-output.md'), 'json');
    const shown = JSON.parse(json!) as { results: { report: object; findings: unknown[] }[]; summary: object };
    const real = JSON.parse(formatJson([{ file: 'r.txt', report: parseText(read('fixtures/corpus/text/013-pingtan-2024.txt')), findings: [] }], { locale: 'zh', color: false, version: '0' })) as typeof shown;
    expect(Object.keys(shown).sort()).toEqual(Object.keys(real).sort());
    expect(Object.keys(shown.results[0]!).sort()).toEqual(Object.keys(real.results[0]!).sort());
    expect(Object.keys(shown.results[0]!.report).sort()).toEqual(Object.keys(real.results[0]!.report).sort());
    expect(Object.keys(shown.summary).sort()).toEqual(Object.keys(real.summary).sort());
    for (const finding of shown.results[0]!.findings) expect(FindingSchema.strict().safeParse(finding).success).toBe(true);
  });
});

describe('documents named to users', () => {
  const DOC = /docs\/[A-Za-z0-9_./-]+\.md/g;
  const sources = (dir: string): string[] =>
    readdirSync(resolve(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|md)$/.test(e.name) ? [join(dir, e.name)] : []));

  it('every docs/… file a rule, a message, a hint or a document names exists', () => {
    const texts = [
      ['rules/*.yaml', JSON.stringify(builtinPacks())],
      ...['src', 'docs'].flatMap(sources).map((file) => [file, read(file)]),
      ['README.md', read('README.md')],
    ] as const;
    const missing = texts.flatMap(([file, text]) => [...text.matchAll(DOC)].map((m) => m[0]).filter((doc) => !existsSync(resolve(ROOT, doc))).map((doc) => `${file}: ${doc}`));
    expect(missing).toEqual([]);
  });

  it('finds the documents the loader and the rules name (the check is not empty)', () => {
    expect(read('src/engine/load.ts')).toMatch(DOC);
    expect(JSON.stringify(builtinPacks())).toMatch(DOC);
  });
});
