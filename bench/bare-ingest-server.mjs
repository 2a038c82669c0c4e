// The baseline for the ingest benchmark: plain Node http + a mysql2 pool, one multi-row
// INSERT IGNORE per request into the same events table, no framework, no validation.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
// the commit before the activity stream had a `state` column (0: not yet attributed); the stream has none
const [legacy] = await pool.query("SHOW COLUMNS FROM events LIKE 'state'");
const COLUMNS = ['id', 'source_key', 'client_event_id', 'type', 'anonymous_id', 'page', ...(legacy.length ? ['state'] : []), 'occurred_at', 'received_at'];

http
  .createServer((req, res) => {
    if (req.url === '/api/health') return res.end('{"status":"ok"}');
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const { events } = JSON.parse(Buffer.concat(chunks).toString());
        const now = new Date();
        const rows = events.map((e) => [randomBytes(13).toString('hex').slice(0, 26), e.anonymousId, e.id, e.type, e.anonymousId, e.page, ...(legacy.length ? [0] : []), new Date(e.at), now]);
        await pool.query(`INSERT IGNORE INTO events (${COLUMNS.join(', ')}) VALUES ?`, [rows]);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ accepted: rows.length }));
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
