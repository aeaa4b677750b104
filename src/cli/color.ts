/**
 * Whether the readable output is coloured: the conventions of other command-line tools, in this
 * order. `--color` / `--no-color` win; a file (`-o`) gets no colour otherwise; then `NO_COLOR`
 * (https://no-color.org: any non-empty value turns colour off); then `FORCE_COLOR` (`0` or
 * `false` off, any other value on, as in Node and chalk); otherwise colour only when writing to a
 * terminal, never into a pipe, and not on a terminal that says it cannot (`TERM=dumb`).
 */

/** What decides the colour of one run. */
export interface ColorContext {
  /** `--color` (true), `--no-color` (false), or neither (undefined). */
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Standard output is a terminal. */
  isTTY: boolean;
  /** The output goes to a file (`-o`). */
  toFile: boolean;
}

/** True when the readable output should carry ANSI colour codes. */
export function useColor({ flag, env, isTTY, toFile }: ColorContext): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  return isTTY && env.TERM !== 'dumb';
}
