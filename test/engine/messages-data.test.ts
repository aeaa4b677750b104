/**
 * Messages are data (issue #17): a rule's texts are in its YAML, keyed by message id; the loader
 * checks them against what the rule's check kind emits, and the runner shows the one an outcome
 * names, filled with the outcome's values.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPackText } from '../../src/engine/load.js';
import { Checker } from '../../src/engine/run.js';
import { parseText } from '../helpers/examples.js';
import { onePack } from './pack-text.js';

const pack = (check: string, messages: string[]): string => onePack([`check: ${check}`], messages);

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const DATE_MESSAGES = ['message: { zh: 没有日期, en: No date }', 'messages:', '  invalid-date: { zh: "日期 {{raw}} 不存在", en: "No such date: {{raw}}" }'];

describe('rule messages checked at load', () => {
  it('accepts a rule with every message its kind emits', () => {
    expect(loadPackText(pack('{ kind: date-present }', DATE_MESSAGES), 'p.yaml').errors).toEqual([]);
  });

  it('refuses a rule without a message its kind emits, naming the id and its values', () => {
    const text = pack('{ kind: date-present }', ['message: { zh: 没有日期, en: No date }']);
    const { pack: loaded, errors } = loadPackText(text, 'p.yaml');
    expect(loaded).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('规则 test-rule：缺少消息「invalid-date」');
    expect(errors[0]!.hint).toContain('raw');
    expect(errors[0]!.line).toBe(lineOf(text, 'message:'));
  });

  it('refuses a placeholder the kind does not provide, in either language, at its line', () => {
    const text = pack('{ kind: date-present }', ['message: { zh: 没有日期, en: No date }', 'messages:', '  invalid-date:', '    zh: "日期 {{raw}} 不存在"', '    en: "No such date: {{date}}"']);
    const { errors } = loadPackText(text, 'p.yaml');
    expect(errors.map((e) => e.message)).toEqual(['规则 test-rule：消息「invalid-date」（en）中的 {{date}} 不是这种检查提供的值']);
    expect(errors[0]!.hint).toBe('消息「invalid-date」可用的值：raw');
    expect(errors[0]!.line).toBe(lineOf(text, '{{date}}'));
    const main = loadPackText(pack('{ kind: title-present }', ['message: { zh: "标题 {{title}}", en: x }']), 'p.yaml').errors;
    expect(main[0]!.message).toContain('消息「default」（zh）中的 {{title}}');
    expect(main[0]!.hint).toContain('（无）');
  });

  it('refuses a message the kind never emits, and a messages.default', () => {
    const unused = loadPackText(pack('{ kind: title-present }', ['message: { zh: x, en: x }', 'messages:', '  invalid-date: { zh: x, en: x }']), 'p.yaml').errors;
    expect(unused.map((e) => e.message)).toEqual(['规则 test-rule：这种检查不会给出消息「invalid-date」']);
    const text = pack('{ kind: title-present }', ['message: { zh: x, en: x }', 'messages:', '  default: { zh: y, en: y }']);
    const doubled = loadPackText(text, 'p.yaml').errors;
    expect(doubled.map((e) => e.message)).toEqual(['规则 test-rule：默认消息写在 message: 下，不写 messages.default']);
    expect(doubled[0]!.line).toBe(lineOf(text, 'default:'));
  });

  it('checks the `for:` values a relation message may use', () => {
    const ok = pack("{ kind: relation, for: { col: [np, total] }, assert: 't3.new.{col} >= 0' }", ['message: { zh: "{{col}} {{col_id}} {{lhs}}", en: x }']);
    expect(loadPackText(ok, 'p.yaml').errors).toEqual([]);
    const bad = pack("{ kind: relation, assert: 't3.new.np >= 0' }", ['message: { zh: "{{col_id}}", en: x }']);
    expect(loadPackText(bad, 'p.yaml').errors[0]!.message).toContain('{{col_id}}');
  });
});

describe('findings show the message the outcome names', () => {
  it('uses the YAML text of the message id, in both languages, and carries the id', async () => {
    const { pack: loaded } = loadPackText(pack('{ kind: date-present }', DATE_MESSAGES), 'p.yaml');
    const text = `${readFileSync('fixtures/seeds/003-ankang-2018.txt', 'utf8').trimEnd()}\n2019年2月30日\n`;
    const [zh] = await new Checker([loaded!]).check(parseText(text));
    expect(zh).toMatchObject({ ruleId: 'test-rule', message: '日期 2019年2月30日 不存在', messageId: 'invalid-date' });
    const [en] = await new Checker([loaded!], { locale: 'en' }).check(parseText(text));
    expect(en!.message).toBe('No such date: 2019年2月30日');
    const [plain] = await new Checker([loaded!]).check(parseText(readFileSync('fixtures/seeds/003-ankang-2018.txt', 'utf8')));
    expect(plain!.message).toBe('没有日期');
    expect(plain!.messageId).toBeUndefined();
  });
});
