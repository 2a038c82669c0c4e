import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { PNG } from 'pngjs';
import { LAYOUT } from '../src/modules/posters/poster-layout';
import { PosterSources } from '../src/modules/posters/poster-sources';
import { WechatClient } from '../src/modules/wechat/wechat.client';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { decodeQr } from './support/qr';
import { count, HOME } from './support/share';
import { coverPart, pdfPart, upload } from './support/whitepaper';

const URL_SHAPE = /^\/api\/posters\/[0-9a-f]{64}\.png$/;

describe('share posters', () => {
  let server: TestServer;
  let posterDir: string;
  let storageDir: string;
  // what the test's campaign resolver answers; a test changes it to change the content
  const campaign = { title: '2026 华东区经销商大会', version: 'v1', exists: true };

  beforeAll(async () => {
    posterDir = mkdtempSync(join(tmpdir(), 'leadloop-posters-'));
    storageDir = mkdtempSync(join(tmpdir(), 'leadloop-poster-files-'));
    server = await startTestServer('posters', { POSTER_DIR: posterDir, STORAGE_DIR: storageDir, EVENT_PROCESSOR_INTERVAL_MS: '0' });
    // a content module as live/whitepaper/card will be: registered on the app's registry
    server.app.get(PosterSources).register('campaign', async (id) =>
      id === 'spring-summit' && campaign.exists
        ? { title: campaign.title, subtitle: '活动 · 2026年3月18日 14:00', kindLabel: '活动', cover: async () => null, version: campaign.version, page: 'pages/index/index' }
        : null,
    );
  });
  afterAll(async () => {
    await server.close();
    rmSync(posterDir, { recursive: true, force: true });
    rmSync(storageDir, { recursive: true, force: true });
  });

  const codeCalls = async (): Promise<number> => (await server.http('GET', '/sandbox/calls')).body.getwxacodeunlimit;
  const poster = (token: string | undefined, content: Record<string, unknown> = HOME) => server.http('POST', '/api/posters', content, token);
  const fetchPng = async (url: string) => {
    const res = await fetch(`${server.url}${url}`);
    return { res, png: Buffer.from(await res.arrayBuffer()) };
  };
  const filesIn = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png') || f.endsWith('.tmp'));

  it('makes a 750 × 1334 PNG whose mini-program code scans to exactly the caller’s share token', async () => {
    const me = await loginAs(server, 'poster-maker');
    const before = await codeCalls();
    const res = await poster(me.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ width: 750, height: 1334, cached: false });
    expect(res.body.url).toMatch(URL_SHAPE);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await codeCalls()).toBe(before + 1);
    // the token is the caller's share token for this content, as the share chain mints it
    const minted = await server.http('POST', '/api/share/tokens', HOME, me.token);
    expect(minted.body.token).toBe(res.body.token);

    const { res: image, png } = await fetchPng(res.body.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(image.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(Number(image.headers.get('content-length'))).toBe(png.length);
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([750, 1334]);
    // the sandbox's code is a QR code of the scene, and the scene is the token
    expect(decodeQr(png)).toBe(res.body.token);

    const revalidated = await fetch(`${server.url}${res.body.url}`, { headers: { 'if-none-match': image.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
  });

  it('serves the same poster again without asking WeChat, and renders concurrent identical requests once', async () => {
    const me = await loginAs(server, 'poster-again');
    const first = await poster(me.token);
    const calls = await codeCalls();
    const second = await poster(me.token);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ url: first.body.url, token: first.body.token, cached: true });
    expect(await codeCalls()).toBe(calls);

    const other = await loginAs(server, 'poster-burst');
    const burst = await Promise.all(Array.from({ length: 5 }, () => poster(other.token)));
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(burst.map((r) => r.body.url)).size).toBe(1);
    expect(await codeCalls()).toBe(calls + 1);
    // different sharers of the same content get their own token and their own poster
    expect(burst[0].body.token).not.toBe(first.body.token);
    expect(burst[0].body.url).not.toBe(first.body.url);
  });

  it('renders a new poster (new url) when the content changes, for staff sharers too', async () => {
    const staff = await staffAs(server, 'poster-staff', 'sales');
    const content = { contentType: 'campaign', contentId: 'spring-summit' };
    const v1 = await poster(staff.token, content);
    expect(v1.status).toBe(200);
    expect(v1.body.cached).toBe(false);
    expect((await poster(staff.token, content)).body).toMatchObject({ url: v1.body.url, cached: true });

    campaign.version = 'v2';
    campaign.title = '2026 华东区经销商大会（改期）';
    const v2 = await poster(staff.token, content);
    expect(v2.body).toMatchObject({ token: v1.body.token, cached: false });
    expect(v2.body.url).toMatch(URL_SHAPE);
    expect(v2.body.url).not.toBe(v1.body.url);
    const { png } = await fetchPng(v2.body.url);
    expect(decodeQr(png)).toBe(v2.body.token);
  });

  it('still draws a title with characters the font lacks, and logs which content it was', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      campaign.version = 'emoji';
      campaign.title = '限时🚀经销商大会';
      const me = await loginAs(server, 'poster-emoji');
      const res = await poster(me.token, { contentType: 'campaign', contentId: 'spring-summit' });
      expect(res.status).toBe(200);
      expect(decodeQr((await fetchPng(res.body.url)).png)).toBe(res.body.token);
      const lines = warn.mock.calls.map((c) => String(c[0]));
      expect(lines.some((l) => l.includes('campaign spring-summit') && l.includes('🚀'))).toBe(true);
      // and no share token in any log line
      expect(lines.some((l) => l.includes(res.body.token))).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses unknown content with POSTER_CONTENT_NOT_FOUND, minting nothing', async () => {
    const me = await loginAs(server, 'poster-nothing');
    const nodes = await count(server, 'SELECT COUNT(*) FROM share_nodes');
    for (const content of [
      { contentType: 'page', contentId: 'nope' },
      { contentType: 'campaign', contentId: 'autumn-summit' },
      // whether or not the whitepaper module has registered its resolver, there is no such whitepaper
      { contentType: 'whitepaper', contentId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' },
    ]) {
      const res = await poster(me.token, content);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('POSTER_CONTENT_NOT_FOUND');
    }
    campaign.exists = false;
    try {
      expect((await poster(me.token, { contentType: 'campaign', contentId: 'spring-summit' })).body.code).toBe('POSTER_CONTENT_NOT_FOUND');
    } finally {
      campaign.exists = true;
    }
    expect(await count(server, 'SELECT COUNT(*) FROM share_nodes')).toBe(nodes);
    expect((await poster(me.token, { contentType: 'page', contentId: '../etc' })).body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 with a code for unknown or malformed poster keys, never a 500', async () => {
    const unknown = `/api/posters/${'ab'.repeat(32)}.png`;
    for (const path of [
      unknown,
      `/api/posters/${'AB'.repeat(32)}.png`,
      `/api/posters/${'g'.repeat(64)}.png`,
      `/api/posters/${'a'.repeat(63)}.png`,
      '/api/posters/..%2F..%2Fetc%2Fpasswd.png',
      '/api/posters/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd%00.png',
      '/api/posters/%2e%2e.png',
    ]) {
      const res = await server.http('GET', path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'POSTER_NOT_FOUND' });
    }
    // unencoded, as a raw request line (fetch would normalise the dots away)
    for (const raw of ['/api/posters/../../etc/passwd', '/api/posters/../../../etc/passwd.png', '/api/posters/x/../../../etc/passwd']) {
      const res = await rawGet(server.url, raw);
      expect(res.status).toBe(404);
      expect(['POSTER_NOT_FOUND', 'NOT_FOUND']).toContain(JSON.parse(res.body).code);
    }
  });

  it('maps WeChat refusing the code to clear codes, and caches nothing', async () => {
    const me = await loginAs(server, 'poster-fault');
    const pngsBefore = filesIn(posterDir).length;

    await server.http('POST', '/sandbox/faults', { api: 'getwxacodeunlimit', errcode: 40169, times: 1 });
    const refused = await poster(me.token);
    expect(refused.status).toBe(502);
    expect(refused.body).toMatchObject({ code: 'POSTER_CODE_FAILED', details: { reason: 'scene_rejected', errcode: 40169 } });
    expect(filesIn(posterDir).length).toBe(pngsBefore);

    await server.http('POST', '/sandbox/faults', { api: 'getwxacodeunlimit', errcode: 41030, times: 1 });
    expect((await poster(me.token)).body).toMatchObject({ code: 'POSTER_CODE_FAILED', details: { reason: 'page_rejected' } });
    await server.http('POST', '/sandbox/faults', { api: 'getwxacodeunlimit', errcode: 45009, times: 1 });
    const limited = await poster(me.token);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('WECHAT_RATE_LIMITED');
    expect(filesIn(posterDir).length).toBe(pngsBefore);

    // the faults are spent: the poster is made now, not served from a cache of a failure
    const calls = await codeCalls();
    const made = await poster(me.token);
    expect(made.status).toBe(200);
    expect(made.body.cached).toBe(false);
    expect(await codeCalls()).toBe(calls + 1);
    expect(decodeQr((await fetchPng(made.body.url)).png)).toBe(made.body.token);
    expect(filesIn(posterDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('requires a session to make a poster; the image itself is public', async () => {
    const res = await poster(undefined);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');

    const me = await loginAs(server, 'poster-public');
    const made = await poster(me.token);
    const { res: image } = await fetchPng(made.body.url);
    expect(image.status).toBe(200);
  });

  describe('whitepapers and cards', () => {
    const RED = [230, 20, 20] as const;
    const MAGENTA = [255, 0, 255] as const;
    const coverCentre = { x: LAYOUT.cover.x + LAYOUT.cover.width / 2, y: LAYOUT.cover.y + LAYOUT.cover.height / 2 };
    // inside the avatar's circle, clear of the initial drawn in its middle when there is no avatar
    const avatarSpot = { x: LAYOUT.avatar.x + 16, y: LAYOUT.avatar.y + LAYOUT.avatar.size / 2 };

    /** The page each code opens, as asked from WeChat. */
    const pagesAsked = () => {
      const spy = jest.spyOn(server.app.get(WechatClient), 'getUnlimitedCode');
      return { pages: () => spy.mock.calls.map((c) => c[0].page), restore: () => spy.mockRestore() };
    };

    it('makes a poster of a published whitepaper only, with its cover, and a new one when it is edited', async () => {
      const marketer = await staffAs(server, 'poster-marketer', 'marketer');
      const created = await upload(server, '/console/whitepapers', marketer.token, { title: '2026 制造业私域白皮书', summary: '摘要', tags: '制造业, 私域' }, [
        pdfPart(),
        coverPart(solidPng(64, 36, RED)),
      ]);
      expect(created.status).toBe(201);
      const content = { contentType: 'whitepaper', contentId: created.body.id };
      const nodes = await count(server, 'SELECT COUNT(*) FROM share_nodes');
      const draft = await poster(marketer.token, content);
      expect(draft.status).toBe(404);
      expect(draft.body.code).toBe('POSTER_CONTENT_NOT_FOUND');
      expect(await count(server, 'SELECT COUNT(*) FROM share_nodes')).toBe(nodes);

      await server.http('POST', `/api/console/whitepapers/${created.body.id}/publish`, undefined, marketer.token);
      const asked = pagesAsked();
      try {
        const made = await poster(marketer.token, content);
        expect(made.status).toBe(200);
        expect(made.body).toMatchObject({ width: 750, height: 1334, cached: false });
        expect(asked.pages()).toEqual(['packages/whitepaper/pages/detail/index']);
        const { png } = await fetchPng(made.body.url);
        expect(decodeQr(png)).toBe(made.body.token);
        expect(pixel(png, coverCentre)).toEqual(RED);
        expect((await poster(marketer.token, content)).body).toMatchObject({ url: made.body.url, cached: true });

        const edited = await server.http('PATCH', `/api/console/whitepapers/${created.body.id}`, { title: '2026 制造业私域白皮书（修订版）' }, marketer.token);
        expect(edited.status).toBe(200);
        const again = await poster(marketer.token, content);
        expect(again.body).toMatchObject({ token: made.body.token, cached: false });
        expect(again.body.url).not.toBe(made.body.url);
        expect(decodeQr((await fetchPng(again.body.url)).png)).toBe(again.body.token);

        // a prospect shares it too, under their own token
        const prospect = await loginAs(server, 'poster-wp-prospect');
        const theirs = await poster(prospect.token, content);
        expect(theirs.status).toBe(200);
        expect(theirs.body.token).not.toBe(made.body.token);
      } finally {
        asked.restore();
      }

      await server.http('POST', `/api/console/whitepapers/${created.body.id}/unpublish`, undefined, marketer.token);
      expect((await poster(marketer.token, content)).body.code).toBe('POSTER_CONTENT_NOT_FOUND');
    });

    it('draws a staff member’s card avatar on the posters they share, and makes posters of their card', async () => {
      const sales = await staffAs(server, 'poster-avatar', 'sales');
      const before = await poster(sales.token);
      expect(before.status).toBe(200);
      const plain = (await fetchPng(before.body.url)).png;
      expect(pixel(plain, avatarSpot)).not.toEqual(MAGENTA);

      const card = await server.http('PUT', '/api/cards/mine', { name: '周晓', title: '销售总监', company: '云启科技' }, sales.token);
      expect(card.status).toBe(200);
      expect((await uploadAvatar(sales.token, solidPng(64, 64, MAGENTA))).status).toBe(200);

      const after = await poster(sales.token);
      expect(after.body).toMatchObject({ token: before.body.token, cached: false });
      expect(after.body.url).not.toBe(before.body.url);
      const withAvatar = (await fetchPng(after.body.url)).png;
      expect(pixel(withAvatar, avatarSpot)).toEqual(MAGENTA);
      expect(decodeQr(withAvatar)).toBe(after.body.token);

      // the card itself: its avatar as the cover, opening the card's page
      const content = { contentType: 'card', contentId: card.body.id };
      const asked = pagesAsked();
      let cardPoster: { url: string; token: string };
      try {
        const made = await poster(sales.token, content);
        expect(made.status).toBe(200);
        cardPoster = made.body;
        expect(asked.pages()).toEqual(['packages/card/pages/view/index']);
      } finally {
        asked.restore();
      }
      const drawn = (await fetchPng(cardPoster.url)).png;
      expect(decodeQr(drawn)).toBe(cardPoster.token);
      expect(pixel(drawn, coverCentre)).toEqual(MAGENTA);

      // saving what the poster does not show keeps it; a new title is a new poster
      await server.http('PUT', '/api/cards/mine', { name: '周晓', title: '销售总监', company: '云启科技', phone: '13812345678' }, sales.token);
      expect((await poster(sales.token, content)).body).toMatchObject({ url: cardPoster.url, cached: true });
      await server.http('PUT', '/api/cards/mine', { name: '周晓', title: '大客户总监', company: '云启科技', phone: '13812345678' }, sales.token);
      const retitled = await poster(sales.token, content);
      expect(retitled.body.cached).toBe(false);
      expect(retitled.body.url).not.toBe(cardPoster.url);

      // a prospect has no card: their initial, not someone's avatar
      const prospect = await loginAs(server, 'poster-card-prospect');
      const shared = await poster(prospect.token, content);
      expect(shared.status).toBe(200);
      expect(pixel((await fetchPng(shared.body.url)).png, avatarSpot)).not.toEqual(MAGENTA);
      expect((await poster(prospect.token, { contentType: 'card', contentId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })).body.code).toBe('POSTER_CONTENT_NOT_FOUND');
    });

    async function uploadAvatar(token: string, png: Buffer) {
      const form = new FormData();
      form.append('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'avatar.png');
      const res = await fetch(`${server.url}/api/cards/mine/images/avatar`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      return { status: res.status, body: (await res.json()) as any };
    }
  });
});

function solidPng(width: number, height: number, [r, g, b]: readonly number[]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([r, g, b, 255], i);
  return PNG.sync.write(png);
}

/** The RGB of one pixel of a poster. */
function pixel(png: Buffer, { x, y }: { x: number; y: number }): number[] {
  const image = PNG.sync.read(png);
  const i = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [...image.data.subarray(i, i + 3)];
}

/** A GET with the path exactly as given: no URL normalisation on the client side. */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
