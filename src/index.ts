/**
 * The library entry (`import … from 'xxgk-lint'`): browser-safe reading, parsing and checking of
 * one report, the formatters, and loading rule packs from text. Reading rule folders from disk
 * is in `xxgk-lint/node`.
 */
export { checkBytes, type FileResult } from './check.js';
export { ingest, detectKind, decodeText, DEFAULT_LIMITS, type IngestLimits, type InputKind } from './ingest/index.js';
export { parseReport } from './parse/index.js';
export { Checker, type CheckerOptions, type RuleSettings } from './engine/run.js';
export { loadPackText, loadPacks, formatLoadError, type LoadError } from './engine/load.js';
export { FORMATTERS, summarize, type FormatterName, type FormatOptions, type ResultEntry, type Summary } from './report/index.js';
export type { Finding, Severity } from './model/finding.js';
export type { Report } from './model/report.js';
export { VERSION } from './version.js';
