/**
 * Loading rule packs from disk with validation (YAML and zod): the built-in packs (from their cache
 * when it is current) and extra folders. Apart from node.ts so that the CLI's config loading can
 * use it without loading the whole library entry.
 */
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { loadPacks, type LoadError } from './engine/load.js';
import type { Pack } from './engine/schema.js';
import { builtinRulesDir, PACK_CACHE, packKey, packSources, readPackDir } from './rule-dirs.js';

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

/**
 * Loads the built-in packs plus the packs in `extraDirs`; errors are located, never thrown. The
 * built-in packs come from `cacheFile` when it was made from the same pack files.
 */
export function loadRuleDirs(extraDirs: readonly string[] = [], includeBuiltin = true, cacheFile: URL | string = PACK_CACHE): { packs: Pack[]; errors: LoadError[] } {
  const sources = packSources(extraDirs, includeBuiltin, cacheFile);
  if ('cached' in sources) return { packs: sources.cached, errors: sources.errors };
  const loaded = loadPacks(sources.files);
  return { packs: loaded.packs, errors: [...sources.errors, ...loaded.errors] };
}
