/**
 * Node-only: a file's check result kept on disk between runs (`check --cache`), so a batch run
 * again checks only the files that changed. An auditor re-runs a season's reports as revised
 * ones come in, and a CI job re-runs a repository of reports on every push; reading a PDF is
 * most of a batch's time, and a kept result is read back in a fraction of it.
 *
 * A result is found under a key made of everything that decides it, so a kept result is only
 * ever what checking the file again would give:
 * - the run: the program (its version, its code files, the packages it loads, Node's version:
 *   program-identity.ts), the rule packs, the message language, the input limits and what the
 *   batch keeps of each report ({@link runKeyOf});
 * - the file: its name (results name it), its bytes, the rule settings that apply to it, page
 *   metadata from outside it and the bytes of the attachments read with it ({@link ResultCache.keysOf}).
 * Nothing else goes into a file's result: the checks read no clock and no environment (waivers
 * and baselines, which do depend on the day, are applied after the cache, to every result), and
 * the cross-report rules, duplicates and the summary are worked out anew on each run from the
 * results. Each entry also holds its key, so a damaged or foreign file is a miss, never a result.
 * What a batch keeps of each report depends on its size; a larger batch also takes a smaller
 * one's result, which holds more, trimmed to what it keeps ({@link ResultCacheInit.fuller}).
 *
 * An entry is one file (`<dir>/<2 hex>/<key>.result`) written to a temporary name and renamed,
 * so runs in parallel and runs that are stopped leave whole entries or none. Entries a run reads
 * are touched; {@link pruneCache} removes those no run has read for 30 days.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { deserialize, serialize } from 'node:v8';
import type { Pack } from '../engine/schema.js';
import type { RuleSettings } from '../engine/run.js';
import type { Attachment } from '../ingest/attachments.js';
import type { IngestLimits } from '../ingest/limits.js';
import type { SourceMeta } from '../model/source.js';
import { VERSION } from '../version.js';
import type { Processed } from './process.js';

/** The folder `check --cache` keeps results in when `--cache-location` names none. */
export const DEFAULT_CACHE_DIR = '.xxgk-lint-cache';

/** Bumped when what an entry holds changes shape (the code's bytes change with it anyway). */
const ENTRY_FORMAT = 1;

/** Entries no run has read for this many days are removed. */
export const CACHE_MAX_AGE_DAYS = 30;

/** The marker whose time says when the cache was last pruned (at most once a day). */
const PRUNED_MARKER = 'last-pruned';

/** Where a cache is and the key of the run (the same for every file of a batch). */
export interface ResultCacheInit {
  dir: string;
  runKey: string;
  /**
   * The keys of the same run keeping more of each report, as a smaller batch does (runBatch keeps
   * whole models up to 200 files, bodies up to 500), closest first: a result kept under one of
   * them, trimmed, is this run's result. A batch that grows past either size keeps its results.
   */
  fuller?: string[];
}

/** What decides a whole run's results, besides each file (see {@link runKeyOf}). */
export interface RunKeyParts {
  /** The program: its code, the packages it loads and Node's version (`programIdentity`). */
  code: string;
  packs: readonly Pack[];
  locale: 'zh' | 'en';
  limits: IngestLimits | undefined;
  snapshotCells: ReadonlySet<string>;
  keepBody: boolean;
  keepReports: boolean;
}

/** SHA-256 in hex. */
export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * The key of a run. The packs are plain data (validated YAML), so their JSON is all of them.
 */
export function runKeyOf(parts: RunKeyParts): string {
  return sha256(JSON.stringify([
    ENTRY_FORMAT, VERSION, parts.code, parts.packs, parts.locale, parts.limits ?? null,
    [...parts.snapshotCells].sort(), parts.keepBody, parts.keepReports,
  ]));
}

/**
 * The keys of the runs that differ from this one only in keeping more of each report (the body,
 * the whole model, or both), closest first: their results hold this run's (see
 * {@link ResultCacheInit.fuller}).
 */
export function fullerRunKeys(parts: RunKeyParts, own: string = runKeyOf(parts)): string[] {
  const keys = new Set<string>();
  for (const more of [{ keepBody: true }, { keepReports: true }, { keepBody: true, keepReports: true }]) keys.add(runKeyOf({ ...parts, ...more }));
  keys.delete(own);
  return [...keys];
}

/** One file as the cache keys it: what it is read from besides the run. */
export interface CacheInput {
  file: string;
  bytes: Uint8Array;
  settings: RuleSettings;
  meta?: SourceMeta | undefined;
  attachments: readonly Attachment[];
}

/** What a file's key holds of the file itself (see {@link ResultCache.keysOf}). */
function fileIdentity(input: CacheInput): string {
  return JSON.stringify([
    // SHA-256 of the bytes, not the batch's SHA-1 (duplicates): two files made to share a SHA-1
    // (done for PDFs) must not share a result.
    input.file, input.settings, sha256(input.bytes), input.meta ?? null,
    input.attachments.map((a) => [a.name, sha256(a.bytes)]),
  ]);
}

/** The key of a file's result in a run. */
const keyIn = (runKey: string, file: string): string => sha256(`${runKey}\n${file}`);

/** What is stored: the key (checked on reading) and the result. */
interface Entry {
  key: string;
  processed: Processed;
}

/** Results on disk, read and written by whichever thread checks the file. */
export class ResultCache {
  /** Shard folders made (or found) by this instance: one `mkdir` each, not one per entry. */
  private readonly shards = new Set<string>();

  constructor(private readonly init: ResultCacheInit) {}

  /**
   * The keys of one file's result: this run's, then those of the runs that keep more of each
   * report (`fuller`), closest first. The file's bytes are hashed once for all of them.
   */
  keysOf(input: CacheInput): { own: string; fuller: string[] } {
    const file = fileIdentity(input);
    return { own: keyIn(this.init.runKey, file), fuller: (this.init.fuller ?? []).map((runKey) => keyIn(runKey, file)) };
  }

  private pathOf(key: string): string {
    return join(this.init.dir, key.slice(0, 2), `${key}.result`);
  }

  /** The kept result under `key`, or undefined: none, unreadable, or holding another key. */
  get(key: string): Processed | undefined {
    const path = this.pathOf(key);
    let entry: Partial<Entry>;
    try {
      entry = deserialize(readFileSync(path)) as Partial<Entry>;
    } catch {
      return undefined;
    }
    if (entry?.key !== key || typeof entry.processed !== 'object' || entry.processed === null) return undefined;
    try {
      // Read now: kept from pruning.
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // A cache on a read-only disk still serves its results.
    }
    return entry.processed;
  }

  /**
   * Keeps a result under `key`. A result that cannot be written (a full disk) is only not kept:
   * the run goes on with it.
   */
  set(key: string, processed: Processed): void {
    const path = this.pathOf(key);
    const temporary = `${path}.${process.pid}.${threadId}.tmp`;
    try {
      const shard = dirname(path);
      if (!this.shards.has(shard)) {
        mkdirSync(shard, { recursive: true });
        this.shards.add(shard);
      }
      writeFileSync(temporary, serialize({ key, processed } satisfies Entry));
      renameSync(temporary, path);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder itself is what failed.
      }
    }
  }
}

/**
 * The result of one file: the kept one when there is one; else one kept by a run that keeps more
 * of each report, reduced by `trim` to what this run keeps (and kept for this run too); else
 * `check()`'s, which is then kept. Without a cache, just `check()`.
 */
export async function cachedResult(cache: ResultCache | null, input: CacheInput, check: () => Promise<Processed>, trim: (fuller: Processed) => Processed): Promise<Processed> {
  if (cache === null) return check();
  const { own: key, fuller } = cache.keysOf(input);
  const kept = cache.get(key);
  if (kept !== undefined) return kept;
  for (const fullerKey of fuller) {
    const more = cache.get(fullerKey);
    if (more === undefined) continue;
    const trimmed = trim(more);
    cache.set(key, trimmed);
    return trimmed;
  }
  const processed = await check();
  cache.set(key, processed);
  return processed;
}

/**
 * Creates the cache folder, or says why it cannot be one (the system's message); run
 * before a batch, so that a mistyped location stops the run instead of silently caching nothing.
 */
export function prepareCacheDir(dir: string): string | null {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.probe.${process.pid}.${threadId}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Removes the entries no run has read for {@link CACHE_MAX_AGE_DAYS} days, and temporary files
 * left by a run that was killed while writing; at most once a day (a marker file's time says
 * when it last ran). Returns how many files were removed.
 */
export function pruneCache(dir: string, now: Date = new Date()): number {
  const marker = join(dir, PRUNED_MARKER);
  const day = 24 * 60 * 60 * 1000;
  try {
    if (now.getTime() - statSync(marker).mtimeMs < day) return 0;
  } catch {
    // Never pruned.
  }
  const oldest = now.getTime() - CACHE_MAX_AGE_DAYS * day;
  let removed = 0;
  let shards: string[];
  try {
    shards = readdirSync(dir).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch {
    return 0;
  }
  for (const shard of shards) {
    const folder = join(dir, shard);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(folder, name);
      try {
        // A temporary file older than a day is a killed run's, never one being written.
        const stale = name.endsWith('.tmp') ? statSync(path).mtimeMs < now.getTime() - day : name.endsWith('.result') && statSync(path).mtimeMs < oldest;
        if (stale) {
          unlinkSync(path);
          removed++;
        }
      } catch {
        // Removed by another run meanwhile.
      }
    }
  }
  try {
    writeFileSync(marker, '');
    utimesSync(marker, now, now);
  } catch {
    // A read-only cache is not pruned.
  }
  return removed;
}
