/**
 * Building DOM nodes without innerHTML: report text and rule files are data, and a report could
 * hold markup, so every string becomes a text node.
 */

/** Attributes and properties for {@link h}: strings become attributes, `false`/`undefined` are skipped. */
export type Attrs = Record<string, string | number | boolean | undefined>;

/** A child of {@link h}: nodes, strings (as text), or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children (strings as text nodes) to a node. */
export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** The element with this id, or an error naming it (the page's markup is fixed, so a miss is a bug). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el as T;
}
