/**
 * The check forms that picked a branch of TypeScript by a string (`kind: metadata, field: …`,
 * `kind: layout, what: …`, `kind: narrative, what: …`) became named kinds (issue #17). A pack that
 * still uses one is refused; the hint names the kind to write instead.
 */

const METADATA: Readonly<Record<string, string>> = {
  title: 'title-present',
  date: 'date-present',
  'agency-consistent': 'agency-consistent',
  'dates-consistent': 'dates-consistent',
  'year-consistent': 'year-consistent',
  'edition-mixed': 'edition-mixed',
  'edition-matches-year': 'edition-matches-year',
};

const NARRATIVE: Readonly<Record<string, string>> = {
  'parts-sum': 'narrative-parts-sum',
  'figure-vs-cell': 'narrative-figures',
  percent: 'narrative-percent',
  contradiction: 'narrative-contradiction',
  'missing-number': 'narrative-missing-number',
  enumeration: 'narrative-enumeration',
  'plans-year': 'narrative-plans-year',
  'list-count': 'narrative-list-count',
};

const ROW_NOTES = new Set(['glued-split', 'glued-no-split', 't2-item-not-printed']);

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The check to write instead of an old-form one, or null when `check` is not of an old form. */
export function replacementOf(check: unknown): string | null {
  if (typeof check !== 'object' || check === null) return null;
  const c = check as Record<string, unknown>;
  const table = c.table !== undefined ? `, table: ${text(c.table)}` : '';
  if (c.kind === 'metadata') {
    const kind = METADATA[text(c.field)];
    return kind ? `{ kind: ${kind} }` : `${Object.values(METADATA).join('、')} 之一`;
  }
  if (c.kind === 'narrative') {
    const kind = NARRATIVE[text(c.what)];
    const options = kind === 'narrative-figures' ? ', figures: […]' : kind === 'narrative-contradiction' ? ', contradictions: […]（每项要写 nameEn）' : '';
    return kind ? `{ kind: ${kind}${options} }` : `${Object.values(NARRATIVE).join('、')} 之一`;
  }
  if (c.kind === 'layout') {
    if (c.what === 'drift') return `{ kind: label-drift${table} }`;
    if (c.what === 'unreadable') return `{ kind: unreadable-rows${table} }`;
    if (c.what === 'note') return `{ kind: ${ROW_NOTES.has(text(c.note)) ? 'row-note' : 'table-note'}${table}, note: ${text(c.note) || '…'} }`;
    return 'label-drift、unreadable-rows、table-note、row-note 之一';
  }
  return null;
}

/** The hint for a refused old-form check at `path` (of the `kind` key) in the pack's data, or null. */
export function legacyKindHint(data: unknown, path: readonly (string | number)[]): { zh: string; en: string } | null {
  let node: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string | number, unknown>)[key];
  }
  const instead = replacementOf(node);
  if (!instead) return null;
  const kind = text((node as { kind?: unknown }).kind);
  return {
    zh: `kind: ${kind} 已改为各自命名的检查种类：请写 ${instead}（见 docs/writing-rules.md）`,
    en: `kind: ${kind} is now split into named check kinds: write ${instead} (see docs/writing-rules.md)`,
  };
}
