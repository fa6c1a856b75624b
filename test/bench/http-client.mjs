// Runs in a worker thread: sends the benchmark's HTTP requests, so that the client's own work
// (fetch, JSON parsing) does not share the event loop of the server being measured.
import { parentPort, workerData } from 'node:worker_threads';

const { url, query, variables, token, runs, warmup } = workerData;
async function once() {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
for (let i = 0; i < warmup; i += 1) await once();
const samples = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  await once();
  samples.push(performance.now() - start);
}
parentPort.postMessage(samples);
