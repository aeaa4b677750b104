/**
 * Helpers for WordprocessingML parts parsed with cheerio in XML mode. The tree keeps prefixed
 * names (`w:p`), and the prefix is whatever the part binds to the WordprocessingML namespace,
 * so names are compared through {@link WordNames} rather than as literal `w:` strings.
 *
 * Shared by the body reader (docx.ts) and the numbering (docx-numbering.ts), which would
 * otherwise import each other.
 */
import { isElement, type DomNode } from './grid.js';

const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // ISO 29500 strict
]);

/** The element children of a node (text, comments and processing instructions left out). */
export function elements(node: DomNode): DomNode[] {
  return (node.children ?? []).filter(isElement);
}

/** Local name of an element whose prefix is bound to the WordprocessingML namespace. */
export class WordNames {
  constructor(private readonly prefix: string) {}

  /** Detects the prefix the part uses for WordprocessingML (`w` nearly always). */
  static of(root: DomNode): WordNames {
    const top = elements(root)[0];
    for (const [attr, value] of Object.entries(top?.attribs ?? {})) {
      if (W_NS.has(value)) return new WordNames(attr === 'xmlns' ? '' : attr.replace(/^xmlns:/, ''));
    }
    return new WordNames('w');
  }

  /** The WordprocessingML local name (`p` for `w:p`), undefined for elements of other namespaces. */
  local(node: DomNode): string | undefined {
    const name = node.name ?? '';
    if (this.prefix === '') return name.includes(':') ? undefined : name;
    return name.startsWith(`${this.prefix}:`) ? name.slice(this.prefix.length + 1) : undefined;
  }

  /** A WordprocessingML attribute (`w:val`) by its local name. */
  attr(node: DomNode, local: string): string | undefined {
    return node.attribs?.[this.prefix === '' ? local : `${this.prefix}:${local}`];
  }

  /** The first child element with that local name. */
  child(node: DomNode, local: string): DomNode | undefined {
    return elements(node).find((c) => this.local(c) === local);
  }

  /** The `w:val` of the first child with that local name (`<w:numId w:val="3"/>` → `3`). */
  childVal(node: DomNode | undefined, local: string): string | undefined {
    if (node === undefined) return undefined;
    const c = this.child(node, local);
    return c === undefined ? undefined : this.attr(c, 'val');
  }
}

/** The first element, in document order, that passes `test` (the root included). */
export function findDescendant(root: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  // An explicit stack: deeply nested (hostile) XML must not overflow the call stack.
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (isElement(node) && test(node)) return node;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return undefined;
}

/** All the text under a node, in document order. */
export function textOf(node: DomNode): string {
  let out = '';
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === undefined) break;
    if (n.type === 'text') out += n.data ?? '';
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return out;
}
