// `npm test`: every tier — unit, server (MariaDB over real HTTP) and browser (Chromium on the
// H5 build). Needs MariaDB/MySQL at TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306) and
// Chromium at /usr/bin/chromium; `.ci/run` starts/installs them when missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const mysqlUrl = new URL(process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306');

const reachable = await new Promise((resolve) => {
  const socket = createConnection({ host: mysqlUrl.hostname, port: Number(mysqlUrl.port || 3306) });
  socket.setTimeout(2000);
  socket.once('connect', () => (socket.end(), resolve(true)));
  socket.once('error', () => resolve(false));
  socket.once('timeout', () => (socket.destroy(), resolve(false)));
});
if (!reachable) {
  process.stderr.write(`MariaDB/MySQL is not answering at ${mysqlUrl.host}. Start it (see README "Tests") or set TEST_MYSQL_URL.\n`);
  process.exit(1);
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  process.stderr.write(`Chromium is missing at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).\n`);
  process.exit(1);
}

buildIfStale();
const jest = spawnSync(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '--maxWorkers=2', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(jest.status ?? 1);
