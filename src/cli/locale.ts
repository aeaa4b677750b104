/**
 * The command line's own words in the user's language: `--locale` (default zh) decides the help
 * text and usage errors, commander's built-in texts included (Usage:, Options:, "unknown
 * option" …), which commander only prints in English.
 */

/** The language of the command line. */
export type CliLocale = 'zh' | 'en';

/** The locale the arguments ask for (`--locale en`, `--locale=en`), zh when none or another. */
export function argvLocale(argv: readonly string[]): CliLocale {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (value === 'en') return 'en';
    if (value !== undefined) return 'zh';
  }
  return 'zh';
}

/** Picks the text of a locale. */
export const pick = (locale: CliLocale) => (zh: string, en: string): string => (locale === 'zh' ? zh : en);

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** A help section title in Chinese (commander's `Usage:`, `Options:` …). */
export function helpTitle(title: string, locale: CliLocale): string {
  return locale === 'zh' ? (TITLES[title] ?? title) : title;
}

/** Commander's annotation of an option (`choices: "a", "b", default: "a"`) in Chinese. */
function annotation(inner: string): string {
  return inner
    .replace(/,\s+(?=default:|env:|preset:)/g, '；')
    .replace(/choices:\s*/g, '可选：')
    .replace(/default:\s*/g, '默认：')
    .replace(/env:\s*/g, '环境变量：')
    .replace(/preset:\s*/g, '不带值时：')
    .replace(/"/g, '')
    .replace(/,\s+/g, '、');
}

/** Commander's help text with its remaining English words (defaults, choices) in Chinese. */
export function localizeHelp(text: string, locale: CliLocale): string {
  if (locale === 'en') return text;
  return text
    .replace(/^(用法：) /gm, '$1')
    .replace(/ ?\(default: \[\]\)/g, '')
    .replace(/ ?\(((?:choices|default|env|preset):\s[^)]*)\)/g, (_m, inner: string) => `（${annotation(inner.replace(/\s+/g, ' '))}）`)
    .replace(/\[options\]/g, '[选项]')
    .replace(/\[command\]/g, '[命令]');
}

const ERRORS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^error: unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?/, (m) => `未知的选项「${m[1]}」${m[2] ? `（是不是 ${m[2]}？）` : ''}`],
  [/^error: unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?/, (m) => `未知的命令「${m[1]}」${m[2] ? `（是不是 ${m[2]}？）` : ''}`],
  [/^error: missing required argument '([^']*)'/, (m) => `缺少参数 <${m[1]}>`],
  [/^error: option '([^']*)' argument missing/, (m) => `选项 ${m[1]} 缺少值`],
  [/^error: required option '([^']*)' not specified/, (m) => `必须给出选项 ${m[1]}`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\./, (m) => `选项 ${m[1]} 的值「${m[2]}」无效，可选：${m[3]!.replace(/, /g, '、')}`],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, (m) => `参数太多${m[1] ? `（${m[1]} 命令）` : ''}：应有 ${m[2]} 个，给了 ${m[3]} 个`],
  [/^error: (.*) cannot be used with (.*)/, (m) => `${m[1]} 不能和 ${m[2]} 一起使用`],
];

/** A commander error message in Chinese (unchanged in English, or when it is not one of commander's). */
export function localizeError(message: string, locale: CliLocale): string {
  if (locale === 'en') return message;
  for (const [re, to] of ERRORS) {
    const m = re.exec(message.trim());
    if (m) return `xxgk-lint: ${to(m)}\n用 xxgk-lint --help 或 xxgk-lint <命令> --help 查看用法\n`;
  }
  return message;
}
