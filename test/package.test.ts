/**
 * The package as users install it (issue #18): `npm pack` of the built project, installed from
 * the tarball into an empty folder, must give a working `xxgk-lint` command and library entries.
 *
 * The install runs offline: CI has no network beyond the npm registry and a test must not depend
 * on it. `npm ci` (run before the tests, .ci/run) has put every dependency's tarball in npm's
 * cache, but `npm install <tarball>` would still ask the registry for version lists. So the empty
 * folder gets a lockfile made from the project's own (the production dependencies, at the
 * versions the project is tested with) and is installed with `npm ci --offline`, the same
 * resolution a user's `npm install xxgk-lint-x.y.z.tgz` arrives at, from the cache only.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface PackageJson {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
}
interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}

const ROOT = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
const TEXT_SAMPLE = resolve('fixtures/corpus/text/002-hongze-district-2023.txt');
const PDF_SAMPLE = resolve('fixtures/corpus/original/002-hongze-district-2023.pdf');
const npm = (args: string[], cwd: string): SpawnSyncReturns<string> => spawnSync('npm', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

/** A lockfile for a folder that depends on the tarball only: the project's production dependencies. */
function installLock(tarballSpec: string): object {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, object> = {
    '': { name: 'xxgk-lint-install-test', dependencies: { [pkg.name]: tarballSpec } },
    [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: tarballSpec, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev) continue;
    // Needed by a dev dependency and optional for a production one: optional here.
    const { devOptional, ...rest } = entry;
    packages[path] = devOptional ? { ...rest, optional: true } : rest;
  }
  return { name: 'xxgk-lint-install-test', lockfileVersion: 3, requires: true, packages };
}

let work = '';
let prefix = '';
let packed: string[] = [];

beforeAll(() => {
  if (!existsSync(pkg.bin['xxgk-lint']!)) throw new Error('run `npm run build` before this test (it packs dist/)');
  work = mkdtempSync(join(tmpdir(), 'xxgk-pack-'));
  // --ignore-scripts: the build ran just before the tests (`npm run check`); `prepare` would build again.
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  expect(pack.status, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path);
  prefix = join(work, 'prefix');
  mkdirSync(prefix);
  const spec = `file:../${info!.filename}`;
  writeFileSync(join(prefix, 'package.json'), JSON.stringify({ name: 'xxgk-lint-install-test', private: true, dependencies: { [pkg.name]: spec } }));
  writeFileSync(join(prefix, 'package-lock.json'), JSON.stringify(installLock(spec)));
  const install = npm(['ci', '--offline'], prefix);
  expect(install.status, install.stderr).toBe(0);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const bin = (): string => join(prefix, 'node_modules', '.bin', 'xxgk-lint');

describe('npm pack, installed from the tarball into an empty folder', () => {
  it('ships the CLI bundle, the library entries with types, the packs, the rule docs, the web page and LICENSE, and no sources or tests', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'dist/bundle/main.js', 'dist/bundle/worker.js', 'dist/bundle/builtin-packs.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/node.js', 'rules/common.yaml', 'rules/2021.yaml', 'docs/rules/README.md', 'web/dist/index.html']) {
      expect(packed, file).toContain(file);
    }
    expect(packed.filter((f) => /^(src|test|fixtures|scripts|bench)\//.test(f))).toEqual([]);
    // Every target of package.json's exports and bin is in the tarball.
    const targets = [...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
    for (const target of targets) expect(packed, target).toContain(target.replace(/^\.\//, ''));
    expect(readFileSync(join(prefix, 'node_modules', pkg.name, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('runs `xxgk-lint check` on a .txt and a .pdf report (JSON contract)', () => {
    const run = spawnSync(bin(), ['check', '--format', 'json', TEXT_SAMPLE, PDF_SAMPLE], { cwd: prefix, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { tool: { version: string }; results: { report: { edition: string | null; year: number | null } | null; findings: { ruleId: string }[] }[] };
    expect(out.tool.version).toBe(pkg.version);
    expect(out.results).toHaveLength(2);
    for (const result of out.results) {
      expect(result.report).toMatchObject({ edition: '2021', year: 2023 });
      expect(result.findings.filter((f) => f.ruleId.startsWith('ingest/'))).toEqual([]);
    }
    expect([0, 1]).toContain(run.status);
  });

  it('imports the library entries and checks a report with them', () => {
    const script = `
      import { Checker, checkBytes, FORMATTERS } from 'xxgk-lint';
      import { loadRuleDirs } from 'xxgk-lint/node';
      import { readFileSync } from 'node:fs';
      const { packs, errors } = loadRuleDirs();
      const result = await checkBytes(new Uint8Array(readFileSync(${JSON.stringify(TEXT_SAMPLE)})), 'r.txt', new Checker(packs));
      console.log(JSON.stringify({ packs: packs.length, errors: errors.length, year: result.report.meta?.year ?? null, findings: result.findings.length, formats: Object.keys(FORMATTERS) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: prefix, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { packs: number; errors: number; year: number | null; findings: number; formats: string[] };
    expect(out.packs).toBeGreaterThan(0);
    expect(out.year).toBe(2023);
    expect(out.errors).toBe(0);
    expect(out.formats).toContain('sarif');
  });

  it('bundles the browser entry for the browser: no Node built-in is imported, except three guarded dynamic imports that run only under Node', async () => {
    const builtins: { path: string; importer: string; kind: string }[] = [];
    const result = await build({
      entryPoints: [pkg.name], absWorkingDir: prefix, bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent',
      plugins: [{
        name: 'node-builtins',
        setup(b) {
          b.onResolve({ filter: /^node:|^(?:fs|path|os|crypto|worker_threads|child_process|module|url|util|stream|buffer|events|zlib|http|https|net|tls)$/ }, (args) => {
            builtins.push({ path: args.path, importer: args.importer.slice(args.importer.lastIndexOf('/dist/') + 1), kind: args.kind });
            return { path: args.path, external: true };
          });
        },
      }],
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.contents.length).toBeGreaterThan(100_000);
    // pdf.js's asset folders and canvas are looked up with node:module only under Node, in a try;
    // node:zlib is loaded only under Node (pdf-inflate.ts), where it is caught too.
    expect(builtins).toEqual([
      { path: 'node:module', importer: 'dist/src/ingest/pdf.js', kind: 'dynamic-import' },
      { path: 'node:zlib', importer: 'dist/src/ingest/pdf-inflate.js', kind: 'dynamic-import' },
      { path: 'node:module', importer: 'dist/src/ingest/pdf-load.js', kind: 'dynamic-import' },
    ]);
  });

  it('checks text and bytes with the browser entry, packs loaded from text, and formats the results', () => {
    const script = `
      import { Checker, checkText, parseBytes, loadPacks, FORMATTERS, summarize } from 'xxgk-lint';
      import { readFileSync, readdirSync } from 'node:fs';
      const dir = 'node_modules/xxgk-lint/rules/';
      const { packs, errors } = loadPacks(readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, text: readFileSync(dir + f, 'utf8') })));
      const text = readFileSync(${JSON.stringify(TEXT_SAMPLE)}, 'utf8');
      const result = await checkText(text, 'r.txt', new Checker(packs));
      const report = await parseBytes(new TextEncoder().encode(text), 'r.txt');
      const json = JSON.parse(FORMATTERS.json([{ ...result }], { locale: 'en', color: false, version: 'x' }));
      console.log(JSON.stringify({ errors: errors.length, year: report.meta.year, edition: report.meta.edition, findings: result.findings.map((f) => f.ruleId + ':' + f.location.line), json: json.results[0].findings.length, summary: summarize([result]) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: prefix, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { errors: number; year: number; edition: string; findings: string[]; json: number; summary: { files: number } };
    expect(out).toMatchObject({ errors: 0, year: 2023, edition: '2021', json: out.findings.length, summary: { files: 1 } });
    expect(out.findings.length).toBeGreaterThan(0);
  });

  it('lints files with the Node entry as `xxgk-lint check` does: same findings, config applied, formatted', () => {
    const dir = join(work, 'lint');
    mkdirSync(dir);
    copyFileSync(TEXT_SAMPLE, join(dir, 'report.txt'));
    const cli = spawnSync(bin(), ['check', '--format', 'json', dir], { cwd: prefix, encoding: 'utf8', maxBuffer: 1 << 26 });
    const cliFindings = (JSON.parse(cli.stdout) as { results: { findings: { ruleId: string; location: { line: number } }[] }[] }).results[0]!.findings.map((f) => `${f.ruleId}:${f.location.line}`);
    expect(cliFindings.length).toBeGreaterThan(0);
    const offRule = cliFindings[0]!.split(':')[0]!;
    const script = `
      import { lint, LintSetupError } from 'xxgk-lint/node';
      import { writeFileSync } from 'node:fs';
      const dir = ${JSON.stringify(dir)};
      const plain = await lint([dir]);
      writeFileSync(dir + '/.xxgk-lint.yaml', 'rules:\\n  ${offRule}: "off"\\n');
      const configured = await lint([dir], { locale: 'en' });
      writeFileSync(dir + '/.xxgk-lint.yaml', 'rules:\\n  ${offRule}: [oops\\n');
      const broken = await lint([dir]).then(() => 'loaded', (e) => (e instanceof LintSetupError ? e.message : 'other error'));
      const ids = (r) => r.results[0].findings.map((f) => f.ruleId + ':' + f.location.line);
      console.log(JSON.stringify({ plain: ids(plain), configured: ids(configured), stylish: configured.format('stylish'), summary: plain.summary, broken }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: prefix, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { plain: string[]; configured: string[]; stylish: string; summary: { files: number }; broken: string };
    expect(out.plain).toEqual(cliFindings);
    expect(out.configured).toEqual(cliFindings.filter((f) => !f.startsWith(`${offRule}:`)));
    expect(out.stylish).toContain('report.txt');
    expect(out.summary.files).toBe(1);
    expect(out.broken).toMatch(/\.xxgk-lint\.yaml:\d+:\d+/);
  });
});
