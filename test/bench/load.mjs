// Runs in a child process: an HTTP load with autocannon, so that the load generator's own CPU and
// memory stay out of the server's process (whose event loop and RSS the benchmark reads).
// Argument: JSON { url, body | bodies, headers, connections, duration }; `bodies` are sent in turn,
// one per request. Prints autocannon's summary as JSON.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
let next = 0;
const result = await autocannon({
  url: options.url,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...options.headers },
  body: options.body,
  requests: options.bodies ? [{ setupRequest: (request) => ({ ...request, body: options.bodies[next++ % options.bodies.length] }) }] : undefined,
  connections: options.connections,
  duration: options.duration,
});
process.stdout.write(
  JSON.stringify({
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50ms: result.latency.p50,
    p97_5ms: result.latency.p97_5,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }),
);
