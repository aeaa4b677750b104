/**
 * The names `check --format` accepts, without loading the formatters: the html, sarif, junit and
 * markdown formatters are a tenth of the code a check loads at start, and `--format json` (CI,
 * scripts) is streamed by json-stream.ts without them (issue #9, start-up time).
 */
import type { FormatterName } from '../report/index.js';

/** The formatter names, in the order of FORMATTERS (help text and error messages list them so). */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown', 'html'] as const satisfies readonly FormatterName[];

/** Does not compile while a formatter is missing from {@link FORMAT_NAMES} (test/cli-bundle.test.ts checks the order). */
export const FORMAT_NAMES_COMPLETE: [Exclude<FormatterName, (typeof FORMAT_NAMES)[number]>] extends [never] ? true : never = true;

/** True for a name `check --format` accepts. */
export function isFormatName(name: string): name is FormatterName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
