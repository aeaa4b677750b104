/**
 * The comparison of an invalid example's findings with the findings it pins: each difference
 * (count, severity, line, cell, message id) is reported, and a match reports nothing.
 */
import { describe, expect, it } from 'vitest';
import { findingCell, findingsMismatch } from '../src/engine/examples.js';
import type { Finding } from '../src/model/finding.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'table3-column-balance',
  severity: 'error',
  message: '表三「自然人」列不平衡',
  location: { line: 58, table: 't3', row: 'carried_out', col: 'np' },
  ...over,
});

describe('findingsMismatch', () => {
  it('accepts findings that match every pinned field', () => {
    expect(findingsMismatch([finding()], [{ severity: 'error', line: 58, cell: 't3.carried_out.np' }])).toEqual([]);
  });

  it('compares only the fields an expectation names', () => {
    expect(findingsMismatch([finding()], [{ severity: 'error' }])).toEqual([]);
  });

  it('reports a different count, naming the findings', () => {
    const problems = findingsMismatch([finding(), finding({ location: { line: 60 } })], [{ severity: 'error', line: 58 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/expected 1 finding\(s\), got 2/);
  });

  it('reports a wrong severity, line, cell and message id', () => {
    const [problem] = findingsMismatch([finding({ messageId: 'unbalanced' })], [{ severity: 'warning', line: 57, cell: 't3.new.np', messageId: 'other' }]);
    expect(problem).toMatch(/severity error, not warning/);
    expect(problem).toMatch(/line 58, not 57/);
    expect(problem).toMatch(/cell t3\.carried_out\.np, not t3\.new\.np/);
    expect(problem).toMatch(/message id unbalanced, not other/);
  });

  it('requires a pinned message id to be carried by the finding (none carried is the main message, `default`)', () => {
    expect(findingsMismatch([finding()], [{ severity: 'error', messageId: 'unbalanced' }])[0]).toMatch(/message id default, not unbalanced/);
    expect(findingsMismatch([finding()], [{ severity: 'error', messageId: 'default' }])).toEqual([]);
  });

  it('names a whole table or row by as much of the location as there is', () => {
    expect(findingCell(finding({ location: { line: 1, table: 't2' } }))).toBe('t2');
    expect(findingCell(finding({ location: { line: 1 } }))).toBeUndefined();
  });
});
