/**
 * The MySQL-family servers LeadLoop runs on. Claims of background work read
 * `SELECT … FOR UPDATE SKIP LOCKED` (database/locks.ts): MariaDB has it from 10.6, MySQL from 8.0.1.
 * TiDB parses it but then takes no lock at all (pingcap/tidb#69720), so two instances could handle
 * one batch at once: refused until claims there use `NOWAIT` (docs/SCALING.md).
 */
export function unsupportedServer(version: string): string | null {
  if (/tidb/i.test(version)) return `TiDB (${version}) is not supported yet: SELECT … FOR UPDATE SKIP LOCKED takes no lock there (pingcap/tidb#69720); see docs/SCALING.md`;
  const [major, minor, patch] = (/^(\d+)\.(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  if (major === undefined) return null;
  const atLeast = (a: number, b: number, c: number) => major > a || (major === a && (minor > b || (minor === b && patch >= c)));
  if (/mariadb/i.test(version)) return atLeast(10, 6, 0) ? null : `MariaDB ${version} is too old: LeadLoop needs 10.6 or later (SKIP LOCKED)`;
  return atLeast(8, 0, 1) ? null : `MySQL ${version} is too old: LeadLoop needs 8.0.1 or later (SKIP LOCKED)`;
}
