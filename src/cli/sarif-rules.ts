/**
 * What SARIF says about each rule (for code scanning's alert pages): the description and basis
 * from the rule packs, and the rule's generated documentation page (`docs/rules/<id>.md`, shipped
 * in the package) as help Markdown, with a link to it. The link is the package's `homepage`
 * (package.json) followed by the page's path when the package names one; otherwise the page
 * installed with the package, as a `file:` URI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pack } from '../engine/schema.js';
import type { SarifRuleInfo } from '../report/sarif.js';
import { builtinRulesDir } from '../rule-dirs.js';

function packageRoot(): string | null {
  try {
    return dirname(builtinRulesDir());
  } catch {
    return null;
  }
}

/** The public address of the docs folder, from package.json's `homepage` (a repository page). */
function docsBaseUrl(root: string): string | null {
  try {
    const homepage = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage?: unknown }).homepage;
    return typeof homepage === 'string' && /^https:\/\//.test(homepage) ? `${homepage.replace(/[#?].*$/, '').replace(/\/$/, '')}/blob/main/docs/rules/` : null;
  } catch {
    return null;
  }
}

/** Rule information for the rules of `packs` that occur in `ids`. */
export function sarifRuleInfo(packs: readonly Pack[], ids: ReadonlySet<string>): Map<string, SarifRuleInfo> {
  const root = packageRoot();
  const base = root ? docsBaseUrl(root) : null;
  const info = new Map<string, SarifRuleInfo>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      if (!ids.has(rule.id) || info.has(rule.id)) continue;
      const page = root ? join(root, 'docs', 'rules', `${rule.id}.md`) : null;
      const markdown = page && existsSync(page) ? readFileSync(page, 'utf8') : undefined;
      const helpUri = markdown === undefined ? undefined : base ? `${base}${encodeURIComponent(rule.id)}.md` : pathToFileURL(page!).href;
      const basis = 'basis' in rule && typeof rule.basis === 'string' ? rule.basis : undefined;
      info.set(rule.id, { description: rule.description, ...(basis ? { fullDescription: basis } : {}), ...(markdown !== undefined ? { helpMarkdown: markdown } : {}), ...(helpUri ? { helpUri } : {}) });
    }
  }
  return info;
}
