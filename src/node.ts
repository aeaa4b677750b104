/**
 * The Node entry (`import … from 'xxgk-lint/node'`): everything of the browser-safe entry, plus
 * what needs the file system: `lint` (what `xxgk-lint check` does: find files, load config,
 * waivers and packs, run, format) and reading rule packs from disk. Everything else in `src`
 * (model, parse, engine, report) takes strings and objects, so the web page can run it.
 */
export * from './index.js';
export { lint, LintSetupError, type LintOptions, type LintResult } from './lint.js';
export { loadRuleDirs, writeBuiltinPackCache } from './rule-load.js';
// The finding and reading of pack files lives in rule-dirs.ts, without YAML and zod, for the CLI.
export { builtinRulesDir, packFiles } from './rule-dirs.js';
