// A stand-in batch worker for the pool tests that says which thread answered and the old-generation
// limit it was started with: each task's reply is "thread N (old generation M MB) saw FILE".
import { parentPort, resourceLimits, threadId } from 'node:worker_threads';

parentPort.on('message', (tasks) => {
  for (const task of tasks) parentPort.postMessage({ index: task.index, error: `thread ${threadId} (old generation ${resourceLimits.maxOldGenerationSizeMb} MB) saw ${task.file}` });
  parentPort.postMessage({ chunkDone: true });
});
