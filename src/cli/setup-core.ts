/**
 * What every check run needs of its setup, without the YAML parser and the zod schemas: exit
 * errors, finding the config file, and {@link prepareSetup} and {@link fileSettings}, which load
 * setup.ts (config and pack validation, override globs) only when there is a config file or a rule
 * folder to read.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { formatLoadError, type LoadError } from '../engine/load-error.js';
import type { RuleSettings } from '../engine/run.js';
import type { Pack } from '../engine/schema.js';
import type { LocatedError } from '../yaml-source.js';
import { loadRuleDirsLazily } from '../rule-dirs.js';
import { DEFAULT_CACHE_DIR, prepareCacheDir } from '../batch/result-cache.js';

/** An error that ends the run with an exit code (2 for usage, rules and config errors). */
export class ExitError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** The message in English, printed with `--locale en` (the Chinese one when not given). */
    readonly messageEn?: string,
  ) {
    super(message);
  }
}

/** Throws an exit-2 error listing located load errors, in English too where they have it. */
export function fail(errors: readonly LoadError[], what: string, whatEn: string): never {
  const english = (e: LoadError & Partial<Pick<LocatedError, 'en'>>): LoadError => (e.en ? { ...e, ...e.en } : e);
  throw new ExitError(2, `${what}：\n${errors.map((e) => `  ${formatLoadError(e)}`).join('\n')}`, `${whatEn}:\n${errors.map((e) => `  ${formatLoadError(english(e))}`).join('\n')}`);
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

/** The config file a run uses: the given one, else the one found from the first input's folder. */
export function configFileFor(configPath: string | undefined, firstInput: string | undefined): string | null {
  const startDir = (input: string): string => {
    try {
      return statSync(input).isDirectory() ? input : dirname(input);
    } catch {
      return '.';
    }
  };
  return configPath ?? (firstInput ? findConfig(startDir(firstInput)) : null);
}

/** Packs, config and where the config is, for a run. */
export interface Setup {
  packs: Pack[];
  config: Config;
  configDir: string;
  /** The extra rule folders (built-in packs are always loaded). */
  ruleDirs: string[];
}

/**
 * The same setup as setup.ts's `loadSetup`. Without a config file and rule folders there is
 * nothing to parse or validate (the built-in packs come from their cache), so setup.ts, and YAML
 * and zod with it, are loaded only otherwise.
 */
export async function prepareSetup(ruleDirs: readonly string[], configPath: string | undefined, firstInput: string | undefined): Promise<Setup> {
  if (ruleDirs.length > 0 || configFileFor(configPath, firstInput) !== null) {
    const { loadSetup } = await import('./setup.js');
    return loadSetup(ruleDirs, configPath, firstInput);
  }
  const { packs, errors } = await loadRuleDirsLazily([]);
  if (errors.length) fail(errors, '规则包有错误', 'the rule packs have errors');
  return { packs, config: {}, configDir: process.cwd(), ruleDirs: [] };
}

/**
 * setup.ts's `settingsResolver` for this setup. Without overrides every file gets the config's rules;
 * with them a config file was read, so setup.ts (and picomatch for the globs) is loaded already.
 */
export async function fileSettings(setup: Setup): Promise<(file: string) => RuleSettings> {
  if (!setup.config.overrides?.length) return () => ({ ...(setup.config.rules ?? {}) });
  const { settingsResolver } = await import('./setup.js');
  return settingsResolver(setup);
}

/**
 * The folder results are kept in (`--cache`, or `--cache-location`, which implies it), made
 * ready; undefined without either. A folder that cannot be written is a usage error (exit 2),
 * not a run that silently keeps nothing.
 */
export function cacheFolder(cache: boolean, location: string | undefined): string | undefined {
  if (!cache && location === undefined) return undefined;
  const dir = resolve(location ?? DEFAULT_CACHE_DIR);
  const why = prepareCacheDir(dir);
  if (why !== null) throw new ExitError(2, `无法使用缓存文件夹 ${dir}：${why}`, `Cannot use the cache folder ${dir}: ${why}`);
  return dir;
}
