/**
 * `check --print-config <file>`: the settings a check of that file would use, as JSON, to find
 * out why a rule fires or not: the config file found (or given), the rule settings after the
 * `overrides:` that match the file, locale, fail severity, input limits, the ignore patterns and
 * whether the file is ignored.
 */
import { limitsOf } from '../config-limits.js';
import { configFileFor, fileSettings, prepareSetup } from './setup-core.js';

/** Options of {@link printConfig}, as `check` has them. */
export interface PrintConfigOptions {
  config?: string;
  rules: string[];
  ignorePattern: string[];
}

/** The effective settings for `file`, as pretty-printed JSON. */
export async function printConfig(file: string, options: PrintConfigOptions): Promise<string> {
  const setup = await prepareSetup(options.rules, options.config, file);
  const settingsFor = await fileSettings(setup);
  const { ignoreMatcher } = await import('./ignore.js');
  const ignores = setup.config.ignores ?? [];
  const ignored = ignoreMatcher({ cwd: process.cwd(), cliPatterns: options.ignorePattern, ...(ignores.length ? { config: { patterns: ignores, dir: setup.configDir } } : {}) })(file);
  return JSON.stringify(
    {
      file,
      configFile: configFileFor(options.config, file),
      ignored,
      rules: settingsFor(file),
      locale: setup.config.locale ?? 'zh',
      failSeverity: setup.config.failSeverity ?? 'error',
      limits: limitsOf(setup.config),
      ignores,
      ignorePatterns: options.ignorePattern,
      rulesDirs: setup.ruleDirs,
    },
    null,
    2,
  );
}
