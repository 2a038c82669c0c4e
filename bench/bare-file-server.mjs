// The baseline for the cached-poster benchmark: plain Node http answering every request with
// one PNG held in memory (read once at start), no framework, no disk, no checks.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const png = readFileSync(process.env.FILE);

http
  .createServer((req, res) => {
    if (req.url === '/api/health') return res.end('{"status":"ok"}');
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'public, max-age=31536000, immutable' });
    res.end(png);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
