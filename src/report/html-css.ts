/**
 * The stylesheet of the HTML report. Every selector is scoped to `xl-` classes so the web page can
 * embed the same fragment and styles next to its own.
 */
import type { Severity } from '../model/finding.js';

/**
 * Colours per severity: `fg` for badges, borders and text on white (each at least 4.5:1 against
 * white and against its `bg`), `bg` for a marked cell, `tint` for the other cells of a marked row
 * or column.
 */
export const SEVERITY_COLORS: Readonly<Record<Severity, { fg: string; bg: string; tint: string }>> = {
  error: { fg: '#b42318', bg: '#fde0dd', tint: '#fff4f2' },
  warning: { fg: '#9a5800', bg: '#fff0c2', tint: '#fffaea' },
  info: { fg: '#1f5fae', bg: '#dcebfb', tint: '#f2f7fd' },
};

const severityVars = (Object.entries(SEVERITY_COLORS) as [Severity, { fg: string; bg: string; tint: string }][])
  .map(([s, c]) => `.xl-${s}{--xl-fg:${c.fg};--xl-bg:${c.bg}}\n.xl-tint-${s}{background-color:${c.tint}}`)
  .join('\n');

/** The report's stylesheet (screen and print), for a `<style>` element. */
export const REPORT_CSS = `
.xl-doc,.xl-file{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Hiragino Sans GB",sans-serif;color:#1a1a1a;line-height:1.55}
.xl-doc{margin:0;background:#fff}
.xl-page{max-width:1120px;margin:0 auto;padding:20px 24px 0;min-height:100vh;box-sizing:border-box;display:flex;flex-direction:column}
.xl-page>main{flex:1 0 auto;min-width:0}
.xl-top h1{font-size:1.5rem;margin:0 0 .3em}
.xl-summary{margin:.2em 0 1em;font-size:1rem}
.xl-toc{margin:0 0 1.5em;padding-left:1.2em}
.xl-footer{margin-top:2em;padding-bottom:40px;color:#595959;font-size:.85rem}
@media (max-width:600px){.xl-page{padding:12px 10px 0}}
${severityVars}
.xl-file{margin:0 0 2.5em}
.xl-title{margin:.1em 0;color:#333}
.xl-file h2{font-size:1.25rem;margin:0 0 .3em;word-break:break-all}
.xl-file h3{font-size:1.05rem;margin:1.4em 0 .5em;border-bottom:1px solid #d0d0d0;padding-bottom:.2em}
.xl-head{border:1px solid #c8c8c8;border-radius:6px;padding:12px 16px;background:#fafafa}
.xl-meta{display:flex;flex-wrap:wrap;gap:.2em 1.8em;margin:.3em 0}
.xl-meta div{display:flex;gap:.5em}
.xl-meta dt{color:#595959}
.xl-meta dd{margin:0;font-weight:600}
.xl-counts{margin:.4em 0 0;display:flex;gap:.6em;flex-wrap:wrap}
.xl-count{border:1px solid var(--xl-fg);color:var(--xl-fg);background:var(--xl-bg);border-radius:4px;padding:0 .6em;font-weight:600}
.xl-count.xl-zero{border-color:#8c8c8c;color:#4d4d4d;background:#fff;font-weight:400}
.xl-badge{display:inline-block;min-width:2.6em;text-align:center;color:#fff;background:var(--xl-fg);border-radius:3px;padding:0 .4em;font-size:.85em;font-weight:600}
.xl-findings ol{list-style:none;margin:0;padding:0}
.xl-finding{border:1px solid #d6d6d6;border-left:6px solid var(--xl-fg);border-radius:4px;padding:8px 12px;margin:0 0 8px;background:#fff;scroll-margin-top:1em}
.xl-finding p{margin:.25em 0}
.xl-fhead{display:flex;flex-wrap:wrap;gap:.3em .8em;align-items:baseline}
.xl-no{color:#595959;font-variant-numeric:tabular-nums}
.xl-where{color:#404040}
.xl-labels{color:#404040}
.xl-msg{font-size:1.02em}
.xl-ea b{font-variant-numeric:tabular-nums}
.xl-basis,.xl-rule{color:#4d4d4d;font-size:.9em}
.xl-rule code{background:#f0f0f0;border-radius:3px;padding:0 .3em}
.xl-related{font-size:.9em;color:#404040}.xl-related summary{cursor:pointer}.xl-related ul{margin:.3em 0 0;padding-left:1.2em}.xl-related li{overflow-wrap:anywhere}
.xl-legend{display:flex;flex-wrap:wrap;gap:.4em 1.2em;font-size:.88em;margin:.2em 0 1em;padding:0;list-style:none}
.xl-legend li{display:flex;align-items:center;gap:.4em}
.xl-swatch{display:inline-block;width:1.6em;height:1.1em;border:2px solid var(--xl-fg,#8c8c8c);background:var(--xl-bg,#fff)}
.xl-swatch.xl-warning{border-style:dashed}
.xl-swatch.xl-info{border-style:dotted}
.xl-swatch.xl-tint-error{border:1px solid #8c8c8c}
.xl-swatch.xl-state-swatch{border:1px solid #8c8c8c;background:repeating-linear-gradient(135deg,#fff 0 3px,#e4e4e4 3px 4px)}
.xl-table{margin:0 0 1.6em;scroll-margin-top:1em}
.xl-scroll{overflow-x:auto;position:relative}
.xl-grid{border-collapse:collapse;width:100%;font-size:.86rem;background:#fff}
.xl-grid caption{caption-side:top;text-align:left;font-weight:700;padding:.2em 0 .4em}
.xl-at{font-weight:400;color:#595959;font-size:.9em;margin-left:.6em}
.xl-grid th,.xl-grid td{border:1px solid #8c8c8c;padding:3px 6px;vertical-align:middle}
.xl-grid thead th,.xl-grid th[scope=colgroup]{background:#eef0f3;font-weight:600;text-align:center}
.xl-grid th[scope=row]{text-align:left;font-weight:400;background:#fbfbfb}
.xl-grid th[scope=rowgroup]{background:#f4f5f7;font-weight:600;text-align:center}
.xl-grid th.xl-vert{writing-mode:vertical-rl;white-space:nowrap;width:1.6em;padding:8px 3px;line-height:1.2}
.xl-grid td.xl-c{text-align:center;font-variant-numeric:tabular-nums;min-width:2.2em;scroll-margin-top:2em}
.xl-grid td.xl-plain{text-align:center;color:#404040}
.xl-grid-t4 td.xl-c{width:6.66%}
/* 表三's applicant heads are short words: keep each on one line rather than 自然/人. */
.xl-grid-t3 thead th{word-break:keep-all}
.xl-note{display:block;font-size:.82em;color:#6b3d00}
.xl-state{color:#4d4d4d;font-size:.85em}
.xl-grid td.xl-s-blank,.xl-grid td.xl-s-missing{background-image:repeating-linear-gradient(135deg,transparent 0 3px,rgba(0,0,0,.08) 3px 4px)}
.xl-s-dash .xl-v,.xl-s-na .xl-v,.xl-s-text .xl-v{text-decoration:underline dotted #595959;text-underline-offset:3px}
.xl-s-text .xl-v{font-style:italic}
.xl-missing-row{color:#595959}
.xl-grid td.xl-mark,.xl-grid th.xl-mark{background-color:var(--xl-bg);border:2px solid var(--xl-fg);font-weight:700}
.xl-grid td.xl-mark{background-image:linear-gradient(135deg,var(--xl-fg) 0 7px,transparent 7px)}
.xl-grid .xl-mark.xl-warning{border-style:dashed}
.xl-grid .xl-mark.xl-info{border-style:dotted}
/* The whole cell is the link: easy to hit, and the expected value under it stays inside it. */
.xl-grid .xl-mark>a{display:block;color:#1a1a1a;text-decoration:none}
.xl-grid .xl-mark a:hover,.xl-grid .xl-mark a:focus{text-decoration:underline}
.xl-exp{display:block;white-space:nowrap;font-size:.85em;color:var(--xl-fg)}
.xl-refs{font-weight:400}
.xl-refs a{color:var(--xl-fg)}
.xl-table-notes{list-style:none;margin:.3em 0 0;padding:0;font-weight:400}
.xl-table-notes li{border-left:4px solid var(--xl-fg);padding:2px 8px;margin:2px 0;background:#fafafa}
.xl-table-notes a{color:#1a1a1a;text-decoration:none}
.xl-unreadable{font-size:.88em;color:#404040;margin:.4em 0}
.xl-unreadable p{margin:0}
.xl-unreadable code{background:#f3f3f3;padding:0 .3em;word-break:break-all}
.xl-back{margin-left:.6em}
.xl-grid :target,.xl-finding:target{outline:3px solid #1a1a1a;outline-offset:-1px}
.xl-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}

.xl-doc a,.xl-file a{color:#0b57b0}
@page{size:A4;margin:14mm 11mm}
@media print{
  .xl-doc *,.xl-file *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .xl-doc,.xl-file{font-size:10pt}
  .xl-page{max-width:none;padding:0;min-height:0;display:block}
  .xl-toc{display:none}
  .xl-file+.xl-file{break-before:page}
  .xl-file h2,.xl-file h3,.xl-grid caption,.xl-table-notes{break-after:avoid}
  .xl-head,.xl-finding,.xl-grid tr,.xl-grid-t2,.xl-grid-t4{break-inside:avoid}
  .xl-grid{font-size:8.5pt}
  .xl-grid thead{display:table-header-group}
  .xl-scroll{overflow:visible}
  .xl-grid th,.xl-grid td{padding:2px 3px}
  .xl-back{display:none}
  .xl-doc a,.xl-file a{color:inherit;text-decoration:none}
}
`;
