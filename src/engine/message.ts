/** `{{name}}` placeholders in rule messages, filled from an outcome's values. */

/** Fills `{{name}}` placeholders; an unknown name is left as it is, so tests can catch it. */
export function render(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

// The fingerprint hash belongs to the findings (model); re-exported for the engine's modules.
export { hash } from '../model/hash.js';
