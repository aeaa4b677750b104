/**
 * The library entry (`import … from 'xxgk-lint'`): browser-safe reading, parsing and checking of
 * one report (bytes or text in, report model and findings out), the formatters, loading rule packs
 * from text, and the types. Nothing here imports a Node built-in statically (a test bundles it for
 * the browser); reading files, folders, config and waivers from disk is in `xxgk-lint/node`.
 */
export { checkBytes, checkText, parseBytes, type FileResult } from './check.js';
export { ingest, detectKind, decodeText, DEFAULT_LIMITS, type IngestLimits, type InputKind } from './ingest/index.js';
export { parseReport } from './parse/index.js';
export { Checker, type CheckerOptions, type RuleSettings } from './engine/run.js';
export { loadPackText, loadPacks, formatLoadError, type LoadError } from './engine/load.js';
export { FORMATTERS, summarize, type FormatterName, type FormatOptions, type ResultEntry, type Summary } from './report/index.js';
export { SEVERITY_RANK, type Finding, type Location, type Severity } from './model/finding.js';
export type { Report, Cell, CellState, Edition, ReportMeta, Section, Span, TableInstance } from './model/report.js';
export type { Pack, Rule, Check, Example } from './engine/schema.js';
export { VERSION } from './version.js';
