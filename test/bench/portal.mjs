// The portal as a village head meets it: a cold load (HTTP cache off) in Chromium, on an emulated
// "fast 3G" connection (CDP Network.emulateNetworkConditions: 1.6 Mbps down, 750 kbps up, 150 ms
// latency) and without emulation. Measured: time until the sign-in form is visible and what was
// transferred for it; when the portal behind it has finished downloading (the network quiet); then
// time from pressing "sign in" until the first list shows rows, and what that transferred. Signing
// in "after typing" waits for the download, as someone typing an email and password would; "at
// once" presses the button as soon as the form shows. A return visit reopens the portal signed in,
// with the HTTP cache kept.
//
// `pnpm bench` calls benchPortal() with the API it started; `node test/bench/portal.mjs` runs this
// part alone against a fresh in-process API (same data directory as the bench).
import './production-mode.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startBenchServer } from './bench-server.mjs';

const EMAIL = 'perbekel.mas@lindung.test';
const PASSWORD = 'lindung-demo';
const FORM = 'input[name="email"]';
/** A row of the list measured (every list has a name column). */
const LIST_ROW = 'td.column-name';
/** The list measured: the village's partner organisations, opened by a deep link (signing in lands on the home page otherwise). */
const LIST = '#/PartnerOrganisation';
const TIMEOUT_MS = 60_000;

/** "Fast 3G": 1.6 Mbps down, 750 kbps up (in bytes per second), 150 ms latency on every request. */
export const FAST_3G = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const NO_EMULATION = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/** Each cold load is measured this many times; the rows show the median of each figure. */
const RUNS = 3;

/** Rows for console.table. */
export async function benchPortal(server) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // Warm-up (Chromium's own start-up, the server's first reads of the files), not reported.
    await coldVisit(browser, server, NO_EMULATION, { typingTime: false });
    const rows = [];
    for (const [network, conditions] of [
      ['fast 3G', FAST_3G],
      ['no emulation', NO_EMULATION],
    ]) {
      const typed = median(await repeat(() => coldVisit(browser, server, conditions, { typingTime: true })));
      rows.push(row(`${network}: cold load, sign in after typing`, typed));
      const hasty = median(await repeat(() => coldVisit(browser, server, conditions, { typingTime: false })));
      rows.push(row(`${network}: cold load, sign in at once`, hasty));
      const back = median(await repeat(() => returnVisit(browser, server, conditions)));
      rows.push({ name: `${network}: return visit, signed in, HTTP cache on`, listMs: back.ms, listKB: kb(back.bytes), jsKB: kb(back.jsBytes) });
    }
    return rows;
  } finally {
    await browser.close();
  }
}

/** One line against the goals: the sign-in form within 2.5 s, a list within 1.5 s of signing in, on fast 3G. */
export function portalSummary(rows) {
  const typed = rows.find((r) => r.name.startsWith('fast 3G: cold load, sign in after typing'));
  const hasty = rows.find((r) => r.name.startsWith('fast 3G: cold load, sign in at once'));
  if (!typed || !hasty) return '';
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  return (
    `fast 3G: sign-in form after ${seconds(typed.signInFormMs)} (${typed.signInFormKB} kB; goal <= 2.5 s), ` +
    `a list ${seconds(typed.listMs)} after signing in (goal <= 1.5 s; ${seconds(hasty.listMs)} when signing in before the portal has downloaded)`
  );
}

async function repeat(visit) {
  const results = [];
  for (let i = 0; i < RUNS; i += 1) results.push(await visit());
  return results;
}

/** The median of each numeric figure over the runs. */
function median(results) {
  const out = { ...results[0] };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value !== 'number') continue;
    const sorted = results.map((r) => r[key]).sort((a, b) => a - b);
    out[key] = sorted[Math.floor(sorted.length / 2)];
  }
  return out;
}

function row(name, visit) {
  return {
    name,
    signInFormMs: visit.formMs,
    signInFormKB: kb(visit.formBytes),
    portalLoadedMs: visit.idleMs ?? '',
    listMs: visit.listMs,
    listKB: kb(visit.listBytes),
    jsKB: kb(visit.jsBytes),
    jsEncoding: [...visit.encodings].join('+'),
  };
}

const kb = (bytes) => Math.round(bytes / 102.4) / 10;

/**
 * Counts what goes over the wire (encodedDataLength: headers and the body as sent, so compressed
 * when compressed), and how much of it is JavaScript.
 */
async function instrument(page, conditions, { cacheDisabled }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Network.emulateNetworkConditions', conditions);
  const meter = { bytes: 0, jsBytes: 0, pending: new Set(), lastActivity: performance.now(), encodings: new Set() };
  const types = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId }) => {
    meter.pending.add(requestId);
    meter.lastActivity = performance.now();
  });
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    types.set(requestId, type);
    const encoding = Object.entries(response.headers).find(([key]) => key.toLowerCase() === 'content-encoding')?.[1];
    if (type === 'Script') meter.encodings.add(encoding ?? 'identity');
  });
  const done = (requestId, length) => {
    meter.pending.delete(requestId);
    meter.lastActivity = performance.now();
    meter.bytes += length;
    if (types.get(requestId) === 'Script') meter.jsBytes += length;
  };
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => done(requestId, encodedDataLength));
  cdp.on('Network.loadingFailed', ({ requestId }) => done(requestId, 0));
  return meter;
}

/** Resolves once no request has been in flight for `quietMs` (what the page fetches while the user types). */
async function networkIdle(meter, quietMs = 500) {
  const deadline = performance.now() + TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (meter.pending.size === 0 && performance.now() - meter.lastActivity >= quietMs) return meter.lastActivity;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the portal kept loading for a minute');
}

async function coldVisit(browser, server, conditions, { typingTime }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT_MS);
  try {
    const page = await context.newPage();
    const meter = await instrument(page, conditions, { cacheDisabled: true });
    const start = performance.now();
    await page.goto(`${server.url}/${LIST}`, { waitUntil: 'commit' });
    await page.locator(FORM).waitFor({ state: 'visible' });
    const formMs = Math.round(performance.now() - start);
    const formBytes = meter.bytes;
    let idleMs = null;
    if (typingTime) {
      // Someone typing an email and a password takes seconds: whatever the page loads meanwhile is
      // loaded before they press the button. Signed in once the network has been quiet for 0.5 s.
      idleMs = Math.round((await networkIdle(meter)) - start);
    }
    await page.locator(FORM).fill(EMAIL);
    await page.locator('input[name="password"]').fill(PASSWORD);
    const bytesBefore = meter.bytes;
    const submitted = performance.now();
    await page.locator('button[type="submit"]').click();
    await page.locator(LIST_ROW).first().waitFor({ state: 'visible' });
    const listMs = Math.round(performance.now() - submitted);
    // Let the page's remaining requests for this screen finish before counting them.
    await networkIdle(meter, 300).catch(() => undefined);
    return { formMs, formBytes, idleMs, listMs, listBytes: meter.bytes - bytesBefore, jsBytes: meter.jsBytes, encodings: meter.encodings };
  } finally {
    await context.close();
  }
}

/** Signed in on an earlier visit, the assets in the HTTP cache: open the portal again. */
async function returnVisit(browser, server, conditions) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT_MS);
  try {
    const first = await context.newPage();
    await first.goto(`${server.url}/${LIST}`);
    await first.locator(FORM).fill(EMAIL);
    await first.locator('input[name="password"]').fill(PASSWORD);
    await first.locator('button[type="submit"]').click();
    await first.locator(LIST_ROW).first().waitFor({ state: 'visible' });
    await first.close();

    const page = await context.newPage();
    const meter = await instrument(page, conditions, { cacheDisabled: false });
    const start = performance.now();
    await page.goto(`${server.url}/${LIST}`, { waitUntil: 'commit' });
    await page.locator(LIST_ROW).first().waitFor({ state: 'visible' });
    const ms = Math.round(performance.now() - start);
    await networkIdle(meter, 300).catch(() => undefined);
    return { ms, bytes: meter.bytes, jsBytes: meter.jsBytes };
  } finally {
    await context.close();
  }
}

// Alone: `node test/bench/portal.mjs` (after `pnpm run build`).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startBenchServer();
  try {
    const rows = await benchPortal(server);
    console.table(rows);
    console.log(portalSummary(rows));
  } finally {
    await server.stop();
  }
}
