/** Finding and loading the config file and the rule packs for a run. */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { loadConfigText } from '../config.js';
import type { RuleSettings } from '../engine/run.js';
import { loadRuleDirs } from '../rule-load.js';
import { BUILTIN_FINDING_IDS } from './finding-ids.js';
import { configFileFor, ExitError, fail, type Setup } from './setup-core.js';

// The parts that need neither YAML nor zod are in setup-core.ts, which a check run loads first.
export { CONFIG_FILES, ExitError, fail, fileSettings, findConfig, prepareSetup, type Setup } from './setup-core.js';

/** Loads the packs (built-in, --rules folders, config rulesDirs) and the config. */
export function loadSetup(ruleDirs: readonly string[], configPath: string | undefined, firstInput: string | undefined): Setup {
  const first = loadRuleDirs(ruleDirs);
  if (first.errors.length) fail(first.errors, '规则包有错误', 'the rule packs have errors');
  const configFile = configFileFor(configPath, firstInput);
  if (!configFile) return { packs: first.packs, config: {}, configDir: process.cwd(), ruleDirs: [...ruleDirs] };
  let text: string;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch (error) {
    throw new ExitError(2, `无法读取配置文件 ${configFile}：${(error as Error).message}`);
  }
  const configDir = dirname(resolve(configFile));
  let packs = first.packs;
  const known = (): string[] => [...packs.flatMap((p) => p.rules.map((r) => r.id)), ...BUILTIN_FINDING_IDS];
  const extraDirs = (loadConfigText(text, configFile, known()).config?.rulesDirs ?? []).map((d) => resolve(configDir, d));
  if (extraDirs.length) {
    const more = loadRuleDirs([...ruleDirs, ...extraDirs]);
    if (more.errors.length) fail(more.errors, '规则包有错误', 'the rule packs have errors');
    packs = more.packs;
  }
  const loaded = loadConfigText(text, configFile, known());
  if (!loaded.config) fail(loaded.errors, '配置文件有错误', 'the config file has errors');
  return { packs, config: loaded.config, configDir, ruleDirs: [...ruleDirs, ...extraDirs] };
}

/**
 * The rule settings of report files under a setup: the config's rules, then each matching
 * override. The overrides' globs are compiled once, not once per file of a batch.
 */
export function settingsResolver(setup: Setup): (file: string) => RuleSettings {
  const overrides = (setup.config.overrides ?? []).map((o) => ({ matches: picomatch(o.files, { dot: true }), rules: o.rules }));
  return (file) => {
    const settings: RuleSettings = { ...(setup.config.rules ?? {}) };
    const path = relative(setup.configDir, resolve(file)).split('\\').join('/');
    for (const override of overrides) if (override.matches(path)) Object.assign(settings, override.rules);
    return settings;
  };
}
