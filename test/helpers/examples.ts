/**
 * Test helpers: builds a rule example (a fixture, with cells set and text replaced) and checks it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Checker } from '../../src/engine/run.js';
import type { Example, Pack } from '../../src/engine/schema.js';
import { ingestText } from '../../src/ingest/text.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { parseReport } from '../../src/parse/index.js';
import { loadRuleDirs } from '../../src/node.js';
import { applyExample } from '../../src/engine/examples.js';

/** The project root (tests run from it). */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Parses report text. */
export function parseText(text: string): Report {
  return parseReport(ingestText(new TextEncoder().encode(text), 'text', DEFAULT_LIMITS));
}

/** Parses a fixture file (path relative to the project root). */
export function parseFixture(path: string): Report {
  return parseText(readFileSync(resolve(ROOT, path), 'utf8'));
}

/** The text of an example. */
export function exampleText(example: Example): string {
  return applyExample(readFileSync(resolve(ROOT, example.fixture), 'utf8'), example);
}

let packs: Pack[] | null = null;
/** The built-in packs, loaded once. */
export function builtinPacks(): Pack[] {
  if (!packs) {
    const loaded = loadRuleDirs();
    if (loaded.errors.length) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
    packs = loaded.packs;
  }
  return packs;
}

/** Checks report text with the built-in packs (or the given rule only). */
export async function checkText(text: string, only?: string): Promise<Finding[]> {
  const all = builtinPacks();
  const rules = only ? Object.fromEntries(all.flatMap((p) => p.rules).filter((r) => r.id !== only).map((r) => [r.id, 'off' as const])) : {};
  return new Checker(all, { rules }).check(parseText(text));
}
