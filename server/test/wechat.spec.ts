import { loadConfig } from '../src/config/config';
import { startApp } from '../src/app.factory';
import { WechatClient } from '../src/modules/wechat/wechat.client';
import { WechatApiError } from '../src/modules/wechat/wechat.errors';
import { startTestServer, type TestServer } from './support/app';
import { decodeQr } from './support/qr';

describe('WeChat client against the sandbox', () => {
  let server: TestServer;
  let wechat: WechatClient;

  beforeAll(async () => {
    server = await startTestServer('wechat');
    wechat = server.app.get(WechatClient);
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.http('POST', '/sandbox/reset');
    await server.dataSource.query('DELETE FROM wechat_access_tokens');
    // forget this instance's in-memory copy too: a fresh start for each case
    (wechat as any).tokens.cached = null;
  });

  const calls = async () => (await server.http('GET', '/sandbox/calls')).body;

  it('fetches the access token once and reuses it across calls', async () => {
    await Promise.all([wechat.getUnlimitedCode({ scene: 'a1', page: 'pages/index/index' }), wechat.getUnlimitedCode({ scene: 'a2', page: 'pages/index/index' })]);
    await wechat.getUnlimitedCode({ scene: 'a3', page: 'pages/index/index' });
    expect((await calls()).stable_token).toBe(1);
    expect((await calls()).getwxacodeunlimit).toBe(3);
  });

  it('refetches once and retries when WeChat says the token is invalid (40001) or expired (42001)', async () => {
    await wechat.getUnlimitedCode({ scene: 'warm', page: 'pages/index/index' });
    await server.http('POST', '/sandbox/access-tokens/revoke', { mode: 'invalid' });
    await wechat.getUnlimitedCode({ scene: 'after-40001', page: 'pages/index/index' });
    expect((await calls()).stable_token).toBe(2);

    await server.http('POST', '/sandbox/access-tokens/revoke', { mode: 'expired' });
    await wechat.getUnlimitedCode({ scene: 'after-42001', page: 'pages/index/index' });
    expect((await calls()).stable_token).toBe(3);
    expect((await calls()).getwxacodeunlimit).toBe(5);
  });

  it('retries a rejected token only once, then reports the error', async () => {
    await server.http('POST', '/sandbox/faults', { api: 'getwxacodeunlimit', errcode: 40001, times: 2 });
    await expect(wechat.getUnlimitedCode({ scene: 'x', page: 'pages/index/index' })).rejects.toMatchObject({ errcode: 40001 });
    expect((await calls()).getwxacodeunlimit).toBe(2);
  });

  it('shares one token between server instances through the database', async () => {
    await wechat.getUnlimitedCode({ scene: 'one', page: 'pages/index/index' });
    const second = await startApp(loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: server.db.url, LOG_LEVEL: 'warn', WECHAT_API_BASE: `${server.url}/sandbox/wx` }));
    try {
      await second.app.get(WechatClient).getUnlimitedCode({ scene: 'two', page: 'pages/index/index' });
    } finally {
      await second.close();
    }
    expect((await calls()).stable_token).toBe(1);
  });

  it('returns mini-program codes as PNG QR codes that decode to the scene, and typed errors otherwise', async () => {
    const png = await wechat.getUnlimitedCode({ scene: 'Ab3_-x.Z', page: 'packages/staff/pages/invite/index', width: 300 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(decodeQr(png)).toBe('Ab3_-x.Z');

    await expect(wechat.getUnlimitedCode({ scene: 'x'.repeat(33), page: 'pages/index/index' })).rejects.toMatchObject({ errcode: 40169 });
    await expect(wechat.getUnlimitedCode({ scene: 'ok', page: '/pages/index/index' })).rejects.toMatchObject({ errcode: 41030 });
  });

  it('sends subscribe messages only against a granted subscription; 43101 otherwise', async () => {
    const persona = 'subscriber';
    // the openid a real login would produce for this persona
    const { body: minted } = await server.http('POST', `/sandbox/personas/${persona}/login-code`);
    const session = await wechat.code2Session(minted.code);
    const message = { touser: session.openid, templateId: 'TPL_live_reminder_01', page: 'pages/index/index', data: { thing1: { value: '产品发布会' }, time2: { value: '2026-12-01 19:00' } } };

    const refused = await wechat.sendSubscribeMessage(message).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WechatApiError);
    expect((refused as WechatApiError).errcode).toBe(43101);

    await server.http('POST', `/sandbox/personas/${persona}/subscriptions`, { templateIds: ['TPL_live_reminder_01'] });
    await wechat.sendSubscribeMessage(message);
    const { body } = await server.http('GET', `/sandbox/messages?persona=${persona}`);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ templateId: 'TPL_live_reminder_01', data: message.data });

    // one grant, one send
    await expect(wechat.sendSubscribeMessage(message)).rejects.toMatchObject({ errcode: 43101 });
    await server.http('POST', `/sandbox/personas/${persona}/subscriptions`, { templateIds: ['TPL_live_reminder_01'] });
    await expect(wechat.sendSubscribeMessage({ ...message, data: { thing1: { value: '这是一个超过二十个字符限制的非常非常长的活动标题文字' } } })).rejects.toMatchObject({ errcode: 47003 });
  });

  it('checks user text with msg_sec_check', async () => {
    const { body: minted } = await server.http('POST', '/sandbox/personas/writer/login-code');
    const { openid } = await wechat.code2Session(minted.code);
    expect(await wechat.checkText(openid, '你好，我是华东区销售经理')).toEqual({ suggest: 'pass', label: 100 });
    expect((await wechat.checkText(openid, '提供代开发票服务')).suggest).toBe('risky');
  });
});
