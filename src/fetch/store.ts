/**
 * The evidence folder (`--save <dir>`): every fetched body as a file named by its SHA-256, and for
 * each URL asked for a JSON sidecar with the URL, the final URL, the HTTP status and headers, the
 * time and the hash; a failure (timeout, DNS …) is kept too, so that a later `--offline` run over
 * the folder replays every answer and gives the same findings without any network.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchFailure, FetchedResponse, FetchOutcome } from './types.js';

/** SHA-256 of bytes or text, hex. */
export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** The sidecar of one URL asked for. */
export interface Sidecar {
  url: string;
  finalUrl?: string;
  status?: number;
  headers?: Record<string, string>;
  fetchedAt: string;
  /** The body's file in the folder is named by this hash. */
  sha256?: string;
  /** The body's file name in the folder. */
  file?: string;
  failure?: FetchFailure;
}

/** A file extension for a body, from its first bytes and content type, so it can be opened. */
function extensionOf(body: Uint8Array, contentType: string): string {
  const head = (n: number[]): boolean => n.every((b, i) => body[i] === b);
  if (head([0x25, 0x50, 0x44, 0x46])) return '.pdf';
  if (head([0x50, 0x4b, 0x03, 0x04])) return '.zip';
  if (head([0xd0, 0xcf, 0x11, 0xe0])) return '.ole';
  if (/html/i.test(contentType)) return '.html';
  if (/text\/plain/i.test(contentType)) return '.txt';
  return '.bin';
}

/** Sidecar file name for a requested URL (the URL is hashed: it may hold any character). */
const sidecarName = (url: string): string => `url-${sha256(url).slice(0, 32)}.json`;

/** Writes fetched responses and failures to a folder. */
export class EvidenceWriter {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Keeps one outcome: the body by its hash, and the sidecar of the URL asked for. */
  record(url: string, outcome: FetchOutcome): void {
    if (!outcome.ok) {
      this.writeSidecar({ url, fetchedAt: new Date().toISOString(), failure: outcome.failure });
      return;
    }
    const r = outcome.response;
    const file = `${r.sha256}${extensionOf(r.body, r.headers['content-type'] ?? '')}`;
    const path = join(this.dir, file);
    if (!existsSync(path)) writeFileSync(path, r.body);
    this.writeSidecar({ url, finalUrl: r.finalUrl, status: r.status, headers: r.headers, fetchedAt: r.fetchedAt, sha256: r.sha256, file });
  }

  private writeSidecar(sidecar: Sidecar): void {
    writeFileSync(join(this.dir, sidecarName(sidecar.url)), JSON.stringify(sidecar, null, 2) + '\n');
  }
}

/** The file of a saved folder that lists the URLs a run was asked to check. */
const INPUTS_FILE = 'inputs.json';

/**
 * Adds the URLs a run was asked to check to the saved folder's list, so that `check --offline
 * <dir>` with no URL re-checks them all (URLs already listed keep their place).
 */
export function recordInputUrls(dir: string, urls: readonly string[]): void {
  const listed = savedInputUrls(dir);
  const all = [...new Set([...listed, ...urls])];
  writeFileSync(join(dir, INPUTS_FILE), JSON.stringify({ urls: all }, null, 2) + '\n');
}

/** The URLs runs that saved into this folder were asked to check, in order (none when it has no list). */
export function savedInputUrls(dir: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(dir, INPUTS_FILE), 'utf8');
  } catch {
    return [];
  }
  try {
    const value = JSON.parse(text) as { urls?: unknown };
    return Array.isArray(value.urls) ? value.urls.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

/** Answers requests from a saved folder, never from the network. */
export class EvidenceReader {
  private readonly byUrl = new Map<string, Sidecar>();

  constructor(readonly dir: string) {
    for (const name of readdirSync(dir)) {
      if (!/^url-[0-9a-f]+\.json$/.test(name)) continue;
      try {
        const sidecar = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Sidecar;
        if (typeof sidecar.url === 'string') this.byUrl.set(sidecar.url, sidecar);
      } catch {
        // A damaged sidecar is as if that URL had not been saved: its request fails as missing.
      }
    }
  }

  /** The saved outcome for a URL; a failure `offline-missing` when the folder does not have it. */
  replay(url: string): FetchOutcome {
    const sidecar = this.byUrl.get(url);
    const missing: FetchOutcome = { ok: false, failure: { kind: 'offline-missing', url, detail: this.dir } };
    if (!sidecar) return missing;
    if (sidecar.failure) return { ok: false, failure: sidecar.failure };
    if (!sidecar.file || !sidecar.sha256) return missing;
    let body: Uint8Array;
    try {
      body = new Uint8Array(readFileSync(join(this.dir, sidecar.file)));
    } catch {
      return missing;
    }
    // A body that no longer matches its hash was changed after saving: not evidence.
    if (sha256(body) !== sidecar.sha256) return { ok: false, failure: { kind: 'offline-missing', url, detail: `${sidecar.file} ≠ sha256` } };
    const response: FetchedResponse = { url, finalUrl: sidecar.finalUrl ?? url, status: sidecar.status ?? 200, headers: sidecar.headers ?? {}, fetchedAt: sidecar.fetchedAt, sha256: sidecar.sha256, body };
    return { ok: true, response };
  }
}
