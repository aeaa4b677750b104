/**
 * Layout facts measured in the browser, for the 1366 px and 390 px tests of the web page and the
 * HTML report: does the page scroll sideways, which elements stick out of the viewport (an element
 * inside a box that scrolls or clips sideways is that box's business, not the page's), and does
 * the footer end the page (no empty band below it).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What {@link layoutFacts} measures. */
export interface LayoutFacts {
  innerWidth: number;
  clientWidth: number;
  scrollWidth: number;
  /** Elements sticking out of the viewport sideways, as `tag.class#id (left–right)`. */
  overflowing: string[];
  /** The last footer's bottom edge (plus its margin) in page coordinates, or null without one. */
  footerBottom: number | null;
  /** The page's height. */
  pageHeight: number;
  /** Elements reaching below the footer (what makes a band below it). */
  belowFooter: string[];
  summary: Record<string, number | string | null>;
}

/** Measures the page as it is now. */
export async function layoutFacts(page: Page): Promise<LayoutFacts> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const overflowing: string[] = [];
    // True when an ancestor clips or scrolls sideways: the element then stays inside that box.
    // An absolutely placed element escapes the boxes between it and its containing block.
    const contained = (el: Element): boolean => {
      const absolute = getComputedStyle(el).position === 'absolute';
      const block = absolute && el instanceof HTMLElement ? el.offsetParent : null;
      let reached = !absolute;
      for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
        if (p === block) reached = true;
        if (reached && getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    // Below the footer, only what is not scrolled inside a box of its own counts.
    const scrolledInside = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) if (getComputedStyle(p).overflowY !== 'visible') return true;
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Entirely off to the left is the skip link's way of hiding until focused.
      if (r.right <= 0) continue;
      if ((r.right > width + 0.5 || r.left < -0.5) && !contained(el)) {
        overflowing.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(/\s+/).join('.')}` : ''}${el.id ? `#${el.id}` : ''} (${Math.round(r.left)}–${Math.round(r.right)})`);
      }
    }
    const footers = document.querySelectorAll('footer');
    const footer = footers[footers.length - 1];
    let footerBottom: number | null = null;
    if (footer) {
      const r = footer.getBoundingClientRect();
      footerBottom = Math.round(r.bottom + window.scrollY + parseFloat(getComputedStyle(footer).marginBottom));
    }
    const pageHeight = Math.max(root.scrollHeight, document.body.scrollHeight);
    const belowFooter: string[] = [];
    if (footerBottom !== null) {
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.height > 0 && r.bottom + window.scrollY > footerBottom + 1 && !scrolledInside(el)) belowFooter.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className)} (${Math.round(r.bottom + window.scrollY)})`);
      }
    }
    return {
      belowFooter: belowFooter.slice(0, 10),
      innerWidth: window.innerWidth,
      clientWidth: width,
      scrollWidth: root.scrollWidth,
      overflowing,
      footerBottom,
      pageHeight,
      summary: { innerWidth: window.innerWidth, scrollWidth: root.scrollWidth, overflowing: overflowing.length, footerBottom, pageHeight },
    };
  });
}

/** Asserts the page fits its width, nothing sticks out, and (when it has a footer) the footer ends the page. */
export function expectFits(facts: LayoutFacts, what: string): void {
  expect(facts.overflowing, `${what}: elements outside the viewport`).toEqual([]);
  expect(facts.scrollWidth, `${what}: scrollWidth`).toBeLessThanOrEqual(facts.innerWidth);
  expect(facts.scrollWidth, `${what}: scrollWidth vs clientWidth`).toBeLessThanOrEqual(facts.clientWidth);
  if (facts.footerBottom !== null) {
    expect(facts.belowFooter, `${what}: elements below the footer`).toEqual([]);
    expect(Math.abs(facts.pageHeight - facts.footerBottom), `${what}: band below the footer`).toBeLessThanOrEqual(1);
  }
}
