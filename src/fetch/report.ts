/**
 * From a URL to the document to check: the page itself when its body is the report (read as the
 * HTML ingest reads any page), or the report attachment it links to or embeds (a .pdf, .doc,
 * .docx, .wps), with the page kept for its metadata: publication date (发布日期), title,
 * publisher. Never throws: a URL that gives no report gives a {@link FetchFailure}.
 */
import { looksLikeReport } from '../batch/process.js';
import { detectKind } from '../ingest/index.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../ingest/limits.js';
import type { SourceMeta } from '../model/source.js';
import { parseReport } from '../parse/index.js';
import { charsetOfContentType, decodePage } from './charset.js';
import type { Fetcher } from './fetcher.js';
import { Page } from './page.js';
import { mayFollow } from './site.js';
import type { FetchedResponse, FetchFailure } from './types.js';

/** A document ready to check: its bytes and a file name whose extension names its format. */
export interface FetchedDocument {
  bytes: Uint8Array;
  /** `<sha256>.<ext>`: the extension tells ingest the format where the bytes do not. */
  name: string;
  /** Where the document came from (the page, or the attachment). */
  url: string;
}

/** What a URL gave: a document and the page's metadata, or a failure. */
export type FetchedReport =
  | { url: string; ok: true; document: FetchedDocument; meta: SourceMeta; attachment: boolean }
  | { url: string; ok: false; failure: FetchFailure };

/** Attachments tried per page, best first, before giving up. */
const MAX_ATTACHMENTS_TRIED = 3;

const EXTENSIONS: Record<string, string> = { pdf: 'pdf', docx: 'docx', doc: 'doc', html: 'html', text: 'txt', markdown: 'md' };

/** The document of a response that is not an HTML page (a PDF, a Word file …). */
function documentOf(response: FetchedResponse, kind: string): FetchedDocument {
  const named = /\.(wps|docx?|pdf|txt)$/i.exec(new URL(response.finalUrl).pathname)?.[1]?.toLowerCase();
  // A .wps file is an OLE2 Word file: the bytes say so; the name keeps its own extension.
  const ext = kind === 'doc' && named === 'wps' ? 'wps' : EXTENSIONS[kind] ?? named ?? 'bin';
  return { bytes: response.body, name: `${response.sha256.slice(0, 16)}.${ext}`, url: response.finalUrl };
}

/**
 * The page's bytes as the HTML ingest should read them: as they are, unless the HTTP header names
 * the charset (the header wins over the page, as in browsers): then re-encoded as UTF-8 with a BOM.
 */
function pageBytes(response: FetchedResponse): Uint8Array {
  if (charsetOfContentType(response.headers['content-type']) === undefined) return response.body;
  const { text } = decodePage(response.body, response.headers['content-type']);
  const utf8 = new TextEncoder().encode(text);
  const out = new Uint8Array(utf8.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(utf8, 3);
  return out;
}

/** Fetches the report at `url`. `given` are the URLs the user named (they may be on other sites). */
export async function fetchReport(url: string, fetcher: Fetcher, given: ReadonlySet<string>, limits: IngestLimits = DEFAULT_LIMITS): Promise<FetchedReport> {
  const outcome = await fetcher.get(url);
  if (!outcome.ok) return { url, ok: false, failure: outcome.failure };
  const response = outcome.response;
  try {
    return await reportOf(url, response, fetcher, given, limits);
  } catch {
    // A page this module cannot make sense of is checked as it is: ingest says what is wrong with it.
    return { url, ok: true, document: documentOf(response, 'html'), meta: { pageUrl: response.finalUrl }, attachment: false };
  }
}

/** The report of a fetched response: the response itself, the page, or its attachment. */
async function reportOf(url: string, response: FetchedResponse, fetcher: Fetcher, given: ReadonlySet<string>, limits: IngestLimits): Promise<FetchedReport> {
  const kind = detectKind(response.body, /html/i.test(response.headers['content-type'] ?? '') ? 'page.html' : new URL(response.finalUrl).pathname);
  if (kind !== 'html') return { url, ok: true, document: documentOf(response, kind), meta: {}, attachment: false };

  const bytes = pageBytes(response);
  const { ingestHtml } = await import('../ingest/html.js');
  const source = await ingestHtml(bytes, limits);
  const pageMeta: SourceMeta = { ...source.meta, pageUrl: response.finalUrl };
  const pageDocument = { bytes, name: `${response.sha256.slice(0, 16)}.html`, url: response.finalUrl };
  if (source.lines.length > 0 && looksLikeReport(parseReport(source))) return { url, ok: true, document: pageDocument, meta: { pageUrl: response.finalUrl }, attachment: false };

  const page = new Page(decodePage(response.body, response.headers['content-type']).text, response.finalUrl);
  const pageUrl = new URL(response.finalUrl);
  let firstFailure: FetchFailure | null = null;
  let tried = 0;
  for (const link of page.attachments()) {
    if (tried >= MAX_ATTACHMENTS_TRIED) break;
    const target = new URL(link.url);
    if (!mayFollow(pageUrl, target, given)) {
      firstFailure ??= { kind: 'off-site', url, detail: link.url };
      continue;
    }
    tried++;
    const got = await fetcher.get(link.url);
    if (!got.ok) {
      firstFailure ??= got.failure;
      continue;
    }
    const attachmentKind = detectKind(got.response.body, new URL(got.response.finalUrl).pathname);
    if (attachmentKind === 'html') continue; // a link to another page, not a document
    return { url, ok: true, document: documentOf(got.response, attachmentKind), meta: pageMeta, attachment: true };
  }
  return { url, ok: false, failure: firstFailure ?? { kind: 'not-a-report', url, detail: response.finalUrl } };
}
