/**
 * What a fetched web page links to: its links (text and absolute URL), the attachments that may
 * hold the report (document links under a 附件 label or with a document extension, embedded PDF
 * viewers and frames), and its links to next pages of a list. Parsed with cheerio; links in the
 * site's chrome (nav, header, footer) are left out.
 */
import { load, type CheerioAPI } from 'cheerio';

/** A link on a page. */
export interface PageLink {
  text: string;
  url: string;
  /** The text of the element around the link (a list item's date beside it), when known. */
  context?: string;
}

/** Document extensions an attachment may have, best first for the report itself. */
const DOC_EXTENSIONS = ['pdf', 'docx', 'doc', 'wps', 'xlsx', 'xls'] as const;

/** The document extension of a URL's path, or of a link text naming a file. */
export function documentExtension(text: string): string | undefined {
  const m = /\.(pdf|docx?|wps|xlsx?)(?:$|[?#\s）)])/i.exec(text);
  return m?.[1]?.toLowerCase();
}

const CHROME = 'nav, header, footer, .nav, .header, .footer, #header, #footer, .menu, .crumb, .breadcrumb';

function absolute(href: string | undefined, base: string): string | null {
  if (!href || /^(?:javascript|mailto|tel):/i.test(href.trim())) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/** A page parsed once, for its links, attachments and pagination. */
export class Page {
  private readonly $: CheerioAPI;
  /** The base URL links are resolved against (`<base href>` or the page's own URL). */
  readonly base: string;

  constructor(
    private readonly html: string,
    url: string,
  ) {
    this.$ = load(html);
    this.base = absolute(this.$('base[href]').attr('href'), url) ?? url;
  }

  /** The links outside the site's chrome, in page order, with whether a 附件 label is over them. */
  private anchors(): (PageLink & { context: string; underLabel: boolean })[] {
    const $ = this.$;
    const out: (PageLink & { context: string; underLabel: boolean })[] = [];
    $('a[href]').each((_, el) => {
      if ($(el).closest(CHROME).length > 0) return;
      const url = absolute($(el).attr('href'), this.base);
      if (!url) return;
      const text = $(el).text().replace(/\s+/g, ' ').trim() || ($(el).attr('title') ?? '').trim();
      // 附件：<a>…</a>, <div>附件下载<ul><li><a>…: the label is in the parent's or grandparent's text.
      const around = $(el).parent().parent().text().replace(/\s+/g, '').slice(0, 200);
      const context = $(el).parent().text().replace(/\s+/g, ' ').trim().slice(0, 300);
      out.push({ text, url, context, underLabel: /^(?:相关)?附件(?:下载)?[:：]?|附件下载|附件[:：]/.test(around) });
    });
    return out;
  }

  /**
   * The site's name, for links that do not name their agency: the SiteName meta tag (what
   * government CMSs write), else the last part of the page title (栏目 - 站点), else ''.
   */
  siteName(): string {
    const meta = this.$('meta[name="SiteName" i], meta[name="sitename" i]').attr('content')?.trim();
    if (meta) return meta;
    const parts = this.$('title').text().split(/\s*[-_|—]\s*/).map((p) => p.trim()).filter((p) => p.length >= 2);
    return parts.length >= 2 ? parts.at(-1)! : '';
  }

  /** The links outside the site's chrome, in page order. */
  links(): PageLink[] {
    return this.anchors().map(({ text, url, context }) => ({ text, url, context }));
  }

  /**
   * Links that may hold the report, best first: embedded PDF viewers and frames; then document
   * links (by the href's or the text's extension) and links under a 附件 label, those naming a
   * 报告 before others, a PDF or Word file before a spreadsheet (a 统计表 rather than the report).
   */
  attachments(): PageLink[] {
    const $ = this.$;
    const found: (PageLink & { rank: number })[] = [];
    const add = (url: string | null, text: string, rank: number): void => {
      if (url && !found.some((f) => f.url === url)) found.push({ url, text, rank });
    };
    $('iframe[src], embed[src], object[data]').each((_, el) => {
      const url = absolute($(el).attr('src') ?? $(el).attr('data'), this.base);
      if (!url) return;
      // A PDF.js viewer names its document in `file=`.
      const file = /[?&]file=([^&#]+)/.exec(url)?.[1];
      const inner = file ? absolute(decodeURIComponent(file), url) : url;
      if (inner && documentExtension(new URL(inner).pathname) === 'pdf') add(inner, '', 0);
    });
    for (const link of this.anchors()) {
      const ext = documentExtension(new URL(link.url).pathname) ?? documentExtension(link.text);
      if (ext === undefined && !link.underLabel) continue;
      const kind = ext === undefined ? 2 : DOC_EXTENSIONS.indexOf(ext as (typeof DOC_EXTENSIONS)[number]) >= 4 ? 4 : 1;
      add(link.url, link.text, kind + (/报告|年报/.test(link.text) ? 0 : 0.5));
    }
    return found.sort((a, b) => a.rank - b.rank).map(({ url, text }) => ({ url, text }));
  }

  /**
   * Links to the next pages of a list, as government CMSs write them: a 下一页 link, numbered
   * page links (index_1.html, ?page=2, list_3.shtml …) that stay in the list's folder.
   */
  nextPages(): string[] {
    const out: string[] = [];
    const here = new URL(this.base);
    const folder = here.pathname.replace(/[^/]*$/, '');
    for (const link of this.links()) {
      const url = new URL(link.url);
      const sameList = url.origin === here.origin && url.pathname.startsWith(folder);
      const next = /^(?:下一页|下页|后一页|next|>|›|»)$/i.test(link.text);
      const numbered = /^\d{1,3}$/.test(link.text) || /(?:index|list|default)_\d+\.s?html?$/i.test(url.pathname) || /[?&](?:page|pageNo|pageIndex|p|currentPage)=\d+/i.test(url.search);
      if (sameList && (next || numbered) && url.href !== here.href && !out.includes(url.href)) out.push(url.href);
    }
    // TRS-style CMS pages write their pager with a script: createPageHTML(count, current, "index", "html").
    const pager = /createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["'](\w+)["']\s*,\s*["'](\w+)["']/.exec(this.html);
    if (pager) {
      const count = Math.min(Number(pager[1]), 1000);
      for (let k = 1; k < count; k++) {
        const url = new URL(`${pager[3]}_${k}.${pager[4]}`, new URL(folder, here)).href;
        if (url !== here.href && !out.includes(url)) out.push(url);
      }
    }
    return out;
  }
}
