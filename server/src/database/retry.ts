import { isWriteConflict } from './data-source';

const ATTEMPTS = 5;

/** Thrown by a guarded update that found its row already changed: the work is re-run like a conflict. */
export class LostRace extends Error {
  constructor(what: string) {
    super(`Lost a race: ${what}`);
  }
}

/**
 * Re-runs a read-then-write that lost a race to a concurrent request (duplicate key, deadlock):
 * on the next attempt the read sees the winner's row.
 */
export async function retryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(isWriteConflict(error) || error instanceof LostRace) || attempt >= ATTEMPTS) throw error;
      // a short random pause so the transactions that collided do not collide again in step
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}
