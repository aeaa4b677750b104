/**
 * Rules across reports: continuity from one year to the next for the same agency (cross-year),
 * a consolidated report against its constituents (consolidated), and text repeated from last year
 * or copied from other agencies (similarity). Reports are paired by agency name (or the manifest).
 */
import { compare, evaluate, parseRelation, references, type Resolver } from '../engine/expr.js';
import { expand } from '../engine/expand.js';
import { cellLabel } from '../format/labels.js';
import { fingerprint } from '../engine/run.js';
import { render } from '../engine/message.js';
import { isCrossRule, type Pack, type Rule } from '../engine/kinds.js';
import type { Finding } from '../model/finding.js';
import { labelKey } from '../format/normalize.js';
import type { Snapshot } from './process.js';
import { overlap, sharedPassages, sketch, sketchSimilarity } from './similarity.js';
import type { ManifestEntry } from './types.js';

/** The cross-report rules of the packs. */
export function crossRules(packs: readonly Pack[]): { rule: Rule; editions: readonly string[] }[] {
  return packs.flatMap((p) => p.rules.filter(isCrossRule).map((rule) => ({ rule, editions: rule.editions ?? p.editions ?? ['2008', '2019', '2021'] })));
}

/** The cell ids cross-year and consolidated rules read (what snapshots must keep). */
export function crossCellIds(packs: readonly Pack[]): Set<string> {
  const ids = new Set<string>();
  for (const { rule } of crossRules(packs)) {
    const check = rule.check;
    if (check.kind === 'cross-year') {
      for (const binding of expand(check.for ?? {})) {
        const source = check.assert.replace(/\{([a-z_]+)\}/g, (_m, v: string) => binding[v] ?? '');
        const relation = parseRelation(source);
        for (const ref of [...references(relation.left), ...(relation.right ? references(relation.right) : [])]) ids.add(ref.id.replace(/^prev\./, ''));
      }
    } else if (check.kind === 'consolidated') for (const c of check.cells) ids.add(c);
  }
  return ids;
}

/** A key for comparing agency names: 淮安市洪泽区人民政府 and 洪泽区人民政府 pair up. */
export function sameAgency(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = labelKey(a);
  const y = labelKey(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.endsWith(short);
}

/** Options of {@link crossCheck}. */
export interface CrossOptions {
  locale: 'zh' | 'en';
  /** Previous-year reports that are not themselves reported on (`--prev`). */
  previous?: readonly Snapshot[];
  manifest?: readonly ManifestEntry[] | null;
  /** Reads a report's body again (large batches keep only a sketch of it). */
  body?: (file: string) => Promise<string>;
}

function resolverFor(current: Snapshot, prev: Snapshot): Resolver {
  return {
    cell(id) {
      const source = id.startsWith('prev.') ? prev : current;
      const cell = source.cells[id.replace(/^prev\./, '')];
      return cell ? { kind: 'value', value: cell.value, state: cell.state === 'number' ? 'number' : 'blank' } : { kind: 'absent' };
    },
    glob: () => [],
  };
}

/**
 * Appends to the list under `key`, in place. (Copying the list at each append, as this once did,
 * made grouping quadratic: 10,000 reports of one year, or a sketch value shared by hundreds of
 * reports, cost seconds and hundreds of megabytes at the end of a large batch.)
 */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Evaluates every cross-report rule on a batch; findings by file. */
export async function crossCheck(packs: readonly Pack[], snapshots: readonly Snapshot[], options: CrossOptions): Promise<Map<string, Finding[]>> {
  const out = new Map<string, Finding[]>();
  const add = (file: string, f: Finding): void => pushTo(out, file, f);
  // Reports by year, and by agency key, so that pairing stays linear in large batches.
  const byYear = new Map<number, Snapshot[]>();
  for (const p of [...snapshots, ...(options.previous ?? [])]) if (p.year !== null) pushTo(byYear, p.year, p);
  const keyMemo = new Map<string, Map<string, Snapshot>>();
  const byAgency = (year: number): Map<string, Snapshot> => {
    let map = keyMemo.get(String(year));
    if (!map) {
      map = new Map();
      for (const p of byYear.get(year) ?? []) if (p.agency && !map.has(labelKey(p.agency))) map.set(labelKey(p.agency), p);
      keyMemo.set(String(year), map);
    }
    return map;
  };
  const previousOf = (s: Snapshot): Snapshot | undefined => {
    if (s.year === null || !s.agency) return undefined;
    const candidates = byAgency(s.year - 1);
    const key = labelKey(s.agency);
    const exact = candidates.get(key);
    if (exact) return exact;
    for (const [k, p] of candidates) if (sameAgency(k, key)) return p;
    return undefined;
  };
  const text = (rule: Rule, vars: Record<string, string | number>): string => render(options.locale === 'en' ? rule.message.en : rule.message.zh, vars);

  for (const { rule, editions } of crossRules(packs)) {
    const check = rule.check;
    if (check.kind === 'cross-year') {
      for (const current of snapshots) {
        if (!editions.includes(current.edition ?? 'none')) continue;
        const prev = previousOf(current);
        if (!prev) continue;
        for (const binding of expand(check.for ?? {})) {
          const source = check.assert.replace(/\{([a-z_]+)\}/g, (_m, v: string) => binding[v] ?? '');
          const relation = parseRelation(source);
          const resolver = resolverFor(current, prev);
          const left = evaluate(relation.left, resolver);
          const right = relation.right ? evaluate(relation.right, resolver) : null;
          if (!right || !relation.op || left.empty || right.empty) continue;
          if (compare(left.value, relation.op, right.value, check.tolerance ?? 0)) continue;
          const anchor = (left.terms ?? []).find((t) => !t.id.startsWith('prev.')) ?? left.terms?.[0];
          const id = anchor?.id.replace(/^prev\./, '') ?? '';
          const vars: Record<string, string | number> = { lhs: left.value, rhs: right.value, prevFile: prev.file, prevYear: prev.year ?? '', cell: id ? cellLabel(id) : '', ...binding };
          add(current.file, {
            ruleId: rule.id, severity: rule.severity, message: text(rule, vars), basis: rule.basis,
            location: { line: current.cells[id]?.line ?? 1 }, expected: right.value, actual: left.value,
            fingerprint: fingerprint(rule.id, Object.entries(binding).map(([k, v]) => `${k}=${v}`).join(',')),
          });
        }
      }
    } else if (check.kind === 'consolidated') {
      for (const parent of options.manifest ?? []) {
        const parentSnap = snapshots.find((s) => sameAgency(s.agency, parent.agency) && (parent.year === undefined || s.year === parent.year));
        if (!parentSnap || !editions.includes(parentSnap.edition ?? 'none')) continue;
        const children = (options.manifest ?? []).filter((c) => c.parent && sameAgency(c.parent, parent.agency));
        const childSnaps = children.map((c) => snapshots.find((s) => sameAgency(s.agency, c.agency) && s.year === parentSnap.year)).filter((s): s is Snapshot => s !== undefined);
        if (childSnaps.length === 0) continue;
        for (const id of check.cells) {
          const own = parentSnap.cells[id];
          if (!own || childSnaps.some((c) => !c.cells[id])) continue;
          const sum = childSnaps.reduce((n, c) => n + c.cells[id]!.value, 0);
          if (Math.abs(own.value - sum) <= (check.tolerance ?? 0) * Math.max(own.value, sum)) continue;
          add(parentSnap.file, {
            ruleId: rule.id, severity: rule.severity, basis: rule.basis, location: { line: own.line }, expected: sum, actual: own.value,
            message: text(rule, { cell: cellLabel(id), own: own.value, sum, count: childSnaps.length, missing: children.length - childSnaps.length }),
            fingerprint: fingerprint(rule.id, id),
          });
        }
      }
    } else if (check.kind === 'similarity') {
      const field = check.scope === 'problems' ? 'problems' : 'body';
      if (check.against === 'previous') {
        for (const current of snapshots) {
          if (!editions.includes(current.edition ?? 'none')) continue;
          const prev = previousOf(current);
          if (!prev) continue;
          const a = current[field];
          const b = prev[field];
          const share = overlap(a, b);
          if (share < check.threshold) continue;
          const passages = sharedPassages(a, b).map((p) => `“${p.slice(0, 60)}${p.length > 60 ? '…' : ''}”`).join('；');
          add(current.file, {
            ruleId: rule.id, severity: rule.severity, basis: rule.basis, location: { line: field === 'problems' ? current.problemsLine : 1 }, expected: Math.round(check.threshold * 100), actual: Math.round(share * 100),
            message: text(rule, { share: Math.round(share * 100), other: prev.file, otherYear: prev.year ?? '', passages }),
            fingerprint: fingerprint(rule.id, `previous:${field}`),
          });
        }
      } else {
        // Others: candidate pairs share many sketch values (an inverted index keeps this near
        // linear for large batches); each candidate is confirmed on the texts.
        const sketches = snapshots.map((s) => (field === 'body' ? s.sketch : sketch(s[field])));
        const postings = new Map<number, number[]>();
        sketches.forEach((values, i) => {
          for (const v of values) pushTo(postings, v, i);
        });
        const together = new Map<number, number>();
        for (const list of postings.values()) {
          if (list.length < 2 || list.length > 50) continue;
          for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
            const key = list[x]! * snapshots.length + list[y]!;
            together.set(key, (together.get(key) ?? 0) + 1);
          }
        }
        for (const [key, count] of together) {
          const i = Math.floor(key / snapshots.length);
          const j = key % snapshots.length;
          {
            const a = snapshots[i]!;
            const b = snapshots[j]!;
            if (count < 8 || sameAgency(a.agency, b.agency) || sketchSimilarity(sketches[i]!, sketches[j]!) < check.threshold * 0.5) continue;
            const ta = a[field] || (await options.body?.(a.file)) || '';
            const tb = b[field] || (await options.body?.(b.file)) || '';
            const share = overlap(ta, tb);
            if (share < check.threshold) continue;
            const passages = sharedPassages(ta, tb).map((p) => `“${p.slice(0, 60)}${p.length > 60 ? '…' : ''}”`).join('；');
            for (const [self, other] of [[a, b], [b, a]] as const) {
              add(self.file, {
                ruleId: rule.id, severity: rule.severity, basis: rule.basis, location: { line: field === 'problems' ? self.problemsLine : 1 }, expected: Math.round(check.threshold * 100), actual: Math.round(share * 100),
                message: text(rule, { share: Math.round(share * 100), other: other.file, otherYear: other.year ?? '', passages }),
                fingerprint: fingerprint(rule.id, `others:${field}:${other.agency ?? other.file}`),
              });
            }
          }
        }
      }
    }
  }
  return out;
}
