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

/** The origin of one position of the text view, or undefined when the text view is the original. */
export function originOf(source: SourceText, line: number, column: number | undefined): Origin | undefined {
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
    if (column !== undefined) origin.tableCol = countTabs(at.text, column - 1) + 1;
  } else if (o.paragraph !== undefined) origin.paragraph = o.paragraph;
  return Object.keys(origin).length > 0 ? origin : undefined;
}

function countTabs(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < text.length; i++) if (text.charCodeAt(i) === 9) n++;
  return n;
}

/** True for findings about the file as a whole (it could not be read, or was not found). */
const isFileProblem = (f: RelatedFinding): boolean => f.ruleId.startsWith('ingest/');

function placeOne<T extends RelatedFinding>(f: T, source: SourceText): T {
  if (f.location.scope === 'document' || isFileProblem(f)) return f.location.scope === 'document' ? f : { ...f, location: { ...f.location, scope: 'document' } };
  const origin = originOf(source, f.location.line, f.location.column);
  return origin ? { ...f, location: { ...f.location, origin } } : f;
}

/** The findings with their places in the original file (`location.origin`), related ones too. */
export function placeFindings(findings: readonly Finding[], source: SourceText): Finding[] {
  return findings.map((f) => {
    const placed = placeOne(f, source);
    return f.related ? { ...placed, related: f.related.map((r) => placeOne(r, source)) } : placed;
  });
}
