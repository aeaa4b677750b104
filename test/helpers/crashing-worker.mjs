// A stand-in batch worker for the pool tests: it speaks the worker protocol (a chunk of tasks in,
// one message per task and a chunkDone out) without checking anything, and dies on purpose on a
// file whose name says so: "exit" ends the thread with code 3, "throw" throws out of the handler.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (tasks) => {
  for (const task of tasks) {
    if (task.file.includes('exit')) process.exit(3);
    if (task.file.includes('throw')) throw new Error(`stand-in crash on ${task.file}`);
    parentPort.postMessage({ index: task.index, error: `stand-in saw ${task.file}` });
  }
  parentPort.postMessage({ chunkDone: true });
});
