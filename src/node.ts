/**
 * Node-only helpers: reading report files and rule packs from disk. Everything else in `src`
 * (model, parse, engine, report) takes strings and objects, so the web page can run it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { loadPacks, type LoadError } from './engine/load.js';
import type { Pack } from './engine/schema.js';

/** The folder of the built-in rule packs (`rules/` at the package root). */
export function builtinRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'rules', 'common.yaml'))) return join(dir, 'rules');
    dir = dirname(dir);
  }
  throw new Error('built-in rules folder not found');
}

/** The YAML pack files in a folder (not recursive), sorted by name. */
export function packFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => resolve(dir, f));
}

/**
 * The compiled built-in packs, written by `npm run build` beside the compiled code
 * (`dist/src/builtin-packs.json`): validating the YAML packs with zod takes about a third of the
 * CLI's start-up, and the built-in packs only change with a build.
 */
const PACK_CACHE = new URL('./builtin-packs.json', import.meta.url);

/** The key a pack cache is valid for: a hash of the pack files' names and texts. */
function packKey(files: readonly { text: string; file: string }[]): string {
  const hash = createHash('sha1');
  for (const { text, file } of files) hash.update(`${basename(file)}\u0000${text}\u0000`);
  return hash.digest('hex');
}

/** The built-in packs from the cache, when it was made from exactly these files. */
function cachedPacks(files: readonly { text: string; file: string }[], cacheFile: URL | string): Pack[] | null {
  try {
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key?: unknown; packs?: unknown };
    return cache.key === packKey(files) && Array.isArray(cache.packs) ? (cache.packs as Pack[]) : null;
  } catch {
    return null; // No cache (sources, tests) or an unreadable one: validate the YAML instead.
  }
}

/**
 * Writes the built-in pack cache (run by `npm run build`). Returns false, writing nothing, when
 * the packs do not load cleanly or do not survive a JSON round trip unchanged.
 */
export function writeBuiltinPackCache(cacheFile: URL | string = PACK_CACHE): boolean {
  const files = readPackDir(builtinRulesDir(), []);
  const { packs, errors } = loadPacks(files);
  if (errors.length > 0) return false;
  const json = JSON.stringify({ key: packKey(files), packs });
  if (!isDeepStrictEqual(JSON.parse(json).packs, packs)) return false;
  writeFileSync(cacheFile, json);
  return true;
}

function readPackDir(dir: string, errors: LoadError[]): { text: string; file: string }[] {
  const files: { text: string; file: string }[] = [];
  let list: string[];
  try {
    list = packFiles(dir);
  } catch (error) {
    errors.push({ file: dir, line: 1, column: 1, message: `无法读取规则目录：${(error as Error).message}` });
    return files;
  }
  for (const file of list) {
    try {
      files.push({ text: readFileSync(file, 'utf8'), file });
    } catch (error) {
      errors.push({ file, line: 1, column: 1, message: `无法读取规则文件：${(error as Error).message}` });
    }
  }
  return files;
}

/**
 * Loads the built-in packs plus the packs in `extraDirs`; errors are located, never thrown. The
 * built-in packs come from `cacheFile` when it was made from the same pack files.
 */
export function loadRuleDirs(extraDirs: readonly string[] = [], includeBuiltin = true, cacheFile: URL | string = PACK_CACHE): { packs: Pack[]; errors: LoadError[] } {
  const errors: LoadError[] = [];
  const builtinFiles = includeBuiltin ? readPackDir(builtinRulesDir(), errors) : [];
  // With user packs, everything is validated together so clashing ids are located as usual.
  const cached = includeBuiltin && extraDirs.length === 0 && errors.length === 0 ? cachedPacks(builtinFiles, cacheFile) : null;
  if (cached) return { packs: cached, errors };
  const files = [...builtinFiles];
  for (const dir of extraDirs) files.push(...readPackDir(dir, errors));
  const loaded = loadPacks(files);
  return { packs: loaded.packs, errors: [...errors, ...loaded.errors] };
}
