import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleDirs, writeBuiltinPackCache } from '../../src/node.js';

describe('built-in pack cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-pack-cache-'));
  const cache = join(dir, 'builtin-packs.json');
  const validated = loadRuleDirs([], true, join(dir, 'absent.json'));

  it('writes the validated packs and gives back exactly the same packs', () => {
    expect(validated.errors).toEqual([]);
    expect(writeBuiltinPackCache(cache)).toBe(true);
    const fromCache = loadRuleDirs([], true, cache);
    expect(fromCache.errors).toEqual([]);
    expect(fromCache.packs).toEqual(validated.packs);
    expect(fromCache.packs.flatMap((p) => p.rules).length).toBeGreaterThan(50);
  });

  it('is used only when made from the same pack files', () => {
    const written = JSON.parse(readFileSync(cache, 'utf8')) as { key: string; packs: unknown[] };
    // A cache whose key does not match (packs edited since the build) is ignored.
    writeFileSync(cache, JSON.stringify({ key: 'stale', packs: [] }));
    expect(loadRuleDirs([], true, cache).packs).toEqual(validated.packs);
    // With the right key, the cached packs are what is loaded (nothing re-validated).
    writeFileSync(cache, JSON.stringify({ key: written.key, packs: written.packs.slice(0, 1) }));
    expect(loadRuleDirs([], true, cache).packs).toHaveLength(1);
    writeFileSync(cache, '{ not json');
    expect(loadRuleDirs([], true, cache).packs).toEqual(validated.packs);
  });
});
