/**
 * A URL that gave no report is a finding for that URL, never a crash: `fetch/<kind>`, with what
 * happened and what to do, in Chinese or English. These findings say the report was not checked,
 * not that it is wrong; see docs/fetch.md.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { FailureKind, FetchFailure } from './types.js';

/** Every finding id a fetch can produce (listed in src/cli/finding-ids.ts). */
export const FETCH_FINDING_IDS = [
  'fetch/bad-url', 'fetch/dns', 'fetch/network', 'fetch/timeout', 'fetch/http-status', 'fetch/too-large', 'fetch/too-many-redirects',
  'fetch/robots-disallowed', 'fetch/not-a-report', 'fetch/off-site', 'fetch/offline-missing',
] as const satisfies readonly `fetch/${FailureKind}`[];

const MESSAGES: Record<FailureKind, (f: FetchFailure) => [string, string]> = {
  'bad-url': (f) => [`不是可以访问的 http(s) 网址：${f.detail}`, `Not an http(s) URL that can be fetched: ${f.detail}`],
  dns: (f) => [`找不到网站（域名无法解析，${f.detail}）：${f.url}`, `The site's name does not resolve (${f.detail}): ${f.url}`],
  network: (f) => [`无法连接网站（${f.detail}）：${f.url}`, `Could not connect (${f.detail}): ${f.url}`],
  timeout: (f) => [`网站在 ${f.detail} 内没有响应（已按 limits.fetchRetries 重试），未检查：${f.url}；可调大 limits.fetchTimeoutMs`, `No answer within ${f.detail} (retried per limits.fetchRetries); not checked: ${f.url}. Raise limits.fetchTimeoutMs if the site is slow`],
  'http-status': (f) => [`网站返回 HTTP ${f.status ?? '?'}${f.status === 404 ? '（页面不存在）' : ''}，未检查：${f.url}`, `The site answered HTTP ${f.status ?? '?'}; not checked: ${f.url}`],
  'too-large': (f) => [`下载内容超过大小上限（${f.detail} 字节，见 limits.fetchMaxBytes），已中止，未检查：${f.url}`, `The download passed the size limit (${f.detail} bytes, limits.fetchMaxBytes) and was stopped; not checked: ${f.url}`],
  'too-many-redirects': (f) => [`重定向次数超过上限（${f.detail}，见 limits.fetchMaxRedirects），未检查：${f.url}`, `Too many redirects (${f.detail}, limits.fetchMaxRedirects); not checked: ${f.url}`],
  'robots-disallowed': (f) => [`网站的 robots.txt 不允许本工具访问 ${f.detail}，未检查；请下载报告后检查文件`, `The site's robots.txt disallows ${f.detail}; not checked. Download the report and check the file`],
  'not-a-report': (f) => [`网页正文不像年度报告，也没有找到报告附件（.pdf、.doc、.docx、.wps）：${f.url}`, `The page body is not an annual report and no report attachment (.pdf, .doc, .docx, .wps) was found: ${f.url}`],
  'off-site': (f) => [`报告附件在其他网站（${f.detail}），只跟随同一网站或命令行给出的网址，未下载；可把附件网址直接交给 check`, `The report attachment is on another site (${f.detail}); only links to the same site or given URLs are followed. Give the attachment's URL to check directly`],
  'offline-missing': (f) => [`离线模式（--offline）下，保存的文件夹 ${f.detail} 中没有这个网址：${f.url}`, `Offline (--offline): the saved folder ${f.detail} does not hold ${f.url}`],
};

/** The severity of a failure: the report was not checked (error), or the page is not a report (warning). */
const severityOf = (kind: FailureKind): Severity => (kind === 'not-a-report' ? 'warning' : 'error');

/** The finding for a failure. */
export function failureFinding(failure: FetchFailure, locale: 'zh' | 'en'): Finding {
  const [zh, en] = MESSAGES[failure.kind](failure);
  return { ruleId: `fetch/${failure.kind}`, severity: severityOf(failure.kind), message: locale === 'en' ? en : zh, location: { line: 1 } };
}
