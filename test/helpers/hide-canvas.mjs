// Preloaded with `node --import` by test/ingest/pdf-without-canvas.test.ts: makes the optional
// native package @napi-rs/canvas unresolvable, as after `npm install --omit=optional` or on a
// platform without a prebuilt binary. pdf.js loads it with require() (createRequire), which
// resolves through Module._resolveFilename.
import Module from 'node:module';

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@napi-rs/canvas' || request.startsWith('@napi-rs/canvas/') || request.startsWith('@napi-rs/canvas-')) {
    const error = new Error(`Cannot find module '${request}'`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
