/**
 * The little markdown the rule texts use (paragraphs, `- ` lists, `> ` quotes, fenced code,
 * `inline code`, **bold**), rendered to DOM nodes. Links stay text: the page makes no requests.
 */
import { h } from './dom.js';

/** Inline markup: `code` and **bold**; [text](url) keeps its text only. */
function inline(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\([^)]*\)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push(text.slice(last, m.index));
    if (m[1] !== undefined) out.push(h('code', {}, m[1]));
    else if (m[2] !== undefined) out.push(h('strong', {}, m[2]));
    else out.push(m[3] ?? '');
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out.filter((x) => x !== '');
}

/** Renders markdown text to a fragment. */
export function renderMarkdown(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      i++;
      fragment.append(h('pre', {}, h('code', {}, code.join('\n'))));
    } else if (/^\s*[-*] /.test(line)) {
      const list = h('ul');
      for (; i < lines.length && /^\s*[-*] /.test(lines[i]!); i++) list.append(h('li', {}, inline(lines[i]!.replace(/^\s*[-*] /, ''))));
      fragment.append(list);
    } else if (line.startsWith('>')) {
      const quote: string[] = [];
      for (; i < lines.length && lines[i]!.startsWith('>'); i++) quote.push(lines[i]!.replace(/^>\s?/, ''));
      fragment.append(h('blockquote', {}, renderMarkdown(quote.join('\n'))));
    } else if (/^#{1,6} /.test(line)) {
      fragment.append(h('h4', {}, inline(line.replace(/^#+ /, ''))));
      i++;
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== '' && !/^(```|\s*[-*] |>|#{1,6} )/.test(lines[i]!); i++) para.push(lines[i]!);
      fragment.append(h('p', {}, inline(para.join('\n'))));
    }
  }
  return fragment;
}
