/** `{{name}}` placeholders in rule messages, filled from an outcome's values. */

/** Fills `{{name}}` placeholders; an unknown name is left as it is, so tests can catch it. */
export function render(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A short, stable hash (FNV-1a, 32 bits, hex) for fingerprints. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
