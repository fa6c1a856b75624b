export default async function globalTeardown() {
  const state = globalThis.__lindung;
  if (!state) return;
  const exited = new Promise((resolve) => state.api.once('exit', resolve));
  state.api.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (state.api.exitCode === null) state.api.kill('SIGKILL');
  await state.database.stop();
}
