/**
 * Located load errors (rule packs, config, waiver and manifest files). Apart from load.ts (YAML and
 * zod) so that reporting them, and the modules that only pass them on, load neither.
 */

/** A located error in a rule pack or config file. */
export interface LoadError {
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** Formats a load error as `file:line:col  message (hint)`. */
export function formatLoadError(e: LoadError): string {
  return `${e.file}:${e.line}:${e.column}  ${e.message}${e.hint ? `（${e.hint}）` : ''}`;
}
