/**
 * A small horizontal bar chart as inline SVG, drawn by hand (no chart library): a labelled bar
 * per item, a value at its end, a few grid lines. Accessible: the SVG is an image with a
 * <title> and <desc>, every bar has its own <title>, and the caller prints the data as a table.
 */
import { displayWidth } from './text.js';

/** One bar. */
export interface Bar {
  label: string;
  value: number;
  /** An id for machines (the rule id), kept in a data attribute; the label is for people. */
  key?: string;
}

/** What to draw. */
export interface BarChart {
  /** Unique in the page; used for the ids of the title and description. */
  id: string;
  title: string;
  desc: string;
  bars: readonly Bar[];
  color: string;
}

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Layout, in SVG user units (the chart scales with the page through its viewBox).
const WIDTH = 760;
const LABEL = 280;
const ROW = 26;
const BAR = 18;
const TOP = 28;
const RIGHT = 56;
const MAX_LABEL = 40;

/** Shortens a label to about `max` display columns, keeping its start. */
export function clip(label: string, max = MAX_LABEL): string {
  if (displayWidth(label) <= max) return label;
  let out = '';
  for (const ch of label) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** A round step for about four grid lines up to `max`. */
export function niceStep(max: number): number {
  if (max <= 4) return 1;
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / pow;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * pow;
}

/** Draws the chart as an <svg> element. */
export function barChartSvg(chart: BarChart): string {
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plot = WIDTH - LABEL - RIGHT;
  const height = TOP + chart.bars.length * ROW + 8;
  const x = (v: number): number => LABEL + (v / top) * plot;
  const parts: string[] = [];
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  parts.push(`<svg id="${escapeXml(chart.id)}" class="chart" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<title id="${titleId}">${escapeXml(chart.title)}</title>`, `<desc id="${descId}">${escapeXml(chart.desc)}</desc>`);
  // Grid lines and their values, drawn first so the bars sit on top.
  parts.push('<g class="grid" aria-hidden="true">');
  for (let v = 0; v <= top; v += step) {
    const gx = x(v).toFixed(1);
    parts.push(`<line x1="${gx}" y1="${TOP - 6}" x2="${gx}" y2="${height - 8}"/>`, `<text x="${gx}" y="${TOP - 10}" text-anchor="middle">${v}</text>`);
  }
  parts.push('</g>');
  chart.bars.forEach((bar, i) => {
    const y = TOP + i * ROW;
    const w = Math.max(bar.value > 0 ? 2 : 0, x(bar.value) - LABEL);
    parts.push(
      `<g class="bar"${bar.key === undefined ? '' : ` data-key="${escapeXml(bar.key)}"`} data-label="${escapeXml(bar.label)}" data-value="${bar.value}">`,
      `<title>${escapeXml(`${bar.label}: ${bar.value}`)}</title>`,
      `<text class="label" x="${LABEL - 8}" y="${y + BAR / 2 + 4}" text-anchor="end">${escapeXml(clip(bar.label))}</text>`,
      `<rect class="bar" x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${escapeXml(chart.color)}"/>`,
      `<text class="value" x="${(LABEL + w + 6).toFixed(1)}" y="${y + BAR / 2 + 4}">${bar.value}</text>`,
      '</g>',
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
