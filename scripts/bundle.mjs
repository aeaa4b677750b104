// Part of `npm run build`: bundles the compiled CLI and its batch worker into dist/bundle with
// esbuild. Resolving and loading ~150 small ES modules plus their dependencies was about 150 ms of
// the CLI's start-up (node --cpu-prof); a handful of files loads in a fraction of that (issue #9).
//
// What the bundle relies on:
// - The worker is `worker.js` beside the chunks: src/batch/pool.ts starts `./worker.js` relative
//   to its own module, and both entries and all chunks are written to the same folder.
// - src/rule-dirs.ts reads `./builtin-packs.json` beside its module and finds `rules/` by walking
//   up from it: the cache is copied into the bundle's folder, and `rules/` is two folders up.
// - The heavy dependencies that are loaded lazily stay external, as installed packages: pdf.js
//   loads its own worker, CMaps and fonts relative to its files; exceljs (summaries, extract) and
//   cheerio (.html/.docx) are large and only needed by some inputs and options.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist/bundle';

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const result = await build({
  entryPoints: { main: 'dist/src/cli/main.js', worker: 'dist/src/batch/worker.js' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['pdfjs-dist', 'exceljs', 'cheerio'],
  // Bundled CommonJS packages (yaml, commander, json-rules-engine …) call require() for Node's
  // built-in modules; an ES module has no `require`, so each chunk makes one.
  banner: { js: "import { createRequire as __xxgkCreateRequire } from 'node:module'; const require = __xxgkCreateRequire(import.meta.url);" },
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  // The bundled packages' license comments stay, at the end of each file (esbuild's default).
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});
// scripts/pack-cache.mjs writes no cache when the packs do not load cleanly; the CLI then
// validates the YAML packs at start-up, from the bundle as from dist/src.
if (existsSync('dist/src/builtin-packs.json')) copyFileSync('dist/src/builtin-packs.json', `${OUT}/builtin-packs.json`);
else console.error('bundle: no dist/src/builtin-packs.json to copy; the bundled CLI will validate the YAML packs at every start.');
// What went where, for test/cli-bundle.test.ts (which chunks load at start-up) and esbuild's
// bundle analyzer; outside the bundle's folder, so not shipped.
writeFileSync('dist/bundle-meta.json', JSON.stringify(result.metafile));
