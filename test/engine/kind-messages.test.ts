/**
 * The kinds' shared messages (issue #17: every text a user reads is data): each kind's defaults in
 * rules/kinds/<kind>.yaml, a pack's `messages:` (by kind) over them, a rule's own `messages:` over
 * both. A user's pack that writes none still gets the full texts; a bad value name or an unknown id
 * in any of the three is a load error at its line and column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_REGISTRY } from '../../src/engine/checks/registry.js';
import { KIND_MESSAGE_FILES } from '../../src/engine/kind-messages.generated.js';
import { kindMessages, readKindMessages } from '../../src/engine/kind-messages.js';
import { loadPackText } from '../../src/engine/load.js';
import { exampleFailures, setCells } from '../../src/engine/examples.js';
import { Checker } from '../../src/engine/run.js';
import { exampleText, parseText } from '../helpers/examples.js';
import { kindMessagesModule } from '../../scripts/kind-messages.mjs';
import { onePack } from './pack-text.js';

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const columnOf = (text: string, needle: string): number => text.split('\n')[lineOf(text, needle) - 1]!.indexOf(needle) + 1;

// 表四「行政复议」「结果纠正」left blank in a real report: the relation below needs it to be 3.
const BLANK_FIX = setCells(readFileSync('fixtures/corpus/text/013-pingtan-2024.txt', 'utf8'), { 't4.rev.fix': '' });
const CHECK = ["check: { kind: relation, assert: 't4.rev.fix == 3' }"];
const MESSAGE = ['message: { zh: "结果纠正 {{lhs}}", en: "corrected {{lhs}}" }'];

async function messages(packText: string): Promise<{ zh: string[]; en: string[] }> {
  const { pack, errors } = loadPackText(packText, 'p.yaml');
  expect(errors).toEqual([]);
  const report = parseText(BLANK_FIX);
  const zh = (await new Checker([pack!]).check(report)).filter((f) => f.ruleId === 'test-rule').map((f) => f.message);
  const en = (await new Checker([pack!], { locale: 'en' }).check(report)).filter((f) => f.ruleId === 'test-rule').map((f) => f.message);
  return { zh, en };
}

describe('the kinds\' default messages', () => {
  it('are embedded as rules/kinds/*.yaml has them (run `npm run messages:kinds`)', () => {
    expect(readFileSync('src/engine/kind-messages.generated.ts', 'utf8')).toBe(kindMessagesModule());
    expect(KIND_MESSAGE_FILES.map((f) => f.file)).toEqual(['rules/kinds/cell-state.yaml', 'rules/kinds/deadline.yaml', 'rules/kinds/narrative-list-count.yaml', 'rules/kinds/relation.yaml', 'rules/kinds/unreadable-rows.yaml']);
  });

  it('load without errors and give every shared message of every kind', () => {
    const { messages, errors } = kindMessages();
    expect(errors).toEqual([]);
    for (const [kind, entry] of Object.entries(CHECK_REGISTRY)) {
      const shared = Object.keys((entry as { shared?: object }).shared ?? {});
      expect(Object.keys(messages[kind] ?? {}).sort(), kind).toEqual(shared.sort());
    }
  });

  it('refuse a value the kind does not provide, a missing id and an unknown id, at their line:col', () => {
    const file = KIND_MESSAGE_FILES.find((f) => f.file.endsWith('relation.yaml'))!;
    const badValue = file.text.replace('en: \'{{glob}} (some rows unreadable)\'', 'en: \'{{rows}} (some rows unreadable)\'');
    const [error] = readKindMessages([{ file: file.file, text: badValue }]).errors;
    expect(error).toMatchObject({ file: 'rules/kinds/relation.yaml', line: lineOf(badValue, '{{rows}}'), column: columnOf(badValue, '\'{{rows}}') });
    expect(error!.message).toBe('默认消息 relation：消息「part-rows-unreadable」（en）中的 {{rows}} 不是这种检查提供的值');
    expect(error!.hint).toBe('消息「part-rows-unreadable」可用的值：glob');
    const missing = readKindMessages([{ file: file.file, text: file.text.replace(/ {2}term-na:\n.*\n.*\n/, '') }]).errors;
    expect(missing.map((e) => e.message)).toEqual(['默认消息 relation：缺少 relation 检查的共用消息「term-na」']);
    const unknown = `${file.text}  term-other: { zh: x, en: x }\n`;
    const [extra] = readKindMessages([{ file: file.file, text: unknown }]).errors;
    expect(extra).toMatchObject({ message: '默认消息 relation：relation 检查没有共用消息「term-other」', line: lineOf(unknown, 'term-other'), column: columnOf(unknown, '{ zh: x') });
  });
});

describe('a relation rule\'s cannot-check texts', () => {
  it('come from the defaults in a user\'s pack that writes no messages, in zh and en', async () => {
    expect(await messages(onePack(CHECK, MESSAGE))).toEqual({
      zh: ['无法核对「测试规则」：表四「行政复议」「结果纠正」为空（未填写，也没有填 0 或“—”），空白不按 0 计算；要使等式成立，它应为 3'],
      en: ['Cannot check "test-rule": t4.rev.fix is blank (not 0 or a dash); the relation needs it to be 3'],
    });
  });

  it('are the pack\'s own when its messages: names the kind, and the rule\'s own over both', async () => {
    const packLevel = ['messages:', '  relation:', '    cannot-blank-one-needs: { zh: "{{cells}}空着，应填 {{needed}}", en: "{{ids}} is empty, {{needed}} needed" }'].join('\n');
    expect(await messages(onePack(CHECK, MESSAGE, { after: packLevel }))).toEqual({ zh: ['表四「行政复议」「结果纠正」空着，应填 3'], en: ['t4.rev.fix is empty, 3 needed'] });
    const ruleLevel = [...MESSAGE, 'messages:', '  cannot-blank-one-needs: { zh: "「{{description}}」缺 {{cells}}", en: "{{ruleId}}: {{ids}} missing" }'];
    expect(await messages(onePack(CHECK, ruleLevel, { after: packLevel }))).toEqual({ zh: ['「测试规则」缺 表四「行政复议」「结果纠正」'], en: ['test-rule: t4.rev.fix missing'] });
  });

  it('refuse a value name the message does not provide, in a pack and in a rule, at its line:col', () => {
    const packText = onePack(CHECK, MESSAGE, { after: 'messages:\n  relation:\n    cannot-read: { zh: "缺 {{cells}}", en: x }' });
    const [inPack] = loadPackText(packText, 'p.yaml').errors;
    expect(inPack).toMatchObject({ file: 'p.yaml', line: lineOf(packText, '缺 {{cells}}'), column: columnOf(packText, '"缺 {{cells}}"'), message: '规则包 test：消息「cannot-read」（zh）中的 {{cells}} 不是这种检查提供的值', hint: '消息「cannot-read」可用的值：description、ruleId、what、ids' });
    const ruleText = onePack(CHECK, [...MESSAGE, 'messages:', '  term-blank: { zh: "（{{value}}）", en: x }']);
    const [inRule] = loadPackText(ruleText, 'p.yaml').errors;
    expect(inRule).toMatchObject({ line: lineOf(ruleText, '{{value}}'), column: columnOf(ruleText, '"（{{value}}）"'), message: '规则 test-rule：消息「term-blank」（zh）中的 {{value}} 不是这种检查提供的值' });
  });

  it('refuse a kind that does not exist or has no such shared message in a pack\'s messages:', () => {
    const unknownKind = onePack(CHECK, MESSAGE, { after: 'messages:\n  relations:\n    cannot-read: { zh: x, en: x }' });
    const [kind] = loadPackText(unknownKind, 'p.yaml').errors;
    expect(kind).toMatchObject({ line: lineOf(unknownKind, 'cannot-read'), message: '规则包 test：messages: 下的「relations」不是检查种类' });
    const unknownId = onePack(CHECK, MESSAGE, { after: 'messages:\n  relation:\n    cannot-reed: { zh: x, en: x }' });
    const [id] = loadPackText(unknownId, 'p.yaml').errors;
    expect(id).toMatchObject({ line: lineOf(unknownId, 'cannot-reed'), column: columnOf(unknownId, '{ zh: x'), message: '规则包 test：relation 检查没有共用消息「cannot-reed」' });
    expect(id!.hint).toContain('cannot-blank-one-needs');
  });
});

describe('the guide\'s example of a pack\'s own shared messages (docs/writing-rules.md)', () => {
  const blocks = [...readFileSync('docs/writing-rules.md', 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const yaml = blocks.find((b) => /^messages:\n {2}relation:/m.test(b));

  it('loads, passes its examples, and its pack-level text is what a blank cell shows', async () => {
    expect(yaml).toBeDefined();
    const { pack, errors } = loadPackText(yaml!, 'docs/writing-rules.md');
    expect(errors).toEqual([]);
    const checker = new Checker([pack!]);
    for (const rule of pack!.rules) {
      for (const kind of ['invalid', 'valid'] as const) {
        for (const example of rule.examples[kind]) {
          const findings = (await checker.check(parseText(exampleText(example)))).filter((f) => f.ruleId === rule.id);
          expect(exampleFailures(kind, example, findings), `${rule.id} ${kind}`).toEqual([]);
        }
      }
    }
    const [blank] = await checker.check(parseText(BLANK_FIX));
    expect(blank!.message).toBe('「表四“行政复议”的“结果纠正”为 3 件」暂不能核对：表四「行政复议」「结果纠正」没有填写，按等式应为 3');
  });
});

describe('a deadline rule\'s reasons', () => {
  const check = ['check: { kind: deadline, deadlines: [{ issuer: any, month: 3, day: 31, severity: error, who: 各级行政机关 }] }'];
  const texts = [
    'message: { zh: "{{source}}为 {{date}}，逾期 {{days}} 天{{why}}", en: "The {{sourceEn}} {{dateIso}} is {{days}} days late{{whyEn}}" }',
    'messages:',
    '  year-unconfirmed: { zh: "年度不明", en: "year unclear" }',
  ];
  // A 2011 report whose page date is late and whose signature date is in time (a warning, with reasons).
  const report = parseText(readFileSync('fixtures/corpus/text/015-pingtan-county-2011.txt', 'utf8'));
  const shown = async (packText: string, locale: 'zh' | 'en'): Promise<string[]> => {
    const { pack, errors } = loadPackText(packText, 'p.yaml');
    expect(errors).toEqual([]);
    return (await new Checker([pack!], { locale }).check(report)).filter((f) => f.ruleId === 'test-rule').map((f) => f.message);
  };

  it('are the defaults, joined and (in English) starting with a capital', async () => {
    expect(await shown(onePack(check, texts), 'zh')).toEqual(['发布日期为 2012年4月18日，逾期 18 天。发布日期（2012年4月18日）与落款日期（2012年2月20日）不一致，按公布期限以发布日期为准；落款日期在期限内，页面发布日期可能是网站迁移或重新发布的日期，请核对']);
    expect(await shown(onePack(check, texts), 'en')).toEqual(['The publication date 2012-04-18 is 18 days late. The publication date (2012-04-18) differs from the signature date (2012-02-20); the deadline is about publication, so the publication date is used; the signature date is within the deadline; a page date may be that of a site migration or a re-publication']);
  });

  it('follow a pack\'s own texts for the date names, the separator and a doubt', async () => {
    const own = ['messages:', '  deadline:', '    date-page: { zh: 网页日期, en: page date }', '    reason-separator: { zh: " / ", en: " / " }', '    doubt-page-date: { zh: 落款未逾期, en: "signed in time" }'].join('\n');
    expect(await shown(onePack(check, texts, { after: own }), 'zh')).toEqual(['网页日期为 2012年4月18日，逾期 18 天。网页日期（2012年4月18日）与落款日期（2012年2月20日）不一致，按公布期限以网页日期为准 / 落款未逾期']);
    expect(await shown(onePack(check, texts, { after: own }), 'en')).toEqual(['The page date 2012-04-18 is 18 days late. The page date (2012-04-18) differs from the signature date (2012-02-20); the deadline is about publication, so the page date is used / signed in time']);
  });
});
