/**
 * The zod pieces that several check kinds' option schemas share: a regular expression that must
 * compile, the `for:` expansion variables, an optional table, and the schema of a kind without options.
 */
import { z } from '../../zod.js';

/** Why a regular expression does not compile, or null when it does. */
export function regexError(source: string): string | null {
  try {
    new RegExp(source);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * A regular expression's source. It must compile when the pack loads: a pattern that does not
 * would otherwise throw while checking, failing every report (seen with `pattern: '('`).
 */
export const RegexSource = z
  .string()
  .min(1)
  .refine((source) => regexError(source) === null, { error: (issue) => `不是有效的正则表达式：${regexError(String(issue.input))}` });

/** Expansion variables: `{ col: [np, biz, …] }` evaluates the check once per value. */
export const ForSchema = z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1));

/** Only this table (all tables when absent). */
export const OnlyTable = z.string().min(1).optional();

/** The options of a kind that has none (the report's metadata, the narrative heuristics). */
export const bare = <K extends string>(kind: K) => z.strictObject({ kind: z.literal(kind) });
