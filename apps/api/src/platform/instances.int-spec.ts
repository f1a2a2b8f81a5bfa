import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { type LoginResponse, REFRESH_COOKIE } from '@passerelle/shared/domain';
import { refreshCookieOf } from '@api/testing/test-app';
import {
  type TestBucket,
  type TestDatabase,
  createTestBucket,
  createTestDatabase,
} from '@passerelle/testing';
import { MIGRATIONS } from '@api/platform/database/migrations';
import { DEMO_ACCOUNTS } from '@api/app/identity/identity.seed';
import { type ApiProcess, startApiProcess } from '@api/testing/api-process';
import { samplePdf } from '@api/app/documents/testing/sample-documents';

/**
 * QUALITY.md « several instances »: two real API processes on one database and one bucket serve
 * the same user interchangeably. Nothing that one instance needs lives in the other's memory.
 */
describe('two instances, one database, one bucket', () => {
  let database: TestDatabase;
  let bucket: TestBucket;
  let a: ApiProcess;
  let b: ApiProcess;
  let env: Record<string, string>;

  const call = async <T = unknown>(
    instance: ApiProcess,
    method: string,
    path: string,
    options: { token?: string; body?: unknown; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; body: T; bytes: Buffer }> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | FormData | undefined = options.form;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${instance.baseUrl}${path}`, { method, headers, body });
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      headers: response.headers,
      body: (json && bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined) as T,
      bytes,
    };
  };
  const login = async (instance: ApiProcess, username: string, password = 'demo') =>
    call<LoginResponse>(instance, 'POST', '/api/auth/login', { body: { username, password } });

  beforeAll(async () => {
    // An empty database: the instances migrate and seed it themselves.
    [database, bucket] = await Promise.all([
      createTestDatabase({ fingerprint: `empty_instances_${process.pid}`, prepare: async () => undefined }),
      createTestBucket(),
    ]);
    env = {
      LOG_LEVEL: 'info',
      DOCUMENTS_STORAGE: 's3',
      S3_ENDPOINT: bucket.endpoint,
      S3_REGION: bucket.region,
      S3_BUCKET: bucket.bucket,
      S3_ACCESS_KEY_ID: bucket.accessKeyId,
      S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    // Both at once, as after a deployment: they migrate and seed in turn (advisory lock).
    [a, b] = await Promise.all([startApiProcess(database, env), startApiProcess(database, env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await Promise.all([database?.drop(), bucket?.drop()]);
  });

  it('keeps a session opened on one instance working on the other, refresh and sign-out included', async () => {
    const signedIn = await login(a, 'mourenx.agent');
    expect(signedIn.status).toBe(200);
    const me = await call<{ username: string }>(b, 'GET', '/api/auth/me', {
      token: signedIn.body.accessToken,
    });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('mourenx.agent');

    // The back office refreshes with its cookie, from its own page (as seen by the instance it reaches).
    const cookie = (instance: ApiProcess, token: string | null) => ({
      cookie: `${REFRESH_COOKIE}=${token ?? ''}`,
      origin: instance.baseUrl,
    });
    const refreshed = await call<LoginResponse>(b, 'POST', '/api/auth/refresh', {
      headers: cookie(b, refreshCookieOf(signedIn.headers)),
    });
    expect(refreshed.status).toBe(200);
    // The token A handed out was used on B: A refuses it now.
    const reused = await call(a, 'POST', '/api/auth/refresh', {
      headers: cookie(a, refreshCookieOf(signedIn.headers)),
    });
    expect(reused.status).toBe(401);
    // A sign-out on A ends the session on B at once.
    expect(
      (await call(a, 'POST', '/api/auth/logout', { headers: cookie(a, refreshCookieOf(refreshed.headers)) }))
        .status,
    ).toBe(204);
    expect((await call(b, 'GET', '/api/auth/me', { token: refreshed.body.accessToken })).status).toBe(401);
  });

  it('downloads through one instance a document uploaded through the other, from the shared bucket', async () => {
    const token = (await login(a, 'orthez.ts')).body.accessToken;
    const created = await call<{ id: string }>(a, 'POST', '/api/applicant-files', {
      token,
      body: { applicant: { lastName: 'Instances', firstNames: 'Maddi', birthDate: '1988-04-02' } },
    });
    expect(created.status).toBe(201);
    const pdf = samplePdf('Avis d’imposition — deux instances');
    const form = new FormData();
    form.append('type', 'TAX_NOTICE');
    form.append('file', new Blob([new Uint8Array(pdf)]), 'avis.pdf');
    const uploaded = await call<{ id: string }>(
      a,
      'POST',
      `/api/applicant-files/${created.body.id}/documents`,
      {
        token,
        form,
      },
    );
    expect(uploaded.status).toBe(201);
    expect(await bucket.keys()).toHaveLength(1);
    const downloaded = await call(b, 'GET', `/api/documents/${uploaded.body.id}/content`, {
      token: (await login(b, 'orthez.ts')).body.accessToken,
    });
    expect(downloaded.status).toBe(200);
    expect(createHash('sha256').update(downloaded.bytes).digest('hex')).toBe(
      createHash('sha256').update(pdf).digest('hex'),
    );
  });

  it('counts the sign-in limits across both instances', async () => {
    for (const instance of [a, b, a, b, a]) {
      expect((await login(instance, 'sdsei.ts', 'not-the-password')).status).toBe(401);
    }
    for (const instance of [a, b]) {
      const limited = await login(instance, 'sdsei.ts');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('gives one 200 and one 412 to a file edited through both at once, and loses nothing', async () => {
    const token = (await login(b, 'mourenx.agent')).body.accessToken;
    const created = await call<{ id: string }>(b, 'POST', '/api/applicant-files', {
      token,
      body: { applicant: { lastName: 'Concurrence', firstNames: 'Ana', birthDate: '1990-01-01' } },
    });
    const read = await call(a, 'GET', `/api/applicant-files/${created.body.id}`, { token });
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+"$/);
    const edit = (instance: ApiProcess, phone: string) =>
      call(instance, 'PATCH', `/api/applicant-files/${created.body.id}`, {
        token,
        headers: { 'if-match': etag },
        body: { applicant: { phone } },
      });
    const answers = await Promise.all([edit(a, '05 59 00 00 01'), edit(b, '05 59 00 00 02')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    const winner = answers[0]?.status === 200 ? '05 59 00 00 01' : '05 59 00 00 02';
    const after = await call<{ applicant: { phone?: string }; version: number }>(
      b,
      'GET',
      `/api/applicant-files/${created.body.id}`,
      { token },
    );
    expect(after.body.applicant.phone).toBe(winner);
  });

  it('runs each scheduled job once for both, not once per instance', async () => {
    const owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      const ledger = async () =>
        (
          await owner.query<{ name: string; runs: number; last_instance: string }>(
            'SELECT name, runs, last_instance FROM scheduled_job ORDER BY name',
          )
        ).rows;
      // Both instances tried every job at start-up; each job's first tick is taken by one of them.
      for (let i = 0; i < 100 && (await ledger()).length < 5; i++)
        await new Promise((r) => setTimeout(r, 100));
      const jobs = await ledger();
      expect(jobs.map(({ name, runs }) => [name, runs])).toEqual([
        ['AnonymisationJob', 1],
        ['AuditRetentionJob', 1],
        ['RenewalJob', 1],
        ['ReportingRefreshJob', 1],
        ['SignInFailuresJob', 1],
      ]);
      const pids = new Set(jobs.map((job) => Number(job.last_instance.split(':').pop())));
      for (const pid of pids) expect([a.child.pid, b.child.pid]).toContain(pid);
    } finally {
      await owner.end();
    }
  });

  it('migrated and seeded the database once, though both started at the same moment', async () => {
    const owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      const accounts = await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM app_user WHERE username = 'mourenx.agent'`,
      );
      expect(accounts.rows[0]?.n).toBe(1);
    } finally {
      await owner.end();
    }
    const listening = [a, b].map(
      (instance) => instance.lines.find((line) => line['msg'] === 'Passerelle is listening') ?? {},
    );
    // One of them migrated and seeded (under the schema's advisory lock); the other found it done.
    const sum = (key: string) => listening.reduce((n, line) => n + Number(line[key]), 0);
    expect(sum('migrationsApplied')).toBe(MIGRATIONS.length);
    expect(sum('demoAccountsCreated')).toBe(DEMO_ACCOUNTS.length);
  });

  it('restarts one instance under load (SIGTERM, then a new one): no answer 5xx but 503, no acknowledged write lost', async () => {
    const token = (await login(b, 'mourenx.agent')).body.accessToken;
    let pool = [a, b];
    let running = true;
    const statuses: (number | string)[] = [];
    const acknowledged: string[] = [];
    // As a load balancer: the next instance; another one when the connection is refused.
    const create = async (n: number): Promise<void> => {
      for (let attempt = 0; attempt < 2 * pool.length; attempt++) {
        const target = pool[(n + attempt) % pool.length] as ApiProcess;
        try {
          const answer = await fetch(`${target.baseUrl}/api/applicant-files`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              applicant: { lastName: 'Roulement', firstNames: 'Peio', birthDate: '1975-05-05' },
            }),
          });
          statuses.push(answer.status);
          if (answer.status === 201) acknowledged.push(((await answer.json()) as { id: string }).id);
          else await answer.arrayBuffer();
          return;
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code;
          if (code !== 'ECONNREFUSED') return void statuses.push(code ?? 'error');
        }
      }
      statuses.push('no instance');
    };
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let n = w; running; n += 4) await create(n);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const stopped = new Promise<number | null>((resolve) => a.child.once('exit', (code) => resolve(code)));
    a.child.kill('SIGTERM');
    expect(await stopped).toBe(0);
    await a.close();
    pool = [b];
    a = await startApiProcess(database, env);
    pool = [a, b];
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    running = false;
    await Promise.all(writers);

    const unexpected = statuses.filter((status) => status !== 201 && status !== 503);
    expect(unexpected).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
    const owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM applicant_file WHERE id = ANY($1::uuid[])',
        [acknowledged],
      );
      expect(rows[0]?.n).toBe(acknowledged.length);
    } finally {
      await owner.end();
    }
    console.log(
      `rolling restart: ${statuses.length} creations sent, ${acknowledged.length} acknowledged and all found, ${statuses.filter((s) => s === 503).length} answered 503`,
    );
  }, 180_000);
});
