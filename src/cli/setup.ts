/** Finding and loading the config file and the rule packs for a run. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { loadConfigText, type Config } from '../config.js';
import { formatLoadError, type LoadError } from '../engine/load.js';
import type { RuleSettings } from '../engine/run.js';
import type { Pack } from '../engine/schema.js';
import { loadRuleDirs } from '../node.js';

/** An error that ends the run with an exit code (2 for usage, rules and config errors). */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Throws an exit-2 error listing located load errors. */
export function fail(errors: readonly LoadError[], what: string): never {
  throw new ExitError(2, `${what}：\n${errors.map((e) => `  ${formatLoadError(e)}`).join('\n')}`);
}

/** The config file names looked for. */
export const CONFIG_FILES = ['.xxgk-lint.yaml', '.xxgk-lint.yml'];

/** Finds a config file in `start` or a folder above it. */
export function findConfig(start: string): string | null {
  let dir = resolve(start);
  for (let i = 0; i < 40; i++) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return join(dir, name);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** Packs, config and where the config is, for a run. */
export interface Setup {
  packs: Pack[];
  config: Config;
  configDir: string;
  /** The extra rule folders (built-in packs are always loaded). */
  ruleDirs: string[];
}

/** Loads the packs (built-in, --rules folders, config rulesDirs) and the config. */
export function loadSetup(ruleDirs: readonly string[], configPath: string | undefined, firstInput: string | undefined): Setup {
  const first = loadRuleDirs(ruleDirs);
  if (first.errors.length) fail(first.errors, '规则包有错误');
  const startDir = (input: string): string => {
    try {
      return statSync(input).isDirectory() ? input : dirname(input);
    } catch {
      return '.';
    }
  };
  const configFile = configPath ?? (firstInput ? findConfig(startDir(firstInput)) : null);
  if (!configFile) return { packs: first.packs, config: {}, configDir: process.cwd(), ruleDirs: [...ruleDirs] };
  let text: string;
  try {
    text = readFileSync(configFile, 'utf8');
  } catch (error) {
    throw new ExitError(2, `无法读取配置文件 ${configFile}：${(error as Error).message}`);
  }
  const configDir = dirname(resolve(configFile));
  let packs = first.packs;
  const known = (): string[] => packs.flatMap((p) => p.rules.map((r) => r.id));
  const extraDirs = (loadConfigText(text, configFile, known()).config?.rulesDirs ?? []).map((d) => resolve(configDir, d));
  if (extraDirs.length) {
    const more = loadRuleDirs([...ruleDirs, ...extraDirs]);
    if (more.errors.length) fail(more.errors, '规则包有错误');
    packs = more.packs;
  }
  const loaded = loadConfigText(text, configFile, known());
  if (!loaded.config) fail(loaded.errors, '配置文件有错误');
  return { packs, config: loaded.config, configDir, ruleDirs: [...ruleDirs, ...extraDirs] };
}

/** The rule settings for one report file: the config's rules, then each matching override. */
export function settingsFor(setup: Setup, file: string): RuleSettings {
  const settings: RuleSettings = { ...(setup.config.rules ?? {}) };
  const path = relative(setup.configDir, resolve(file)).split('\\').join('/');
  for (const override of setup.config.overrides ?? []) {
    if (picomatch(override.files, { dot: true })(path)) Object.assign(settings, override.rules);
  }
  return settings;
}
