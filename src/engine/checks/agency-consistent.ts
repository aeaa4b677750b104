/** `agency-consistent`: the agency named in the title (or the filled-in form) and in the signature are the same. */
import { lcsLength } from '../../format/lcs.js';
import { labelKey } from '../../format/normalize.js';
import { locate, type Outcome } from '../outcome.js';
import { NO_REFS, type CheckKind } from './kind.js';

/** True when two names are almost the same but not one a shortening of the other: a likely typo. */
export function nearlySameName(a: string, b: string): boolean {
  const x = labelKey(a);
  const y = labelKey(b);
  if (x === y || x.length < 4 || y.length < 4) return false;
  if (x.startsWith(y) || y.startsWith(x) || x.endsWith(y) || y.endsWith(x)) return false;
  return (2 * lcsLength(x, y)) / (x.length + y.length) >= 0.85;
}

/** The `agency-consistent` check kind. */
export const agencyConsistentKind: CheckKind<'agency-consistent'> = {
  kind: 'agency-consistent',
  scope: 'report',
  ...NO_REFS,
  messages: () => ({ default: ['title', 'signature'] }),
  describe: () => '标题（或表头填写）中的机关名称与落款中的机关名称几乎相同却不一致（一个不是另一个的简称）时提示，很可能是错字。`expected` 为标题中的名称，`actual` 为落款中的名称。',
  evaluate(ctx): Outcome[] {
    const { agencies } = ctx.report.meta;
    const title = agencies.find((a) => a.source === 'title' || a.source === 'filler');
    const signature = agencies.find((a) => a.source === 'signature');
    if (!title || !signature || !nearlySameName(title.name, signature.name)) return [];
    return [{ status: 'fail', key: 'agency', location: locate(signature.at), vars: { title: title.name, signature: signature.name }, expected: title.name, actual: signature.name }];
  },
};
