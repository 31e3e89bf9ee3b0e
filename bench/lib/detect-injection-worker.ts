/**
 * Worker thread of the injection benchmark: measures the one engine it is given (workerData) on the workloads
 * in this fresh isolate and posts the result back, with its progress lines, to the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { measureEngine, type InjectionWorkerInput, type InjectionWorkerMessage } from './detect-injection.ts';

if (parentPort === null) throw new Error('detect-injection-worker.ts runs as a worker thread of bench/detect.ts');
const port = parentPort;
const post = (message: InjectionWorkerMessage): void => port.postMessage(message);
const result = await measureEngine(workerData as InjectionWorkerInput, (log) => post({ log }));
post({ result });
