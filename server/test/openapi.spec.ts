import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAPISchemaValidator from 'openapi-schema-validator';
import { startTestServer, type TestServer } from './support/app';

const ROOT = join(__dirname, '../..');

/** The served OpenAPI document works for a CRM developer's tooling: an independent validator, then a generated client that type-checks. */
describe('OpenAPI document', () => {
  let server: TestServer;
  let doc: Record<string, any>;
  let dir: string;

  beforeAll(async () => {
    server = await startTestServer('openapi');
    doc = (await server.http('GET', '/api/openapi.json')).body;
    dir = mkdtempSync(join(tmpdir(), 'leadloop-openapi-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  it('passes an independent OpenAPI 3.0 schema validator', () => {
    const { errors } = new OpenAPISchemaValidator({ version: 3 }).validate(doc as never);
    expect(errors).toEqual([]);
    // a rule that validator leaves out and stricter ones (swagger-parser) enforce: in OpenAPI 3.0 a
    // schema's `required` lists at least one name
    const emptyRequired: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'required' && Array.isArray(value) && value.length === 0) emptyRequired.push(path);
        walk(value, `${path}/${key}`);
      }
    };
    walk(doc, '');
    expect(emptyRequired).toEqual([]);
  });

  it('generates types with openapi-typescript that a client compiles against', () => {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
    const generated = spawnSync(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), join(dir, 'openapi.json'), '-o', join(dir, 'api.d.ts')], { encoding: 'utf8' });
    expect(generated.stderr).not.toMatch(/error/i);
    expect(generated.status).toBe(0);
    writeFileSync(
      join(dir, 'client.ts'),
      [
        "import type { paths } from './api';",
        "type Login = paths['/api/auth/wechat/login']['post'];",
        "export const body: Login['requestBody']['content']['application/json'] = { code: 'wx-code' };",
        "type Session = Login['responses']['200']['content']['application/json'];",
        'export const token = (s: Session): string => s.token;',
        "type Upload = paths['/api/console/whitepapers/{id}/files']['post'];",
        "export const form: Upload['requestBody'] = undefined as unknown as Upload['requestBody'];",
      ].join('\n'),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', join(dir, 'client.ts')], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
