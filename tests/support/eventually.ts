// Waiting for a condition instead of a fixed time: retries an assertion until it passes or a
// generous deadline runs out. The deadline is a bound on a hang, not a speed check (tests/bench
// measures speed): on a loaded 2-core machine a database read can take seconds.

/** How long `eventually` keeps trying unless told otherwise. */
export const eventuallyTimeoutMs = 15_000;

/** Retries `check` (an assertion, possibly reading the database) until it passes; resolves with its value. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = eventuallyTimeoutMs): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
