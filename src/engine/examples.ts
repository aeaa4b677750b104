/**
 * Rule examples: a fixture report changed as the example says (text replaced, cells set), for
 * the tests that run every example and for the generated rule docs.
 */
import { parseReport } from '../parse/index.js';
import { ingestText } from '../ingest/text.js';
import { DEFAULT_LIMITS } from '../ingest/limits.js';
import type { Finding } from '../model/finding.js';
import type { Example, ExpectedFinding } from './schema.js';

/**
 * Writes new cell values into report text at the cells' places, found by parsing the text.
 * Throws when a cell does not exist, so a broken example fails loudly.
 */
export function setCells(text: string, set: Record<string, string>): string {
  const report = parseReport(ingestText(new TextEncoder().encode(text), 'text', DEFAULT_LIMITS));
  const lines = text.split('\n');
  const edits: { index: number; at: number; length: number; value: string }[] = [];
  for (const [id, value] of Object.entries(set)) {
    const table = report.tables[id.startsWith('stat-items.') ? 'stat-items' : id.slice(0, id.indexOf('.'))];
    const cell = table?.cells[id];
    if (!cell) throw new Error(`example sets ${id}, which the fixture does not have`);
    const index = cell.at.line - 1;
    const line = lines[index]!;
    const from = Math.max(0, (cell.at.column ?? 1) - 1);
    const at = cell.raw === '' ? from : line.indexOf(cell.raw, from);
    if (at < 0) throw new Error(`cannot find ${cell.raw} for ${id} on line ${cell.at.line}`);
    edits.push({ index, at, length: cell.raw.length, value });
  }
  // Places were read from the unchanged text: write from the end of each line backwards, so a
  // value longer or shorter than the one it replaces does not move the cells still to be written.
  edits.sort((a, b) => b.index - a.index || b.at - a.at);
  for (const { index, at, length, value } of edits) {
    const line = lines[index]!;
    lines[index] = line.slice(0, at) + value + line.slice(at + length);
  }
  return lines.join('\n');
}

/** The text of an example, given its fixture's text. */
export function applyExample(fixtureText: string, example: Pick<Example, 'fixture' | 'set' | 'replace' | 'cut'>): string {
  let text = fixtureText;
  for (const [from, to] of example.replace ?? []) {
    if (!text.includes(from)) throw new Error(`example replaces "${from}", not in ${example.fixture}`);
    text = text.split(from).join(to);
  }
  for (const [from, until] of example.cut ?? []) {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.includes(from));
    const end = start < 0 ? -1 : lines.findIndex((l, i) => i > start && l.includes(until));
    if (start < 0 || end < 0) throw new Error(`example cuts from "${from}" until "${until}", not both in ${example.fixture}`);
    text = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
  }
  if (example.set) text = setCells(text, example.set);
  return text;
}

/** A short description of how an example changes its fixture, for docs. */
export function describeExample(example: Pick<Example, 'set' | 'replace' | 'cut'>): string {
  const parts: string[] = [];
  for (const [id, value] of Object.entries(example.set ?? {})) parts.push(`把 \`${id}\` 改为 \`${value}\``);
  for (const [from, to] of example.replace ?? []) parts.push(`把“${from.replace(/\t/g, '⇥').replace(/\n/g, '↵')}”改为“${to.replace(/\t/g, '⇥').replace(/\n/g, '↵')}”`);
  for (const [from, until] of example.cut ?? []) parts.push(`删去从含“${from}”的一行到含“${until}”的一行之前的内容`);
  return parts.length ? parts.join('；') : '原样';
}

/** Where a finding is, as an example names it: `table.row.col`, or as much of it as the location has. */
export function findingCell(finding: Pick<Finding, 'location'>): string | undefined {
  const { table, row, col } = finding.location;
  const parts = [table, row, col].filter((p): p is string => p !== undefined && p !== '');
  return parts.length ? parts.join('.') : undefined;
}

/** A finding in the words of an expectation, for a failing test's message. */
function describeFinding(finding: Finding): string {
  const cell = findingCell(finding);
  return `${finding.severity} line ${finding.location.line}${cell ? ` ${cell}` : ''}: ${finding.message}`;
}

/**
 * How the findings of an invalid example differ from what it pins (count, then each finding in
 * order of line: severity, line, cell, message id); an empty list when they match. Findings are
 * compared in the order the checker sorts them, expectations in the order written.
 */
export function findingsMismatch(findings: readonly Finding[], expected: readonly ExpectedFinding[]): string[] {
  const problems: string[] = [];
  if (findings.length !== expected.length) {
    problems.push(`expected ${expected.length} finding(s), got ${findings.length}: ${findings.map(describeFinding).join(' | ') || 'none'}`);
  }
  expected.forEach((want, i) => {
    const got = findings[i];
    if (!got) return;
    const cell = findingCell(got);
    // A finding names its message only when it is not the rule's main one (`default`).
    const messageId = got.messageId ?? 'default';
    const wrong: string[] = [];
    if (got.severity !== want.severity) wrong.push(`severity ${got.severity}, not ${want.severity}`);
    if (want.line !== undefined && got.location.line !== want.line) wrong.push(`line ${got.location.line}, not ${want.line}`);
    if (want.cell !== undefined && cell !== want.cell) wrong.push(`cell ${cell ?? '(none)'}, not ${want.cell}`);
    if (want.messageId !== undefined && messageId !== want.messageId) wrong.push(`message id ${messageId}, not ${want.messageId}`);
    if (wrong.length) problems.push(`finding ${i + 1} (${describeFinding(got)}): ${wrong.join('; ')}`);
  });
  return problems;
}

/**
 * Why a rule's findings on one of its examples are not what the example says (empty when they
 * are): an invalid example yields the findings it pins (or, if it pins none, at least one), a
 * valid example yields none. Shared by the rule tests and the rule-mutation test.
 */
export function exampleFailures(kind: 'invalid' | 'valid', example: Pick<Example, 'findings'>, findings: readonly Finding[]): string[] {
  if (kind === 'valid') return findings.length ? [`valid example has ${findings.length} finding(s): ${findings.map(describeFinding).join(' | ')}`] : [];
  if (!example.findings) return findings.length ? [] : ['invalid example has no finding'];
  return findingsMismatch(findings, example.findings);
}
