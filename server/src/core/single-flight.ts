/**
 * Identical concurrent work, done once in this process: while `run(key, …)` is under way, other
 * calls with the same key wait for it and get its result (or its failure).
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    let flight = this.running.get(key);
    if (!flight) {
      flight = work().finally(() => this.running.delete(key));
      this.running.set(key, flight);
    }
    return flight;
  }
}
