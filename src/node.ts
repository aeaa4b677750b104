/**
 * Node-only helpers: reading report files and rule packs from disk. Everything else in `src`
 * (model, parse, engine, report) takes strings and objects, so the web page can run it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Loads the built-in packs plus the packs in `extraDirs`; errors are located, never thrown. */
export function loadRuleDirs(extraDirs: readonly string[] = [], includeBuiltin = true): { packs: Pack[]; errors: LoadError[] } {
  const files: { text: string; file: string }[] = [];
  const errors: LoadError[] = [];
  const dirs = [...(includeBuiltin ? [builtinRulesDir()] : []), ...extraDirs];
  for (const dir of dirs) {
    let list: string[];
    try {
      list = packFiles(dir);
    } catch (error) {
      errors.push({ file: dir, line: 1, column: 1, message: `无法读取规则目录：${(error as Error).message}` });
      continue;
    }
    for (const file of list) {
      try {
        files.push({ text: readFileSync(file, 'utf8'), file });
      } catch (error) {
        errors.push({ file, line: 1, column: 1, message: `无法读取规则文件：${(error as Error).message}` });
      }
    }
  }
  const loaded = loadPacks(files);
  return { packs: loaded.packs, errors: [...errors, ...loaded.errors] };
}
