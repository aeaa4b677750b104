/**
 * What users read cites what users can open: no rule's basis, description, docs or message points
 * at the project's internal reference notes (formats.md, the shared folder).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinPacks, ROOT } from './helpers/examples.js';

const INTERNAL = /formats\.md|shared\/|MANIFEST\.md|\[S\d+[a-z]?\]/;

describe('citations users can open', () => {
  it('no built-in rule cites an internal note in what it prints', () => {
    const offending = builtinPacks()
      .flatMap((p) => p.rules)
      .filter((r) => INTERNAL.test(JSON.stringify({ basis: r.basis, description: r.description, message: r.message, docs: (r as { docs?: unknown }).docs })))
      .map((r) => r.id);
    expect(offending).toEqual([]);
  });

  it('no rule page in docs/ cites an internal note', () => {
    const dir = resolve(ROOT, 'docs/rules');
    const offending = readdirSync(dir).filter((f) => f.endsWith('.md') && INTERNAL.test(readFileSync(resolve(dir, f), 'utf8')));
    expect(offending).toEqual([]);
  });
});
