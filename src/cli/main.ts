#!/usr/bin/env node
/**
 * The command line: the only place that touches the file system, the terminal and the exit code.
 * Exit codes: 0 no finding at or above the fail severity (and warnings within --max-warnings);
 * 1 there is one; 2 usage error, unreadable rule pack, config, waiver or baseline file.
 *
 * Start-up time matters (a CI job or a pre-commit hook runs one small file): the modules that read
 * config, waiver, baseline and manifest files, and YAML and zod with them, are imported only when
 * such a file is given or found (issue #9).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { limitsOf } from '../config-limits.js';
import { defaultJobs } from '../batch/pool.js';
import { runBatch, type BatchOutcome } from '../batch/run.js';
import type { ManifestEntry } from '../batch/types.js';
import { ingest } from '../ingest/index.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import { parseReport } from '../parse/index.js';
import type { ResultEntry } from '../report/index.js';
import { formatOutline } from '../report/outline.js';
import { loadRuleDirsLazily } from '../rule-dirs.js';
import { VERSION } from '../version.js';
import type { Baseline } from './baseline.js';
import type { ExtractCliOptions } from './extract.js';
import type { StdinFile } from './stdin.js';
import { expandInputs } from './files.js';
import { FORMAT_NAMES } from './formats.js';
import { outputSpecs, writeOutputs } from './outputs.js';
import { applyBuiltinSettings } from './finding-ids.js';
import { ExitError, fail, fileSettings, prepareSetup, type Setup } from './setup-core.js';
import { applyWaivers, loadWaiversLazily, unusedWaivers } from './waivers-core.js';

interface CheckCliOptions {
  format: string[];
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: string;
  rules: string[];
  config?: string;
  failSeverity?: Severity;
  locale?: 'zh' | 'en';
  output?: string;
  color?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  baseline?: string;
  baselineWrite?: string;
  waivers: boolean;
  jobs?: string;
  manifest?: string;
  prev: string[];
  ignorePattern: string[];
  progress?: boolean;
  summary?: string;
  summaryFormat?: string;
  save?: string;
  offline?: string;
}

interface RulesCliOptions {
  format: string;
  rules: string[];
  schema?: boolean;
  configSchema?: boolean;
  dir: string;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The files left after the ignore patterns (config `ignores:`, `--ignore-pattern`,
 * `.xxgk-lintignore`). The matcher (and picomatch) is loaded only when there are patterns or a
 * folder or glob was searched (for the built-in node_modules/ and .git/), not for a run on named
 * files such as a pre-commit hook's (issue #9, start-up time).
 */
async function withoutIgnored(files: string[], expanded: boolean, cliPatterns: readonly string[], setup: Setup): Promise<string[]> {
  const configPatterns = setup.config.ignores ?? [];
  const cwd = process.cwd();
  if (!expanded && cliPatterns.length === 0 && configPatterns.length === 0 && !existsSync(join(cwd, '.xxgk-lintignore'))) return files;
  const { ignoreMatcher } = await import('./ignore.js');
  const ignored = ignoreMatcher({ cwd, cliPatterns, ...(configPatterns.length ? { config: { patterns: configPatterns, dir: setup.configDir } } : {}) });
  return files.filter((file) => !ignored(file));
}

async function runCheck(inputs: string[], options: CheckCliOptions): Promise<number> {
  if (options.printConfig !== undefined) {
    const { printConfig } = await import('./print-config.js');
    process.stdout.write((await printConfig(options.printConfig, options)) + '\n');
    return 0;
  }
  if (!options.stdin) {
    if (inputs.length === 0 && !options.manifest) throw new ExitError(2, '请给出要检查的文件、文件夹或通配符，或用 --stdin 从标准输入读取');
    return checkFiles(inputs, options, null);
  }
  if (inputs.length > 0) throw new ExitError(2, '--stdin 不能和文件路径一起使用');
  const { stdinAsFile } = await import('./stdin.js');
  const stdin = await stdinAsFile(options.stdinFilename);
  try {
    return await checkFiles([stdin.path], options, stdin);
  } finally {
    stdin.remove();
  }
}

async function checkFiles(given: string[], options: CheckCliOptions, stdin: StdinFile | null): Promise<number> {
  let inputs = given;
  const outputs = outputSpecs(options.format, options.output);
  const formats = new Set(outputs.map((o) => o.format));
  const maxWarnings = options.maxWarnings === undefined ? Number.POSITIVE_INFINITY : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Number.POSITIVE_INFINITY) throw new ExitError(2, `--max-warnings 需要一个整数，而不是「${options.maxWarnings}」`);
  // The summary, extract, serve and docs modules are imported only when used: the summary and
  // extract writers load exceljs, which was 40 % of the CLI's start-up (node --cpu-prof).
  const summaryModule = options.summary !== undefined || options.summaryFormat !== undefined ? await import('./summary.js') : null;
  const summary = summaryModule ? summaryModule.summaryTarget(options.summary, options.summaryFormat) : null;
  // crawl.js (and cheerio, robots-parser with it) is loaded only when there is a URL to fetch.
  const urls = inputs.filter(isUrlInput);
  if (urls.length) inputs = inputs.filter((i) => !isUrlInput(i));
  const setup = await prepareSetup(options.rules, options.config, stdin ? stdin.name : inputs[0] ?? (urls.length ? '.' : undefined));
  // Web reports are staged as files (below); they are known by their URL, as a report from
  // standard input is by its --stdin-filename, for overrides and the output.
  let web: import('./crawl.js').StagedWeb | null = null;
  const shownName = (file: string): string => (stdin && file === stdin.path ? stdin.name : web?.nameOf(file) ?? file);
  const locale = options.locale ?? setup.config.locale ?? 'zh';
  const failSeverity = options.failSeverity ?? setup.config.failSeverity ?? 'error';
  const expansion = await expandInputs(inputs);
  const { unmatched } = expansion;
  if (expansion.files.length === 0 && unmatched.length > 0 && urls.length === 0) throw new ExitError(2, `没有找到要检查的文件：${unmatched.join('、') || inputs.join('、')}`);
  const files = await withoutIgnored(expansion.files, expansion.expanded, options.ignorePattern, setup);
  if (files.length === 0 && unmatched.length === 0 && urls.length === 0 && !options.manifest) {
    // Everything named was ignored (a pre-commit hook passing only ignored files): nothing to do.
    if (expansion.files.length === 0) throw new ExitError(2, `没有找到要检查的文件：${inputs.join('、')}`);
    process.stderr.write(locale === 'zh' ? `所有 ${expansion.files.length} 个文件都被忽略规则排除，未检查任何文件\n` : `All ${expansion.files.length} files are ignored; nothing was checked\n`);
  }
  const waivers = options.waivers ? await loadWaiversLazily(files) : { waivers: [], errors: [] };
  if (waivers.errors.length) fail(waivers.errors, '豁免文件有错误');
  const baselines = options.baseline || options.baselineWrite ? await import('./baseline.js') : null;
  let baseline: Baseline | null = null;
  if (options.baseline && baselines) {
    try {
      baseline = baselines.readBaseline(options.baseline);
    } catch (error) {
      throw new ExitError(2, (error as Error).message);
    }
  }

  const jobs = options.jobs === undefined ? (files.length >= 64 ? defaultJobs() : 1) : Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new ExitError(2, `--jobs 需要一个正整数，而不是「${options.jobs}」`);
  let manifest: { entries: ManifestEntry[]; file: string } | null = null;
  if (options.manifest) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(options.manifest));
    } catch (error) {
      throw new ExitError(2, `无法读取清单 ${options.manifest}：${(error as Error).message}`);
    }
    const { loadManifestBytes } = await import('../batch/manifest.js');
    const loaded = await loadManifestBytes(bytes, options.manifest);
    if (loaded.errors.length) fail(loaded.errors, '清单有错误');
    manifest = { entries: loaded.entries, file: options.manifest };
  }
  if (urls.length > 0 || manifest?.entries.some((e) => e.url !== undefined && e.file === undefined)) {
    web = await (await import('./crawl.js')).stageWeb(urls, manifest, options, setup.config, locale);
    files.push(...web.files);
  }
  const previous = options.prev.length ? (await expandInputs(options.prev)).files : [];
  const settingsForFile = await fileSettings(setup);
  const settingsFor = (file: string): ReturnType<typeof settingsForFile> => settingsForFile(shownName(file));

  // A progress line on a terminal only: never in CI, never when output is piped.
  const showProgress = options.progress !== false && Boolean(process.stderr.isTTY) && !process.env.CI && files.length > 1;
  const started = Date.now();
  const onProgress = showProgress
    ? (done: number, total: number): void => {
        const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
        process.stderr.write(`\r检查中 ${done}/${total}（${Math.floor((done / total) * 100)}%）${rate.toFixed(0)} 个/秒  `);
        if (done === total) process.stderr.write('\n');
      }
    : undefined;
  const signal = { stopped: false };
  const onInterrupt = (): void => {
    signal.stopped = true;
  };
  process.once('SIGINT', onInterrupt);
  let outcome: BatchOutcome;
  try {
    outcome = await runBatch({
      files, packs: setup.packs, ruleDirs: setup.ruleDirs, settingsFor, locale, jobs,
      keepReports: formats.has('html') || files.length <= 200, manifest, previous, signal, limits: limitsOf(setup.config), ...(onProgress ? { onProgress } : {}),
      ...(web ? { metaFor: web.metaFor, nameOf: shownName } : {}),
    });
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    web?.remove();
  }
  for (const record of outcome.records) record.file = shownName(record.file);

  const notFound = (path: string): ResultEntry => ({ file: path, report: null, findings: [{ ruleId: 'ingest/not-found', severity: 'error', message: locale === 'zh' ? `找不到文件：${path}` : `File not found: ${path}`, location: { line: 1 } }] });
  const absent = [...unmatched.map(notFound), ...(web?.failed ?? [])];
  const results: ResultEntry[] = absent.map((r) => ({ ...r, findings: applyBuiltinSettings(r.findings, settingsFor(r.file), new Set()) }));
  let suppressedCount = 0;
  const reported: Finding[][] = [];
  const packRuleIds = new Set(setup.packs.flatMap((p) => p.rules.map((r) => r.id)));
  for (const batchEntry of outcome.entries) {
    const entry = { ...batchEntry, file: shownName(batchEntry.file) };
    let findings: Finding[] = applyBuiltinSettings(entry.findings, settingsFor(entry.file), packRuleIds);
    const waived = applyWaivers(entry.file, findings, waivers.waivers, today());
    findings = waived.findings;
    suppressedCount += waived.suppressed.length;
    if (baseline && options.baseline && baselines) {
      const based = baselines.applyBaseline(baseline, options.baseline, entry.file, findings);
      findings = based.findings;
      suppressedCount += based.suppressed.length;
    }
    results.push({ ...entry, findings });
    reported.push(findings);
  }
  if (outcome.interrupted) process.stderr.write(locale === 'zh' ? `已中断：检查了 ${outcome.entries.length}/${files.length} 个文件，已检查的结果照常输出\n` : `Interrupted: ${outcome.entries.length}/${files.length} files checked\n`);
  for (const [source, findings] of unusedWaivers(waivers.waivers, files)) results.push({ file: source, report: null, findings: applyBuiltinSettings(findings, settingsFor(source), new Set()) });
  if (summary && summaryModule) {
    const { writeSummary, reportedRecords } = summaryModule;
    const written = await writeSummary(summary, reportedRecords(outcome, reported, results.slice(0, absent.length)), { packs: setup.packs, locale, interrupted: outcome.interrupted });
    process.stderr.write(locale === 'zh' ? `已写入汇总 ${written}\n` : `Summary written to ${written}\n`);
  }

  if (options.baselineWrite && baselines) {
    const count = baselines.writeBaseline(options.baselineWrite, results);
    process.stderr.write(locale === 'zh' ? `已把 ${count} 个问题记录到基线 ${options.baselineWrite}\n` : `Recorded ${count} findings in the baseline ${options.baselineWrite}\n`);
    return 0;
  }
  const shown = options.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  const notChecked = files.length - outcome.entries.length;
  await writeOutputs(outputs, shown, { locale, version: VERSION, colorFlag: options.color, packs: setup.packs, jsonExtra: outcome.interrupted ? { interrupted: true, notChecked } : {} });
  // 128 + SIGINT, as a shell reports a program stopped by Ctrl-C: never "clean" for a partial run.
  if (outcome.interrupted) return INTERRUPTED_EXIT;
  if (suppressedCount > 0 && formats.has('stylish')) process.stderr.write(locale === 'zh' ? `（另有 ${suppressedCount} 个问题已豁免或在基线中）\n` : `(${suppressedCount} findings waived or in the baseline)\n`);
  const threshold = SEVERITY_RANK[failSeverity];
  const all = results.flatMap((r) => r.findings);
  const warnings = all.filter((f) => f.severity === 'warning').length;
  return all.some((f) => SEVERITY_RANK[f.severity] >= threshold) || warnings > maxWarnings ? 1 : 0;
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

async function runRules(options: RulesCliOptions): Promise<number> {
  if (options.configSchema) {
    const { configJsonSchema } = await import('../config.js');
    process.stdout.write(JSON.stringify(configJsonSchema(), null, 2) + '\n');
    return 0;
  }
  if (options.schema) {
    const { packJsonSchema } = await import('../engine/schema.js');
    process.stdout.write(JSON.stringify(packJsonSchema(), null, 2) + '\n');
    return 0;
  }
  const { packs, errors } = await loadRuleDirsLazily(options.rules);
  if (errors.length) fail(errors, '规则包有错误');
  if (options.format === 'markdown') {
    const { writeRuleDocs } = await import('./docs.js');
    const count = await writeRuleDocs(packs, options.dir);
    process.stderr.write(`已写入 ${count} 个文件到 ${options.dir}\n`);
    return 0;
  }
  const rows = packs.flatMap((p) => p.rules.map((r) => ({ pack: p.pack, id: r.id, severity: r.severity, editions: (r.editions ?? p.editions ?? ['2008', '2019', '2021']).join(','), description: r.description })));
  if (options.format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else for (const r of rows) process.stdout.write(`${r.id.padEnd(36)} ${r.severity.padEnd(8)} ${r.editions.padEnd(15)} ${r.description}\n`);
  return 0;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** True for an input that is a web address (any scheme://: ftp:// is refused as a URL, not looked for as a file). */
const isUrlInput = (input: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(input);

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
    .argument('[paths...]', '报告文件、文件夹或通配符（.txt .md .html .docx .pdf）')
    .option('--stdin', '从标准输入读取一份报告')
    .option('--stdin-filename <name>', '标准输入的报告的文件名（决定格式、配置文件和输出里的名字）')
    .option('--print-config <file>', '输出检查此文件时使用的设置（JSON），不检查')
    .option('-f, --format <name[:file]>', `输出格式：${FORMAT_NAMES.join('、')}（默认 stylish）；可重复，「格式:文件」写到文件，例如 -f stylish -f sarif:out.sarif`, collect, [] as string[])
    .option('-r, --rules <dir>', '另外加载的规则包文件夹（可重复）', collect, [] as string[])
    .option('-c, --config <file>', '配置文件（默认在报告所在文件夹及上级查找 .xxgk-lint.yaml）')
    .addOption(new Option('--fail-severity <severity>', '达到此严重程度时退出码为 1').choices(['error', 'warning', 'info']))
    .option('--max-warnings <n>', '警告超过此数时退出码为 1')
    .option('-q, --quiet', '只报告错误')
    .addOption(new Option('--locale <locale>', '消息语言').choices(['zh', 'en']))
    .option('-o, --output <file>', '写入文件而不是标准输出')
    .option('--baseline <file>', '只报告不在此基线文件中的问题')
    .option('--baseline-write <file>', '把本次发现的问题记录为基线文件')
    .option('--no-waivers', '不使用报告旁边的 .xxgk-lint-waivers.yaml 豁免文件')
    .option('-j, --jobs <n>', '并行检查的线程数（默认：文件多时用全部 CPU）')
    .option('--manifest <file>', '报告清单（CSV、XLSX 或 YAML：agency, region, parent, year, file；CSV 可为 UTF-8 或 GBK），用于缺报、汇总和配对')
    .option('--ignore-pattern <pattern>', '不检查匹配的文件（.gitignore 语法，可重复；另见配置的 ignores 和 .xxgk-lintignore 文件）', collect, [] as string[])
    .option('--prev <path>', '上一年度报告所在的文件或文件夹，用于跨年度核对（可重复）', collect, [] as string[])
    .option('--no-progress', '不显示进度')
    .option('--color', '使用颜色（默认只在终端上使用；也看 NO_COLOR、FORCE_COLOR 环境变量）')
    .option('--no-color', '不使用颜色')
    .option('--summary <file>', '另外写出批量汇总（按规则、机关、年度、状态、缺报），格式按扩展名：.txt .md .html .csv .xlsx')
    .addOption(new Option('--summary-format <format>', '汇总的格式（默认按 --summary 的扩展名）').choices(['text', 'txt', 'markdown', 'md', 'html', 'csv', 'xlsx']))
    .option('--save <dir>', '网址：把下载的每个文件按内容哈希（sha256）保存到此文件夹，附 JSON 说明（网址、状态、响应头、时间）')
    .option('--offline <dir>', '网址：不联网，只用 --save 保存的文件夹中的内容重新检查')
    .action(async (paths: string[], options: CheckCliOptions) => {
      process.exitCode = await runCheck(paths, options);
    });
  cmd
    .command('crawl')
    .description('列出网站“政府信息公开年报”栏目中的年度报告，写出清单（agency, year, url, title, date）；--check 时逐份下载检查')
    .argument('<url>', '栏目页面的网址')
    .option('-o, --output <file>', '清单写到此 CSV 文件（默认输出到标准输出）')
    .option('--check', '检查清单中的报告（一批，可加 --summary 写出汇总）')
    .option('-f, --format <name[:file]>', '--check 的输出格式（同 check）', collect, [] as string[])
    .option('--summary <file>', '--check 时另外写出批量汇总（.txt .md .html .csv .xlsx）')
    .option('-c, --config <file>', '配置文件（limits: 下的下载上限）')
    .addOption(new Option('--locale <locale>', '消息语言').choices(['zh', 'en']))
    .option('--save <dir>', '把下载的每个文件按内容哈希保存到此文件夹')
    .option('--offline <dir>', '不联网，只用 --save 保存的文件夹')
    .action(async (url: string, options: import('./crawl.js').CrawlCliOptions & { format: string[]; summary?: string }) => {
      const { runCrawl } = await import('./crawl.js');
      const setup = await prepareSetup([], options.config, '.');
      const web = { ...(options.save !== undefined ? { save: options.save } : {}), ...(options.offline !== undefined ? { offline: options.offline } : {}) };
      const check = (manifest: string): Promise<number> => runCheck([], {
        format: options.format, rules: [], waivers: false, prev: [], ignorePattern: [], manifest, ...web,
        ...(options.config !== undefined ? { config: options.config } : {}), ...(options.locale ? { locale: options.locale } : {}), ...(options.summary !== undefined ? { summary: options.summary } : {}),
      });
      process.exitCode = await runCrawl(url, options, setup.config, check);
    });
  cmd
    .command('extract')
    .description('把多份报告的统计表格导出为一张长表（每份报告的每个单元格一行），CSV 或 XLSX')
    .argument('<paths...>', '报告文件、文件夹或通配符')
    .requiredOption('-o, --output <file>', '输出文件（.csv 或 .xlsx）')
    .addOption(new Option('-f, --format <name>', '输出格式（默认按 --output 的扩展名）').choices(['csv', 'xlsx']))
    .option('-j, --jobs <n>', '并行读取的线程数（默认：文件多时用全部 CPU）')
    .addOption(new Option('--locale <locale>', '列名的语言').choices(['zh', 'en']).default('zh'))
    .option('--no-progress', '不显示进度')
    .action(async (paths: string[], options: ExtractCliOptions) => {
      const { runExtract } = await import('./extract.js');
      process.exitCode = await runExtract(paths, options);
    });
  cmd
    .command('serve')
    .description('在本机启动检查网页（报告只在浏览器里检查，不会上传）')
    .option('-p, --port <n>', '端口（0 表示任选一个空闲端口）', '8080')
    .option('--host <host>', '监听地址（默认只允许本机访问）', '127.0.0.1')
    .option('--open', '启动后用默认浏览器打开网页')
    .action(async (options: { port: string; host: string; open?: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ExitError(2, `--port 需要 0 到 65535 之间的整数，而不是「${options.port}」`);
      const { runServe } = await import('./serve.js');
      process.exitCode = await runServe({ port, host: options.host, ...(options.open ? { open: true } : {}) });
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
    .description('列出规则；--format markdown 生成每条规则的说明文档')
    .addOption(new Option('-f, --format <name>', '输出格式').default('text').choices(['text', 'json', 'markdown']))
    .option('-r, --rules <dir>', '另外加载的规则包文件夹（可重复）', collect, [] as string[])
    .option('--dir <dir>', 'markdown 文档写到哪个文件夹', 'docs/rules')
    .option('--schema', '输出规则文件的 JSON Schema')
    .option('--config-schema', '输出配置文件 .xxgk-lint.yaml 的 JSON Schema')
    .action(async (options: RulesCliOptions) => {
      process.exitCode = await runRules(options);
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

/** The exit code of a check stopped by Ctrl-C (SIGINT): 128 + 2, as a shell reports it. */
export const INTERRUPTED_EXIT = 130;

/** The exit code of a program whose reader closed its output early: 128 + SIGPIPE, as a shell reports it. */
export const CLOSED_OUTPUT_EXIT = 141;

const invokedDirectly = /(?:main\.(?:js|ts)|xxgk-lint)$/.test(process.argv[1] ?? '');
if (invokedDirectly) {
  // A reader that stops early (`xxgk-lint check … | head`) closes the pipe: stop quietly, as other
  // command-line programs do, instead of dying on an unhandled EPIPE with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`xxgk-lint: 无法写出结果：${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? CLOSED_OUTPUT_EXIT : 2);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
