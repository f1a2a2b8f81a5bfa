import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import type { TestDatabase } from '@passerelle/testing';
import { RenewalJob } from '@api/app/applicant-files/renewal.job';
import { Jobs } from '@api/platform/jobs';
import { SHUTDOWN_GRACE_MS, shutDown } from '@api/platform/shutdown';
import { type ApiProcess, startApiProcess } from '@api/testing/api-process';
import { DEMO_PASSWORD, createApiTestDatabase, startTestApp } from '@api/testing/test-app';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(25);
  }
}

interface Answer {
  status: number;
  connection: string | undefined;
}

/** A GET on a connection of its own; 'refused' when nothing listens, 'cut' when the connection closes first. */
function get(port: number, path: string, token?: string): Promise<Answer | 'refused' | 'cut'> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        agent: false,
        headers: { connection: 'keep-alive', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers['connection'] }));
        res.on('error', () => resolve('cut'));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'cut'),
    );
    req.end();
  });
}

async function login(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The API's statements waiting for a lock that the test holds. */
async function waitingStatements(admin: Client): Promise<number> {
  // Within a transaction, pg_stat_activity is read once and kept: read it afresh.
  await admin.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await admin.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'passerelle-api' AND wait_event_type = 'Lock'`,
  );
  return rows[0]?.count ?? 0;
}

describe.each([1, 2])('the API process on SIGTERM, API_WORKERS=%i', (workers) => {
  let database: TestDatabase;
  let api: ApiProcess;
  let admin: Client;

  beforeAll(async () => {
    database = await createApiTestDatabase();
    api = await startApiProcess(database, { API_WORKERS: String(workers) });
    // The first worker's answer proves nothing of the second, which may still be starting (and
    // would end at a signal without a word): the primary says when every worker listens.
    await until(() => api.lines.some((line) => line['msg'] === 'Passerelle is listening'));
    admin = new Client({ connectionString: database.adminUrl });
    await admin.connect();
  }, 120_000);

  afterAll(async () => {
    await admin?.end();
    await api?.close();
    await database?.drop();
  });

  it('finishes the request in flight, takes no new one, closes its pool and exits 0', async () => {
    const token = await login(api.baseUrl, 'mourenx.agent');
    // The session check of the next request waits for this lock: a request in flight.
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE user_session IN ACCESS EXCLUSIVE MODE');
    const inFlight = get(api.port, '/api/auth/me', token);
    await until(async () => (await waitingStatements(admin)) === 1);

    const signalled = Date.now();
    api.child.kill('SIGTERM');
    // Each process says it is stopping: the primary passes the signal on to its workers.
    await until(
      () =>
        api.lines.filter((line) => String(line['msg']).startsWith('SIGTERM')).length ===
        workers + (workers > 1 ? 1 : 0),
    );
    // A new connection finds no one listening (with workers, the one still draining may answer 503).
    const fresh = await get(api.port, '/api/health');
    if (workers === 1) expect(fresh).toBe('refused');
    else expect(fresh === 'refused' || (typeof fresh === 'object' && fresh.status === 503)).toBe(true);
    await sleep(300);
    await admin.query('COMMIT');

    // The request in flight is answered, and its connection closes behind it.
    expect(await inFlight).toEqual({ status: 200, connection: 'close' });
    expect(await api.exited).toEqual({ code: 0, signal: null });
    const took = Date.now() - signalled;
    process.stdout.write(
      `SIGTERM with a request in flight, ${workers} worker(s): exited 0 after ${took} ms\n`,
    );
    expect(took).toBeLessThan(SHUTDOWN_GRACE_MS + 5_000);
    const stopped = api.lines.filter((line) => 'requestsCut' in line);
    expect(stopped).toHaveLength(workers);
    for (const line of stopped)
      expect(line).toMatchObject({
        msg: 'Passerelle stopped',
        requestsCut: 0,
        jobsLate: false,
        statementsCancelled: 0,
      });
    // Its pools are closed: the API left no connection behind.
    const { rows } = await admin.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'passerelle-api'`,
    );
    expect(rows[0]?.count).toBe(0);
  }, 60_000);
});

describe('shutDown', () => {
  let admin: Client | undefined;

  /** Before the test's database is dropped (which ends every connection to it). */
  const endAdmin = async (): Promise<void> => {
    await admin?.query('ROLLBACK').catch(() => undefined);
    await admin?.end();
    admin = undefined;
  };

  it('lets a job tick finish its transaction, starts no new tick, then closes the pool', async () => {
    const t = await startTestApp();
    try {
      admin = new Client({ connectionString: t.database.adminUrl });
      await admin.connect();
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE applicant_file IN ACCESS EXCLUSIVE MODE');
      const ticks: number[] = [];
      const results: unknown[] = [];
      t.app.get(Jobs).every('ShutdownSpecJob', 100, async () => {
        ticks.push(Date.now());
        results.push(await t.app.get(RenewalJob).run());
      });
      await until(async () => (await waitingStatements(admin!)) === 1);

      const stopping = Date.now();
      const report = shutDown(t.app, 5_000);
      await sleep(400);
      await admin.query('COMMIT');
      expect(await report).toEqual({ requestsCut: 0, jobsLate: false, statementsCancelled: 0 });
      // The tick that held the job's lock committed; the others, meanwhile, found it held and skipped.
      expect(results).toContainEqual({ renewalDue: 0, notRenewed: 0 });
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      expect(ticks.filter((tick) => tick >= stopping)).toEqual([]);
      expect(t.dataSource.isInitialized).toBe(false);
    } finally {
      await endAdmin();
      await t.close();
    }
  }, 60_000);

  it('past its grace, cuts the requests and cancels the statements still running: their transactions roll back', async () => {
    const lines: Record<string, unknown>[] = [];
    const logDestination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const t = await startTestApp({ logLevel: 'warn' }, { logDestination });
    try {
      const token = (await t.login('mourenx.agent')).accessToken;
      admin = new Client({ connectionString: t.database.adminUrl });
      await admin.connect();
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE applicant_file, user_session IN ACCESS EXCLUSIVE MODE');
      const port = Number(new URL(t.baseUrl).port);
      const inFlight = get(port, '/api/auth/me', token);
      t.app.get(Jobs).every('ShutdownSpecJob', 3_600_000, () => t.app.get(RenewalJob).run());
      await until(async () => (await waitingStatements(admin!)) === 2);

      const started = Date.now();
      const report = await shutDown(t.app, 1_000);
      const took = Date.now() - started;
      process.stdout.write(`shutDown past a 1 s grace: ${JSON.stringify(report)} in ${took} ms\n`);
      expect(report).toEqual({ requestsCut: 1, jobsLate: true, statementsCancelled: 2 });
      expect(await inFlight).toBe('cut');
      expect(t.dataSource.isInitialized).toBe(false);
      expect(await waitingStatements(admin)).toBe(0);
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 40,
          msg: 'ShutdownSpecJob stopped with the application: its transaction rolled back',
        }),
      );
    } finally {
      await endAdmin();
      // Closing again is harmless: it removes the test's database and data.
      await t.close();
    }
  }, 60_000);
});
