/**
 * Which input files a run leaves out: `ignores:` in the config (relative to its folder),
 * `--ignore-pattern` (relative to the working folder) and a `.xxgk-lintignore` file in the working
 * folder, all in .gitignore syntax (https://git-scm.com/docs/gitignore): `#` comments, `!` to
 * take a file back, a trailing `/` for folders, a pattern without an inner `/` matching at any
 * depth. The last matching pattern decides. `node_modules/` and `.git/` are always left out.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';

/** The ignore file read from the working folder. */
export const IGNORE_FILE = '.xxgk-lintignore';

const ALWAYS_IGNORED = ['node_modules/', '.git/'];

interface CompiledPattern {
  negated: boolean;
  matches: (path: string) => boolean;
}

/** One gitignore line as picomatch globs (the path itself, and everything under it). */
function compile(line: string): CompiledPattern | null {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return null;
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  pattern = pattern.replace(/^\\(?=[#!])/, '');
  const folderOnly = pattern.endsWith('/');
  pattern = pattern.replace(/\/+$/, '');
  if (pattern === '') return null;
  // A slash at the start or in the middle anchors the pattern to the base folder.
  const anchored = pattern.includes('/');
  pattern = pattern.replace(/^\//, '');
  const base = anchored ? pattern : `**/${pattern}`;
  const globs = folderOnly ? [`${base}/**`] : [base, `${base}/**`];
  const matches = picomatch(globs, { dot: true });
  return { negated, matches };
}

/** A set of patterns relative to one folder. */
interface PatternSet {
  dir: string;
  patterns: CompiledPattern[];
}

/** Where the patterns of a run come from. */
export interface IgnoreSources {
  /** `ignores:` of the config file, and the config file's folder. */
  config?: { patterns: readonly string[]; dir: string };
  /** `--ignore-pattern` values, relative to `cwd`. */
  cliPatterns: readonly string[];
  /** The working folder: `.xxgk-lintignore` is read from here. */
  cwd: string;
}

/** Reads the patterns of a run; returns a test that is true for a file to leave out. */
export function ignoreMatcher(sources: IgnoreSources): (file: string) => boolean {
  const sets: PatternSet[] = [];
  const add = (dir: string, lines: readonly string[]): void => {
    const patterns = lines.map(compile).filter((p): p is CompiledPattern => p !== null);
    if (patterns.length > 0) sets.push({ dir: resolve(dir), patterns });
  };
  add(sources.cwd, ALWAYS_IGNORED);
  let fileText = '';
  try {
    fileText = readFileSync(join(sources.cwd, IGNORE_FILE), 'utf8');
  } catch {
    // No ignore file: nothing more to leave out.
  }
  add(sources.cwd, fileText.split(/\r?\n/));
  if (sources.config) add(sources.config.dir, sources.config.patterns);
  add(sources.cwd, sources.cliPatterns);
  return (file) => {
    const absolute = resolve(file);
    let ignored = false;
    for (const set of sets) {
      const path = relative(set.dir, absolute).split('\\').join('/');
      if (path === '' || path.startsWith('../') || path === '..') continue;
      for (const pattern of set.patterns) if (pattern.negated === ignored && pattern.matches(path)) ignored = !pattern.negated;
    }
    return ignored;
  };
}
