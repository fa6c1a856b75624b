/**
 * Polls a condition every 50 ms until it holds, failing after `withinMs`: for states a test causes
 * but cannot await (a notice between processes, a pool draining). A bound on correctness, never a
 * timing assertion.
 */
export async function waitFor(
  condition: () => Promise<boolean>,
  withinMs = 10_000,
  explain?: { what: string; state?: () => Promise<string> },
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const what = explain ? `${explain.what}${explain.state ? `: ${await explain.state()}` : ''}` : 'condition';
      throw new Error(`${what} not reached within ${withinMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
