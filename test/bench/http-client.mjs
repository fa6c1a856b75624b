// Runs in a worker thread: sends the benchmark's HTTP requests, so that the client's own work
// (the request, JSON parsing) does not share the event loop of the server being measured.
//
// node:http on one kept-alive connection, as a browser sends a page's requests, rather than
// fetch: on a 2-core machine shared with the server and PostgreSQL, undici's fetch added about a
// millisecond of its own to every request (alternated in one run against the same API: a signed-in
// `{ __typename }` p50 1.54 to 1.94 ms with fetch, 0.76 to 0.96 ms with this client; a 50-row
// page 5.15 to 5.79 ms against 3.20 to 4.10), which the figures counted as the API's.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, query, variables, token, runs, warmup } = workerData;
const target = new URL('/graphql', url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const body = JSON.stringify({ query, variables });
const headers = {
  'content-type': 'application/json',
  'content-length': Buffer.byteLength(body),
  ...(token ? { authorization: `Bearer ${token}` } : {}),
};

/** One request; rejects on GraphQL errors, so that a benchmark never times failures. */
function once() {
  return new Promise((resolve, reject) => {
    const request = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        try {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (answer.errors) reject(new Error(JSON.stringify(answer.errors)));
          else resolve(answer.data);
        } catch (error) {
          reject(error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

for (let i = 0; i < warmup; i += 1) await once();
const samples = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  await once();
  samples.push(performance.now() - start);
}
agent.destroy();
parentPort.postMessage(samples);
