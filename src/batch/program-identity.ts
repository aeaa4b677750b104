/**
 * Node-only: the identity of the running program, for the result cache (result-cache.ts): a
 * result kept by one build, or under other installed packages or another Node, is never read by
 * another.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sha256 } from './result-cache.js';

/**
 * A digest of the program's code: the bytes of every code file (.js, .mjs, .cjs, .ts, .json) in
 * `folder` and below, by path in name order, so a build with any change does not read the results
 * of another. See {@link codeFolder} for which folder.
 */
export function codeIdentity(folder: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (entry.isFile() && /\.(?:[cm]?js|ts|json)$/.test(entry.name)) hash.update(`${prefix}${entry.name}\0`).update(readFileSync(path));
    }
  };
  walk(folder, '');
  return hash.digest('hex');
}

/**
 * The folder whose files are the running program ({@link codeIdentity}), from the folder this
 * module was loaded from: the CLI's bundle folder (one flat folder of chunks and the built-in
 * packs); for the compiled or TypeScript sources (the library, the tests) the module is in
 * `batch/`, and the program is the whole source tree above it.
 */
export function codeFolder(moduleFolder: string): string {
  return basename(moduleFolder) === 'batch' ? dirname(moduleFolder) : moduleFolder;
}

/**
 * The installed version of each package the program depends on (its package.json's
 * `dependencies`), found as Node finds them: in `node_modules` of the program's folder or of a
 * folder above it. pdf.js, exceljs and the others are not in the bundle: an update of one of them
 * (which may read a PDF differently) must not reuse results. Null for a package not found, and
 * an empty list when no package.json of the program is found above `folder`.
 */
export function dependencyVersions(folder: string): [string, string | null][] {
  const readJson = (path: string): { name?: string; version?: string; dependencies?: Record<string, string> } | null => {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string; dependencies?: Record<string, string> };
    } catch {
      return null;
    }
  };
  const above = (start: string): string[] => {
    const dirs: string[] = [];
    for (let dir = start; ; dir = dirname(dir)) {
      dirs.push(dir);
      if (dirname(dir) === dir) return dirs;
    }
  };
  const dirs = above(folder);
  const own = dirs.map((dir) => readJson(join(dir, 'package.json'))).find((json) => json?.name === 'xxgk-lint');
  return Object.keys(own?.dependencies ?? {}).sort().map((name) => {
    const found = dirs.map((dir) => readJson(join(dir, 'node_modules', name, 'package.json'))).find((json) => json !== null);
    return [name, found?.version ?? null];
  });
}

/**
 * The identity of the running program: its code files ({@link codeIdentity} of {@link codeFolder}),
 * the installed versions of the packages it loads, and Node's version (its regular expressions,
 * text decoding and sorting are the program's too).
 */
export function programIdentity(moduleFolder: string): string {
  const folder = codeFolder(moduleFolder);
  return sha256(JSON.stringify([codeIdentity(folder), dependencyVersions(folder), process.version]));
}
