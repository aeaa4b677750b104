/**
 * Stands in for `node:module` in the browser bundle. src/ingest/pdf.ts imports it only to find
 * pdf.js's asset folders under Node; the page sets them with `setPdfAssets` first, so this is
 * never called. Aliasing it here keeps the build free of "externalized for browser" warnings.
 */

/** Not available in the browser. */
export function createRequire(): never {
  throw new Error('node:module is not available in the browser');
}

/** Not available in the browser (src/ingest/pdf-load.ts names it only under Node). */
export default class Module {
  constructor() {
    throw new Error('node:module is not available in the browser');
  }
}
