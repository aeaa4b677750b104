#!/usr/bin/env node
/**
 * The command line: the only place that touches the file system, the terminal and the exit code.
 * Exit codes: 0 no finding at or above the fail severity; 1 there is one; 2 usage error,
 * unreadable rule pack or config.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { checkBytes } from '../check.js';
import { loadConfigText, type Config } from '../config.js';
import { formatLoadError, type LoadError } from '../engine/load.js';
import { Checker } from '../engine/run.js';
import { packJsonSchema, type Pack } from '../engine/schema.js';
import { ingest } from '../ingest/index.js';
import { SEVERITY_RANK, type Severity } from '../model/finding.js';
import { loadRuleDirs } from '../node.js';
import { parseReport } from '../parse/index.js';
import { FORMATTERS, type FormatterName, type ResultEntry } from '../report/index.js';
import { formatOutline } from '../report/outline.js';
import { VERSION } from '../version.js';
import { expandInputs } from './files.js';

class ExitError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

function fail(errors: LoadError[], what: string): never {
  throw new ExitError(2, `${what}：\n${errors.map((e) => `  ${formatLoadError(e)}`).join('\n')}`);
}

/** Finds `.xxgk-lint.yaml` in the folder of the first input or above it. */
function findConfig(start: string): string | null {
  let dir = resolve(start);
  for (let i = 0; i < 30; i++) {
    for (const name of ['.xxgk-lint.yaml', '.xxgk-lint.yml']) if (existsSync(join(dir, name))) return join(dir, name);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

interface CheckCliOptions {
  format: string;
  rules?: string[];
  config?: string;
  failSeverity?: Severity;
  locale?: 'zh' | 'en';
  output?: string;
  color?: boolean;
}

function loadSetup(options: { rules?: string[]; config?: string }, firstInput: string | undefined): { packs: Pack[]; config: Config } {
  const dirs = [...(options.rules ?? [])];
  const first = loadRuleDirs(dirs);
  if (first.errors.length) fail(first.errors, '规则包有错误');
  const configFile = options.config ?? (firstInput ? findConfig(existsSync(firstInput) ? dirname(firstInput) : '.') : null);
  let config: Config = {};
  if (configFile) {
    let text: string;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch (error) {
      throw new ExitError(2, `无法读取配置文件 ${configFile}：${(error as Error).message}`);
    }
    let known = first.packs.flatMap((p) => p.rules.map((r) => r.id));
    const extraDirs = (loadConfigText(text, configFile, known).config?.rulesDirs ?? []).map((d) => resolve(dirname(configFile), d));
    let packs = first.packs;
    if (extraDirs.length) {
      const more = loadRuleDirs([...dirs, ...extraDirs]);
      if (more.errors.length) fail(more.errors, '规则包有错误');
      packs = more.packs;
      known = packs.flatMap((p) => p.rules.map((r) => r.id));
    }
    const loaded = loadConfigText(text, configFile, known);
    if (!loaded.config) fail(loaded.errors, '配置文件有错误');
    config = loaded.config;
    return { packs, config };
  }
  return { packs: first.packs, config };
}

async function runCheck(inputs: string[], options: CheckCliOptions): Promise<number> {
  if (!(options.format in FORMATTERS)) throw new ExitError(2, `未知的输出格式「${options.format}」，可用：${Object.keys(FORMATTERS).join('、')}`);
  const { packs, config } = loadSetup(options, inputs[0]);
  const locale = options.locale ?? config.locale ?? 'zh';
  const failSeverity = options.failSeverity ?? config.failSeverity ?? 'error';
  const checker = new Checker(packs, { locale, rules: config.rules ?? {} });
  const { files, unmatched } = await expandInputs(inputs);
  if (files.length === 0) throw new ExitError(2, `没有找到要检查的文件：${unmatched.join('、') || inputs.join('、')}`);
  const results: ResultEntry[] = [];
  for (const path of unmatched) {
    results.push({ file: path, report: null, findings: [{ ruleId: 'ingest/not-found', severity: 'error', message: locale === 'zh' ? `找不到文件：${path}` : `File not found: ${path}`, location: { line: 1 } }] });
  }
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      results.push({ file, report: null, findings: [{ ruleId: 'ingest/unreadable', severity: 'error', message: `${locale === 'zh' ? '无法读取文件' : 'Cannot read file'}：${(error as Error).message}`, location: { line: 1 } }] });
      continue;
    }
    const result = await checkBytes(bytes, file, checker);
    results.push({ file, report: result.report, findings: result.findings });
  }
  const color = options.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !options.output);
  const text = FORMATTERS[options.format as FormatterName](results, { locale, color, version: VERSION });
  if (options.output) writeFileSync(options.output, text + '\n');
  else process.stdout.write(text + '\n');
  const threshold = SEVERITY_RANK[failSeverity];
  return results.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) ? 1 : 0;
}

async function runParse(file: string, options: { format: string }): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new ExitError(2, `无法读取文件 ${file}：${(error as Error).message}`);
  }
  const report = parseReport(await ingest(bytes, file));
  process.stdout.write((options.format === 'json' ? JSON.stringify(report, null, 2) : formatOutline(report)) + '\n');
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function runRules(options: { format: string; rules?: string[]; schema?: boolean }): number {
  if (options.schema) {
    process.stdout.write(JSON.stringify(packJsonSchema(), null, 2) + '\n');
    return 0;
  }
  const { packs, errors } = loadRuleDirs(options.rules ?? []);
  if (errors.length) fail(errors, '规则包有错误');
  const rows = packs.flatMap((p) => p.rules.map((r) => ({ pack: p.pack, id: r.id, severity: r.severity, editions: (r.editions ?? p.editions ?? ['2008', '2019', '2021']).join(','), description: r.description })));
  if (options.format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else for (const r of rows) process.stdout.write(`${r.id.padEnd(36)} ${r.severity.padEnd(8)} ${r.editions.padEnd(15)} ${r.description}\n`);
  return 0;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Builds the command-line program. */
export function program(): Command {
  const cmd = new Command('xxgk-lint')
    .description('政府信息公开工作年度报告检查工具 (checker for government information disclosure annual reports)')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  cmd
    .command('check')
    .description('检查报告文件、文件夹或通配符')
    .argument('<paths...>', '报告文件、文件夹或通配符（.txt .md .html .docx .pdf）')
    .addOption(new Option('-f, --format <name>', '输出格式').default('stylish').choices(Object.keys(FORMATTERS)))
    .option('-r, --rules <dir>', '另外加载的规则包文件夹（可重复）', collect, [] as string[])
    .option('-c, --config <file>', '配置文件（默认在报告所在文件夹及上级查找 .xxgk-lint.yaml）')
    .addOption(new Option('--fail-severity <severity>', '达到此严重程度时退出码为 1').choices(['error', 'warning', 'info']))
    .addOption(new Option('--locale <locale>', '消息语言').choices(['zh', 'en']))
    .option('-o, --output <file>', '写入文件而不是标准输出')
    .option('--no-color', '不使用颜色')
    .action(async (paths: string[], options: CheckCliOptions) => {
      process.exitCode = await runCheck(paths, options);
    });
  cmd
    .command('parse')
    .description('显示报告的解析结果（元数据、章节、表格）')
    .argument('<file>', '报告文件')
    .addOption(new Option('-f, --format <name>', '输出格式').default('text').choices(['text', 'json']))
    .action(async (file: string, options: { format: string }) => {
      process.exitCode = await runParse(file, options);
    });
  cmd
    .command('rules')
    .description('列出规则')
    .addOption(new Option('-f, --format <name>', '输出格式').default('text').choices(['text', 'json']))
    .option('-r, --rules <dir>', '另外加载的规则包文件夹（可重复）', collect, [] as string[])
    .option('--schema', '输出规则文件的 JSON Schema')
    .action((options: { format: string; rules?: string[]; schema?: boolean }) => {
      process.exitCode = runRules(options);
    });
  return cmd;
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await program().parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof ExitError) {
      process.stderr.write(`xxgk-lint: ${error.message}\n`);
      return error.code;
    }
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`xxgk-lint: 内部错误：${(error as Error).message}\n`);
    return 2;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /main\.(?:js|ts)$/.test(process.argv[1]) || /xxgk-lint$/.test(process.argv[1] ?? '');
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
