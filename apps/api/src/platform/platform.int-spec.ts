import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ApiError } from '@passerelle/shared/domain';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { pendingSchemaChanges } from './database/schema-diff';
import { listRoutes } from '@api/app/access/routes';

describe('platform', () => {
  let t: TestApp;
  let backOffice: string;

  beforeAll(async () => {
    backOffice = await mkdtemp(join(tmpdir(), 'passerelle-back-office-'));
    await writeFile(join(backOffice, 'index.html'), '<!doctype html><title>Passerelle</title>');
    await writeFile(join(backOffice, 'main-4F7KQ2ZB.js'), 'console.log(1);');
    t = await startTestApp({ backOfficeDir: backOffice });
  });

  afterAll(async () => {
    await t.close();
    await rm(backOffice, { recursive: true, force: true });
  });

  it('answers health ok when the database answers', async () => {
    const response = await t.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('sets security headers and a request id, and hides the framework', async () => {
    const response = await t.request('GET', '/api/health', {
      headers: { 'x-request-id': 'client-request-1234' },
    });
    expect(response.headers.get('x-request-id')).toBe('client-request-1234');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
    const generated = await t.request('GET', '/api/health', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks browsers and proxies to keep no API answer, errors and sign-in included', async () => {
    const login = await t.request('POST', '/api/auth/login', {
      body: { username: 'mourenx.agent', password: 'demo' },
    });
    expect(login.status).toBe(200);
    const { accessToken } = login.body as { accessToken: string };
    const answers = [
      login,
      await t.request('GET', '/api/health'),
      await t.request('GET', '/api/auth/me', { token: accessToken }),
      await t.request('GET', '/api/applicant-files?pageSize=1', { token: accessToken }),
      await t.request('GET', '/api/communes', { token: accessToken }),
      await t.request('GET', '/api/auth/me'),
      await t.request('GET', '/api/nothing-here'),
      await t.request('POST', '/api/auth/login', {
        rawBody: '{"username": ',
        headers: { 'content-type': 'application/json' },
      }),
      await t.request('GET', '/api/docs-json'),
    ];
    expect(answers.map((answer) => [answer.status, answer.headers.get('cache-control')])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [200, 'no-store'],
      [401, 'no-store'],
      [404, 'no-store'],
      [400, 'no-store'],
      [200, 'no-store'],
    ]);
    // The back office holds no personal data: hashed bundles are kept, the page is revalidated.
    const bundle = await t.request('GET', '/main-4F7KQ2ZB.js');
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await t.request('GET', '/dossiers/quelque-chose');
    expect(page.text).toContain('<title>Passerelle</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('publishes the OpenAPI document with /api paths and the error schema', async () => {
    const response = await t.request<{
      openapi: string;
      paths: Record<string, Record<string, { responses: object }>>;
    }>('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(response.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/auth/me',
        '/api/communes',
        '/api/organizations',
      ]),
    );
    for (const path of paths) expect(path.startsWith('/api/')).toBe(true);
    expect(Object.keys(response.body.paths['/api/auth/me']?.['get']?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '401']),
    );
    const page = await t.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
  });

  it('documents every route of the running application', async () => {
    const document = await t.request<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/docs-json',
    );
    const documented = new Set(
      Object.entries(document.body.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      ),
    );
    const missing = listRoutes(t.app)
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !documented.has(route));
    expect(missing).toEqual([]);
  });

  it('answers an unknown route with the one error format', async () => {
    const response = await t.request<ApiError>('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('rejects malformed JSON with 400 and an oversized body with 413, without a stack', async () => {
    const malformed = await t.request<ApiError>('POST', '/api/auth/login', {
      rawBody: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const huge = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { username: 'x', password: 'y'.repeat(2_000_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(huge.text).not.toMatch(/at .*\.js/);
  });

  it('rejects unknown fields and unknown query parameters with 400 and details', async () => {
    const unknownField = await t.request<ApiError>('POST', '/api/auth/login', {
      body: { username: 'mourenx.agent', password: 'demo', admin: true },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details).toEqual([
      { field: 'admin', message: 'property admin should not exist' },
    ]);
    const missing = await t.request<ApiError>('POST', '/api/auth/login', { body: { username: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.details?.map((d) => d.field)).toContain('password');
    const unknownQuery = await t.request<ApiError>('GET', '/api/health?verbose=1');
    expect(unknownQuery.status).toBe(400);
    expect(unknownQuery.body.details).toEqual([
      { field: 'verbose', message: expect.stringContaining('verbose') },
    ]);
    // Who may call comes first: a stranger learns nothing of what the route takes.
    const file = '/api/applicant-files/0b6f1b0e-3c1d-4b7a-9e55-2f7c1d9a8b10?verbose=1';
    expect((await t.request('GET', file)).status).toBe(401);
    const { accessToken } = await t.login('mourenx.agent');
    const refused = await t.request<ApiError>('GET', file, { token: accessToken });
    expect(refused.status).toBe(400);
    expect(refused.body.details?.map((d) => d.field)).toEqual(['verbose']);
  });

  it('has migrations that match the entities exactly', async () => {
    expect(await pendingSchemaChanges(t.database.ownerUrl)).toEqual({ up: [], down: [] });
  });
});

describe('the OpenAPI pages when API_DOCS is off (production default)', () => {
  it('answers 404 for the page and the JSON, and serves the API as usual', async () => {
    const t = await startTestApp({ apiDocs: false });
    try {
      for (const path of ['/api/docs', '/api/docs/', '/api/docs-json', '/api/docs/swagger-ui-init.js']) {
        const response = await t.request<ApiError>('GET', path);
        expect([path, response.status]).toEqual([path, 404]);
        expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
      }
      expect((await t.request('GET', '/api/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('health when the database is gone', () => {
  it('answers 503 with status unavailable', async () => {
    const t = await startTestApp();
    try {
      expect((await t.request('GET', '/api/health')).status).toBe(200);
      const admin = new Client({ connectionString: process.env['PASSERELLE_TEST_ADMIN_URL'] });
      await admin.connect();
      await admin.query(`DROP DATABASE "${t.database.name}" WITH (FORCE)`);
      await admin.end();
      const response = await t.request('GET', '/api/health');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'unavailable' });
    } finally {
      await t.app.close();
    }
  });
});
