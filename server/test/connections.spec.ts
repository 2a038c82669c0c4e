import { connect, type Socket } from 'node:net';
import { startTestServer, type TestServer } from './support/app';
import { eventually } from './support/eventually';

/** Resolves with how long the server took to close `socket` (or rejects after `withinMs`). */
function closedWithin(socket: Socket, withinMs: number): Promise<number> {
  const started = Date.now(); // wall time: measuring the server's own timer, not an app rule
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error(`still open after ${withinMs} ms`)), withinMs);
    socket.once('close', () => {
      clearTimeout(guard);
      resolve(Date.now() - started);
    });
  });
}

async function open(server: TestServer): Promise<Socket> {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((r) => socket.once('connect', r));
  return socket;
}

/** Connection limits are deliberate: slow headers are cut off, one address cannot hold every socket. */
describe('connection limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('connections', { HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_MAX_SOCKETS_PER_ADDRESS: '40' });
  });
  afterAll(() => server.close());

  it('closes a connection that never finishes its request headers once the header timeout passes', async () => {
    const slow = await open(server);
    slow.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    expect(await closedWithin(slow, 5000)).toBeLessThan(3000);
  });

  it('keeps a connection that sent its headers in time, and answers it', async () => {
    const res = await server.http('GET', '/api/health');
    expect(res.status).toBe(200);
  });

  it('refuses connections from one address beyond the cap, and takes new ones as others close', async () => {
    const held: Socket[] = [];
    for (let i = 0; i < 40; i++) held.push(await open(server));
    const extra = await open(server);
    expect(await closedWithin(extra, 2000)).toBeLessThan(2000);
    held.pop()?.destroy();
    await eventually(() => server.http('GET', '/api/health').then((r) => r.status, () => 0), (status) => status === 200, 'a connection once one closed');
    for (const s of held) s.destroy();
  });
});
