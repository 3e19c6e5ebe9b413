// Worker-thread entry that loads a TypeScript module through tsx (worker threads do not inherit
// the main thread's loader): `new Worker(tsWorker, { workerData: { module, ... } })`.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
