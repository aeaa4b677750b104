/**
 * The one YAML reader (src/yaml-source.ts), through the four kinds of file it reads: a rule pack,
 * the config, a waiver file and a YAML manifest. Each kind of bad input (a syntax error, a tab, a
 * duplicate key, a wrong type, an unknown key, an empty file) is located at its exact line and
 * column, in Chinese with an English version and a hint, and nothing is thrown.
 */
import { describe, expect, it } from 'vitest';
import { loadManifestText } from '../src/batch/manifest.js';
import { loadWaiverText } from '../src/cli/waivers.js';
import { loadConfigText } from '../src/config.js';
import type { LoadError } from '../src/engine/load-error.js';
import { loadPackText } from '../src/engine/load.js';
import { readYaml, zodErrors, type LocatedError } from '../src/yaml-source.js';
import { z } from '../src/zod.js';
import { onePack } from './engine/pack-text.js';

type Load = (text: string) => readonly LoadError[];

const PACK = onePack(['check: { kind: relation, assert: "t4.rev.keep <= t4.rev.total" }'], undefined, { severity: 'error' });
const CONFIG = 'locale: zh\nrules:\n  placeholder-text: warning\n';
const WAIVERS = 'waivers:\n  - file: a.txt\n    fingerprint: "83ef9990"\n    reason: 已核实无误的原因\n';
const MANIFEST = 'reports:\n  - agency: 某县人民政府\n    year: 2024\n  - agency: 某县财政局\n';

const KINDS: Record<string, { load: Load; valid: string }> = {
  pack: { load: (t) => loadPackText(t, 'f.yaml').errors, valid: PACK },
  config: { load: (t) => loadConfigText(t, 'f.yaml', ['placeholder-text']).errors, valid: CONFIG },
  waivers: { load: (t) => loadWaiverText(t, 'f.yaml').errors, valid: WAIVERS },
  manifest: { load: (t) => loadManifestText(t, 'f.yaml').errors, valid: MANIFEST },
};

/** A bad file of each kind: the text, where the first error is, and words its message holds. */
interface BadCase {
  kind: keyof typeof KINDS;
  problem: string;
  text: string;
  line: number;
  column: number;
  message: RegExp;
}

const replace = (kind: keyof typeof KINDS, from: string, to: string): string => {
  const valid = KINDS[kind]!.valid;
  if (!valid.includes(from)) throw new Error(`${from} is not in the ${kind} example`);
  return valid.replace(from, to);
};

const CASES: BadCase[] = [
  // A syntax error: an unclosed bracket or quote, located at the opener (the parser notices later).
  { kind: 'pack', problem: 'syntax', text: replace('pack', '    basis: 测试', '    basis: [测试'), line: 7, column: 12, message: /^YAML 语法错误：括号没有闭合/ },
  { kind: 'config', problem: 'syntax', text: replace('config', 'locale: zh', 'locale: "zh'), line: 1, column: 9, message: /^YAML 语法错误：引号没有闭合/ },
  { kind: 'waivers', problem: 'syntax', text: replace('waivers', '    reason:', '    reason'), line: 4, column: 5, message: /^YAML 语法错误：/ },
  { kind: 'manifest', problem: 'syntax', text: replace('manifest', '    year: 2024', '    year: [2024'), line: 3, column: 11, message: /^YAML 语法错误：括号没有闭合/ },
  // A tab used to indent.
  { kind: 'pack', problem: 'tab', text: replace('pack', '    severity: error', '\tseverity: error'), line: 6, column: 1, message: /^YAML 语法错误：用了 TAB 缩进$/ },
  { kind: 'config', problem: 'tab', text: replace('config', '  placeholder-text', '\tplaceholder-text'), line: 3, column: 1, message: /^YAML 语法错误：用了 TAB 缩进$/ },
  { kind: 'waivers', problem: 'tab', text: replace('waivers', '    reason', '\treason'), line: 4, column: 1, message: /^YAML 语法错误：用了 TAB 缩进$/ },
  { kind: 'manifest', problem: 'tab', text: replace('manifest', '    year', '\tyear'), line: 3, column: 1, message: /^YAML 语法错误：用了 TAB 缩进$/ },
  // A key written twice: located at the second one, named.
  { kind: 'pack', problem: 'duplicate key', text: replace('pack', '    basis: 测试', '    basis: 测试\n    severity: warning'), line: 8, column: 5, message: /^YAML 语法错误：键「severity」重复$/ },
  { kind: 'config', problem: 'duplicate key', text: `${CONFIG}locale: en\n`, line: 4, column: 1, message: /^YAML 语法错误：键「locale」重复$/ },
  { kind: 'waivers', problem: 'duplicate key', text: `${WAIVERS}    file: b.txt\n`, line: 5, column: 5, message: /^YAML 语法错误：键「file」重复$/ },
  { kind: 'manifest', problem: 'duplicate key', text: replace('manifest', '    year: 2024', '    year: 2024\n    "agency": 另一个'), line: 4, column: 5, message: /^YAML 语法错误：键「agency」重复$/ },
  // A value of the wrong type: located at the value.
  { kind: 'pack', problem: 'wrong type', text: replace('pack', 'severity: error', 'severity: [error]'), line: 6, column: 15, message: /^rules\.0\.severity：/ },
  { kind: 'config', problem: 'wrong type', text: replace('config', 'placeholder-text: warning', 'placeholder-text: 3'), line: 3, column: 21, message: /^rules\.placeholder-text：/ },
  { kind: 'waivers', problem: 'wrong type', text: replace('waivers', 'fingerprint: "83ef9990"', 'fingerprint: 83'), line: 3, column: 18, message: /^waivers\.0\.fingerprint：无效输入：期望 string/ },
  { kind: 'manifest', problem: 'wrong type', text: replace('manifest', 'agency: 某县财政局', 'agency: [某县财政局]'), line: 4, column: 13, message: /^agency：无效输入：期望 string/ },
  // An unknown key: located at the key, named in the message.
  { kind: 'pack', problem: 'unknown key', text: replace('pack', '    basis: 测试', '    basis: 测试\n    sevrity: error'), line: 8, column: 5, message: /^rules\.0\.sevrity：.*sevrity/ },
  { kind: 'config', problem: 'unknown key', text: replace('config', 'locale: zh', 'locale: zh\nlocal: en'), line: 2, column: 1, message: /^local：.*local/ },
  { kind: 'waivers', problem: 'unknown key', text: `${WAIVERS}    expiry: 2026-01-01\n`, line: 5, column: 5, message: /^waivers\.0\.expiry：.*expiry/ },
  { kind: 'manifest', problem: 'unknown key', text: replace('manifest', '    year: 2024', '    year: 2024\n    agencyy: 某县'), line: 4, column: 5, message: /^agencyy：.*agencyy/ },
  // An empty rule pack or manifest says nothing: refused at 1:1.
  { kind: 'pack', problem: 'empty', text: '', line: 1, column: 1, message: /^规则文件是空的$/ },
  { kind: 'manifest', problem: 'empty', text: '# 待补充\n', line: 1, column: 1, message: /^清单是空的$/ },
];

describe('the one YAML reader, through every kind of file it reads', () => {
  it.each(Object.entries(KINDS))('a valid %s loads without errors', (_kind, { load, valid }) => {
    expect(load(valid)).toEqual([]);
  });

  it.each(CASES.map((c) => [c.kind, c.problem, c] as const))('a %s with a %s is located at its line and column, in Chinese and English, with a hint', (_kind, _problem, c) => {
    let errors: readonly LoadError[] = [];
    expect(() => (errors = KINDS[c.kind]!.load(c.text))).not.toThrow();
    const first = errors[0] as LocatedError | undefined;
    expect(first, c.text).toBeDefined();
    expect(first).toMatchObject({ file: 'f.yaml', line: c.line, column: c.column });
    expect(first!.message).toMatch(c.message);
    expect(first!.hint?.length).toBeGreaterThan(0);
    expect(first!.en.message).toMatch(/^[\x20-\x7e]/);
    expect(first!.en.hint.length).toBeGreaterThan(0);
  });

  it('an empty config or waiver file is no settings and no waivers (a placeholder file is not an error)', () => {
    expect(loadConfigText('# 暂无设置\n', 'f.yaml', []).config).toEqual({});
    expect(loadWaiverText('', 'f.yaml')).toEqual({ waivers: [], errors: [] });
  });

  it('reports every syntax error of a file, each at its own line', () => {
    const { errors } = readYaml('a: 1\na: 2\nb:\n\t- x\n', 'f.yaml', { what: { zh: '文件', en: 'file' } });
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, 1], [4, 1]]);
  });

  it('refuses tags that construct values, at the tag', () => {
    const { errors } = readYaml('a: 1\nb: !!js/function "x"\n', 'f.yaml', { what: { zh: '文件', en: 'file' } });
    expect(errors).toEqual([expect.objectContaining({ line: 2, column: 4, message: expect.stringMatching(/^YAML 语法错误：不支持的 YAML 标签/) })]);
  });

  it('locates a path, a key, and an item of a list', () => {
    const { source } = readYaml('top:\n  list:\n    - a\n    - { k: v }\n', 'f.yaml', { what: { zh: '文件', en: 'file' } });
    expect(source!.at(['top', 'list', 1, 'k'])).toEqual({ line: 4, column: 12 });
    expect(source!.keyAt(['top', 'list', 1, 'k'])).toEqual({ line: 4, column: 9 });
    expect(source!.at(['top', 'list', 0])).toEqual({ line: 3, column: 7 });
    // A path that leads nowhere stops at the deepest node it reached.
    expect(source!.at(['top', 'missing', 3])).toEqual({ line: 2, column: 3 });
  });

  it('turns zod issues into located errors with the hint a caller gives', () => {
    const { source } = readYaml('n: -1\n', 'f.yaml', { what: { zh: '文件', en: 'file' } });
    const result = z.object({ n: z.number().min(0) }).safeParse(source!.value);
    expect(result.success).toBe(false);
    const errors = zodErrors(source!, result.error!.issues, { docs: { zh: '见说明', en: 'see the docs' }, hint: () => ({ zh: '写一个非负数' }) });
    expect(errors).toEqual([expect.objectContaining({ line: 1, column: 4, hint: '写一个非负数', en: expect.objectContaining({ message: expect.stringMatching(/^n: Too small/) }) })]);
  });
});
