/**
 * `lint`: what `xxgk-lint check` does, as a function (Node only): find the report files, load the
 * config, the rule packs and the waivers, check every file (cross-report rules included), apply
 * the config's settings and the waivers, and give the results with a formatter at hand. Nothing
 * is printed and no exit code is set; bad rule packs, config or waiver files throw a
 * {@link LintSetupError} naming each located error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runBatch } from './batch/run.js';
import type { ManifestEntry } from './batch/types.js';
import { limitsOf } from './config-limits.js';
import type { Pack } from './engine/schema.js';
import type { Finding } from './model/finding.js';
import { FORMATTERS, summarize, type FormatterName, type ResultEntry, type Summary } from './report/index.js';
import { VERSION } from './version.js';

/** Options of {@link lint}; all optional, as the CLI's flags are. */
export interface LintOptions {
  /** Extra rule pack folders (`--rules`); the built-in packs are always loaded. */
  rules?: readonly string[];
  /** The config file (`--config`); by default `.xxgk-lint.yaml` found from the first input's folder up. */
  config?: string;
  /** Message language; by default the config's, else Chinese. */
  locale?: 'zh' | 'en';
  /** Apply `.xxgk-lint-waivers.yaml` files (default true, as the CLI). */
  waivers?: boolean;
  /** `--ignore-pattern` values, relative to the working folder. */
  ignorePatterns?: readonly string[];
  /** The reports of the previous year (`--prev`), for the continuity rules. */
  previous?: readonly string[];
  /** A batch manifest file (`--manifest`: .csv or .xlsx). */
  manifest?: string;
  /** Worker threads (default 1). */
  jobs?: number;
  /** Keep each report's model in the results (the html formatter draws tables from it). Default true. */
  keepReports?: boolean;
  /**
   * Keep each file's result in this folder and reuse it while nothing it depends on changed, as
   * `check --cache-location` does (README: Re-running a batch). A folder that cannot be written
   * is a {@link LintSetupError}.
   */
  cacheDir?: string;
}

/** What {@link lint} gives back. */
export interface LintResult {
  /** One entry per file, in input order (files not found included, as `ingest/not-found`). */
  results: ResultEntry[];
  /** The packs the run used (built-in and extra). */
  packs: Pack[];
  locale: 'zh' | 'en';
  /** The config's `failSeverity` (default `error`). */
  failSeverity: Finding['severity'];
  /** Findings left out by waivers. */
  waived: number;
  /** Counts of files and findings by severity. */
  summary: Summary;
  /** The results in one of the CLI's output formats. */
  format(name: FormatterName, options?: { color?: boolean }): string;
}

/** Rule packs, config or waiver files that do not load: each error is `file:line:col  message`. */
export class LintSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LintSetupError';
  }
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** The CLI's setup errors (exit code 2) as a library error. */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  const { ExitError } = await import('./cli/setup-core.js');
  try {
    return await run();
  } catch (error) {
    if (error instanceof ExitError) throw new LintSetupError(error.message);
    throw error;
  }
}

/** Checks report files, folders or globs as `xxgk-lint check` does, and returns the results. */
export function lint(inputs: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  return guarded(async () => {
    const [{ prepareSetup, fileSettings, fail, cacheFolder }, { expandInputs }, { applyBuiltinSettings }, waiverModule] = await Promise.all([
      import('./cli/setup-core.js'), import('./cli/files.js'), import('./cli/finding-ids.js'), import('./cli/waivers-core.js'),
    ]);
    const setup = await prepareSetup(options.rules ?? [], options.config, inputs[0]);
    const locale = options.locale ?? setup.config.locale ?? 'zh';
    const expansion = await expandInputs(inputs);
    let files = expansion.files;
    const cwd = process.cwd();
    const configPatterns = setup.config.ignores ?? [];
    const cliPatterns = options.ignorePatterns ?? [];
    if (expansion.expanded || cliPatterns.length || configPatterns.length || existsSync(join(cwd, '.xxgk-lintignore'))) {
      const { ignoreMatcher } = await import('./cli/ignore.js');
      const ignored = ignoreMatcher({ cwd, cliPatterns, ...(configPatterns.length ? { config: { patterns: configPatterns, dir: setup.configDir } } : {}) });
      files = files.filter((file) => !ignored(file));
    }
    const waivers = options.waivers === false ? { waivers: [], errors: [] } : await waiverModule.loadWaiversLazily(files);
    if (waivers.errors.length) fail(waivers.errors, '豁免文件有错误', 'the waiver file has errors');
    let manifest: { entries: ManifestEntry[]; file: string } | null = null;
    if (options.manifest) {
      const { readFileSync } = await import('node:fs');
      const { loadManifestBytes } = await import('./batch/manifest.js');
      const loaded = await loadManifestBytes(new Uint8Array(readFileSync(options.manifest)), options.manifest);
      if (loaded.errors.length) fail(loaded.errors, '清单有错误', 'the manifest has errors');
      manifest = { entries: loaded.entries, file: options.manifest };
    }
    const previous = options.previous?.length ? (await expandInputs(options.previous)).files : [];
    const settingsFor = await fileSettings(setup);
    const cacheDir = cacheFolder(false, options.cacheDir);
    const outcome = await runBatch({
      files, packs: setup.packs, ruleDirs: setup.ruleDirs, settingsFor, locale, jobs: options.jobs ?? 1,
      keepReports: options.keepReports ?? true, manifest, previous, limits: limitsOf(setup.config),
      ...(cacheDir !== undefined ? { cacheDir } : {}),
    });
    const notFound = (path: string): ResultEntry => ({
      file: path, report: null,
      findings: applyBuiltinSettings([{ ruleId: 'ingest/not-found', severity: 'error', message: locale === 'zh' ? `找不到文件：${path}` : `File not found: ${path}`, location: { line: 1 } }], settingsFor(path), new Set()),
    });
    const results: ResultEntry[] = expansion.unmatched.map(notFound);
    const packRuleIds = new Set(setup.packs.flatMap((p) => p.rules.map((r) => r.id)));
    let waived = 0;
    for (const entry of outcome.entries) {
      const applied = waiverModule.applyWaivers(entry.file, applyBuiltinSettings(entry.findings, settingsFor(entry.file), packRuleIds), waivers.waivers, today());
      waived += applied.suppressed.length;
      results.push({ ...entry, findings: applied.findings });
    }
    for (const [source, findings] of waiverModule.unusedWaivers(waivers.waivers, files)) results.push({ file: source, report: null, findings: applyBuiltinSettings(findings, settingsFor(source), new Set()) });
    return {
      results, packs: setup.packs, locale, failSeverity: setup.config.failSeverity ?? 'error', waived, summary: summarize(results),
      format: (name, formatOptions = {}) => FORMATTERS[name](results, { locale, color: formatOptions.color ?? false, version: VERSION }),
    };
  });
}
