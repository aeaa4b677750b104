// GitHub Action (action.yml): the job summary ($GITHUB_STEP_SUMMARY) of a check, as Markdown:
// the counts, and per file with findings its errors, warnings and infos. Reads the JSON output.
import { readFileSync } from 'node:fs';

const out = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const count = (findings, severity) => findings.filter((f) => f.severity === severity).length;
const cell = (text) => String(text).replace(/[|\\]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
const { files, errors, warnings, infos } = out.summary;
const lines = [
  '## xxgk-lint',
  '',
  `${errors === 0 ? '✔' : '✖'} ${files} 个文件：${errors} 个错误，${warnings} 个警告，${infos} 个提示${out.interrupted ? `（已中断，${out.notChecked} 个文件未检查）` : ''}`,
  '',
];
const withFindings = out.results.filter((r) => r.findings.length > 0);
if (withFindings.length > 0) {
  lines.push('| 文件 | 错误 | 警告 | 提示 |', '|---|---:|---:|---:|');
  for (const r of withFindings) lines.push(`| ${cell(r.file)} | ${count(r.findings, 'error')} | ${count(r.findings, 'warning')} | ${count(r.findings, 'info')} |`);
  lines.push('');
}
process.stdout.write(lines.join('\n') + '\n');
