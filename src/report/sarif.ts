/**
 * SARIF 2.1.0 output, for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).
 * One run; one reporting descriptor per rule that occurs; one result per finding.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { Formatter, ResultEntry } from './types.js';
import { placeText } from './where.js';

/** The schema URI SARIF consumers expect in `$schema`. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of our fingerprint in `partialFingerprints` (versioned, in case the hash changes). */
export const SARIF_FINGERPRINT_KEY = 'xxgk-lint/v1';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

type Properties = Record<string, unknown>;

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
  properties?: Properties;
}

/** What is known of a rule beyond its findings (from the rule packs and the rule docs). */
export interface SarifRuleInfo {
  /** One line: what the rule checks. */
  description: string;
  /** Longer: the rule's basis (the regulation or notice it rests on). */
  fullDescription?: string;
  /** The rule's documentation page, as Markdown. */
  helpMarkdown?: string;
  /** Where that page can be read. */
  helpUri?: string;
}

interface SarifArtifact {
  location: { uri: string };
  properties?: Properties;
}

interface SarifPhysical {
  artifactLocation: { uri: string; index: number };
  region?: { startLine: number; startColumn?: number; endLine?: number };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: {
    physicalLocation: SarifPhysical;
    logicalLocations?: { name: string; fullyQualifiedName?: string; kind: string }[];
  }[];
  relatedLocations?: { id: number; physicalLocation: SarifPhysical; message: { text: string } }[];
  partialFingerprints?: Record<string, string>;
  properties?: Properties;
}

/**
 * A file path as a SARIF `uri-reference`: forward slashes; a relative path stays relative (code
 * scanning resolves it against the repository root); an absolute path becomes a `file:` URI.
 * Characters a URI may not hold (spaces, CJK, `%`, `?`, `#`) are percent-encoded, or schema
 * validators and viewers reject or misread the location.
 */
export function fileUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encode = (p: string): string => encodeURI(p).replace(/[?#]/g, (c) => encodeURIComponent(c));
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encode(slashed)}`;
  if (slashed.startsWith('//')) return `file:${encode(slashed)}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  // `a:b/c.txt` would read as a URI with scheme `a`: anchor it as a relative path.
  const first = slashed.split('/')[0] ?? '';
  return first.includes(':') ? `./${encode(slashed)}` : encode(slashed);
}

/** Drops undefined values, so optional fields are absent rather than `undefined`. */
function defined(entries: Record<string, unknown>): Properties | undefined {
  const kept = Object.entries(entries).filter(([, v]) => v !== undefined);
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/** Where in the report's structure a finding is: `t4.rev.total` with its printed labels. */
function logicalLocation(f: Finding): { name: string; fullyQualifiedName?: string; kind: string } | undefined {
  const l = f.location;
  if (l.table === undefined) return undefined;
  const name = [l.table, l.row, l.col].filter((s) => s !== undefined).join('.');
  const labels = [l.tableLabel, l.rowLabel, l.colLabel].filter((s): s is string => s !== undefined);
  return { name, ...(labels.length ? { fullyQualifiedName: labels.join(' / ') } : {}), kind: 'element' };
}

/** The rule descriptors, in order of first occurrence, and each rule's index. */
function rulesOf(results: readonly ResultEntry[], info: ReadonlyMap<string, SarifRuleInfo>): { rules: SarifRule[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const bases = new Map<string, Set<string | undefined>>();
  for (const r of results) {
    for (const f of r.findings) {
      if (!index.has(f.ruleId)) index.set(f.ruleId, index.size);
      const set = bases.get(f.ruleId) ?? new Set();
      set.add(f.basis);
      bases.set(f.ruleId, set);
    }
  }
  const rules = [...index.keys()].map((id): SarifRule => {
    // The formatter sees findings, not rule packs, so the basis (the clause of the format the
    // rule enforces) is the best description it has — used only when every finding agrees on it.
    const basis = bases.get(id);
    const only = basis?.size === 1 ? [...basis][0] : undefined;
    // Rule documentation lives at docs/rules/<id>.md. `helpUri` must be an absolute URI, and the
    // project has no canonical address, so the repository-relative path goes into properties.
    // Reader problems (`ingest/…`, `batch/…`) have no page.
    const docs = id.includes('/') ? undefined : `docs/rules/${id}.md`;
    const properties = defined({ docs });
    const known = info.get(id);
    const full = known?.fullDescription ?? only;
    return {
      id,
      shortDescription: { text: known?.description ?? id },
      ...(full ? { fullDescription: { text: full } } : {}),
      ...(known ? { help: { text: [known.description, full].filter(Boolean).join('\n'), ...(known.helpMarkdown ? { markdown: known.helpMarkdown } : {}) } } : {}),
      ...(known?.helpUri ? { helpUri: known.helpUri } : {}),
      ...(properties ? { properties } : {}),
    };
  });
  return { rules, index };
}

/** The files of the run, one artifact per distinct path, with the report's metadata. */
function artifactsOf(results: readonly ResultEntry[]): { artifacts: SarifArtifact[]; index: Map<string, number> } {
  const artifacts: SarifArtifact[] = [];
  const index = new Map<string, number>();
  for (const r of results) {
    const uri = fileUri(r.file);
    // Batch runs can repeat a path (every missing manifest entry points at the manifest): the
    // first entry describes it.
    if (index.has(uri)) continue;
    index.set(uri, artifacts.length);
    const meta = r.report?.meta;
    const properties = defined({
      status: r.status,
      edition: meta?.edition ?? undefined,
      year: meta?.year ?? undefined,
      agency: meta?.agency?.name ?? undefined,
      publishedAt: meta?.publishedAt?.iso ?? undefined,
    });
    artifacts.push({ location: { uri }, ...(properties ? { properties } : {}) });
  }
  return { artifacts, index };
}

/** True when the message already names every label of the finding's table, row and column. */
function labelsInMessage(f: Finding): boolean {
  const l = f.location;
  return [l.tableLabel, l.rowLabel, l.colLabel].every((label) => label === undefined || f.message.includes(label));
}

/** The physical location of a finding: the file, and the region unless it is about the whole document. */
function physicalOf(l: Finding['location'], uri: string, artifactIndex: number): SarifPhysical {
  const artifactLocation = { uri, index: artifactIndex };
  if (l.scope === 'document') return { artifactLocation };
  const region = {
    startLine: l.line,
    ...(l.column !== undefined ? { startColumn: l.column } : {}),
    ...(l.endLine !== undefined && l.endLine >= l.line ? { endLine: l.endLine } : {}),
  };
  return { artifactLocation, region };
}

function resultOf(f: Finding, uri: string, artifactIndex: number, ruleIndex: number, placeInMessage: boolean, locale: 'zh' | 'en'): SarifResult {
  const l = f.location;
  const logical = logicalLocation(f);
  const properties = defined({
    page: l.page,
    // Where a person finds it in the original: page and line on it, or the Word/HTML table cell.
    place: placeText(l, locale),
    origin: l.origin,
    scope: l.scope,
    section: l.section,
    table: l.table,
    tableLabel: l.tableLabel,
    row: l.row,
    rowLabel: l.rowLabel,
    col: l.col,
    colLabel: l.colLabel,
    expected: f.expected,
    actual: f.actual,
    basis: f.basis,
  });
  // The findings folded into this one (the same defect): SARIF's related locations.
  const related = (f.related ?? []).map((r, i) => ({ id: i + 1, physicalLocation: physicalOf(r.location, uri, artifactIndex), message: { text: `${r.ruleId}: ${r.message}` } }));
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: placeInMessage && logical?.fullyQualifiedName && !labelsInMessage(f) ? `${f.message}（${logical.fullyQualifiedName}）` : f.message },
    locations: [{
      physicalLocation: physicalOf(l, uri, artifactIndex),
      ...(logical ? { logicalLocations: [logical] } : {}),
    }],
    ...(related.length ? { relatedLocations: related } : {}),
    ...(f.fingerprint !== undefined ? { partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint } } : {}),
    ...(properties ? { properties } : {}),
  };
}

/**
 * Formats results as a SARIF 2.1.0 log (valid against the official schema).
 *
 * - `level`: error → `error`, warning → `warning`, info → `note`.
 * - Location: the file path as given (forward slashes, percent-encoded) and `region.startLine`
 *   (plus `startColumn`/`endLine` when known; columns count UTF-16 code units, as JavaScript
 *   strings do, so `columnKind` says so). For PDF input the line is a line of the extracted text
 *   and the page is in `properties.page`.
 * - Table, row and column go into `properties` (with `expected`, `actual`, `basis`) and into a
 *   logical location named `<table>.<row>.<col>` (kind `element`), labels as its qualified name.
 * - `partialFingerprints['xxgk-lint/v1']` is the finding's fingerprint, so code scanning tracks a
 *   finding across runs even when its line moves.
 * - Every input file is an artifact (with status and report metadata), so files that were clean,
 *   unreadable or missing are still listed; their findings are results like any other.
 */
export const formatSarif: Formatter = (results, options) => sarifLog(results, options, new Map(), false);

/**
 * {@link formatSarif} with what is known of each rule: short and full description, help text and
 * Markdown (the rule's documentation page) and its URI, which code scanning shows with each alert.
 * A result's message names the table, row and column (labels) when it does not already.
 */
export function formatSarifWithRules(results: readonly ResultEntry[], options: Parameters<Formatter>[1], info: ReadonlyMap<string, SarifRuleInfo>): string {
  return sarifLog(results, options, info, true);
}

function sarifLog(results: readonly ResultEntry[], options: Parameters<Formatter>[1], info: ReadonlyMap<string, SarifRuleInfo>, placeInMessage: boolean): string {
  const { rules, index: ruleIndex } = rulesOf(results, info);
  const { artifacts, index: artifactIndex } = artifactsOf(results);
  const sarifResults = results.flatMap((r) => {
    const uri = fileUri(r.file);
    return r.findings.map((f) => resultOf(f, uri, artifactIndex.get(uri) ?? 0, ruleIndex.get(f.ruleId) ?? 0, placeInMessage, options.locale));
  });
  return JSON.stringify(
    {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'xxgk-lint', version: options.version, rules } },
          // Messages are already localized by the checker; say which language they are in.
          language: options.locale === 'zh' ? 'zh-CN' : 'en-US',
          columnKind: 'utf16CodeUnits',
          artifacts,
          results: sarifResults,
        },
      ],
    },
    null,
    2,
  );
}
