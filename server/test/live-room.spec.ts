import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock, ControllableClock } from '../src/core/clock';
import { staffAs, startTestServer, type TestServer } from './support/app';
import { publishEvent, signUpAs } from './support/live';
import { count } from './support/share';
import { coverPart, minimalPdf, PNG, upload } from './support/whitepaper';

// a fresh database with every migration, under a shared machine's load, can take longer than Jest's default
jest.setTimeout(60_000);


/** Live events: an uploaded cover, and watch minutes while the person is away in WeChat Channels. */
describe('live: cover upload, Channels watch minutes', () => {
  let server: TestServer;
  let storageDir: string;
  let marketer: string;
  // times relative to the server's clock, which these tests move
  const at = (minutes: number) => new Date(server.app.get(Clock).nowMs() + minutes * 60_000).toISOString();

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'leadloop-live-files-'));
    server = await startTestServer('live_room', { STORAGE_DIR: storageDir });
    marketer = (await staffAs(server, 'marketer-room', 'marketer')).token;
  });
  afterAll(async () => {
    await server.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('uploads a cover checked by its bytes, serves it at a versioned URL, and replaces it', async () => {
    const event = await publishEvent(server, marketer);
    const bad = await upload(server, `/console/live/${event.id}/cover`, marketer, {}, [{ field: 'cover', bytes: minimalPdf(), filename: 'cover.png', type: 'image/png' }]);
    expect(bad.status).toBe(415);
    expect(bad.body.code).toBe('IMAGE_TYPE_UNSUPPORTED');
    const prospect = (await signUpAs(server, 'cover-viewer', event.id)).person;
    expect((await upload(server, `/console/live/${event.id}/cover`, prospect.token, {}, [coverPart()])).status).toBe(403);

    const uploaded = await upload(server, `/console/live/${event.id}/cover`, marketer, {}, [coverPart()]);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.coverUrl).toBe(`/api/files/live-covers/${event.id}?v=${event.version + 1}`);
    const shown = await server.http('GET', `/api/live/${event.id}`);
    expect(shown.body.coverUrl).toBe(uploaded.body.coverUrl);
    const image = await fetch(`${server.url}${shown.body.coverUrl}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    const again = await upload(server, `/console/live/${event.id}/cover`, marketer, {}, [coverPart()]);
    expect(again.body.coverUrl).toBe(`/api/files/live-covers/${event.id}?v=${event.version + 2}`);
  });

  it('counts the minutes spent in a Channels live, from leaving the app to coming back, once', async () => {
    const event = await publishEvent(server, marketer, { startAt: at(-5), endAt: at(55), watch: { kind: 'channels', finderUserName: 'sphABCDEF12' } });
    const { person } = await signUpAs(server, 'channels-watcher', event.id);
    const report = (kind: string) => server.http('POST', `/api/live/${event.id}/attendance`, { kind, sessionId: 'channels-session-1' }, person.token);
    expect((await report('join')).status).toBe(200);
    const away = await report('channels_open');
    expect(away.status).toBe(200);

    (server.app.get(Clock) as ControllableClock).advance(20 * 60_000);
    const back = await report('channels_return');
    expect(back.status).toBe(200);
    expect(back.body.watchMinutes).toBeGreaterThanOrEqual(20);
    expect(back.body.watchMinutes).toBeLessThanOrEqual(23);
    // a second return (another device, a retry) adds nothing
    expect((await report('channels_return')).body.watchMinutes).toBe(back.body.watchMinutes);
    expect(await count(server, 'SELECT COUNT(*) FROM live_attendance_minutes WHERE event_id = ? AND person_id = ?', [event.id, person.personId])).toBe(back.body.watchMinutes);
  });

  it('never counts time in Channels beyond the event’s end', async () => {
    const event = await publishEvent(server, marketer, { startAt: at(-40), endAt: at(10), watch: { kind: 'channels', finderUserName: 'sphABCDEF12' } });
    const { person } = await signUpAs(server, 'channels-late', event.id);
    const report = (kind: string) => server.http('POST', `/api/live/${event.id}/attendance`, { kind, sessionId: 'channels-session-2' }, person.token);
    await report('channels_open');
    (server.app.get(Clock) as ControllableClock).advance(3 * 60 * 60_000);
    const back = await report('channels_return');
    expect(back.status).toBe(200);
    expect(back.body.watchMinutes).toBeGreaterThanOrEqual(9);
    expect(back.body.watchMinutes).toBeLessThanOrEqual(13);
  });
});
