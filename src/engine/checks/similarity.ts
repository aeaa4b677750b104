/**
 * `similarity`: text repeated from the same agency's previous report, or shared with other
 * agencies' reports in the batch (section 五 or the whole body).
 */
import { overlap, sharedPassages, sketch, sketchSimilarity } from '../../format/text-similarity.js';
import type { BatchContext, BatchReport } from '../batch.js';
import type { BatchOutcome } from '../outcome.js';
import type { Check } from '../schema.js';
import { NO_REFS, type CheckKind } from './kind.js';

type SimilarityCheck = Extract<Check, { kind: 'similarity' }>;

/** Appends to the list under `key`, in place (copying the list at each append made grouping quadratic). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const quoted = (a: string, b: string): string => sharedPassages(a, b).map((p) => `“${p.slice(0, 60)}${p.length > 60 ? '…' : ''}”`).join('；');

/** Evaluates a similarity check on a batch; `applies` says which reports the rule applies to. */
export async function checkSimilarity(batch: BatchContext, check: SimilarityCheck, applies: (r: BatchReport) => boolean): Promise<BatchOutcome[]> {
  const field = check.scope === 'problems' ? 'problems' : 'body';
  const out: BatchOutcome[] = [];
  const outcome = (self: BatchReport, other: BatchReport, share: number, passages: string, key: string): BatchOutcome => ({
    file: self.file,
    status: 'fail',
    key,
    location: { line: field === 'problems' ? self.problemsLine : 1 },
    vars: { share: Math.round(share * 100), other: other.file, otherYear: other.year ?? '', passages },
    expected: Math.round(check.threshold * 100),
    actual: Math.round(share * 100),
  });
  if (check.against === 'previous') {
    for (const current of batch.reports) {
      if (!applies(current)) continue;
      const prev = batch.previousOf(current);
      if (!prev) continue;
      const share = overlap(current[field], prev[field]);
      if (share < check.threshold) continue;
      out.push(outcome(current, prev, share, quoted(current[field], prev[field]), `previous:${field}`));
    }
    return out;
  }
  // Others: candidate pairs share many sketch values (an inverted index keeps this near linear
  // for large batches); each candidate is confirmed on the texts.
  const reports = batch.reports;
  const sketches = reports.map((s) => (field === 'body' ? s.sketch : sketch(s[field])));
  const postings = new Map<number, number[]>();
  sketches.forEach((values, i) => {
    for (const v of values) pushTo(postings, v, i);
  });
  const together = new Map<number, number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > 50) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const key = list[x]! * reports.length + list[y]!;
      together.set(key, (together.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of together) {
    const a = reports[Math.floor(key / reports.length)]!;
    const b = reports[key % reports.length]!;
    if (count < 8 || batch.sameAgency(a, b) || sketchSimilarity(sketches[Math.floor(key / reports.length)]!, sketches[key % reports.length]!) < check.threshold * 0.5) continue;
    const ta = a[field] || (await batch.body?.(a.file)) || '';
    const tb = b[field] || (await batch.body?.(b.file)) || '';
    const share = overlap(ta, tb);
    if (share < check.threshold) continue;
    const passages = quoted(ta, tb);
    for (const [self, other] of [[a, b], [b, a]] as const) out.push(outcome(self, other, share, passages, `others:${field}:${other.agency ?? other.file}`));
  }
  return out;
}

/** The `similarity` check kind. */
export const similarityKind: CheckKind<'similarity'> = {
  kind: 'similarity',
  scope: 'batch',
  ...NO_REFS,
  messages: () => ({ default: ['share', 'other', 'otherYear', 'passages'] }),
  describe: (check) =>
    `相似度核对：${check.scope === 'problems' ? '“五、存在的主要问题及改进情况”' : '报告正文'}与${check.against === 'previous' ? '同一机关上一年度报告' : '同批其他机关的报告'}的重合比例达到 ${Math.round(check.threshold * 100)}% 时提示，并列出相同的段落。`,
};
