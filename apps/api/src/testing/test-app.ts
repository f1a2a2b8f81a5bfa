import { createHash, randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type LoginResponse, REFRESH_COOKIE } from '@passerelle/shared/domain';
import { createServer } from 'node:net';
import { type TestDatabase, createTestDatabase, testOidcProvider } from '@passerelle/testing';
import { type AppConfig, DEMO_DOCUMENTS_KEY, DEMO_TOKEN_SECRET } from '@api/platform/config/config';
import { createApp } from '@api/platform/create-app';
import type { AppOptions } from '@api/app/app.module';
import { FixedClock } from '@api/platform/clock';
import { QueryCounter } from '@api/platform/database/query-counter';
import { MIGRATIONS } from '@api/platform/database/migrations';
import { prepareDatabase } from '@api/app/database-setup';
import { DEMO_ACCOUNTS } from '@api/app/identity/identity.seed';

export const DEMO_PASSWORD = 'demo';

/** Changes whenever the template's content would: migrations or seeded accounts. */
const TEMPLATE_FINGERPRINT = createHash('sha1')
  .update(JSON.stringify([MIGRATIONS.map((m) => m.name), DEMO_ACCOUNTS, 'reference-v2']))
  .digest('hex')
  .slice(0, 16);

/** A database with the schema, the reference data and the demo accounts, cloned per test file. */
export function createApiTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({
    fingerprint: TEMPLATE_FINGERPRINT,
    prepare: async ({ url, ownerUrl }) => {
      await prepareDatabase({
        databaseUrl: url,
        migrationDatabaseUrl: ownerUrl,
        mode: 'test',
        demoPassword: DEMO_PASSWORD,
        firstCoordinator: null,
      });
    },
  });
}

/** The configuration of an app under test: the database's runtime role serves, its owner migrates. */
export function testConfig(database: TestDatabase, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    mode: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    migrationDatabaseUrl: database.ownerUrl,
    // Each test app stores its documents apart.
    dataDir: join(tmpdir(), `passerelle-test-data-${process.pid}-${randomBytes(4).toString('hex')}`),
    backOfficeDir: null,
    tokenSecret: DEMO_TOKEN_SECRET,
    accessTokenTtlSeconds: 900,
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    demoPassword: DEMO_PASSWORD,
    demoFileCount: 0,
    firstCoordinator: null,
    // TEST_LOG_LEVEL=error shows the server's errors while debugging a test.
    logLevel: (process.env['TEST_LOG_LEVEL'] as AppConfig['logLevel'] | undefined) ?? 'silent',
    logFormat: 'json',
    trustProxy: false,
    bodyLimitBytes: 1_048_576,
    documentsKey: Buffer.from(DEMO_DOCUMENTS_KEY, 'base64'),
    documentsPreviousKeys: [],
    documentsStorage: { kind: 'disk' },
    workers: 1,
    apiDocs: true,
    tls: null,
    publicUrl: null,
    proconnect: null,
    secondFactorRoles: [],
    ...overrides,
  };
}

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A sign-in as a test sees it: the answer's body, and the refresh token its cookie carried. */
export type SignedIn = LoginResponse & { refreshToken: string };

/** The refresh token a sign-in or refresh answer set in its cookie, or null. */
export function refreshCookieOf(headers: Headers): string | null {
  for (const cookie of headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    const [name, value] = pair.split('=');
    if (name === REFRESH_COOKIE) return value ? decodeURIComponent(value) : null;
  }
  return null;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  database: TestDatabase;
  dataSource: DataSource;
  request: <T = unknown>(method: string, path: string, options?: RequestOptions) => Promise<TestResponse<T>>;
  /** Signs in a demo account (password `demo`). */
  login: (username: string) => Promise<SignedIn>;
  /** What the back office sends to refresh or end a session: the refresh cookie, from its own origin. */
  sessionHeaders: (refreshToken: string) => Record<string, string>;
  /** The application's clock: tests move « now » and « today » (Europe/Paris). */
  clock: FixedClock;
  /** SQL statements sent so far (compare before and after a request). */
  queries: QueryCounter;
  close: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Tests start on a fixed day unless they say otherwise. */
export const TEST_NOW = '2026-06-15T10:00:00Z';

/**
 * The real application over HTTP on a random port, on its own freshly migrated database.
 * `logDestination` receives the JSON log lines (with a `logLevel` override: silent by default).
 */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  {
    logDestination,
    proconnect = false,
  }: Pick<AppOptions, 'logDestination'> & {
    /** Sign-in with the run's stand-in ProConnect; PUBLIC_URL is then the app's own address. */
    proconnect?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await createApiTestDatabase();
  const clock = new FixedClock(new Date(TEST_NOW));
  const queries = new QueryCounter();
  // The redirect URI is PUBLIC_URL's: the port must be known before the app is made.
  const port = proconnect ? await freePort() : 0;
  const config = testConfig(database, {
    ...(proconnect
      ? { publicUrl: `http://127.0.0.1:${port}`, proconnect: { ...testOidcProvider(), acr: 'eidas1' } }
      : {}),
    ...overrides,
  });
  const app = await createApp(config, { clock, queryCounter: queries, logDestination });
  await app.listen(port, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `${config.tls ? 'https' : 'http'}://127.0.0.1:${address.port}`;

  const request = async <T>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    // The API's own answer: a redirect (ProConnect's) is shown, not followed.
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };

  const login = async (username: string): Promise<SignedIn> => {
    const response = await request<LoginResponse>('POST', '/api/auth/login', {
      body: { username, password: DEMO_PASSWORD },
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.text}`);
    return { ...response.body, refreshToken: refreshCookieOf(response.headers) ?? '' };
  };
  const sessionHeaders = (refreshToken: string): Record<string, string> => ({
    cookie: `${REFRESH_COOKIE}=${encodeURIComponent(refreshToken)}`,
    origin: baseUrl,
  });

  return {
    app,
    baseUrl,
    database,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    request,
    login,
    sessionHeaders,
    clock,
    queries,
    close: async () => {
      await app.close();
      await database.drop();
      await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}
