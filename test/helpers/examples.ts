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

/**
 * Writes new cell values into report text at the cells' places, found by parsing the text.
 * Throws when a cell does not exist, so a broken example fails loudly.
 */
export function setCells(text: string, set: Record<string, string>): string {
  const report = parseText(text);
  const lines = text.split('\n');
  for (const [id, value] of Object.entries(set)) {
    const table = report.tables[id.slice(0, id.indexOf('.'))];
    const cell = table?.cells[id];
    if (!cell) throw new Error(`example sets ${id}, which the fixture does not have`);
    const index = cell.at.line - 1;
    const line = lines[index]!;
    const from = Math.max(0, (cell.at.column ?? 1) - 1);
    const at = cell.raw === '' ? from : line.indexOf(cell.raw, from);
    if (at < 0) throw new Error(`cannot find ${cell.raw} for ${id} on line ${cell.at.line}`);
    lines[index] = line.slice(0, at) + value + line.slice(at + cell.raw.length);
  }
  return lines.join('\n');
}

/** The text of an example. */
export function exampleText(example: Example): string {
  let text = readFileSync(resolve(ROOT, example.fixture), 'utf8');
  for (const [from, to] of example.replace ?? []) {
    if (!text.includes(from)) throw new Error(`example replaces "${from}", not in ${example.fixture}`);
    text = text.split(from).join(to);
  }
  if (example.set) text = setCells(text, example.set);
  return text;
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
