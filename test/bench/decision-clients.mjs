// Runs in a child process of the bench: the clients of the decision bench (cycle.mjs), each deciding
// the next proposal in turn and retrying on DATABASE_BUSY, over node:http with kept-alive
// connections. In a process of their own, their CPU is neither the API's nor on its event loop,
// as with autocannon for the other loads (fetch's own cost was a fifth of a core beside the API).
// Reads JSON { url, token, jobs, clients } on stdin; prints JSON { results, retries, ms }.
import http from 'node:http';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
}));
const { url, token, jobs, clients } = input;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const mutation = 'mutation($id: ID!, $d: [ProposalDecisionInput!]!) { decideProposal(id: $id, decisions: $d) { id status approvedCost } }';
const target = new URL('/graphql', url);

function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: response.statusCode, body: JSON.parse(text) }));
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let retries = 0;
async function decide(job) {
  for (;;) {
    const start = performance.now();
    const { status, body } = await post(JSON.stringify({ query: mutation, variables: { id: job.proposalId, d: [{ itemId: job.itemId, approve: true }] } }));
    const ms = performance.now() - start;
    const error = body.errors?.[0];
    const reason = error?.extensions?.reason;
    if (status === 503 && reason === 'DATABASE_BUSY') {
      retries += 1;
      await sleep(20 + Math.random() * 30);
      continue;
    }
    if (!error) return { ms, outcome: body.data.decideProposal.status, cost: Number(body.data.decideProposal.approvedCost) };
    return { ms, outcome: reason || error.extensions?.code || 'ERROR', message: error.message };
  }
}

const results = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (next < jobs.length) results.push(await decide(jobs[next++]));
  }),
);
process.stdout.write(JSON.stringify({ results, retries, ms: performance.now() - started }));
agent.destroy();
