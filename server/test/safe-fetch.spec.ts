import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/config';
import { isPrivateAddress, OutboundRefused, SafeFetcher } from '../src/core/safe-fetch';
import { startTestServer, staffAs, type TestServer } from './support/app';
import { publishEvent } from './support/live';
import { PNG } from './support/whitepaper';

const fetcher = (allowPrivate: boolean) => new SafeFetcher({ ...loadConfig({}), outbound: { allowPrivate } });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'fetched',
    (e: unknown) => (e instanceof OutboundRefused ? e.reason : `unexpected ${String(e)}`),
  );

/** What the server fetches for an address a marketer typed. */
describe('safe outbound fetches', () => {
  let origin: Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    origin = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/cover.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else if (req.url === '/big') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(3 * 1024 * 1024));
      else if (req.url === '/chunked-big') {
        res.writeHead(200, { 'content-type': 'image/png' });
        for (let i = 0; i < 40; i++) res.write(Buffer.alloc(100 * 1024));
        res.end();
      } else if (req.url === '/redirect') res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('late'), 2000);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => origin.close(r)));

  it('knows the private, loopback, link-local, CGNAT and metadata ranges, IPv4-mapped included', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::7f00:1', '224.0.0.1']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['1.1.1.1', '172.32.0.1', '100.128.0.1', '203.0.114.1', '2400:3200::1', '::ffff:8.8.8.8']) expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it('refuses loopback and private hosts by address or by name, other schemes and credentials, before connecting', async () => {
    const safe = fetcher(false);
    const options = { timeoutMs: 1000, maxBytes: 1024 * 1024 };
    const before = hits.length;
    expect(await refusal(safe.fetch(`${base}/cover.png`, options))).toBe('address');
    expect(await refusal(safe.fetch(`http://localhost:${new URL(base).port}/cover.png`, options))).toBe('address');
    expect(await refusal(safe.fetch('http://[::1]/x', options))).toBe('address');
    expect(await refusal(safe.fetch('http://169.254.169.254/latest/meta-data/', options))).toBe('address');
    expect(await refusal(safe.fetch('http://[::ffff:127.0.0.1]/x', options))).toBe('address');
    expect(await refusal(safe.fetch('file:///etc/passwd', options))).toBe('scheme');
    expect(await refusal(safe.fetch('gopher://example.com/', options))).toBe('scheme');
    expect(await refusal(safe.fetch('http://user:pw@example.com/', options))).toBe('credentials');
    expect(hits.length).toBe(before);
  });

  it('with private addresses allowed (development), still refuses redirects, oversized bodies and slow answers', async () => {
    const dev = fetcher(true);
    const options = { timeoutMs: 500, maxBytes: 2 * 1024 * 1024 };
    const ok = await dev.fetch(`${base}/cover.png`, options);
    expect(ok.status).toBe(200);
    expect(ok.body.equals(PNG)).toBe(true);
    expect(await refusal(dev.fetch(`${base}/redirect`, options))).toBe('redirect');
    expect(await refusal(dev.fetch(`${base}/big`, options))).toBe('too_large');
    expect(await refusal(dev.fetch(`${base}/chunked-big`, { ...options, maxBytes: 1024 * 1024 }))).toBe('too_large');
    expect(await refusal(dev.fetch(`${base}/slow`, options))).toBe('timeout');
  });

  describe('a live event poster whose cover URL points inside', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer('safe-fetch');
    });
    afterAll(() => server.close());

    it('is drawn with the placeholder, and the inside address is never requested', async () => {
      const marketer = await staffAs(server, 'ssrf-marketer', 'marketer');
      const event = await publishEvent(server, marketer.token, { coverUrl: `${base}/cover.png` });
      const before = hits.length;
      const poster = await server.http('POST', '/api/posters', { contentType: 'live', contentId: event.id }, marketer.token);
      expect(poster.status).toBe(200);
      expect(hits.length).toBe(before);
    });
  });
});
