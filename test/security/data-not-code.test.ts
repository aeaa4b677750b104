/**
 * Rule packs, configs, waivers and manifests are data: nothing in them runs as code, nothing in
 * them reaches Object.prototype, and a path in them cannot make the tool read a file outside the
 * folder it belongs to.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadManifestText } from '../../src/batch/manifest.js';
import { readFixture } from '../../src/cli/docs.js';
import { loadSetup } from '../../src/cli/setup.js';
import { loadWaiverText } from '../../src/cli/waivers.js';
import { loadConfigText } from '../../src/config.js';
import { loadPackText } from '../../src/engine/load.js';
import { Checker } from '../../src/engine/run.js';
import type { Pack } from '../../src/engine/schema.js';
import { parseText } from '../helpers/examples.js';

const REPORT = readFileSync('fixtures/corpus/text/013-pingtan-2024.txt', 'utf8');
const CANARY = '__xxgkCanary';
const canary = (): unknown => (globalThis as Record<string, unknown>)[CANARY];
const protoKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
const PROTO_BEFORE = protoKeys();

/** A pack of one rule; `check` and `message` are YAML flow text. */
const pack = (check: string, zh: string, en = 'x'): string => `pack: evil
description: 测试用
rules:
  - id: evil-rule
    description: 测试用规则
    severity: error
    basis: 测试
    check: ${check}
    message:
      zh: ${JSON.stringify(zh)}
      en: ${JSON.stringify(en)}
    examples:
      invalid: [{ fixture: fixtures/corpus/text/013-pingtan-2024.txt }]
      valid: [{ fixture: fixtures/corpus/text/013-pingtan-2024.txt }]
`;

afterEach(() => {
  // Every test: no canary, no polluted prototype.
  expect(canary()).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(protoKeys()).toEqual(PROTO_BEFORE);
});

describe('no code runs from a rule pack', () => {
  const CODE = [
    `constructor.constructor('globalThis.${CANARY}=1')()`,
    `\${globalThis.${CANARY}=1}`,
    `{{constructor.constructor('globalThis.${CANARY}=1')()}}`,
    '{{constructor}}', '{{__proto__}}', '{{toString}}', `<script>globalThis.${CANARY}=1</script>`, '`${process.exit(1)}`',
  ];

  it.each(CODE)('an assert expression of code (%s) is refused with a located error', (code) => {
    const { pack: loaded, errors } = loadPackText(pack(`{ kind: relation, assert: ${JSON.stringify(code)} }`, '{{lhs}}'), 'evil.yaml');
    expect(loaded).toBeNull();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.file === 'evil.yaml' && e.line >= 1 && e.column >= 1)).toBe(true);
    expect(errors.some((e) => e.line >= 8)).toBe(true); // at the check, not 1:1
  });

  it.each(CODE)('a message holding code (%s) is printed as text, never run', async (code) => {
    // A text rule that always fires (the report has 信息公开), its message the code.
    const { pack: loaded, errors } = loadPackText(pack("{ kind: text, pattern: '信息公开', expect: absent, where: all, max: 1 }", `前${code}后`, `before ${code} after`), 'evil.yaml');
    // A placeholder the check kind does not provide is refused at load (messages are checked against their kind).
    if (/\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/.test(code)) {
      expect(loaded).toBeNull();
      expect(errors[0]!.message).toMatch(/不是这种检查提供的值/);
      expect(canary()).toBeUndefined();
      return;
    }
    expect(errors).toEqual([]);
    const findings = await new Checker([loaded as Pack]).check(parseText(REPORT));
    const finding = findings.find((f) => f.ruleId === 'evil-rule');
    expect(finding).toBeDefined();
    expect(finding!.message.startsWith('前')).toBe(true);
    expect(finding!.message.endsWith('后')).toBe(true);
    // The parts outside {{…}} placeholders are kept verbatim.
    for (const part of code.split(/\{\{[^}]*\}\}/)) expect(finding!.message).toContain(part);
    const en = (await new Checker([loaded as Pack], { locale: 'en' }).check(parseText(REPORT))).find((f) => f.ruleId === 'evil-rule');
    expect(en!.message).toMatch(/^before .* after$/s);
  });

  it('a text pattern of code is a regular expression, not code', async () => {
    const { pack: loaded, errors } = loadPackText(pack(`{ kind: text, pattern: ${JSON.stringify(`globalThis.${CANARY}=1`)}, expect: present, where: all }`, '没有找到'), 'evil.yaml');
    expect(errors).toEqual([]);
    const findings = await new Checker([loaded as Pack]).check(parseText(REPORT));
    // The pattern is searched for (and not found) in the report: the rule fires; nothing ran.
    expect(findings.find((f) => f.ruleId === 'evil-rule')?.message).toBe('没有找到');
  });

  it('YAML tags that construct objects or functions are refused', () => {
    for (const tag of ['!!js/function "function () { globalThis.__xxgkCanary = 1 }"', '!!js/regexp /x/', '!!binary aGVsbG8=', '!<tag:yaml.org,2002:js/undefined> ""']) {
      const { pack: loaded, errors } = loadPackText(pack('{ kind: text, pattern: x, expect: absent }', 'x').replace('description: 测试用规则', `description: ${tag}`), 'evil.yaml');
      expect(loaded, tag).toBeNull();
      expect(errors.length, tag).toBeGreaterThan(0);
    }
  });
});

describe('no prototype pollution from any YAML or CSV the tool reads', () => {
  const KEYS = ['__proto__', 'constructor', 'prototype'];

  it.each(KEYS)('a rule pack with a %s key anywhere is refused at that key', (key) => {
    const places = [
      `${key}: { polluted: 1 }\n` + pack('{ kind: text, pattern: x, expect: absent }', 'x'),
      pack(`{ kind: text, pattern: x, expect: absent, ${key}: { polluted: 1 } }`, 'x'),
      pack('{ kind: text, pattern: x, expect: absent }', 'x').replace('    severity: error', `    severity: error\n    ${key}:\n      polluted: 1`),
    ];
    for (const text of places) {
      const { pack: loaded, errors } = loadPackText(text, 'evil.yaml');
      expect(loaded).toBeNull();
      const error = errors.find((e) => e.message.includes(key));
      expect(error, text).toBeDefined();
      expect(error!.line).toBe(text.split('\n').findIndex((l) => l.includes(`${key}:`)) + 1);
    }
  });

  it.each(KEYS)('a config with a %s key is refused, and pollutes nothing', (key) => {
    for (const text of [`${key}:\n  polluted: 1\n`, `rules:\n  ${key}:\n    polluted: 1\n`, `limits:\n  ${key}:\n    polluted: 1\n`, `overrides:\n  - files: ["*"]\n    rules: { ${key}: { polluted: 1 } }\n`]) {
      const { config, errors } = loadConfigText(text, 'c.yaml', ['placeholder-text']);
      expect(config, text).toBeNull();
      expect(errors.length, text).toBeGreaterThan(0);
    }
  });

  it.each(KEYS)('a waiver file with a %s key is refused, and pollutes nothing', (key) => {
    for (const text of [`${key}:\n  polluted: 1\n`, `waivers:\n  - file: a.txt\n    fingerprint: "83ef9990"\n    reason: 已核实无误的原因\n    ${key}: { polluted: 1 }\n`]) {
      const { waivers, errors } = loadWaiverText(text, 'w.yaml');
      expect(waivers).toEqual([]);
      expect(errors.length, text).toBeGreaterThan(0);
    }
  });

  it.each(KEYS)('a manifest (YAML or CSV) with a %s key or column pollutes nothing', (key) => {
    for (const [text, file] of [
      [`- agency: 某县人民政府\n  ${key}: { polluted: 1 }\n`, 'm.yaml'],
      [`${key}:\n  polluted: 1\n`, 'm.yaml'],
      [`agency,${key},polluted\n某县人民政府,1,1\n`, 'm.csv'],
    ] as const) {
      const { entries } = loadManifestText(text, file);
      for (const entry of entries) expect(Object.getPrototypeOf(entry), text).toBe(Object.prototype);
    }
  });

  it('YAML alias bombs in a config, waiver file, manifest and rule pack stop with an error, not an exception', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';
    expect(loadConfigText(bomb, 'c.yaml', []).errors.length).toBeGreaterThan(0);
    expect(loadWaiverText(bomb, 'w.yaml').errors.length).toBeGreaterThan(0);
    expect(loadManifestText(bomb, 'm.yaml').errors.length).toBeGreaterThan(0);
    expect(loadPackText(bomb, 'p.yaml').errors[0]?.message).toMatch(/别名/);
  });

  it('a pack over the rule-count limit and one over the alias limit are refused', () => {
    const many = pack('{ kind: text, pattern: x, expect: absent }', 'x');
    expect(loadPackText(many, 'p.yaml', { maxBytes: 1e6, maxAliases: 100, maxRules: 0 }).errors[0]?.message).toBe('规则数 1 超过上限 0');
    const aliased = many.replace('description: 测试用规则', 'description: &d 测试用规则\n    basis_alias_holder: [*d, *d, *d]').replace('basis_alias_holder', 'x-unused');
    expect(loadPackText(aliased, 'p.yaml', { maxBytes: 1e6, maxAliases: 2, maxRules: 10 }).errors[0]?.message).toContain('YAML 别名（*alias）过多：3 个，上限 2');
  });
});

describe('no file is read outside the paths given', () => {
  it.each(['../../etc/passwd', '/etc/passwd', 'fixtures/../../../etc/passwd', 'C:\\Windows\\win.ini', '..\\..\\secret.txt', 'fixtures/\u0000x'])('a rule example fixture %j is refused when the pack loads, with a located error', (fixture) => {
    const text = pack('{ kind: text, pattern: x, expect: absent }', 'x').replace('invalid: [{ fixture: fixtures/corpus/text/013-pingtan-2024.txt }]', `invalid: [{ fixture: ${JSON.stringify(fixture)} }]`);
    const { pack: loaded, errors } = loadPackText(text, 'evil.yaml');
    expect(loaded).toBeNull();
    const error = errors.find((e) => e.message.includes('示例文件路径'));
    expect(error).toBeDefined();
    expect(error!.line).toBe(text.split('\n').findIndex((l) => l.includes('invalid:')) + 1);
  });

  it('the docs generator reads fixtures inside the package root only', () => {
    expect(readFixture('.', 'fixtures/corpus/text/013-pingtan-2024.txt')).toBe(REPORT);
    expect(() => readFixture('fixtures', '../package.json')).toThrow(/不在 fixtures 之内/);
    expect(() => readFixture('fixtures', '/etc/passwd')).toThrow(/不在/);
  });

  it('config rulesDirs are resolved from the config file, not from the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-sec-'));
    mkdirSync(join(dir, 'conf', 'local-rules'), { recursive: true });
    const extra = pack('{ kind: text, pattern: 不会出现的文字, expect: present, where: all }', '没有');
    writeFileSync(join(dir, 'conf', 'local-rules', 'extra.yaml'), extra);
    writeFileSync(join(dir, 'conf', '.xxgk-lint.yaml'), 'rulesDirs: [./local-rules]\n');
    const setup = loadSetup([], join(dir, 'conf', '.xxgk-lint.yaml'), undefined);
    expect(setup.ruleDirs).toEqual([join(dir, 'conf', 'local-rules')]);
    expect(setup.packs.some((p) => p.pack === 'evil')).toBe(true);
  });

  it('a config rulesDirs entry naming a missing folder is an error, not a silent read elsewhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-sec-'));
    writeFileSync(join(dir, '.xxgk-lint.yaml'), 'rulesDirs: [./no-such-folder]\n');
    expect(() => loadSetup([], join(dir, '.xxgk-lint.yaml'), undefined)).toThrow(/no-such-folder/);
  });
});

describe('rule-pack regular expressions are checked when the pack loads', () => {
  it.each(['(', '[a-', '(?<n>a)\\k<m>', '*x'])('a pattern that does not compile (%s) is a located load error, not a crash while checking', (pattern) => {
    const text = pack(`{ kind: text, pattern: ${JSON.stringify(pattern)}, expect: absent, where: all }`, 'x');
    const { pack: loaded, errors } = loadPackText(text, 'evil.yaml');
    expect(loaded).toBeNull();
    const error = errors.find((e) => e.message.includes('不是有效的正则表达式'));
    expect(error?.line).toBe(text.split('\n').findIndex((l) => l.includes('check:')) + 1);
  });

  it('a section accept pattern that does not compile is refused too', () => {
    const { pack: loaded, errors } = loadPackText(pack('{ kind: sections, sections: [{ number: 一, title: 总体情况, accept: ["总体(" ] }] }', 'x'), 'evil.yaml');
    expect(loaded).toBeNull();
    expect(errors.some((e) => e.message.includes('不是有效的正则表达式'))).toBe(true);
  });
});
