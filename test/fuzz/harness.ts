/**
 * Shared pieces of the fuzz suite: the run count and seed (fixed by default so CI is
 * reproducible; `XXGK_FUZZ_RUNS` / `XXGK_FUZZ_SEED` for longer or different runs), one checker
 * built from the built-in packs, and `checkInvariant`, which checks one input and asserts what
 * must hold for every input whatever its bytes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { checkBytes, type FileResult } from '../../src/check.js';
import { Checker } from '../../src/engine/run.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../../src/ingest/limits.js';
import { FindingSchema } from '../../src/model/finding-schema.js';
import { loadRuleDirs } from '../../src/node.js';

/** The project root (tests run from it). */
export const ROOT = resolve(import.meta.dirname, '../..');

const envInt = (name: string): number | undefined => {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, not "${value}"`);
  return n;
};

/** The seed every property uses: fixed unless `XXGK_FUZZ_SEED` says otherwise. */
export const SEED = envInt('XXGK_FUZZ_SEED') ?? 20_240_601;

/**
 * The number of runs of a property: `base` in CI. `XXGK_FUZZ_RUNS=n` scales every property by
 * n / 100 (a property with base 100 runs n times; costlier ones, with smaller bases, keep their
 * ratio), so `XXGK_FUZZ_RUNS=5000` is a 50× longer run.
 */
export function runs(base: number): number {
  const wanted = envInt('XXGK_FUZZ_RUNS');
  return wanted === undefined ? base : Math.max(1, Math.round((wanted * base) / 100));
}

/**
 * fast-check parameters: the seed, the run count and no time-outs of its own. A hang or
 * catastrophic backtracking fails the test by its timeout (vitest.config.ts); speed is measured
 * by `npm run bench`, never asserted in a test.
 */
export function params(base: number): { seed: number; numRuns: number; endOnFailure: boolean } {
  return { seed: SEED, numRuns: runs(base), endOnFailure: true };
}

let checker: Checker | null = null;
/** One checker with every built-in rule on. */
export function builtinChecker(): Checker {
  if (!checker) {
    const loaded = loadRuleDirs();
    if (loaded.errors.length) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    checker = new Checker(loaded.packs);
  }
  return checker;
}

/** A fixture's bytes (path relative to the project root). */
export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(ROOT, path)));
}

/** A fixture's text. */
export function fixtureText(path: string): string {
  return readFileSync(resolve(ROOT, path), 'utf8');
}

/** Every real report in text form. */
export const TEXT_FIXTURES: readonly string[] = [
  'fixtures/seeds/000-jiangyou-2017.txt',
  'fixtures/seeds/003-ankang-2018.txt',
  'fixtures/seeds/004-wanyuan-2019.txt',
  'fixtures/corpus/text/002-hongze-district-2023.txt',
  'fixtures/corpus/text/005-shanghai-stcsm-2024.txt',
  'fixtures/corpus/text/013-pingtan-2024.txt',
  'fixtures/corpus/text/015-pingtan-county-2011.txt',
];

/**
 * Checks one input and asserts the invariants: no exception escapes, there is a result (a report model, and when nothing could be read a
 * finding that says why), and every finding has a valid shape. Returns the result for further
 * assertions.
 */
export async function checkInvariant(bytes: Uint8Array, file: string, limits: IngestLimits = DEFAULT_LIMITS): Promise<FileResult> {
  let result: FileResult;
  try {
    result = await checkBytes(bytes, file, builtinChecker(), limits);
  } catch (error) {
    // Rethrown with the input's size and name so a shrunk counterexample is easy to replay.
    throw new Error(`checkBytes threw on ${file} (${bytes.length} bytes): ${(error as Error).stack ?? String(error)}`);
  }
  expect(result.file).toBe(file);
  expect(result.report).toBeDefined();
  expect(Array.isArray(result.report.lines)).toBe(true);
  for (const finding of result.findings) {
    expect(FindingSchema.safeParse(finding).success, JSON.stringify(finding)).toBe(true);
    expect(['error', 'warning', 'info']).toContain(finding.severity);
    expect(finding.ruleId.length).toBeGreaterThan(0);
    expect(typeof finding.message).toBe('string');
    expect(finding.message.trim().length, JSON.stringify(finding)).toBeGreaterThan(0);
    expect(Number.isInteger(finding.location.line) && finding.location.line >= 1, JSON.stringify(finding)).toBe(true);
  }
  // Nothing read: the user must be told why, by a finding (not an empty, silent result).
  if (result.report.lines.length === 0) {
    expect(result.findings.some((f) => f.ruleId.startsWith('ingest/') && f.severity === 'error'), `${file}: no lines and no ingest error finding`).toBe(true);
  }
  // The model must survive the JSON output (no cycles, no BigInt).
  expect(() => JSON.stringify(result)).not.toThrow();
  return result;
}
