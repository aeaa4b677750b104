/**
 * The registry of check kinds: every kind the schema accepts has an entry, and what each kind's
 * options name (cells, globs, tables, expressions) is validated at load with a located error.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_REGISTRY } from '../../src/engine/checks/registry.js';
import { loadPackText } from '../../src/engine/load.js';
import { CHECK_KINDS } from '../../src/engine/schema.js';
import { onePack } from './pack-text.js';

/** The messages besides `default` that the `table` and `sections` kinds emit. */
function extraMessages(check: string): string[] {
  const ids = check.startsWith('kind: table\n') ? ['unparsed'] : check.startsWith('kind: sections\n') ? ['no-structure', 'number', 'wording', 'title-far', 'lower-level', 'no-heading', 'order'] : [];
  return ids.length ? ['messages:', ...ids.map((id) => `  ${id}: { zh: x, en: x }`)] : [];
}

/** A pack with one rule of the check, and the messages its kind emits (a `table` check's cannot-check message too). */
const pack = (check: string): string =>
  onePack(['check:', ...check.split('\n').map((l) => `  ${l}`)], ['message: { zh: "x", en: "x" }', ...extraMessages(check)]);

/** The line (1-based) of the first line holding `needle`. */
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('check kind registry', () => {
  it('has one entry per kind the schema accepts, each with its scope', () => {
    expect(Object.keys(CHECK_REGISTRY).sort()).toEqual([...CHECK_KINDS].sort());
    for (const [name, kind] of Object.entries(CHECK_REGISTRY)) {
      expect(kind.kind).toBe(name);
      expect(kind.scope === 'batch').toBe(kind.evaluate === undefined);
    }
  });

  const cases: [string, string, string][] = [
    ['cell-state', 'kind: cell-state\ncells: [t3.new.np, t3.nwe.np]\nrequire: [number]', 't3.nwe.np'],
    ['consolidated', 'kind: consolidated\ncells: [t3.new.total, t4.rev.totl]', 't4.rev.totl'],
    ['narrative figure', "kind: narrative-figures\nfigures:\n  - name: x\n    pattern: '(\\d+)件'\n    cells: [t3.new.totl]", 't3.new.totl'],
    ['narrative alternative', "kind: narrative-figures\nfigures:\n  - name: x\n    pattern: '(\\d+)件'\n    cells: [t3.new.total]\n    alternatives: [[t3.new.nq]]", 't3.new.nq'],
    ['narrative contradiction', "kind: narrative-contradiction\ncontradictions:\n  - name: x\n    nameEn: x\n    pattern: '未收到'\n    when: t3.nwe.total > 0", 't3.nwe.total'],
    ['text when', "kind: text\npattern: 'x'\nexpect: present\nwhen: t3.r.othr.2.total > 0", 't3.r.othr.2.total'],
    ['cell-state glob', 'kind: cell-state\ncells: [t9.*.*]\nrequire: [number]', 't9.*.*'],
  ];
  for (const [name, check, bad] of cases) {
    it(`locates an unknown cell in a ${name} check`, () => {
      const text = pack(check);
      const { pack: loaded, errors } = loadPackText(text, 'p.yaml');
      expect(loaded).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toContain(`未知的单元格「${bad}」`);
      expect(errors[0]!.line).toBe(lineOf(text, bad.split(' ')[0]!));
    });
  }

  it('locates an unknown table in table, layout and sections checks', () => {
    for (const check of ['kind: table\ntable: t5', 'kind: label-drift\ntable: t5', 'kind: row-note\nnote: glued-split\ntable: t5', "kind: sections\nsections:\n  - number: 一\n    title: 总体情况\n    content: { tables: [t5], what: x }"]) {
      const text = pack(check);
      const { errors } = loadPackText(text, 'p.yaml');
      expect(errors.map((e) => e.message)).toEqual(['规则 test-rule：未知的表「t5」']);
      expect(errors[0]!.line).toBe(lineOf(text, 't5'));
    }
  });

  it('accepts the known tables and cells', () => {
    for (const check of ['kind: table\ntable: stat', 'kind: table-note\ntable: t3\nnote: other-single-row', 'kind: cell-state\ncells: [t3.*.*]\nrequire: [number]']) {
      expect(loadPackText(pack(check), 'p.yaml').errors).toEqual([]);
    }
  });

  it('rejects note checks that could never fire: no note, a note the parser never makes, a row note on a whole table', () => {
    expect(loadPackText(pack('kind: table-note'), 'p.yaml').errors[0]!.message).toContain('note');
    expect(loadPackText(pack('kind: table-note\nnote: blank-columns'), 'p.yaml').errors[0]!.message).toContain('check.note');
    expect(loadPackText(pack('kind: table-note\nnote: glued-split'), 'p.yaml').errors[0]!.message).toContain('check.note');
    expect(loadPackText(pack('kind: label-drift\nnote: x'), 'p.yaml').errors[0]!.hint).toContain('note');
  });

  it('refuses the old metadata, layout and narrative forms, naming the kind to write instead', () => {
    const cases: [string, string][] = [
      ['kind: metadata\nfield: title', '{ kind: title-present }'],
      ['kind: metadata\nfield: year-consistent', '{ kind: year-consistent }'],
      ['kind: layout\nwhat: drift\ntable: t2', '{ kind: label-drift, table: t2 }'],
      ['kind: layout\nwhat: unreadable', '{ kind: unreadable-rows }'],
      ['kind: layout\nwhat: note\nnote: glued-split', '{ kind: row-note, note: glued-split }'],
      ['kind: layout\nwhat: note\ntable: t3\nnote: other-single-row', '{ kind: table-note, table: t3, note: other-single-row }'],
      ['kind: narrative\nwhat: percent', '{ kind: narrative-percent }'],
      ["kind: narrative\nwhat: figure-vs-cell\nfigures: []", '{ kind: narrative-figures, figures: […] }'],
    ];
    for (const [check, instead] of cases) {
      const text = pack(check);
      const { pack: loaded, errors } = loadPackText(text, 'p.yaml');
      expect(loaded, check).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors[0]!.hint, check).toContain(`请写 ${instead}`);
      expect(errors[0]!.line).toBe(lineOf(text, 'kind:'));
    }
  });

  it('describes every kind for the docs', () => {
    expect(CHECK_REGISTRY.table.describe({ kind: 'table', table: 't3' })).toContain('t3');
    expect(CHECK_REGISTRY.similarity.describe({ kind: 'similarity', scope: 'problems', against: 'previous', threshold: 0.8 })).toContain('80%');
  });
});
