/**
 * Where a finding is in the original file, as a person finds it there: for a PDF the page and
 * the line on that page, for a .docx or a web page the paragraph, or the table and its row and
 * column as Word or the browser shows them. The checks locate findings by line of the text view;
 * this step adds `location.origin` from the source map ingest kept for each line. Findings about
 * the whole document (a missing part, a file that cannot be read) get `scope: "document"`.
 */
import type { Finding, Location, RelatedFinding } from '../model/finding.js';
import type { SourceText } from '../model/source.js';

type Origin = NonNullable<Location['origin']>;

/** Where the TABs of each line are (worked out once per line: a 2 MB line may hold many findings). */
type TabIndex = Map<number, readonly number[]>;

function tabsBefore(tabs: TabIndex, source: SourceText, line: number, end: number): number {
  let at = tabs.get(line);
  if (!at) {
    const text = source.lines[line - 1]?.text ?? '';
    const found: number[] = [];
    for (let i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i + 1)) found.push(i);
    at = found;
    tabs.set(line, at);
  }
  // Binary search: how many TABs lie before `end`.
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The origin of one position of the text view, or undefined when the text view is the original. */
export function originOf(source: SourceText, line: number, column: number | undefined, tabs: TabIndex = new Map()): Origin | undefined {
  const at = source.lines[line - 1];
  if (!at) return undefined;
  const o = at.origin;
  const origin: Origin = {};
  if (o.page !== undefined) origin.page = o.page;
  if (o.pageLine !== undefined) origin.pageLine = o.pageLine;
  if (o.tableIndex !== undefined && o.tableRow !== undefined) {
    origin.tableIndex = o.tableIndex;
    origin.tableRow = o.tableRow;
    // A table row is one line with its cells joined by TAB: the column is the cell's number.
    if (column !== undefined) origin.tableCol = tabsBefore(tabs, source, line, column - 1) + 1;
  } else if (o.paragraph !== undefined) origin.paragraph = o.paragraph;
  return Object.keys(origin).length > 0 ? origin : undefined;
}

/** True for findings about the file as a whole (it could not be read, or was not found). */
const isFileProblem = (f: RelatedFinding): boolean => f.ruleId.startsWith('ingest/');

function placeOne<T extends RelatedFinding>(f: T, source: SourceText, tabs: TabIndex): T {
  if (f.location.scope === 'document' || isFileProblem(f)) return f.location.scope === 'document' ? f : { ...f, location: { ...f.location, scope: 'document' } };
  const origin = originOf(source, f.location.line, f.location.column, tabs);
  return origin ? { ...f, location: { ...f.location, origin } } : f;
}

/** The findings with their places in the original file (`location.origin`), related ones too. */
export function placeFindings(findings: readonly Finding[], source: SourceText): Finding[] {
  const tabs: TabIndex = new Map();
  return findings.map((f) => {
    const placed = placeOne(f, source, tabs);
    return f.related ? { ...placed, related: f.related.map((r) => placeOne(r, source, tabs)) } : placed;
  });
}
