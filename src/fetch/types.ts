/** What fetching produces: a response kept as evidence, or a failure that becomes a finding. */

/** A response as received (after redirects), with the evidence the `--save` folder keeps. */
export interface FetchedResponse {
  /** The URL asked for. */
  url: string;
  /** The URL answered, after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  /** When the response arrived, ISO 8601. */
  fetchedAt: string;
  /** SHA-256 of the body, hex. */
  sha256: string;
  body: Uint8Array;
}

/**
 * Why a URL gave no report. Each kind is a finding id `fetch/<kind>` (see src/fetch/failure.ts and
 * docs/rules/fetch-*.md).
 */
export type FailureKind =
  | 'bad-url' | 'dns' | 'network' | 'timeout' | 'http-status' | 'too-large' | 'too-many-redirects'
  | 'robots-disallowed' | 'not-a-report' | 'off-site' | 'offline-missing';

/** A URL that could not be fetched, or held no report. */
export interface FetchFailure {
  kind: FailureKind;
  url: string;
  /** HTTP status, for `http-status`. */
  status?: number;
  /** What the platform or server said (an error code, a status text). */
  detail: string;
}

/** A fetch's outcome. */
export type FetchOutcome = { ok: true; response: FetchedResponse } | { ok: false; failure: FetchFailure };
