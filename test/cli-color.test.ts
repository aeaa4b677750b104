/**
 * Colour of the readable output (issue #18): only on a terminal, `--color` / `--no-color`,
 * `NO_COLOR`, `FORCE_COLOR`. The built CLI (package.json bin) runs into a pipe as a CI log or
 * `| less` would, with the colour variables removed from its environment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useColor } from '../src/cli/color.js';

const BIN = (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['xxgk-lint']!;
// Has warnings and infos, so the readable output has coloured severities.
const REPORT = 'fixtures/corpus/text/002-hongze-district-2023.txt';
const ESC = '\u001b[';

function runBin(args: string[], env: Record<string, string> = {}): { stdout: string; status: number | null } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'CI', 'TERM'].includes(k)));
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...clean, ...env } });
  return { stdout: run.stdout, status: run.status };
}

describe('colour', () => {
  it('writes no escape codes into a pipe when nothing is asked', () => {
    const run = runBin(['check', REPORT]);
    expect(run.stdout).toContain('002-hongze-district-2023.txt');
    expect(run.stdout).not.toContain(ESC);
  });

  it('colours a pipe with --color or FORCE_COLOR, and not with FORCE_COLOR=0 or NO_COLOR', () => {
    expect(runBin(['check', '--color', REPORT]).stdout).toContain(ESC);
    expect(runBin(['check', REPORT], { FORCE_COLOR: '1' }).stdout).toContain(ESC);
    expect(runBin(['check', REPORT], { FORCE_COLOR: '0' }).stdout).not.toContain(ESC);
    expect(runBin(['check', REPORT], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(runBin(['check', '--no-color', REPORT], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
  });

  it('writes no escape codes into an -o file, even with FORCE_COLOR', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-color-')), 'out.txt');
    runBin(['check', '-o', out, REPORT], { FORCE_COLOR: '1' });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('002-hongze-district-2023.txt');
    expect(text).not.toContain(ESC);
  });

  it('decides by flag, file, NO_COLOR, FORCE_COLOR, then the terminal', () => {
    const tty = { flag: undefined, env: {}, isTTY: true, toFile: false };
    expect(useColor(tty)).toBe(true);
    expect(useColor({ ...tty, isTTY: false })).toBe(false);
    expect(useColor({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(useColor({ ...tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(useColor({ ...tty, env: { NO_COLOR: '' } })).toBe(true); // empty means unset (no-color.org)
    expect(useColor({ ...tty, isTTY: false, env: { FORCE_COLOR: 'true' } })).toBe(true);
    expect(useColor({ ...tty, env: { FORCE_COLOR: 'false' } })).toBe(false);
    expect(useColor({ ...tty, toFile: true })).toBe(false);
    expect(useColor({ ...tty, toFile: true, flag: true })).toBe(true);
    expect(useColor({ ...tty, flag: false })).toBe(false);
  });
});
