// A stand-in batch worker for the pool tests that says which thread answered: each task's reply
// is "thread N saw FILE" (as an error message, the pool's plain-text reply).
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', (tasks) => {
  for (const task of tasks) parentPort.postMessage({ index: task.index, error: `thread ${threadId} saw ${task.file}` });
  parentPort.postMessage({ chunkDone: true });
});
