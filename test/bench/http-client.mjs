// Runs in a worker thread: sends the benchmark's HTTP requests, so that the client's own work
// (fetch, JSON parsing) does not share the event loop of the server being measured.
import { parentPort, workerData } from 'node:worker_threads';
import { graphql } from './graphql-request.mjs';

const { url, query, variables, token, runs, warmup } = workerData;
const once = () => graphql(url, query, variables, token);
for (let i = 0; i < warmup; i += 1) await once();
const samples = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  await once();
  samples.push(performance.now() - start);
}
parentPort.postMessage(samples);
