/**
 * One HTTP GET with Node's built-in fetch: no redirect followed (the caller decides), a time
 * limit for the whole response, and the body read as a stream and abandoned as soon as it passes
 * the size limit (a declared Content-Length over it is refused before reading).
 */
import type { FailureKind } from './types.js';

/** A raw answer: status, headers, body. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** A request that got no usable answer. */
export interface RawFailure {
  kind: Extract<FailureKind, 'dns' | 'network' | 'timeout' | 'too-large'>;
  detail: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME']);

/** The error code deep in a fetch error (`TypeError: fetch failed` wraps the socket's). */
function codeOf(error: unknown): string {
  let e: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    if (e instanceof Error) message = e.message; // the innermost message says most ("bad port", "other side closed")
    e = (e as { cause?: unknown }).cause;
  }
  return message;
}

/** GETs `url` once. */
export async function getOnce(url: string, options: { timeoutMs: number; maxBytes: number; userAgent: string }): Promise<RawResponse | RawFailure> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const tooLarge = (size: string): RawFailure => ({ kind: 'too-large', detail: size });
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: controller.signal,
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf,application/msword,*/*;q=0.8', 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      controller.abort();
      return tooLarge(`Content-Length ${declared}`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > options.maxBytes) {
          controller.abort();
          return tooLarge(`> ${options.maxBytes}`);
        }
        chunks.push(value);
      }
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { status: response.status, headers, body };
  } catch (error) {
    if (timedOut) return { kind: 'timeout', detail: `${options.timeoutMs} ms` };
    const code = codeOf(error);
    return { kind: DNS_CODES.has(code) ? 'dns' : 'network', detail: code };
  } finally {
    clearTimeout(timer);
  }
}
