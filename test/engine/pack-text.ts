/**
 * A one-rule pack's YAML for load tests: the check's lines and the message lines (indented under
 * the rule); `severity` defaults to warning, `after` is text added after the rule (more rules, a
 * stray key), as it is.
 */
export function onePack(check: string[], messages: string[] = ['message: { zh: "x", en: "x" }'], options: { severity?: string; after?: string } = {}): string {
  return [
    'pack: test',
    'description: 测试',
    'rules:',
    '  - id: test-rule',
    '    description: 测试规则',
    `    severity: ${options.severity ?? 'warning'}`,
    '    basis: 测试',
    ...check.map((l) => `    ${l}`),
    ...messages.map((l) => `    ${l}`),
    '    examples: { invalid: [{ fixture: a.txt }], valid: [{ fixture: b.txt }] }',
    ...(options.after !== undefined ? [options.after] : []),
  ].join('\n');
}
