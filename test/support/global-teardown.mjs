import { stopProcess } from './global-setup.mjs';

export default async function globalTeardown() {
  const state = globalThis.__lindung;
  if (!state) return;
  await stopProcess(state.api, 10_000);
  await state.database.stop();
}
