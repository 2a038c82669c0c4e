import { startTestServer, staffAs, type TestServer } from './support/app';
import { moveClock } from './support/clock';
import { eventually } from './support/eventually';
import { count, drain } from './support/share';
import { payInSandbox, publishEvent, signUpAs } from './support/live';
import { PaymentReconcileJob } from '../src/modules/payments/jobs/payment-reconcile.job';

describe('paid live events through WeChat Pay (sandbox)', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer('payments', { SANDBOX_PAY_TIME_SCALE: '0.001', LIVE_JOB_INTERVAL_MS: '0' });
    admin = (await staffAs(server, 'pay-admin', 'admin')).token;
  });
  afterAll(() => server.close());

  const signupOf = (eventId: string, personId: string) => server.dataSource.query('SELECT status, paid, holds_seat FROM live_signups WHERE event_id = ? AND person_id = ?', [eventId, personId]).then((r) => r[0]);
  const orderOf = (outTradeNo: string) => server.dataSource.query('SELECT status, amount_fen FROM payment_orders WHERE out_trade_no = ?', [outTradeNo]).then((r) => r[0]);

  it('confirms a paid sign-up once the signed, encrypted notification arrives', async () => {
    const event = await publishEvent(server, admin, { priceFen: 9900, capacity: 10 });
    const { person, res } = await signUpAs(server, 'payer-1', event.id);
    expect(res.status).toBe(200);
    expect(res.body.signup.status).toBe('pending_payment');
    expect(res.body.payment).toMatchObject({ amountFen: 9900, params: { signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) } });
    // the seat is held while the person pays
    expect((await server.http('GET', `/api/live/${event.id}`)).body.seatsLeft).toBe(9);

    expect(await payInSandbox(server, res.body.payment.params)).toBe('requestPayment:ok');
    const signup = await eventually(() => signupOf(event.id, person.personId), (s) => s.status === 'confirmed', 'the notification to confirm the sign-up');
    expect(signup).toMatchObject({ status: 'confirmed', paid: 1 });
    expect(await orderOf(res.body.payment.orderNo)).toMatchObject({ status: 'paid' });
    await drain(server); // conversions are credited by the event processor
    expect(await count(server, "SELECT COUNT(*) AS n FROM conversions WHERE person_id = ? AND kind = 'payment'", [person.personId])).toBe(1);
  });

  it('applies the same notification delivered ten times (five at once) exactly once', async () => {
    const event = await publishEvent(server, admin, { priceFen: 100 });
    const { person, res } = await signUpAs(server, 'payer-2', event.id);
    await payInSandbox(server, res.body.payment.params);
    const { body } = await eventually(() => server.http('GET', `/sandbox/pay/notifications?outTradeNo=${res.body.payment.orderNo}`), (r) => r.body.items[0]?.delivered === true, 'the notification to be delivered');
    const delivery = body.items[0];
    const resend = () => fetch(`${server.url}/api/payments/wechat/notify`, { method: 'POST', headers: delivery.headers, body: delivery.body }).then((r) => r.status);

    const statuses = [...(await Promise.all(Array.from({ length: 5 }, resend)))];
    for (let i = 0; i < 5; i++) statuses.push(await resend());
    expect(statuses).toEqual(Array(10).fill(200));
    expect(await count(server, "SELECT COUNT(*) AS n FROM payment_orders WHERE signup_id IN (SELECT id FROM live_signups WHERE event_id = ?) AND status = 'paid'", [event.id])).toBe(1);
    expect(await count(server, "SELECT COUNT(*) AS n FROM live_signups WHERE event_id = ? AND status = 'confirmed'", [event.id])).toBe(1);
    await drain(server); // conversions are credited by the event processor
    expect(await count(server, "SELECT COUNT(*) AS n FROM conversions WHERE person_id = ? AND kind = 'payment'", [person.personId])).toBe(1);
    expect(await count(server, "SELECT COUNT(*) AS n FROM payment_notifications WHERE out_trade_no = ? AND outcome = 'applied'", [res.body.payment.orderNo])).toBe(1);
  });

  describe('a notification that is not genuine changes nothing', () => {
    let event: any;
    let person: { personId: string };
    let orderNo: string;

    beforeAll(async () => {
      event = await publishEvent(server, admin, { priceFen: 5000 });
      const signed = await signUpAs(server, 'payer-3', event.id);
      person = signed.person;
      orderNo = signed.res.body.payment.orderNo;
    });

    const post = (n: { headers: Record<string, string>; body: string }) => fetch(`${server.url}/api/payments/wechat/notify`, { method: 'POST', headers: n.headers, body: n.body });
    const craft = async (overrides: Record<string, unknown>) => (await server.http('POST', '/sandbox/pay/notifications/craft', { outTradeNo: orderNo, ...overrides })).body;
    const unchanged = async () => {
      expect(await signupOf(event.id, person.personId)).toMatchObject({ status: 'pending_payment', paid: 0 });
      expect(await orderOf(orderNo)).toMatchObject({ status: 'created' });
    };

    it('refuses a forged signature', async () => {
      const res = await post(await craft({ signWith: 'stranger' }));
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('PAYMENT_NOTIFICATION_INVALID');
      await unchanged();
    });

    it('refuses a tampered ciphertext, re-signed or not', async () => {
      const genuine = await craft({});
      const body = JSON.parse(genuine.body);
      const bytes = Buffer.from(body.resource.ciphertext, 'base64');
      bytes[3] ^= 0xff;
      body.resource.ciphertext = bytes.toString('base64');
      const tampered = JSON.stringify(body);
      expect((await post({ headers: genuine.headers, body: tampered })).status).toBe(401);
      // even signed by the platform key, the AEAD tag gives the tampering away
      const { body: resigned } = await server.http('POST', '/sandbox/pay/notifications/sign', { body: tampered });
      expect((await post({ headers: resigned.headers, body: tampered })).status).toBe(401);
      await unchanged();
    });

    it('refuses a changed amount, another merchant and an unknown order', async () => {
      expect((await post(await craft({ amountFen: 1 }))).status).toBe(401);
      expect((await post(await craft({ mchid: '1230000109' }))).status).toBe(401);
      expect((await post(await craft({ outTradeNo: 'LLNOSUCHORDER000000000000000' }))).status).toBe(401);
      await unchanged();
      const refused = await count(server, "SELECT COUNT(*) AS n FROM payment_notifications WHERE outcome = 'rejected'");
      expect(refused).toBeGreaterThanOrEqual(5);
    });

    it('verifies platform-certificate notifications as well as public-key ones', async () => {
      await server.http('POST', '/sandbox/pay/mode', { serial: 'certificate' });
      try {
        const n = await craft({});
        expect(n.headers['Wechatpay-Serial']).not.toMatch(/^PUB_KEY_ID_/);
        expect((await post(n)).status).toBe(200);
        expect(await signupOf(event.id, person.personId)).toMatchObject({ status: 'confirmed', paid: 1 });
      } finally {
        await server.http('POST', '/sandbox/pay/mode', { serial: 'public_key' });
      }
    });
  });

  it('refunds a paid sign-up that is cancelled and frees the seat', async () => {
    const event = await publishEvent(server, admin, { priceFen: 2000, capacity: 1 });
    const { person, res } = await signUpAs(server, 'payer-4', event.id);
    await payInSandbox(server, res.body.payment.params);
    await eventually(() => signupOf(event.id, person.personId), (s) => s.status === 'confirmed', 'the notification to confirm the sign-up');
    const login = await server.http('POST', '/sandbox/personas/payer-4/login-code');
    const session = (await server.http('POST', '/api/auth/wechat/login', { code: login.body.code })).body.token;

    const cancelled = await server.http('POST', `/api/live/${event.id}/signups/cancel`, undefined, session);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ signup: { status: 'cancelled' }, refund: { status: 'SUCCESS', amountFen: 2000 } });
    expect(await orderOf(res.body.payment.orderNo)).toMatchObject({ status: 'refunded' });
    expect((await server.http('GET', `/api/live/${event.id}`)).body.seatsLeft).toBe(1);
    // cancelling again refunds nothing twice
    expect((await server.http('POST', `/api/live/${event.id}/signups/cancel`, undefined, session)).body.code).toBe('LIVE_NOT_SIGNED_UP');
    expect(await count(server, 'SELECT COUNT(*) AS n FROM payment_refunds')).toBe(1);
  });
});

describe('orders WeChat never told us about', () => {
  let server: TestServer;
  let admin: string;
  // production's rules: an order is queried after 60 s without a notification and closed after 15 minutes
  const QUERY_AFTER_S = 60;
  const TIMEOUT_S = 900;

  beforeAll(async () => {
    server = await startTestServer('payrecon', { PAYMENT_QUERY_AFTER_SECONDS: String(QUERY_AFTER_S), PAYMENT_TIMEOUT_SECONDS: String(TIMEOUT_S), LIVE_JOB_INTERVAL_MS: '0' });
    admin = (await staffAs(server, 'recon-admin', 'admin')).token;
  });
  afterAll(() => server.close());

  /** One reconciliation round, as the periodic job runs it. */
  const reconcile = () => server.app.get(PaymentReconcileJob).tick();
  const signupStatus = (personId: string) => server.dataSource.query('SELECT status, paid FROM live_signups WHERE person_id = ?', [personId]).then((r) => r[0]);
  const orderStatus = (orderNo: string) => server.dataSource.query('SELECT status FROM payment_orders WHERE out_trade_no = ?', [orderNo]).then((r) => r[0].status);

  it('confirms a paid order whose notification never arrives, by querying it once it is overdue', async () => {
    const event = await publishEvent(server, admin, { priceFen: 300 });
    const { person, res } = await signUpAs(server, 'quiet-payer', event.id);
    expect(await payInSandbox(server, res.body.payment.params, false)).toBe('requestPayment:ok');
    expect((await server.http('GET', `/sandbox/pay/notifications?outTradeNo=${res.body.payment.orderNo}`)).body.items).toHaveLength(0);

    await moveClock(server, { advanceSeconds: QUERY_AFTER_S - 5 });
    await reconcile();
    expect(await signupStatus(person.personId)).toMatchObject({ status: 'pending_payment' });

    await moveClock(server, { advanceSeconds: 10 });
    await reconcile();
    expect(await signupStatus(person.personId)).toMatchObject({ status: 'confirmed', paid: 1 });
    expect(await count(server, "SELECT COUNT(*) AS n FROM payment_notifications WHERE out_trade_no = ? AND outcome = 'applied' AND detail = 'query'", [res.body.payment.orderNo])).toBe(1);
  });

  it('closes an unpaid order after its timeout and frees its seat', async () => {
    const event = await publishEvent(server, admin, { priceFen: 300, capacity: 1 });
    const { res } = await signUpAs(server, 'slow-payer', event.id);
    const orderNo = res.body.payment.orderNo;
    expect((await server.http('GET', `/api/live/${event.id}`)).body.seatsLeft).toBe(0);
    // someone else finds the event full meanwhile
    expect((await signUpAs(server, 'waiting-payer', event.id)).res.body.code).toBe('LIVE_FULL');

    // queried (WeChat: not paid) but not yet expired: the order stays open and keeps the seat
    await moveClock(server, { advanceSeconds: TIMEOUT_S - 10 });
    await reconcile();
    expect(await orderStatus(orderNo)).toBe('created');
    expect((await server.http('GET', `/api/live/${event.id}`)).body.seatsLeft).toBe(0);

    await moveClock(server, { advanceSeconds: 20 });
    await reconcile();
    expect(await orderStatus(orderNo)).toBe('closed');
    expect((await server.http('GET', `/api/live/${event.id}`)).body.seatsLeft).toBe(1);
    // the order is closed at WeChat too: paying it now fails
    expect(await payInSandbox(server, res.body.payment.params)).toMatch(/fail/);
    expect((await signUpAs(server, 'waiting-payer', event.id)).res.body.signup.status).toBe('pending_payment');
  });
});
