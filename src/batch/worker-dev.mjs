// Development only: lets a worker thread started from the TypeScript sources (vitest) load
// worker.ts. The compiled CLI starts dist/src/batch/worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
