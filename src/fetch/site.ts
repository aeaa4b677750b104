/**
 * Which links a fetch may follow: only to the same site as the page (a site's files often sit on
 * another host of the same domain: www.x.gov.cn and file.x.gov.cn), or to a URL the user gave.
 */

/** Second-level labels under which a site is three labels long (x.gov.cn, x.com.cn …). */
const SECOND_LEVEL = new Set(['gov', 'com', 'org', 'net', 'edu', 'ac']);

/** The site of a host name: its registrable domain, or the whole name for an IP or a single label. */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return host;
  const labels = host.split('.');
  const keep = labels.length >= 3 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** True when `target` is on the same site as `page`, or is one of the URLs given. */
export function mayFollow(page: URL, target: URL, given: ReadonlySet<string>): boolean {
  return siteOf(page.hostname) === siteOf(target.hostname) || given.has(target.href);
}
