/**
 * The command line in Chinese throughout (issue 19): help and usage errors follow --locale
 * (default zh, commander's own texts too); -o file prints a one-line summary and picks the format
 * from the extension; a missing file is a finding alone or with others; an image named .pdf and
 * an empty .docx say what they are.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argvLocale, localizeError, localizeHelp } from '../src/cli/locale.js';
import { formatOfFile } from '../src/cli/outputs.js';
import { runCli } from './helpers/cli.js';
import { zip } from './helpers/zip.js';

const TEXT = 'fixtures/corpus/text';
const dir = mkdtempSync(join(tmpdir(), 'xxgk-locale-'));

interface JsonOut { results: { file: string; findings: { ruleId: string; severity: string; message: string; location: { scope?: string } }[] }[]; summary: { errors: number } }

describe('help and usage errors follow --locale', () => {
  it('prints help in Chinese by default, commander’s headings and option texts included', async () => {
    for (const args of [['--help'], ['check', '--help'], ['parse', '--help']]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^用法：xxgk-lint/);
      expect(run.stdout).toContain('选项：');
      expect(run.stdout).toContain('显示帮助');
      expect(run.stdout).not.toMatch(/Usage:|Options:|display help|\(default:|\(choices:/);
    }
    expect((await runCli(['parse', '--help'])).stdout).toContain('（可选：text、json；默认：text）');
  });

  it('prints help in English with --locale en', async () => {
    const run = await runCli(['check', '--locale', 'en', '--help']);
    expect(run.stdout).toMatch(/^Usage: xxgk-lint check/);
    expect(run.stdout).toContain('display help for command');
    expect(run.stdout).toContain('check report files, folders or globs');
    expect(run.stdout).not.toContain('检查报告文件');
  });

  it('says what is wrong with the command line in Chinese, or in English with --locale en (exit 2)', async () => {
    const zh = await runCli(['check', '--no-such-option', `${TEXT}/013-pingtan-2024.txt`]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('未知的选项「--no-such-option」');
    expect(zh.stderr).not.toContain('error:');
    const en = await runCli(['check', '--locale', 'en', '--no-such-option', `${TEXT}/013-pingtan-2024.txt`]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("unknown option '--no-such-option'");
    expect((await runCli(['chek'])).stderr).toContain('未知的命令「chek」（是不是 check？）');
    expect((await runCli(['parse'])).stderr).toContain('缺少参数 <file>');
    expect((await runCli(['check', '--locale', 'xx', 'a.txt'])).stderr).toContain('选项 --locale <locale> 的值「xx」无效，可选：zh、en');
    expect((await runCli(['check', '--format', 'nope', `${TEXT}/013-pingtan-2024.txt`])).stderr).toContain('未知的输出格式「nope」');
    expect((await runCli(['check', '--locale', 'en', '--format', 'nope', `${TEXT}/013-pingtan-2024.txt`])).stderr).toContain('Unknown output format "nope"');
    expect((await runCli(['check'])).stderr).toContain('请给出要检查的文件');
  });

  it('reads the locale from the arguments', () => {
    expect([argvLocale(['check', '--locale', 'en']), argvLocale(['--locale=en']), argvLocale(['check']), argvLocale(['--', '--locale', 'en'])]).toEqual(['en', 'en', 'zh', 'zh']);
    expect(localizeError("error: unknown option '--x'\n", 'en')).toBe("error: unknown option '--x'\n");
    expect(localizeHelp('  -f  x (default: "a")', 'zh')).toBe('  -f  x（默认：a）');
  });
});

describe('check on the command line', () => {
  it('check -o report.html writes HTML and prints one line saying where and what it found', async () => {
    const out = join(dir, 'report.html');
    const run = await runCli(['check', '-o', out, `${TEXT}/002-hongze-district-2023.txt`]);
    expect(run.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([`✖ 已写入 ${out}：2 个错误，3 个警告，0 个提示（1 个文件）`]);
    expect([formatOfFile('a.sarif'), formatOfFile('a.XML'), formatOfFile('a.txt'), formatOfFile('a')]).toEqual(['sarif', 'junit', 'stylish', 'stylish']);
  });

  it('handles a missing file the same alone as with others: a finding, exit 1, the run goes on', async () => {
    const alone = await runCli(['check', '--format', 'json', 'no/such/report.txt']);
    const withOthers = await runCli(['check', '--format', 'json', 'no/such/report.txt', `${TEXT}/013-pingtan-2024.txt`]);
    for (const run of [alone, withOthers]) {
      expect(run.code).toBe(1);
      const missing = (JSON.parse(run.stdout) as JsonOut).results.find((r) => r.file === 'no/such/report.txt');
      expect(missing!.findings.map((f) => [f.ruleId, f.severity, f.location.scope])).toEqual([['ingest/not-found', 'error', 'document']]);
    }
    expect((JSON.parse(withOthers.stdout) as JsonOut).results).toHaveLength(2);
    const stylish = await runCli(['check', '--no-color', 'no/such/report.txt']);
    expect(stylish.stdout).toContain('全文  错误  找不到文件：no/such/report.txt');
  });

  it('says an image named .pdf is an image (PNG, JPEG, GIF, TIFF), and an empty .docx that it is empty', async () => {
    const images = {
      'scan.pdf': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
      'photo.pdf': [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46],
      'anim.docx': [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
      'fax.pdf': [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0],
    };
    for (const [name, bytes] of Object.entries(images)) writeFileSync(join(dir, name), new Uint8Array(bytes));
    const docx = zip([
      { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
      { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/><w:sectPr/></w:body></w:document>' },
    ]);
    writeFileSync(join(dir, 'blank.docx'), docx);
    writeFileSync(join(dir, 'zero.docx'), new Uint8Array());
    const names = [...Object.keys(images), 'blank.docx', 'zero.docx'];
    const run = await runCli(['check', '--format', 'json', ...names.map((n) => join(dir, n))]);
    const byName = new Map((JSON.parse(run.stdout) as JsonOut).results.map((r) => [r.file.split(/[\\/]/).pop(), r.findings]));
    expect(byName.get('scan.pdf')![0]!.message).toContain('这是一个 PNG 图片文件');
    expect(byName.get('photo.pdf')![0]!.message).toContain('JPEG 图片');
    expect(byName.get('anim.docx')![0]!.message).toContain('GIF 图片');
    expect(byName.get('fax.pdf')![0]!.message).toContain('TIFF 图片');
    for (const n of Object.keys(images)) expect(byName.get(n)!.map((f) => f.ruleId)).toEqual(['ingest/image']);
    expect(byName.get('blank.docx')!.map((f) => [f.ruleId, f.message.slice(0, 10)])).toEqual([['ingest/empty', 'Word 文件是空的']]);
    expect(byName.get('zero.docx')![0]!.message).toContain('文件是空的（0 字节）');
  });
});
