/**
 * Finding and reading rule packs on disk, and the cache of the built-in packs, without the YAML
 * parser and the zod schemas: the CLI loads those (src/engine/load.ts) only when a pack has to be
 * validated, which a plain check with the built-in packs never needs. node.ts has the same loading
 * as a synchronous function for library use.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIND_MESSAGE_FILES } from './engine/kind-messages.generated.js';
import type { LoadError } from './engine/load-error.js';
import type { Pack } from './engine/schema.js';

/** The folder of the built-in rule packs (`rules/` at the package root). */
export function builtinRulesDir(): string {
  // Walking up from this module finds it from dist/src (compiled), dist/bundle (the CLI's bundle)
  // and src (the TypeScript sources) alike.
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
 * (`dist/src/builtin-packs.json`, copied beside the bundle): validating the YAML packs with zod
 * takes about a third of the CLI's start-up, and the built-in packs only change with a build.
 */
export const PACK_CACHE = new URL('./builtin-packs.json', import.meta.url);

/**
 * The key a pack cache is valid for: a hash of the pack files' names and texts, and of the kinds'
 * default messages the code embeds (the cached packs hold them, see engine/kind-messages.ts).
 */
export function packKey(files: readonly { text: string; file: string }[]): string {
  const hash = createHash('sha1');
  for (const { text, file } of [...files, ...KIND_MESSAGE_FILES]) hash.update(`${basename(file)}\u0000${text}\u0000`);
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

/** The texts of the YAML pack files in a folder; unreadable folders and files become errors. */
export function readPackDir(dir: string, errors: LoadError[]): { text: string; file: string }[] {
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

/** The pack files to validate, or the packs when the cache holds them. */
export type PackSources = { cached: Pack[]; errors: LoadError[] } | { files: { text: string; file: string }[]; errors: LoadError[] };

/**
 * Reads the built-in pack files plus those in `extraDirs`. The built-in packs come from
 * `cacheFile` when it was made from the same files and there are no other packs; with user packs,
 * everything is validated together so that clashing ids are located as usual.
 */
export function packSources(extraDirs: readonly string[], includeBuiltin: boolean, cacheFile: URL | string): PackSources {
  const errors: LoadError[] = [];
  const builtinFiles = includeBuiltin ? readPackDir(builtinRulesDir(), errors) : [];
  const cached = includeBuiltin && extraDirs.length === 0 && errors.length === 0 ? cachedPacks(builtinFiles, cacheFile) : null;
  if (cached) return { cached, errors };
  const files = [...builtinFiles];
  for (const dir of extraDirs) files.push(...readPackDir(dir, errors));
  return { files, errors };
}

/**
 * Loads the built-in packs plus the packs in `extraDirs`, as node.ts's `loadRuleDirs` does;
 * errors are located, never thrown. The YAML parser and the zod schemas are imported only when a
 * pack has to be validated (no cache, a stale one, or extra folders).
 */
export async function loadRuleDirsLazily(extraDirs: readonly string[] = [], includeBuiltin = true, cacheFile: URL | string = PACK_CACHE): Promise<{ packs: Pack[]; errors: LoadError[] }> {
  const sources = packSources(extraDirs, includeBuiltin, cacheFile);
  if ('cached' in sources) return { packs: sources.cached, errors: sources.errors };
  const { loadPacks } = await import('./engine/load.js');
  const loaded = loadPacks(sources.files);
  return { packs: loaded.packs, errors: [...sources.errors, ...loaded.errors] };
}
