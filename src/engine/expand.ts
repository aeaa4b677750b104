/**
 * Expansion variables of relation and cross-year checks (`for: { col: [np, biz] }`). Apart from
 * load.ts (YAML and zod) because the checks use it at run time, when no pack file is parsed.
 */

/** All combinations of the expansion variables. */
export function expand(vars: Record<string, string[]>): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(vars)) {
    out = out.flatMap((binding) => values.map((v) => ({ ...binding, [name]: v })));
  }
  return out;
}
