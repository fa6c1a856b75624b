export default async function globalTeardown() {
  const state = globalThis.__lindung;
  if (!state) return;
  await stopProcess(state.api, 10_000);
  await state.database.stop();
}

// SIGTERM, and SIGKILL if it has not exited in time; the timer must not outlive the process.
async function stopProcess(child, graceMs) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  let timer;
  const timedOut = new Promise((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (child.exitCode === null) child.kill('SIGKILL');
}
