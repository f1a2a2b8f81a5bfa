import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import type { CreatedApplicantFile, LoginResponse } from '@passerelle/shared/domain';
import { type PostgresProcess, startPostgresProcess } from '@passerelle/testing';
import { createApp } from '@api/platform/create-app';
import { Jobs } from '@api/platform/jobs';
import { prepareDatabase } from '@api/app/database-setup';
import { RenewalJob } from '@api/app/applicant-files/renewal.job';
import { DEMO_PASSWORD, testConfig } from '@api/testing/test-app';
import { minimalFile } from '@api/testing/builders';

/** One answer of the load: what was asked, when, how long it took, what came back. */
interface Answer {
  kind: 'create' | 'read' | 'search' | 'health';
  started: number;
  ended: number;
  status: number;
  retryAfter: string | null;
  body: unknown;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type LogLine = Record<string, unknown> & { level: number; msg?: string };

/** The real API on a PostgreSQL of its own (migrated, the demo accounts seeded); its warnings and errors in `logs`. */
async function startApi(
  postgres: PostgresProcess,
  logs: LogLine[],
): Promise<{ app: NestExpressApplication; baseUrl: string; durability: string[] }> {
  const { durability } = await prepareDatabase({
    databaseUrl: postgres.urls.url,
    migrationDatabaseUrl: postgres.urls.ownerUrl,
    mode: 'test',
    demoPassword: DEMO_PASSWORD,
    firstCoordinator: null,
  });
  const config = testConfig(
    { name: 'passerelle', ...postgres.urls, drop: () => Promise.resolve() },
    { logLevel: 'warn' },
  );
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const app = await createApp(config, { logDestination });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}`, durability };
}

async function ask(
  baseUrl: string,
  kind: Answer['kind'],
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer> {
  const started = Date.now();
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    // Past 15 s, a hang: recorded as status 0 (the bar is 10 s).
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return {
      kind,
      started,
      ended: Date.now(),
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
    };
  } catch {
    return { kind, started, ended: Date.now(), status: 0, retryAfter: null, body: null };
  }
}

async function login(baseUrl: string, username: string): Promise<string> {
  const answer = await ask(baseUrl, 'create', 'POST', '/api/auth/login', undefined, {
    username,
    password: DEMO_PASSWORD,
  });
  if (answer.status !== 200) throw new Error(`login ${username}: ${answer.status}`);
  return (answer.body as LoginResponse).accessToken;
}

/** `count` loops asking `next()` until stopped; every answer is kept. */
function loops(count: number, next: () => Promise<Answer>, into: Answer[]): () => Promise<void> {
  let running = true;
  const all = Array.from({ length: count }, async () => {
    while (running) {
      const answer = await next();
      into.push(answer);
      // A refused request comes back at once: no need to hammer faster than clients would.
      if (answer.status !== 200 && answer.status !== 201) await sleep(20);
    }
  });
  return async () => {
    running = false;
    await Promise.all(all);
  };
}

/** When a new client first gets an answer from `url` (polled every 25 ms). */
async function firstAnswer(url: string): Promise<number> {
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return Date.now();
    } catch {
      await sleep(25);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** The bar (QUALITY.md): the API serves again within 5 s of PostgreSQL's return. */
const BACK_WITHIN_MS = 5_000;

describe('PostgreSQL crashes under load and comes back', () => {
  let postgres: PostgresProcess;
  let app: NestExpressApplication;
  let baseUrl: string;
  let durability: string[];
  const logs: LogLine[] = [];

  beforeAll(async () => {
    postgres = await startPostgresProcess();
    ({ app, baseUrl, durability } = await startApi(postgres, logs));
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.close();
  });

  it('answers 503 with Retry-After while it is away, never a 500 nor a hang, serves again once it is back, and loses no acknowledged write', async () => {
    // The embedded PostgreSQL of npm start: nothing lets it acknowledge a commit it could lose.
    expect(durability).toEqual([]);
    const token = await login(baseUrl, 'mourenx.agent');
    const answers: Answer[] = [];
    const created = (): string[] =>
      answers
        .filter((answer) => answer.kind === 'create' && answer.status === 201)
        .map((answer) => (answer.body as CreatedApplicantFile).id);
    const stopWriters = loops(
      8,
      () => ask(baseUrl, 'create', 'POST', '/api/applicant-files', token, minimalFile()),
      answers,
    );
    let reads = 0;
    const stopReaders = loops(
      2,
      () => {
        // A file read (a prepared statement, its audit entry in the same statement) or a search.
        const ids = created();
        const id = ids[reads++ % Math.max(ids.length, 1)];
        return id && reads % 2 === 0
          ? ask(baseUrl, 'read', 'GET', `/api/applicant-files/${id}`, token)
          : ask(baseUrl, 'search', 'GET', '/api/applicant-files?q=Testeur&pageSize=5', token);
      },
      answers,
    );
    // A scheduled job (every second here): its ticks are skipped while PostgreSQL is away, then run again.
    const jobRuns: { at: number; ok: boolean }[] = [];
    app.get(Jobs).every('OutageSpecJob', 1_000, async () => {
      const at = Date.now();
      try {
        await app.get(RenewalJob).run();
        jobRuns.push({ at, ok: true });
      } catch (error) {
        jobRuns.push({ at, ok: false });
        throw error;
      }
    });
    const stopHealth = loops(
      1,
      async () => {
        const answer = await ask(baseUrl, 'health', 'GET', '/api/health');
        await sleep(100);
        return answer;
      },
      answers,
    );

    await sleep(1_500);
    const crashing = Date.now();
    await postgres.crash();
    const down = Date.now();
    await sleep(3_000);
    // PostgreSQL starts again (recovering from its WAL); it is back when it answers a new client.
    const restarting = Date.now();
    const started = postgres.start();
    const back = await firstAnswer(postgres.urls.adminUrl);
    await started;
    // The bar: 5 s after PostgreSQL is back, the API serves. The load goes on a second past that.
    await sleep(back + BACK_WITHIN_MS + 1_000 - Date.now());
    await Promise.all([stopWriters(), stopReaders(), stopHealth()]);

    const statuses = (list: Answer[]) =>
      list.reduce<Record<number, number>>((counts, answer) => {
        counts[answer.status] = (counts[answer.status] ?? 0) + 1;
        return counts;
      }, {});
    const serving = answers.filter((answer) => answer.kind !== 'health');
    const away = answers.filter((answer) => answer.started >= down && answer.ended <= restarting);
    const afterBar = answers.filter((answer) => answer.started >= back + BACK_WITHIN_MS);
    const firstServed = Math.min(
      ...serving
        .filter((answer) => answer.started >= back && answer.status < 300)
        .map((answer) => answer.ended),
    );
    const slowest = Math.max(...answers.map((answer) => answer.ended - answer.started));
    const acknowledged = created();
    process.stdout.write(
      `PostgreSQL crash under load: ${serving.length} requests (${JSON.stringify(statuses(serving))}), ` +
        `${acknowledged.length} creations acknowledged; away ${restarting - crashing} ms ` +
        `(${away.length} answers meanwhile: ${JSON.stringify(statuses(away))}); PostgreSQL back ` +
        `${back - restarting} ms after its restart, the API serving ${firstServed - back} ms after that; ` +
        `slowest answer ${slowest} ms\n`,
    );

    // Never a 500, never a hang: whatever is not served is 503 with Retry-After and the error body.
    expect(statuses(answers.filter((answer) => ![200, 201, 503].includes(answer.status)))).toEqual({});
    const refused = answers.filter((answer) => answer.status === 503);
    for (const answer of refused) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    for (const answer of refused.filter((each) => each.kind !== 'health'))
      expect(answer.body).toEqual(expect.objectContaining({ statusCode: 503, error: 'Service Unavailable' }));
    expect(slowest).toBeLessThan(10_000);
    // While it is away: every kind of request was asked, and all got 503, health included.
    expect(new Set(away.map((answer) => answer.kind))).toEqual(
      new Set(['create', 'read', 'search', 'health']),
    );
    expect(Object.keys(statuses(away))).toEqual(['503']);
    // Back without restarting the API: from 5 s after PostgreSQL's return, everything is served.
    expect(new Set(afterBar.map((answer) => answer.kind))).toEqual(
      new Set(['create', 'read', 'search', 'health']),
    );
    expect(Object.keys(statuses(afterBar)).filter((status) => !['200', '201'].includes(status))).toEqual([]);

    // The job's ticks could not even be claimed while it was away (scheduled_job), said so without a
    // value, and ran again once it was back.
    expect(jobRuns.some((run) => run.ok && run.at >= back)).toBe(true);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'OutageSpecJob skipped: PostgreSQL cannot be reached; it runs again in 1 s',
      }),
    );
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'PostgreSQL cannot be reached: answering 503' }),
    );
    expect(logs.filter((line) => line.level >= 50 && line.msg !== 'request errored')).toEqual([]);
    // No applicant's name, birth date or token in the logs of the outage.
    const logged = JSON.stringify(logs);
    for (const value of ['Testeur', 'Camille', '1985-04-12', token]) expect(logged).not.toContain(value);

    // Every acknowledged creation survived the crash.
    const admin = new Client({ connectionString: postgres.urls.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM applicant_file WHERE id = ANY($1::uuid[])',
        [acknowledged],
      );
      expect(rows[0]?.count).toBe(acknowledged.length);
    } finally {
      await admin.end();
    }
    expect(acknowledged.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the supervision of npm start’s PostgreSQL', () => {
  let postgres: PostgresProcess;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    postgres = await startPostgresProcess({ supervise: true });
    ({ app, baseUrl } = await startApi(postgres, []));
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.close();
  });

  it('starts PostgreSQL again when it dies, says so, and the API serves again without a restart', async () => {
    const token = await login(baseUrl, 'mourenx.agent');
    const before = postgres.pid();
    const since = postgres.events.length;
    await postgres.kill();
    const killed = Date.now();
    // What the launcher prints in the terminal.
    await postgres.next(
      (event) => event.message === 'PostgreSQL stopped unexpectedly (SIGKILL): restarting it',
      since,
    );
    const back = await postgres.next(
      (event) => /^PostgreSQL is back after \d+\.\d s$/.test(event.message ?? ''),
      since,
    );
    expect(back.pid).not.toBe(before);
    let created: Answer | undefined;
    for (let i = 0; i < 200 && created?.status !== 201; i++) {
      created = await ask(baseUrl, 'create', 'POST', '/api/applicant-files', token, minimalFile());
      if (created.status !== 201) await sleep(25);
    }
    process.stdout.write(
      `PostgreSQL killed: ${back.message}; a creation served ${Date.now() - killed} ms after the kill\n`,
    );
    expect(created?.status).toBe(201);
    expect((await ask(baseUrl, 'health', 'GET', '/api/health')).status).toBe(200);
  }, 60_000);
});
