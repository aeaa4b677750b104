/**
 * Stands in for `node:zlib` in the browser bundle. src/ingest/pdf-inflate.ts loads it only under
 * Node (browsers have a `DecompressionStream` of their own, which pdf.js uses as it is), so none of
 * these is ever called. Aliasing it here keeps the build free of "externalized for browser" warnings.
 */

function unavailable(): never {
  throw new Error('node:zlib is not available in the browser');
}

/** Not available in the browser. */
export const inflateSync = unavailable;
/** Not available in the browser. */
export const inflateRawSync = unavailable;
/** Not available in the browser. */
export const gunzipSync = unavailable;
