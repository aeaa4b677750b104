/** Expands the paths given on the command line (files, folders, globs) into report files. */
import { statSync } from 'node:fs';

const REPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'shtml', 'docx', 'doc', 'wps', 'pdf'];

/**
 * Files to check, in a stable order; paths that match nothing are returned separately.
 * `expanded` is true when a folder or glob was searched (not only named files).
 */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: string[]; unmatched: string[]; expanded: boolean }> {
  const files: string[] = [];
  const unmatched: string[] = [];
  let expanded = false;
  for (const input of inputs) {
    let stat: ReturnType<typeof statSync> | null = null;
    try {
      stat = statSync(input);
    } catch {
      stat = null;
    }
    if (stat?.isFile()) {
      files.push(input);
      continue;
    }
    // tinyglobby (with picomatch and fdir) is imported for folders and globs only: a run on named
    // files, as from a pre-commit hook or CI step, does not load it (issue #9, start-up time).
    const { glob } = await import('tinyglobby');
    expanded = true;
    if (stat?.isDirectory()) {
      const found = await glob(`**/*.{${REPORT_EXTENSIONS.join(',')}}`, { cwd: input, absolute: false, caseSensitiveMatch: false });
      files.push(...found.sort().map((f) => `${input.replace(/\/$/, '')}/${f}`));
    } else {
      const found = await glob(input, { absolute: false });
      if (found.length === 0) unmatched.push(input);
      files.push(...found.sort());
    }
  }
  return { files: [...new Set(files)], unmatched, expanded };
}
