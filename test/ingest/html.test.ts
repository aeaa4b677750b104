import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { ingestHtml } from '../../src/ingest/html.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, ROOT)));

/** TAB rows of the reference text, as their non-empty cells (the text keeps no spanned copies). */
function tabRows(lines: readonly string[]): string[][] {
  return lines
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t').filter((c) => c.trim() !== ''))
    .filter((cells) => cells.length > 1);
}

let gbkTable: Map<string, number[]> | undefined;
/** GBK encoder for test pages (TextEncoder only writes UTF-8): inverts the platform's decoder. */
function encodeGbk(text: string): Uint8Array {
  if (gbkTable === undefined) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

const PAGE = `<!DOCTYPE html>
<html><head>{{meta}}<title>某某县2024年政府信息公开工作年度报告_某某县人民政府</title>
<script>var nav = "一、总体情况 should not appear";</script><style>.x{}</style></head>
<body>
<div id="top"><ul class="nav"><li><a href="/">首页</a></li><li><a>政务公开</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年报</div>
<div class="main">
  <table class="xxgk-info">
    <tr><td>索引号：</td><td>11320800/2025-00012</td><td>主题分类：</td><td>综合政务</td></tr>
    <tr><td>发布机构：</td><td>某某县人民政府办公室</td><td>发布日期：</td><td>2025年1月20日</td></tr>
    <tr><td>文号：</td><td></td><td>成文日期：</td><td>2025-01-15</td></tr>
  </table>
  <h1 class="title">某某县2024年政府信息公开工作年度报告</h1>
  <div class="share">分享到：微信 微博</div>
  <div class="TRS_Editor">
    <p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>
    <p><strong>一、总体情况</strong></p>
    <p>&nbsp;&nbsp;2024年，全县主动公开政府信息<span>1136</span>条。<br>第二行文字。</p>
    <p>二、主动公开政府信息情况</p>
    <table border="1">
      <tr><td colspan="4">第二十条第（一）项</td></tr>
      <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
    </table>
    <h3>三、收到和处理政府信息公开申请情况</h3>
    <ul><li>列表项一</li><li>列表项二</li></ul>
    <p>六、其他需要报告的事项</p>
    <div>正文的最后一段，<a href="#">带链接</a>。</div>
  </div>
  <div class="print">【打印本页】【关闭窗口】</div>
</div>
<div class="footer">主办单位：某某县人民政府办公室 网站标识码：3208000000</div>
</body></html>`;

describe('ingestHtml on a page with chrome', () => {
  const page = PAGE.replace('{{meta}}', '<meta charset="gbk">');

  it('reads a GBK page (declared) and keeps only the report body', async () => {
    const result = await ingestHtml(encodeGbk(page), DEFAULT_LIMITS);
    expect(result.kind).toBe('html');
    expect(result.encoding).toBe('gb18030');
    expect(result.problems).toEqual([]);
    const texts = result.lines.map((l) => l.text);
    expect(texts).toEqual([
      '某某县2024年政府信息公开工作年度报告',
      '本报告根据《中华人民共和国政府信息公开条例》编制。',
      '一、总体情况',
      '2024年，全县主动公开政府信息1136条。',
      '第二行文字。',
      '二、主动公开政府信息情况',
      '第二十条第（一）项\t\t\t',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t0\t0',
      '三、收到和处理政府信息公开申请情况',
      '列表项一',
      '列表项二',
      '六、其他需要报告的事项',
      '正文的最后一段，带链接。',
    ]);
    const joined = texts.join('\n');
    for (const chrome of ['首页', '当前位置', '索引号', '分享到', '打印', '主办单位', 'should not appear']) {
      expect(joined).not.toContain(chrome);
    }
  });

  it('reads the metadata block into meta', async () => {
    const { meta } = await ingestHtml(encodeGbk(page), DEFAULT_LIMITS);
    expect(meta).toEqual({
      publishedAt: '2025-01-20',
      publisher: '某某县人民政府办公室',
      title: '某某县2024年政府信息公开工作年度报告',
    });
  });

  it('numbers lines, paragraphs and table rows', async () => {
    const { lines } = await ingestHtml(encodeGbk(page), DEFAULT_LIMITS);
    expect(lines.map((l) => l.origin.line)).toEqual(lines.map((_, i) => i + 1));
    const row = lines.find((l) => l.text.startsWith('规章'));
    expect(row?.origin).toEqual({ line: 9, tableIndex: 1, tableRow: 3 });
    expect(lines[2]?.origin).toEqual({ line: 3, paragraph: 3 });
  });

  it('sniffs GBK without a declaration, and reads UTF-8 with or without one', async () => {
    const undeclared = PAGE.replace('{{meta}}', '');
    const gbk = await ingestHtml(encodeGbk(undeclared), DEFAULT_LIMITS);
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.lines[0]?.text).toBe('某某县2024年政府信息公开工作年度报告');
    const utf8 = await ingestHtml(new TextEncoder().encode(undeclared), DEFAULT_LIMITS);
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.lines.map((l) => l.text)).toEqual(gbk.lines.map((l) => l.text));
    const bom = await ingestHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(undeclared)]), DEFAULT_LIMITS);
    expect(bom.lines.length).toBe(gbk.lines.length);
  });

  it('trusts the bytes over a wrong declaration', async () => {
    const lying = PAGE.replace('{{meta}}', '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">');
    const result = await ingestHtml(encodeGbk(lying), DEFAULT_LIMITS);
    expect(result.encoding).toBe('gb18030');
    expect(result.lines[0]?.text).toBe('某某县2024年政府信息公开工作年度报告');
    expect(result.problems.map((p) => p.id)).toEqual(['ingest/charset-mismatch']);
  });

  it('reads a GBK page that declares a Latin charset by template', async () => {
    const latin = PAGE.replace('{{meta}}', '<meta http-equiv="content-type" content="text/html;charset=ISO-8859-1">');
    const result = await ingestHtml(encodeGbk(latin), DEFAULT_LIMITS);
    expect(result.encoding).toBe('gb18030');
    expect(result.lines[0]?.text).toBe('某某县2024年政府信息公开工作年度报告');
  });

  it('takes 发布时间 with a time, and falls back to 成文日期 only without a publication date', async () => {
    const withTime = PAGE.replace('{{meta}}', '').replace('发布日期：', '发布时间：').replace('2025年1月20日', '2025-01-21 09:30');
    expect((await ingestHtml(new TextEncoder().encode(withTime), DEFAULT_LIMITS)).meta.publishedAt).toBe('2025-01-21');
    const noPub = PAGE.replace('{{meta}}', '').replace('发布日期：', '备注：').replace('2025年1月20日', '无');
    expect((await ingestHtml(new TextEncoder().encode(noPub), DEFAULT_LIMITS)).meta.publishedAt).toBe('2025-01-15');
  });
});

describe('ingestHtml on the real 013 page', () => {
  const bytes = read('fixtures/corpus/original/013-pingtan-2024.html');
  const reference = readFileSync(new URL('fixtures/corpus/text/013-pingtan-2024.txt', ROOT), 'utf-8').split('\n');

  it('gives the same table rows as the reference text, in the same order', async () => {
    const result = await ingest(bytes, '013-pingtan-2024.html');
    expect(result.kind).toBe('html');
    expect(result.encoding).toBe('gb18030');
    const mine = tabRows(result.lines.map((l) => l.text));
    const ref = tabRows(reference);
    expect(mine.length).toBe(ref.length);
    // The reference (copied from the live page) has two stray spaces inside labels
    // ("社会公益 组织", "本年度办 理结果") that the saved HTML does not; compare without them.
    const squash = (rows: string[][]): string[][] => rows.map((r) => r.map((c) => c.replace(/\s+/g, '')));
    expect(squash(mine)).toEqual(squash(ref));
    const texts = result.lines.map((l) => l.text);
    expect(texts).toContain('一、本年新收政府信息公开申请数量\t\t\t217\t1\t0\t0\t0\t0\t218');
    expect(texts).toContain('三、本年度办理结果\t（一）予以公开\t\t71\t0\t0\t0\t0\t0\t71');
    expect(texts).toContain('\t（三）不予公开\t1.属于国家秘密\t4\t0\t0\t0\t0\t0\t4');
    expect(texts).toContain('\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0');
  });

  it('keeps the section headings and body paragraphs and leaves the chrome out', async () => {
    const result = await ingestHtml(bytes, DEFAULT_LIMITS);
    const texts = result.lines.map((l) => l.text);
    for (const heading of ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(texts).toContain(heading);
    }
    expect(texts.some((t) => t.startsWith('一、总体情况 2024年，平潭综合实验区坚持'))).toBe(true);
    expect(texts).toContain('2024年，无收取信息处理费情况。');
    const body = reference.slice(reference.indexOf('==================== 正文 ====================') + 1).filter((l) => !l.includes('\t') && l.trim() !== '');
    const squashed = new Set(texts.map((t) => t.replace(/\s+/g, '')));
    for (const line of body) expect(squashed.has(line.replace(/\s+/g, ''))).toBe(true);
    const joined = texts.join('\n');
    for (const chrome of ['当前位置', '索引号', '首页', '网站标识码', '000000000/2025-00001']) expect(joined).not.toContain(chrome);
    expect(result.meta).toEqual({ publishedAt: '2025-03-10', publisher: '平潭综合实验区管委会办公室', title: '平潭综合实验区2024年度政府信息公开工作年度报告' });
  });
});

describe('ingestHtml limits and bad input', () => {
  it('flattens elements nested deeper than maxHtmlDepth, keeping their text, with a warning', async () => {
    const deep = `<html><body><p>一、总体情况</p>${'<div>'.repeat(300)}深层内容${'</div>'.repeat(300)}<p>二、主动公开政府信息情况</p></body></html>`;
    const result = await ingestHtml(new TextEncoder().encode(deep), { ...DEFAULT_LIMITS, maxHtmlDepth: 100 });
    expect(result.problems.map((p) => p.id)).toEqual(['ingest/html-too-deep']);
    expect(result.problems[0]?.severity).toBe('warning');
    // The tags past the limit are dropped before parsing (parsing deep nesting is quadratic);
    // the text inside them is still read, in order.
    expect(result.lines.map((l) => l.text)).toEqual(['一、总体情况', '深层内容', '二、主动公开政府信息情况']);
    const shallow = await ingestHtml(new TextEncoder().encode(deep), DEFAULT_LIMITS);
    expect(shallow.problems.map((p) => p.id)).toEqual(['ingest/html-too-deep']);
  });

  it('survives hostile nesting far beyond the JS stack without throwing', async () => {
    const hostile = `<html><body>${'<span>'.repeat(60_000)}x${'</span>'.repeat(60_000)}</body></html>`;
    const result = await ingestHtml(new TextEncoder().encode(hostile), DEFAULT_LIMITS);
    expect(result.problems.some((p) => p.id === 'ingest/html-too-deep')).toBe(true);
  });

  it('refuses files over maxFileBytes and reports empty ones', async () => {
    const big = await ingestHtml(new Uint8Array(2000), { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
    expect(big.problems.map((p) => p.id)).toEqual(['ingest/too-large']);
    expect(big.lines).toEqual([]);
    const empty = await ingestHtml(new Uint8Array(0), DEFAULT_LIMITS);
    expect(empty.problems.map((p) => p.id)).toEqual(['ingest/empty']);
    const noText = await ingestHtml(new TextEncoder().encode('<html><body><script>x</script></body></html>'), DEFAULT_LIMITS);
    expect(noText.problems.map((p) => p.id)).toEqual(['ingest/empty']);
    for (const p of [...big.problems, ...empty.problems, ...noText.problems]) {
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      expect(p.messageEn).toMatch(/[a-z]/);
    }
  });

  it('reads junk bytes without throwing', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const result = await ingestHtml(junk, DEFAULT_LIMITS);
    expect(result.kind).toBe('html');
  });

  it('without section headings, takes the element holding most of the text', async () => {
    const page = `<html><body><div class="menu"><a>首页</a> <a>关于</a></div>
      <div id="a"><div id="b"><p>${'正文内容。'.repeat(40)}</p><p>第二段${'内容。'.repeat(30)}</p></div></div>
      <div>版权所有</div></body></html>`;
    const result = await ingestHtml(new TextEncoder().encode(page), DEFAULT_LIMITS);
    expect(result.lines.map((l) => l.text.slice(0, 4))).toEqual(['正文内容', '第二段内']);
  });
});
