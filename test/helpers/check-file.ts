/** Ingests, parses and checks one file with the built-in packs, as `check` does (before folding). */
import { Checker } from '../../src/engine/run.js';
import { ingest } from '../../src/ingest/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { parseReport } from '../../src/parse/index.js';
import { builtinPacks } from './examples.js';

let checker: Checker | undefined;

/** The report model and the rules' findings for one file's bytes (one checker for all calls). */
export async function checkFile(bytes: Uint8Array, name: string): Promise<{ report: Report; findings: Finding[] }> {
  checker ??= new Checker(builtinPacks());
  const report = parseReport(await ingest(bytes, name));
  return { report, findings: await checker.check(report) };
}
