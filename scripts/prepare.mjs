// npm's `prepare` lifecycle: builds the package (dist/, web/dist) so that `npm pack`, `npm publish`
// and `npm install <git url>` (npm installs the clone's dev dependencies, then runs `prepare`)
// ship a working `xxgk-lint` command and library entry.
//
// Skipped where a build would be wasted or impossible:
// - `npm ci`: the clone's CI (.ci/run) and the README's commands run `npm ci` and then a build
//   of their own (`npm run check`, `npm run demo`); building here too would build twice.
// - an installed copy (no src/ beside this script): it is already built and has no compiler.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
if (process.env.npm_command === 'ci') {
  console.error('prepare: skipped under `npm ci` (run `npm run build`, or `npm run check`, to build).');
} else if (!existsSync(join(root, 'src', 'cli', 'main.ts'))) {
  console.error('prepare: no sources here, nothing to build.');
} else {
  const npm = process.env.npm_execpath;
  const run = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' }) : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.error) throw run.error;
  process.exitCode = run.status ?? 1;
}
