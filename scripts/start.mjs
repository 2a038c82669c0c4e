// `npm start`: build what is stale, then run the server with the embedded database and the
// WeChat sandbox (unless DATABASE_URL / WECHAT_APPID+WECHAT_SECRET say otherwise).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..');
buildIfStale();
const server = spawn(process.execPath, [join(root, 'server/dist/main.js')], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
