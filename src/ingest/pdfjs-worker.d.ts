/** pdf.js's worker module (pdfjs-dist ships no types for it): pdf-load.ts only hands it to pdf.js. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
