import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loginAs, staffAs, startTestServer, type TestServer } from './support/app';
import { clockOf } from './support/clock';
import { count, mint, drain } from './support/share';
import { consent, coverPart, minimalPdf, newRequestId, PNG, pdfPart, publishedWhitepaper, requestDownload, upload } from './support/whitepaper';

const MAX_BYTES = 4096;

describe('whitepapers: upload, gate, signed download', () => {
  let server: TestServer;
  let storageDir: string;
  let marketer: { token: string; personId: string; staffId: string };

  const storedFiles = () => readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'leadloop-files-'));
    server = await startTestServer('whitepaper', { STORAGE_DIR: storageDir, WHITEPAPER_MAX_BYTES: String(MAX_BYTES) });
    marketer = await staffAs(server, 'marketer-wp', 'marketer');
  });
  afterAll(async () => {
    await server.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('uploads a PDF with a cover as a draft under server-made keys, and shows it to prospects once published', async () => {
    const pdf = minimalPdf('Growth 2026');
    const created = await upload(server, '/console/whitepapers', marketer.token, { title: ' 2026 私域增长白皮书 ', summary: '十个案例', tags: 'ABM, 私域，ABM', requiredFields: '["name","company"]' }, [
      pdfPart('2026 增长白皮书.pdf', pdf),
      coverPart(),
    ]);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: '2026 私域增长白皮书',
      tags: ['ABM', '私域'],
      requiredFields: ['name', 'company'],
      status: 'draft',
      version: 1,
      fileName: '2026 增长白皮书.pdf',
      fileSize: pdf.length,
      downloads: 0,
    });
    const id = created.body.id;
    // files are stored under generated keys only: the uploaded name never reaches the disk
    expect(storedFiles().map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9A-Z]{26}$/)]));
    expect(storedFiles().every((f) => /^[0-9A-Z]{26}$/.test(f.name))).toBe(true);

    expect((await server.http('GET', `/api/whitepapers/${id}`)).body.code).toBe('NOT_FOUND');
    const listed = await server.http('GET', '/api/console/whitepapers', undefined, marketer.token);
    expect(listed.body.items.map((w: { id: string }) => w.id)).toContain(id);

    const published = await server.http('POST', `/api/console/whitepapers/${id}/publish`, undefined, marketer.token);
    expect(published.body).toMatchObject({ status: 'published', version: 1 });
    const detail = await server.http('GET', `/api/whitepapers/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id, title: '2026 私域增长白皮书', requiredFields: ['name', 'company'], fileSize: pdf.length });
    expect(detail.body.fileName).toBeUndefined();

    const cover = await fetch(`${server.url}${detail.body.coverUrl}`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await cover.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a non-PDF, an oversize file, a script-like file name and a bad cover, each with its code, storing nothing', async () => {
    const before = { rows: await count(server, 'SELECT COUNT(*) FROM whitepapers'), files: storedFiles().length };
    const send = (files: Parameters<typeof upload>[4], fields: Record<string, string> = { title: 'x' }) => upload(server, '/console/whitepapers', marketer.token, fields, files);

    const png = await send([{ field: 'file', bytes: PNG, filename: 'report.pdf', type: 'application/pdf' }]);
    expect(png.status).toBe(415);
    expect(png.body.code).toBe('WHITEPAPER_NOT_PDF');
    const html = await send([{ field: 'file', bytes: minimalPdf(), filename: 'report.pdf', type: 'text/html' }]);
    expect(html.body.code).toBe('WHITEPAPER_NOT_PDF');

    const big = await send([pdfPart('big.pdf', minimalPdf('big', MAX_BYTES * 2))]);
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { field: 'file', maxBytes: MAX_BYTES } });
    // beyond what multer itself reads (the 2 MB cover limit here): its own error, same code
    const huge = await send([pdfPart('huge.pdf', minimalPdf('huge', 2 * 1024 * 1024 + 100))]);
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');

    for (const filename of ['<script>alert(1)</script>.pdf', '../../etc/passwd.pdf', 'a\\b.pdf', 'javascript:alert(1).pdf', 'invoice\u202Efdp.pdf']) {
      const named = await send([pdfPart(filename)]);
      expect({ filename, status: named.status, code: named.body.code }).toEqual({ filename, status: 400, code: 'WHITEPAPER_FILENAME_REJECTED' });
    }

    const svg = await send([pdfPart(), coverPart(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml')]);
    expect(svg.status).toBe(415);
    expect(svg.body.code).toBe('WHITEPAPER_COVER_INVALID');
    const mislabelled = await send([pdfPart(), coverPart(PNG, 'image/jpeg')]);
    expect(mislabelled.body.code).toBe('WHITEPAPER_COVER_INVALID');

    const untitled = await send([pdfPart()], { summary: 'no title' });
    expect(untitled.status).toBe(400);
    expect(untitled.body.details.fields.map((f: { path: string }) => f.path)).toContain('title');
    const noFile = await send([], { title: 'no file' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('VALIDATION_FAILED');

    expect(await count(server, 'SELECT COUNT(*) FROM whitepapers')).toBe(before.rows);
    expect(storedFiles()).toHaveLength(before.files);
  });

  it('lets only admins and marketers manage whitepapers', async () => {
    const sales = await staffAs(server, 'sales-wp', 'sales');
    const prospect = await loginAs(server, 'prospect-wp-roles');
    for (const token of [sales.token, prospect.token]) {
      const res = await upload(server, '/console/whitepapers', token, { title: 'x' }, [pdfPart()]);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      expect((await server.http('GET', '/api/console/whitepapers', undefined, token)).status).toBe(403);
    }
    expect((await upload(server, '/console/whitepapers', undefined, { title: 'x' }, [pdfPart()])).status).toBe(401);
    const admin = await staffAs(server, 'admin-wp', 'admin');
    expect((await upload(server, '/console/whitepapers', admin.token, { title: 'by admin' }, [pdfPart()])).status).toBe(201);
  });

  it('edits metadata and replaces files, bumping the version, and lists in keyset pages', async () => {
    const id = await publishedWhitepaper(server, marketer.token, 'name');
    const edited = await server.http('PATCH', `/api/console/whitepapers/${id}`, { title: '新标题', tags: ['SaaS'] }, marketer.token);
    expect(edited.body).toMatchObject({ title: '新标题', tags: ['SaaS'], version: 2 });
    expect((await server.http('PATCH', `/api/console/whitepapers/${id}`, {}, marketer.token)).status).toBe(400);
    expect((await server.http('PATCH', `/api/console/whitepapers/${'0'.repeat(26)}`, { title: 'x' }, marketer.token)).status).toBe(404);

    const files = storedFiles().length;
    const replacement = minimalPdf('second edition');
    const replaced = await upload(server, `/console/whitepapers/${id}/files`, marketer.token, {}, [pdfPart('第二版.pdf', replacement), coverPart()]);
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ version: 3, fileName: '第二版.pdf', fileSize: replacement.length });
    expect(replaced.body.coverUrl).toContain('v=3');
    // the new document replaced the old one on disk; the cover is new
    expect(storedFiles()).toHaveLength(files + 1);
    expect((await upload(server, `/console/whitepapers/${id}/files`, marketer.token, {}, [])).body.code).toBe('VALIDATION_FAILED');

    const first = await server.http('GET', '/api/console/whitepapers?limit=1', undefined, marketer.token);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String)); // opaque: it names the position, not a row
    expect(first.body.nextCursor).not.toContain(first.body.items[0].id);
    const second = await server.http('GET', `/api/console/whitepapers?limit=1&cursor=${first.body.nextCursor}`, undefined, marketer.token);
    expect(second.body.items[0].id < first.body.items[0].id).toBe(true);
    const drafts = await server.http('GET', '/api/console/whitepapers?status=draft&limit=100', undefined, marketer.token);
    expect(drafts.body.items.every((w: { status: string }) => w.status === 'draft')).toBe(true);
  });

  it('lists published whitepapers to anyone, newest first, without drafts or console fields', async () => {
    const published = await publishedWhitepaper(server, marketer.token, 'name', '公开目录白皮书');
    const draft = await upload(server, '/console/whitepapers', marketer.token, { title: '草稿' }, [pdfPart()]);
    const listed = await server.http('GET', '/api/whitepapers?limit=100');
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((w: { id: string }) => w.id);
    expect(ids).toContain(published);
    expect(ids).not.toContain(draft.body.id);
    expect(listed.body.items[0]).not.toHaveProperty('fileName');
    expect(listed.body.items[0]).not.toHaveProperty('downloads');
    expect([...ids].sort().reverse()).toEqual(ids);
    const first = await server.http('GET', '/api/whitepapers?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await server.http('GET', `/api/whitepapers?limit=100&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...rest.body.items].map((w: { id: string }) => w.id)).toEqual(ids);
    expect(rest.body.nextCursor).toBeNull();
  });

  describe('the gate and the download', () => {
    let id: string;
    beforeAll(async () => {
      id = await publishedWhitepaper(server, marketer.token, 'name,company');
    });

    it('asks for the missing fields and consent, and keeps nothing when it refuses', async () => {
      const prospect = await loginAs(server, 'prospect-refused');
      const gate = await server.http('GET', `/api/whitepapers/${id}/gate`, undefined, prospect.token);
      expect(gate.body).toMatchObject({ required: ['name', 'company'], missing: ['name', 'company'], consentNeeded: true, policyVersion: '2026-11' });

      const noConsent = await requestDownload(server, prospect.token, id, { gate: { profile: { name: '钱多多', company: '多多科技' } } });
      expect(noConsent.status).toBe(422);
      expect(noConsent.body.code).toBe('CONSENT_REQUIRED');
      const missing = await requestDownload(server, prospect.token, id, { gate: { profile: { name: '钱多多' }, consent: consent() } });
      expect(missing.status).toBe(422);
      expect(missing.body).toMatchObject({ code: 'PROFILE_INCOMPLETE', details: { missing: ['company'] } });
      const stale = await requestDownload(server, prospect.token, id, { gate: { profile: { name: '钱多多', company: '多多科技' }, consent: consent('2020-01') } });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('CONSENT_POLICY_OUTDATED');
      const unticked = await requestDownload(server, prospect.token, id, { gate: { profile: {}, consent: { policyVersion: '2026-11', accepted: false } } });
      expect(unticked.status).toBe(400);

      for (const table of ['whitepaper_downloads', 'consents', 'leads']) {
        expect(await count(server, `SELECT COUNT(*) FROM ${table} WHERE person_id = ?`, [prospect.personId])).toBe(0);
      }
      const [person] = await server.dataSource.query('SELECT real_name, company FROM persons WHERE id = ?', [prospect.personId]);
      expect(person).toEqual({ real_name: null, company: null });
    });

    it('with consent: keeps the consent (policy version, page), the download and the lead, and answers a signed link to the exact bytes', async () => {
      const prospect = await loginAs(server, 'prospect-downloads');
      const page = 'packages/whitepaper/pages/detail/index';
      const res = await requestDownload(server, prospect.token, id, { gate: { profile: { name: '孙悟空', company: '花果山' }, consent: consent() }, page });
      expect(res.status).toBe(201);
      expect(res.body.url).toMatch(/^\/api\/files\/whitepapers\/[0-9A-Z]{26}\?exp=\d+&sig=[\w-]{43}$/);
      expect(res.body.url).not.toContain(prospect.personId);
      expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 500_000);

      const [granted] = await server.dataSource.query('SELECT action, policy_version, source_page FROM consents WHERE person_id = ? AND purpose = ?', [prospect.personId, 'whitepaper_download']);
      expect(granted).toEqual({ action: 'granted', policy_version: '2026-11', source_page: page });
      await drain(server); // the lead follows from the download's activity, in the stream's consumer
      const [lead] = await server.dataSource.query('SELECT last_kind, last_ref FROM leads WHERE person_id = ?', [prospect.personId]);
      expect(lead).toEqual({ last_kind: 'whitepaper_download', last_ref: id });

      const file = await fetch(`${server.url}${res.body.url}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="whitepaper.pdf"; filename*=UTF-8''whitepaper.pdf`);
      expect(Buffer.from(await file.arrayBuffer()).equals(minimalPdf())).toBe(true);

      const again = await server.http('GET', `/api/whitepapers/${id}/gate`, undefined, prospect.token);
      expect(again.body).toMatchObject({ missing: [], consentNeeded: false });
    });

    it('encodes a Chinese file name per RFC 5987', async () => {
      const created = await upload(server, '/console/whitepapers', marketer.token, { title: '中文名' }, [pdfPart('增长 指南(1).pdf')]);
      await server.http('POST', `/api/console/whitepapers/${created.body.id}/publish`, undefined, marketer.token);
      const prospect = await loginAs(server, 'prospect-chinese-name');
      const res = await requestDownload(server, prospect.token, created.body.id, { gate: { profile: {}, consent: consent() } });
      const file = await fetch(`${server.url}${res.body.url}`);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="__ __(1).pdf"; filename*=UTF-8''${encodeURIComponent('增长 指南')}%281%29.pdf`);
    });

    it('refuses expired, altered and unsigned links with their codes, never a 500', async () => {
      const prospect = await loginAs(server, 'prospect-links');
      const { body } = await requestDownload(server, prospect.token, id, { gate: { profile: { name: '猪八戒', company: '高老庄' }, consent: consent() } });
      // the link it was given works for its ten minutes, then answers that it expired
      expect((await fetch(`${server.url}${body.url}`)).status).toBe(200);
      const clock = clockOf(server.app);
      clock.advance(601_000);
      try {
        const expired = await fetch(`${server.url}${body.url}`);
        expect(expired.status).toBe(403);
        expect(((await expired.json()) as { code: string }).code).toBe('DOWNLOAD_LINK_EXPIRED');
      } finally {
        clock.set(null);
      }

      const sig = new URL(body.url, server.url).searchParams.get('sig')!;
      const flipped = `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
      const otherId = `${body.downloadId.slice(0, -1)}${body.downloadId.endsWith('0') ? '1' : '0'}`;
      const forged = [
        body.url.replace(`sig=${sig}`, `sig=${flipped}`),
        body.url.replace(body.downloadId, otherId),
        body.url.replace(/exp=\d+/, (e: string) => `exp=${Number(e.slice(4)) + 3600}`),
        body.url.replace(/&sig=.*$/, ''),
        body.url.replace(/exp=\d+/, 'exp=soon'),
        body.url.replace(`sig=${sig}`, 'sig=short'),
      ];
      for (const url of forged) {
        const res = await fetch(`${server.url}${url}`);
        expect({ url, status: res.status, code: ((await res.json()) as { code: string }).code }).toEqual({ url, status: 403, code: 'DOWNLOAD_LINK_INVALID' });
      }
    });

    it('stores one download for a retried request, even when the retries race', async () => {
      const prospect = await loginAs(server, 'prospect-retry');
      const body = { requestId: newRequestId(), gate: { profile: { name: '沙悟净', company: '流沙河' }, consent: consent() } };
      const first = await server.http('POST', `/api/whitepapers/${id}/downloads`, body, prospect.token);
      const retried = await server.http('POST', `/api/whitepapers/${id}/downloads`, body, prospect.token);
      expect(retried.body.downloadId).toBe(first.body.downloadId);

      const racing = { ...body, requestId: newRequestId() };
      const raced = await Promise.all([1, 2, 3].map(() => server.http('POST', `/api/whitepapers/${id}/downloads`, racing, prospect.token)));
      expect(raced.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(raced.map((r) => r.body.downloadId)).size).toBe(1);

      expect(await count(server, 'SELECT COUNT(*) FROM whitepaper_downloads WHERE person_id = ?', [prospect.personId])).toBe(2);
      expect(await count(server, "SELECT COUNT(*) FROM events WHERE person_id = ? AND type = 'download'", [prospect.personId])).toBe(2);
      await drain(server); // conversions are credited by the event processor
      expect(await count(server, "SELECT COUNT(*) FROM conversions WHERE person_id = ? AND kind = 'download'", [prospect.personId])).toBe(2);
      expect(await count(server, 'SELECT activity_count FROM leads WHERE person_id = ?', [prospect.personId])).toBe(2);

      const elsewhere = await publishedWhitepaper(server, marketer.token, '');
      const reused = await server.http('POST', `/api/whitepapers/${elsewhere}/downloads`, body, prospect.token);
      expect(reused.status).toBe(409);
    });

    it('records the download as a touchpoint carrying the share token, and a conversion', async () => {
      const sales = await staffAs(server, 'sales-sharer', 'sales');
      const token = await mint(server, sales.token, undefined, { contentType: 'whitepaper', contentId: id });
      const [node] = await server.dataSource.query('SELECT id FROM share_nodes WHERE token = ?', [token]);

      const prospect = await loginAs(server, 'prospect-shared');
      const res = await requestDownload(server, prospect.token, id, { gate: { profile: { name: '唐僧', company: '大唐' }, consent: consent() }, shareToken: token });
      expect(res.status).toBe(201);
      const events = await server.dataSource.query("SELECT share_node_id, origin, props FROM events WHERE person_id = ? AND type = 'download'", [prospect.personId]);
      expect(events).toHaveLength(1);
      expect(events[0].share_node_id).toBe(node.id);
      // a conversion because the server recorded it (origin), never because of what props say
      expect(events[0].origin).toBe('server');
      expect(JSON.parse(events[0].props)).toEqual({ contentType: 'whitepaper', contentId: id, refId: res.body.downloadId });
      await drain(server); // conversions are credited by the event processor
      expect(await count(server, "SELECT COUNT(*) FROM conversions WHERE kind = 'download' AND ref_id = ? AND content_id = ?", [res.body.downloadId, id])).toBe(1);

      const inConsole = await server.http('GET', `/api/console/whitepapers/${id}`, undefined, marketer.token);
      expect(inConsole.body.downloads).toBeGreaterThanOrEqual(1);
    });

    it('stops serving the detail, new downloads and issued links once unpublished', async () => {
      const other = await publishedWhitepaper(server, marketer.token, '');
      const prospect = await loginAs(server, 'prospect-unpublished');
      const { body } = await requestDownload(server, prospect.token, other, { gate: { profile: {}, consent: consent() } });
      await server.http('POST', `/api/console/whitepapers/${other}/unpublish`, undefined, marketer.token);
      expect((await server.http('GET', `/api/whitepapers/${other}`)).status).toBe(404);
      expect((await requestDownload(server, prospect.token, other)).status).toBe(404);
      expect((await fetch(`${server.url}${body.url}`)).status).toBe(404);
    });
  });

  it('documents the upload and the file routes in OpenAPI', async () => {
    const { body } = await server.http('GET', '/api/openapi.json');
    const create = body.paths['/api/console/whitepapers'].post;
    expect(Object.keys(create.requestBody.content)).toEqual(['multipart/form-data']);
    expect(create.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(create.requestBody.content['multipart/form-data'].schema.required).toEqual(expect.arrayContaining(['title', 'file']));
    expect(Object.keys(body.paths['/api/files/whitepapers/{downloadId}'].get.responses['200'].content)).toEqual(['application/pdf']);
  });
});
