/**
 * Retries `probe` until `accept` holds and answers the accepted value. Past `timeoutMs` it throws,
 * naming what it waited for and the last value seen: a condition that never comes fails the test.
 * Server specs and browser flows share this one implementation.
 */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  for (;;) {
    const last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 1_000);
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2)?.slice(0, 2_000) ?? String(value);
  } catch {
    return String(value);
  }
}
