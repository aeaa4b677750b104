/** The files of a folder tree whose names end as given: the texts the speed tests compare old and new code on. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (recursively) whose name matches `name`, in directory order. */
export function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path, name) : name.test(e.name) ? [path] : [];
  });
}
