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
import { crossRulesActive } from '../batch/cross.js';
import { DEFAULT_CACHE_DIR } from '../batch/result-cache.js';
import { runBatch, type BatchOutcome } from '../batch/run.js';
import type { ManifestEntry } from '../batch/types.js';
import { ingest } from '../ingest/index.js';
import { pdfReadingOnly } from '../ingest/pdf-load.js';
import { SEVERITY_RANK, type Finding, type Severity } from '../model/finding.js';
import { parseReport } from '../parse/index.js';
import type { ResultEntry } from '../report/index.js';
import { findingCounts, summarize, type Summary } from '../report/types.js';
import { formatOutline } from '../report/outline.js';
import { shownEditions } from '../engine/resolve.js';
import { loadRuleDirsLazily } from '../rule-dirs.js';
import { VERSION } from '../version.js';
import type { Baseline } from './baseline.js';
import type { ExtractCliOptions } from './extract.js';
import type { StdinFile } from './stdin.js';
import { expandInputs } from './files.js';
import { FORMAT_NAMES } from './formats.js';
import { outputSpecs, streamOutputs, writeOutputs } from './outputs.js';
import { contractText } from './json-stream.js';
import { contractResult, type ContractResult } from '../report/json.js';
import { applyBuiltinSettings } from './finding-ids.js';
import { displayWidth } from '../report/width.js';
import { argvLocale, helpTitle, localizeError, localizeHelp, pick, type CliLocale } from './locale.js';
import { cacheFolder, ExitError, fail, fileSettings, prepareSetup, type Setup } from './setup-core.js';
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
  cache?: boolean;
  cacheLocation?: string;
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
    // `check --offline <dir>` alone re-checks the URLs saved there (without the network).
    if (inputs.length === 0 && !options.manifest && options.offline !== undefined) inputs = (await import('./crawl.js')).offlineInputs(options.offline, options.locale ?? 'zh');
    if (inputs.length === 0 && !options.manifest) throw new ExitError(2, '请给出要检查的文件、文件夹或通配符，或用 --stdin 从标准输入读取', 'Give the files, folders or globs to check, or --stdin to read standard input');
    return checkFiles(inputs, options, null);
  }
  if (inputs.length > 0) throw new ExitError(2, '--stdin 不能和文件路径一起使用', '--stdin cannot be used with paths');
  const { stdinAsFile } = await import('./stdin.js');
  const stdin = await stdinAsFile(options.stdinFilename);
  try {
    return await checkFiles([stdin.path], options, stdin);
  } finally {
    stdin.remove();
  }
}

/** Batches with cross-report rules larger than this park their results on disk (see checkFiles). */
const SPILL_AFTER_FILES = 200;

async function checkFiles(given: string[], options: CheckCliOptions, stdin: StdinFile | null): Promise<number> {
  let inputs = given;
  const outputs = outputSpecs(options.format, options.output);
  const formats = new Set(outputs.map((o) => o.format));
  const maxWarnings = options.maxWarnings === undefined ? Number.POSITIVE_INFINITY : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Number.POSITIVE_INFINITY) throw new ExitError(2, `--max-warnings 需要一个整数，而不是「${options.maxWarnings}」`, `--max-warnings needs an integer, not "${options.maxWarnings}"`);
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
  // A path that matches nothing is a finding of its own (ingest/not-found), alone or with others:
  // the run goes on and exits 1, the same whether one file or many were named.
  // A crawler's CSV (a 内容 column) is one report per row: `crawl.csv#2`, `#3` … (src/batch/crawler-csv.ts).
  const listed = expansion.files.some((f) => /\.csv$/i.test(f)) ? await (await import('../batch/inputs.js')).expandCrawlerCsvs(expansion.files) : expansion.files;
  const files = await withoutIgnored(listed, expansion.expanded, options.ignorePattern, setup);
  if (files.length === 0 && unmatched.length === 0 && urls.length === 0 && !options.manifest) {
    // Everything named was ignored (a pre-commit hook passing only ignored files): nothing to do.
    if (expansion.files.length === 0) throw new ExitError(2, `没有找到要检查的文件：${inputs.join('、')}`, `No files to check: ${inputs.join(', ')}`);
    process.stderr.write(locale === 'zh' ? `所有 ${expansion.files.length} 个文件都被忽略规则排除，未检查任何文件\n` : `All ${expansion.files.length} files are ignored; nothing was checked\n`);
  }
  const waivers = options.waivers ? await loadWaiversLazily(files) : { waivers: [], errors: [] };
  if (waivers.errors.length) fail(waivers.errors, '豁免文件有错误', 'the waiver file has errors');
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
  if (!Number.isInteger(jobs) || jobs < 1) throw new ExitError(2, `--jobs 需要一个正整数，而不是「${options.jobs}」`, `--jobs needs a positive integer, not "${options.jobs}"`);
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
    if (loaded.errors.length) fail(loaded.errors, '清单有错误', 'the manifest has errors');
    manifest = { entries: loaded.entries, file: options.manifest };
  }
  if (urls.length > 0 || manifest?.entries.some((e) => e.url !== undefined && e.file === undefined)) {
    web = await (await import('./crawl.js')).stageWeb(urls, manifest, options, setup.config, locale);
    files.push(...web.files);
  }
  const previous = options.prev.length ? (await expandInputs(options.prev)).files : [];
  const cacheDir = stdin ? undefined : cacheFolder(options.cache === true, options.cacheLocation);
  const settingsForFile = await fileSettings(setup);
  // Each file's settings worked out once (its overrides' globs matched once), whoever asks.
  const settingsOf = new Map<string, ReturnType<typeof settingsForFile>>();
  const settingsFor = (file: string): ReturnType<typeof settingsForFile> => {
    let known = settingsOf.get(file);
    if (!known) settingsOf.set(file, (known = settingsForFile(shownName(file))));
    return known;
  };

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
  const packRuleIds = new Set(setup.packs.flatMap((p) => p.rules.map((r) => r.id)));
  let suppressedCount = 0;
  const checkedOn = today(); // waivers expire by the day the batch started, the same for every file
  // A checked file's findings as the user gets them: settings, waivers and the baseline applied.
  const finish = (batchEntry: ResultEntry): ResultEntry => {
    const entry = { ...batchEntry, file: shownName(batchEntry.file) };
    let findings: Finding[] = applyBuiltinSettings(entry.findings, settingsFor(entry.file), packRuleIds);
    const waived = applyWaivers(entry.file, findings, waivers.waivers, checkedOn);
    findings = waived.findings;
    suppressedCount += waived.suppressed.length;
    if (baseline && options.baseline && baselines) {
      const based = baselines.applyBaseline(baseline, options.baseline, entry.file, findings);
      findings = based.findings;
      suppressedCount += based.suppressed.length;
    }
    return { ...entry, findings };
  };
  const notFound = (path: string): ResultEntry => ({ file: path, report: null, findings: [{ ruleId: 'ingest/not-found', severity: 'error', message: locale === 'zh' ? `找不到文件：${path}` : `File not found: ${path}`, location: { line: 1, scope: 'document' } }] });
  const absent = [...unmatched.map(notFound), ...(web?.failed ?? [])].map((r) => ({ ...r, findings: applyBuiltinSettings(r.findings, settingsFor(r.file), new Set()) }));
  const shownOf = <R extends { findings: Finding[] }>(r: R): R => (options.quiet ? { ...r, findings: r.findings.filter((f) => f.severity === 'error') } : r);
  // The exit status, counted over every result (before --quiet) as it comes.
  const threshold = SEVERITY_RANK[failSeverity];
  let failing = false;
  let warnings = 0;
  const tallyFindings = (findings: readonly Finding[]): void => {
    for (const f of findings) {
      if (SEVERITY_RANK[f.severity] >= threshold) failing = true;
      if (f.severity === 'warning') warnings++;
    }
  };
  const tally = (r: ResultEntry): void => tallyFindings(r.findings);
  // A batch written as JSON, with nothing that needs every result in memory (a manifest, a
  // summary, a baseline to write, another format), keeps no result, so memory does not grow with
  // the number of files (issue #21): each is written as it is checked or, when cross-report rules
  // will add findings at the end, parked in a temporary file until then (spill.ts). A baseline
  // then is applied before the cross-report findings are added, so with one the results are kept.
  // (A small batch with cross-report rules is kept in memory: parking it would only cost time.)
  const crossActive = crossRulesActive(setup.packs, files.map(settingsFor));
  const streamed = !summary && !options.baselineWrite && !manifest && !(crossActive && (options.baseline || files.length <= SPILL_AFTER_FILES)) ? streamOutputs(outputs, { locale, version: VERSION }) : null;
  const spill = streamed && crossActive ? new (await import('./spill.js')).ResultSpill<Omit<Summary, 'files'>>() : null;
  const emit = async (r: ResultEntry): Promise<void> => {
    tally(r);
    await streamed?.add(shownOf(r));
  };
  // A parked result is the text the output will hold, --quiet applied (cross-report findings are
  // merged into it at the end, when there are any: filtering before and after a stable sort by
  // line keeps the same findings in the same order). Its findings are tallied as it is parked.
  const park = (entry: ResultEntry): void => {
    const result = finish(entry);
    tally(result);
    const shown = contractResult(shownOf(result));
    spill!.write(entry.file, contractText(shown), findingCounts(shown.findings));
  };
  for (const r of absent) await emit(r);
  let outcome: BatchOutcome;
  try {
    outcome = await runBatch({
      files, packs: setup.packs, ruleDirs: setup.ruleDirs, settingsFor, locale, jobs,
      keepReports: !streamed && (formats.has('html') || files.length <= 200), manifest, previous, signal, limits: limitsOf(setup.config), ...(onProgress ? { onProgress } : {}),
      ...(web ? { metaFor: web.metaFor, nameOf: shownName } : {}),
      ...(cacheDir !== undefined ? { cacheDir } : {}),
      ...(streamed ? { keepResults: false, onResult: (entry: ResultEntry) => (spill ? park(entry) : emit(finish(entry))) } : {}),
    });
    if (spill) {
      // The parked results, in order, each with the cross-report findings about its file.
      for (const { file, bytes, note } of spill.read()) {
        const cross = outcome.cross.get(file);
        if (!cross) {
          await streamed!.addBytes(bytes, note);
          continue;
        }
        const result = JSON.parse(bytes.toString('utf8')) as ContractResult;
        const added = finish({ file, report: null, findings: cross }).findings;
        tallyFindings(added);
        await streamed!.addContract(shownOf({ ...result, findings: [...result.findings, ...added].sort((a, b) => a.location.line - b.location.line) }));
      }
    }
  } catch (error) {
    streamed?.abort();
    throw error;
  } finally {
    spill?.remove();
    process.removeListener('SIGINT', onInterrupt);
    web?.remove();
  }
  for (const record of outcome.records) record.file = shownName(record.file);

  const results: ResultEntry[] = streamed ? [] : [...absent];
  const reported: Finding[][] = [];
  for (const batchEntry of outcome.entries) {
    const result = finish(batchEntry);
    tally(result);
    results.push(result);
    reported.push(result.findings);
  }
  if (outcome.interrupted) process.stderr.write(locale === 'zh' ? `已中断：检查了 ${outcome.done}/${files.length} 个文件，已检查的结果照常输出\n` : `Interrupted: ${outcome.done}/${files.length} files checked\n`);
  for (const [source, findings] of unusedWaivers(waivers.waivers, files)) {
    const result = { file: source, report: null, findings: applyBuiltinSettings(findings, settingsFor(source), new Set()) };
    if (streamed) await emit(result);
    else {
      tally(result);
      results.push(result);
    }
  }
  const jsonExtra = outcome.interrupted ? { interrupted: true, notChecked: files.length - outcome.done } : {};
  let summaries: Summary[];
  if (streamed) summaries = await streamed.end(jsonExtra);
  else {
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
    const shown = results.map(shownOf);
    await writeOutputs(outputs, shown, { locale, version: VERSION, colorFlag: options.color, packs: setup.packs, jsonExtra });
    summaries = outputs.map(() => summarize(shown));
  }
  // A report written to a file says nothing on the terminal: one line says where it went and what it found.
  outputs.forEach((spec, i) => {
    if (spec.file !== null) process.stderr.write(writtenLine(spec.file, summaries[i]!, locale) + '\n');
  });
  // 128 + SIGINT, as a shell reports a program stopped by Ctrl-C: never "clean" for a partial run.
  if (outcome.interrupted) return INTERRUPTED_EXIT;
  if (suppressedCount > 0 && formats.has('stylish')) process.stderr.write(locale === 'zh' ? `（另有 ${suppressedCount} 个问题已豁免或在基线中）\n` : `(${suppressedCount} findings waived or in the baseline)\n`);
  return failing || warnings > maxWarnings ? 1 : 0;
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
  if (errors.length) fail(errors, '规则包有错误', 'the rule packs have errors');
  if (options.format === 'markdown') {
    const { writeRuleDocs } = await import('./docs.js');
    const count = await writeRuleDocs(packs, options.dir);
    process.stderr.write(`已写入 ${count} 个文件到 ${options.dir}\n`);
    return 0;
  }
  const rows = packs.flatMap((p) => p.rules.map((r) => ({ pack: p.pack, id: r.id, severity: r.severity, editions: shownEditions(r, p).join(','), description: r.description })));
  if (options.format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else for (const r of rows) process.stdout.write(`${r.id.padEnd(36)} ${r.severity.padEnd(8)} ${r.editions.padEnd(15)} ${r.description}\n`);
  return 0;
}

/** The one line a run that wrote its report to a file prints: where, and how many problems. */
export function writtenLine(file: string, s: Summary, locale: 'zh' | 'en'): string {
  const mark = s.errors > 0 ? '✖' : '✔';
  return locale === 'zh'
    ? `${mark} 已写入 ${file}：${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示（${s.files} 个文件）`
    : `${mark} Written to ${file}: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos (${s.files} files)`;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** True for an input that is a web address (any scheme://: ftp:// is refused as a URL, not looked for as a file). */
const isUrlInput = (input: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(input);

/** Builds the command-line program, its help and usage errors in the given language. */
export function program(locale: CliLocale = 'zh'): Command {
  const L = pick(locale);
  const cmd = new Command('xxgk-lint')
    .description(L('政府信息公开工作年度报告检查工具', 'Checker for government information disclosure annual reports (政府信息公开工作年度报告)'))
    .version(VERSION, '-V, --version', L('显示版本号', 'output the version number'))
    .helpOption('-h, --help', L('显示帮助', 'display help for command'))
    .helpCommand('help [command]', L('显示某个命令的帮助', 'display help for command'))
    .exitOverride()
    .configureHelp({ styleTitle: (title) => helpTitle(title, locale), displayWidth })
    .configureOutput({
      writeOut: (s) => process.stdout.write(localizeHelp(s, locale)),
      writeErr: (s) => process.stderr.write(localizeHelp(s, locale)),
      outputError: (s, write) => write(localizeError(s, locale)),
    });
  cmd
    .command('check')
    .description(L('检查报告文件、文件夹或通配符', 'check report files, folders or globs'))
    .argument('[paths...]', L('报告文件、文件夹或通配符（.txt .md .html .docx .pdf）', 'report files, folders or globs (.txt .md .html .docx .pdf)'))
    .option('--stdin', L('从标准输入读取一份报告', 'read one report from standard input'))
    .option('--stdin-filename <name>', L('标准输入的报告的文件名（决定格式、配置文件和输出里的名字）', 'file name of the report on standard input (decides its format, config and name in the output)'))
    .option('--print-config <file>', L('输出检查此文件时使用的设置（JSON），不检查', 'print the settings used for this file (JSON) and check nothing'))
    .option('-f, --format <name[:file]>', L(`输出格式：${FORMAT_NAMES.join('、')}（默认 stylish）；可重复，「格式:文件」写到文件，例如 -f stylish -f sarif:out.sarif`, `output format: ${FORMAT_NAMES.join(', ')} (default stylish); repeatable, "format:file" writes to a file, e.g. -f stylish -f sarif:out.sarif`), collect, [] as string[])
    .option('-r, --rules <dir>', L('另外加载的规则包文件夹（可重复）', 'folder of more rule packs (repeatable)'), collect, [] as string[])
    .option('-c, --config <file>', L('配置文件（默认在报告所在文件夹及上级查找 .xxgk-lint.yaml）', 'config file (default: .xxgk-lint.yaml in the report\'s folder or above)'))
    .addOption(new Option('--fail-severity <severity>', L('达到此严重程度时退出码为 1', 'exit 1 at this severity or above')).choices(['error', 'warning', 'info']))
    .option('--max-warnings <n>', L('警告超过此数时退出码为 1', 'exit 1 when there are more warnings than this'))
    .option('-q, --quiet', L('只报告错误', 'report errors only'))
    .addOption(new Option('--locale <locale>', L('消息语言', 'language of messages')).choices(['zh', 'en']))
    .option('-o, --output <file>', L('写入文件而不是标准输出', 'write to a file instead of standard output'))
    .option('--baseline <file>', L('只报告不在此基线文件中的问题', 'report only findings not in this baseline file'))
    .option('--baseline-write <file>', L('把本次发现的问题记录为基线文件', 'record this run\'s findings as a baseline file'))
    .option('--no-waivers', L('不使用报告旁边的 .xxgk-lint-waivers.yaml 豁免文件', 'ignore .xxgk-lint-waivers.yaml waiver files next to reports'))
    .option('-j, --jobs <n>', L('并行检查的线程数（默认：文件多时用全部 CPU）', 'threads to check with (default: all CPUs for many files)'))
    .option('--manifest <file>', L('报告清单（CSV、XLSX 或 YAML：agency, region, parent, year, file；CSV 可为 UTF-8 或 GBK），用于缺报、汇总和配对', 'list of reports (CSV, XLSX or YAML: agency, region, parent, year, file; CSV in UTF-8 or GBK) for missing reports, summaries and pairing'))
    .option('--ignore-pattern <pattern>', L('不检查匹配的文件（.gitignore 语法，可重复；另见配置的 ignores 和 .xxgk-lintignore 文件）', 'skip matching files (.gitignore syntax, repeatable; see also the config\'s ignores and .xxgk-lintignore)'), collect, [] as string[])
    .option('--prev <path>', L('上一年度报告所在的文件或文件夹，用于跨年度核对（可重复）', 'file or folder of the previous year\'s reports, for checks across years (repeatable)'), collect, [] as string[])
    .option('--no-progress', L('不显示进度', 'do not show progress'))
    .option('--color', L('使用颜色（默认只在终端上使用；也看 NO_COLOR、FORCE_COLOR 环境变量）', 'use colours (default: on a terminal only; see also NO_COLOR, FORCE_COLOR)'))
    .option('--no-color', L('不使用颜色', 'do not use colours'))
    .option('--summary <file>', L('另外写出批量汇总（按规则、机关、年度、状态、缺报），格式按扩展名：.txt .md .html .csv .xlsx', 'also write a batch summary (by rule, agency, year, status, missing), format by extension: .txt .md .html .csv .xlsx'))
    .addOption(new Option('--summary-format <format>', L('汇总的格式（默认按 --summary 的扩展名）', 'format of the summary (default: by the extension of --summary)')).choices(['text', 'txt', 'markdown', 'md', 'html', 'csv', 'xlsx']))
    .option('--save <dir>', L('网址：把下载的每个文件按内容哈希（sha256）保存到此文件夹，附 JSON 说明（网址、状态、响应头、时间）', 'URLs: save every downloaded file under its content hash (sha256) in this folder, with a JSON record (URL, status, headers, time)'))
    .option('--offline <dir>', L('网址：不联网，只用 --save 保存的文件夹中的内容重新检查', 'URLs: do not go online; check again from a folder written by --save'))
    .option('--cache', L(`保存每个文件的检查结果（默认在 ${DEFAULT_CACHE_DIR} 文件夹），再次检查时未改动的文件直接取用；文件内容、规则、配置或程序有任何改动都会重新检查`, `keep each file's result (in ${DEFAULT_CACHE_DIR} by default) and reuse it for unchanged files; any change to the file, rules, config or program checks it again`))
    .option('--cache-location <dir>', L('检查结果保存在此文件夹（包含 --cache）', 'folder to keep results in (implies --cache)'))
    .action(async (paths: string[], options: CheckCliOptions) => {
      process.exitCode = await runCheck(paths, options);
    });
  cmd
    .command('crawl')
    .description(L('列出网站“政府信息公开年报”栏目中的年度报告，写出清单（agency, year, url, title, date）；--check 时逐份下载检查', 'list the annual reports of a site\'s 政府信息公开年报 column as a manifest (agency, year, url, title, date); with --check, download and check each'))
    .argument('<url>', L('栏目页面的网址', 'address of the column page'))
    .option('-o, --output <file>', L('清单写到此 CSV 文件（默认输出到标准输出）', 'write the manifest to this CSV file (default: standard output)'))
    .option('--check', L('检查清单中的报告（一批，可加 --summary 写出汇总）', 'check the listed reports (one batch; --summary writes a summary)'))
    .option('-f, --format <name[:file]>', L('--check 的输出格式（同 check）', 'output format of --check (as for check)'), collect, [] as string[])
    .option('--summary <file>', L('--check 时另外写出批量汇总（.txt .md .html .csv .xlsx）', 'with --check, also write a batch summary (.txt .md .html .csv .xlsx)'))
    .option('-c, --config <file>', L('配置文件（limits: 下的下载上限）', 'config file (download limits under limits:)'))
    .addOption(new Option('--locale <locale>', L('消息语言', 'language of messages')).choices(['zh', 'en']))
    .option('--save <dir>', L('把下载的每个文件按内容哈希保存到此文件夹', 'save every downloaded file under its content hash in this folder'))
    .option('--offline <dir>', L('不联网，只用 --save 保存的文件夹', 'do not go online; use a folder written by --save'))
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
    .description(L('把多份报告的统计表格导出为一张长表（每份报告的每个单元格一行），CSV 或 XLSX', 'export the tables of many reports as one long table (a row per cell per report), CSV or XLSX'))
    .argument('<paths...>', L('报告文件、文件夹或通配符', 'report files, folders or globs'))
    .requiredOption('-o, --output <file>', L('输出文件（.csv 或 .xlsx）', 'output file (.csv or .xlsx)'))
    .addOption(new Option('-f, --format <name>', L('输出格式（默认按 --output 的扩展名）', 'output format (default: by the extension of --output)')).choices(['csv', 'xlsx']))
    .option('-j, --jobs <n>', L('并行读取的线程数（默认：文件多时用全部 CPU）', 'threads to read with (default: all CPUs for many files)'))
    .addOption(new Option('--locale <locale>', L('列名的语言', 'language of the column names')).choices(['zh', 'en']).default('zh'))
    .option('--no-progress', L('不显示进度', 'do not show progress'))
    .action(async (paths: string[], options: ExtractCliOptions) => {
      const { runExtract } = await import('./extract.js');
      process.exitCode = await runExtract(paths, options);
    });
  cmd
    .command('serve')
    .description(L('在本机启动检查网页（报告只在浏览器里检查，不会上传）', 'start the checking web page on this machine (reports are checked in the browser, never uploaded)'))
    .option('-p, --port <n>', L('端口（0 表示任选一个空闲端口）', 'port (0: any free port)'), '8080')
    .option('--host <host>', L('监听地址（默认只允许本机访问）', 'address to listen on (default: this machine only)'), '127.0.0.1')
    .option('--open', L('启动后用默认浏览器打开网页', 'open the page in the default browser'))
    .action(async (options: { port: string; host: string; open?: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ExitError(2, L(`--port 需要 0 到 65535 之间的整数，而不是「${options.port}」`, `--port needs an integer from 0 to 65535, not "${options.port}"`));
      const { runServe } = await import('./serve.js');
      process.exitCode = await runServe({ port, host: options.host, ...(options.open ? { open: true } : {}) });
    });
  cmd
    .command('parse')
    .description(L('显示报告的解析结果（元数据、章节、表格）', 'show what the parser reads in a report (metadata, sections, tables)'))
    .argument('<file>', L('报告文件', 'report file'))
    .addOption(new Option('-f, --format <name>', L('输出格式', 'output format')).default('text').choices(['text', 'json']))
    .action(async (file: string, options: { format: string }) => {
      process.exitCode = await runParse(file, options);
    });
  cmd
    .command('rules')
    .description(L('列出规则；--format markdown 生成每条规则的说明文档', 'list the rules; --format markdown writes a page per rule'))
    .addOption(new Option('-f, --format <name>', L('输出格式', 'output format')).default('text').choices(['text', 'json', 'markdown']))
    .option('-r, --rules <dir>', L('另外加载的规则包文件夹（可重复）', 'folder of more rule packs (repeatable)'), collect, [] as string[])
    .option('--dir <dir>', L('markdown 文档写到哪个文件夹', 'folder the markdown pages go to'), 'docs/rules')
    .option('--schema', L('输出规则文件的 JSON Schema', 'print the JSON Schema of rule files'))
    .option('--config-schema', L('输出配置文件 .xxgk-lint.yaml 的 JSON Schema', 'print the JSON Schema of .xxgk-lint.yaml'))
    .action(async (options: RulesCliOptions) => {
      process.exitCode = await runRules(options);
    });
  return cmd;
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await program(argvLocale(argv)).parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof ExitError) {
      process.stderr.write(`xxgk-lint: ${argvLocale(argv) === 'en' ? (error.messageEn ?? error.message) : error.message}\n`);
      return error.code;
    }
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`xxgk-lint: ${argvLocale(argv) === 'en' ? 'internal error' : '内部错误'}：${(error as Error).message}\n`);
    return 2;
  }
}

/** The exit code of a check stopped by Ctrl-C (SIGINT): 128 + 2, as a shell reports it. */
export const INTERRUPTED_EXIT = 130;

/** The exit code of a program whose reader closed its output early: 128 + SIGPIPE, as a shell reports it. */
export const CLOSED_OUTPUT_EXIT = 141;

const invokedDirectly = /(?:main\.(?:js|ts)|xxgk-lint)$/.test(process.argv[1] ?? '');
if (invokedDirectly) {
  // The command line reads PDFs and never draws them: pdf.js can do without its canvas package.
  pdfReadingOnly();
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
