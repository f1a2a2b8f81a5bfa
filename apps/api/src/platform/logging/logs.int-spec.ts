import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import {
  type ApplicantFileContent,
  type ApplicantFileView,
  type CreatedApplicantFile,
  type LoginResponse,
  type OrganizationView,
  type Page,
  type UserWithActivationCode,
  fileIndexFields,
} from '@passerelle/shared/domain';
import { Transactions } from '@api/platform/database/transactions';
import { Jobs } from '@api/platform/jobs';
import { type TestApp, type TestResponse, refreshCookieOf, startTestApp } from '@api/testing/test-app';
import { createFile } from '@api/testing/builders';
import { ApplicantFilesRepository } from '@api/app/applicant-files/applicant-files.repository';
import { EvaluationsRepository } from '@api/app/evaluations/evaluations.repository';

/** QUALITY.md, « secrets and logs »: what an ordinary day of work leaves in the logs. */

interface LogLine {
  level: number;
  time: number;
  msg?: string;
  context?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
  err?: Record<string, unknown> & { type?: string; message?: string; stack?: string; code?: string };
}

const PASSWORD = 'Txakoli-Ardoa-2026!';
const WRONG_PASSWORD = 'Piperrak-Gorriak-1975?';
const APPLICANT = {
  lastName: 'Zubiriaga-Ibáñez',
  firstNames: 'Maddalen Itziar',
  birthDate: '1979-11-23',
  birthPlace: 'Mauléon-Licharre',
};
const CONTACT = { phone: '06 12 34 56 78', email: 'maddalen.zubiriaga@example.org' };
const NEW_CONTACT = { phone: '07 98 76 54 32', email: 'm.etxegarai@example.net' };
const USAGE_NAME = 'Etxegarai';
const SEARCH = 'zubiriaga maddal';
/** What an error may say in the logs (error-serializer.ts). */
const SERIALIZED_ERROR_KEYS = new Set([
  'type',
  'message',
  'stack',
  'code',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'position',
  'status',
  'cause',
  'errors',
]);

describe('logs: request lines, without secrets or personal data', () => {
  let t: TestApp;
  let output = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString('utf8');
      done();
    },
  });
  const lines = (): LogLine[] =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    t = await startTestApp({ logLevel: 'info' }, { logDestination: destination });
  });

  afterAll(async () => {
    await t.close();
  });

  it('logs each request with its id, method, route and status, and no password, token, name, phone, e-mail, birth date or search', async () => {
    const sent: { id: string; method: string; url: string; status: number }[] = [];
    const call = async <T>(
      id: string,
      method: string,
      path: string,
      options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
    ): Promise<TestResponse<T>> => {
      const response = await t.request<T>(method, path, {
        ...options,
        headers: { ...options.headers, 'x-request-id': id },
      });
      expect(response.headers.get('x-request-id')).toBe(id);
      sent.push({ id, method, url: path.replace(/\?.*$/, '?q=[REDACTED]'), status: response.status });
      return response;
    };

    // An account made for the test, so that its password is one nobody else uses.
    const coordinator = await call<LoginResponse>('logs-spec-coordinator-login', 'POST', '/api/auth/login', {
      body: { username: 'cclo.coordination', password: 'demo' },
    });
    const organizations = await call<OrganizationView[]>(
      'logs-spec-organizations',
      'GET',
      '/api/organizations',
      {
        token: coordinator.body.accessToken,
      },
    );
    const mourenx = organizations.body.find((o) => o.registersDemands && o.name.includes('Mourenx'))!;
    const account = await call<UserWithActivationCode>('logs-spec-create-user', 'POST', '/api/users', {
      token: coordinator.body.accessToken,
      body: {
        username: 'logs.verifier',
        displayName: 'Gaxuxa Irigoyen',
        role: 'INFO_POINT_AGENT',
        organizationId: mourenx.id,
      },
    });
    expect(account.status).toBe(201);
    const activationCode = account.body.activationCode!;
    const activated = await call('logs-spec-activate', 'POST', '/api/auth/activate', {
      body: { username: 'logs.verifier', activationCode, password: PASSWORD },
    });
    expect(activated.status).toBe(204);

    const login = await call<LoginResponse>('logs-spec-login', 'POST', '/api/auth/login', {
      body: { username: 'logs.verifier', password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const loginRefresh = refreshCookieOf(login.headers) ?? '';
    const refreshed = await call<LoginResponse>('logs-spec-refresh', 'POST', '/api/auth/refresh', {
      headers: t.sessionHeaders(loginRefresh),
    });
    const refreshedRefresh = refreshCookieOf(refreshed.headers) ?? '';
    expect(refreshed.status).toBe(200);
    const token = refreshed.body.accessToken;

    const created = await call<CreatedApplicantFile>(
      'logs-spec-create-file',
      'POST',
      '/api/applicant-files',
      {
        token,
        body: { applicant: APPLICANT, contact: CONTACT },
      },
    );
    expect(created.status).toBe(201);
    const read = await call<ApplicantFileView>(
      'logs-spec-read-file',
      'GET',
      `/api/applicant-files/${created.body.id}`,
      {
        token,
      },
    );
    const updated = await call<ApplicantFileView>(
      'logs-spec-update-file',
      'PATCH',
      `/api/applicant-files/${created.body.id}`,
      {
        token,
        body: { applicant: { usageName: USAGE_NAME }, contact: NEW_CONTACT },
        headers: { 'if-match': read.headers.get('etag')! },
      },
    );
    expect(updated.status).toBe(200);
    const found = await call<Page<ApplicantFileView>>(
      'logs-spec-search',
      'GET',
      `/api/applicant-files?q=${encodeURIComponent(SEARCH)}`,
      { token },
    );
    expect(found.body.items.map((file) => file.id)).toContain(created.body.id);

    const failed = await call('logs-spec-failed-login', 'POST', '/api/auth/login', {
      body: { username: 'logs.verifier', password: WRONG_PASSWORD },
    });
    expect(failed.status).toBe(401);
    const loggedOut = await call('logs-spec-logout', 'POST', '/api/auth/logout', {
      headers: t.sessionHeaders(refreshedRefresh),
    });
    expect(loggedOut.status).toBe(204);

    // A request line is written when its answer is finished: wait for the last one.
    for (let i = 0; i < 100 && !lines().some((line) => line.req?.id === 'logs-spec-logout'); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));

    const logged = lines();
    for (const request of sent) {
      const line = logged.find((l) => l.req?.id === request.id && l.res?.statusCode !== undefined);
      expect({ id: request.id, line }).toEqual({
        id: request.id,
        line: expect.objectContaining({
          req: { id: request.id, method: request.method, url: request.url },
          res: { statusCode: request.status },
        }) as unknown,
      });
    }

    const tokens = [
      ...[coordinator.body, login.body, refreshed.body].flatMap((tokens) => [
        tokens.accessToken,
        tokens.accessToken.split('.')[2]!,
      ]),
      ...[refreshCookieOf(coordinator.headers) ?? '', loginRefresh, refreshedRefresh].flatMap((token) => [
        token,
        token.split('.')[1]!,
      ]),
    ];
    const personal = [
      ...Object.values(APPLICANT),
      ...APPLICANT.lastName.split('-'),
      ...APPLICANT.firstNames.split(' '),
      ...Object.values(CONTACT),
      ...Object.values(NEW_CONTACT),
      ...[CONTACT.phone, NEW_CONTACT.phone].map((phone) => phone.replace(/ /g, '')),
      USAGE_NAME,
      'Gaxuxa Irigoyen',
      ...SEARCH.split(' '),
    ];
    const text = output.toLowerCase();
    const leaked = [PASSWORD, WRONG_PASSWORD, activationCode, ...tokens, ...personal].filter((secret) =>
      [secret, encodeURIComponent(secret)].some((form) => text.includes(form.toLowerCase())),
    );
    expect(leaked).toEqual([]);
    expect(text).not.toContain('"demo"');
    expect(logged.length).toBeGreaterThan(sent.length);
  });

  it('logs a failed statement by its code, constraint, table and stack: never its parameters, its detail, its row or a value its message quotes', async () => {
    const worker = await t.login('orthez.ts');
    const author = { userId: worker.user.id, organizationId: worker.user.organization.id };
    const files = t.app.get(ApplicantFilesRepository);
    const evaluations = t.app.get(EvaluationsRepository);
    const transactions = t.app.get(Transactions);
    const content = (lastName: string, salary: number, aah: number): ApplicantFileContent => ({
      applicant: { lastName, firstNames: 'Ainhoa', birthDate: '1983-07-19' },
      resources: {
        incomes: [
          { person: 'APPLICANT', type: 'SALARY', monthlyAmount: salary },
          { person: 'APPLICANT', type: 'AAH', monthlyAmount: aah },
        ],
      },
    });
    const first = await createFile(t, worker.accessToken, content('Arrosagaray', 1432.17, 971.37));
    const second = await createFile(t, worker.accessToken, content('Harispuru', 1288.43, 903.61));
    const SOCIAL_NOTE =
      'Violences conjugales confiées à l’assistante sociale, hébergée chez sa sœur à Mourenx';
    const ECONOMIC = 'Surendettement, dossier déposé à la Banque de France';
    const rewrite = (id: string, lastName: string, salary: number, aah: number) => {
      const next = content(lastName, salary, aah);
      return (db: Parameters<typeof files.updateContent>[0]) =>
        files.updateContent(db, id, next, fileIndexFields(next));
    };

    /** A job's failure, logged as every scheduled job's is (platform/jobs). */
    const failedJob = async (name: string, work: () => Promise<unknown>): Promise<LogLine> => {
      const jobs = new Jobs(transactions);
      jobs.every(name, 3_600_000, work);
      void jobs.stop();
      const logged = () => lines().find((line) => line.msg === `${name} failed`);
      for (let i = 0; i < 500 && !logged(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
      return logged()!;
    };

    // A check constraint: PostgreSQL's detail quotes the whole row (names, incomes).
    const constraint = await failedJob('LogsSpecConstraint', () =>
      transactions.run((db) => files.updateLifecycle(db, first.id, { status: 'REGISTERED' })),
    );
    // A deadlock between two writes of files whose content carries incomes.
    const deadlock = await failedJob('LogsSpecDeadlock', async () => {
      let locked = 0;
      let bothLocked!: () => void;
      const crossing = new Promise<void>((resolve) => (bothLocked = resolve));
      const write = (one: string, other: string, lastName: string, salary: number) =>
        transactions.run(async (db) => {
          await rewrite(one, lastName, salary, 1011.29)(db);
          if (++locked === 2) bothLocked();
          await crossing;
          await rewrite(other, lastName, salary, 1011.29)(db);
        });
      const results = await Promise.allSettled([
        write(first.id, second.id, 'Etchebarne', 1517.83),
        write(second.id, first.id, 'Etchebarne', 1517.83),
      ]);
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    });
    // A transaction that rewrote the incomes, then failed on a social evaluation's note.
    const transaction = await failedJob('LogsSpecTransaction', () =>
      transactions.run(async (db) => {
        await rewrite(first.id, 'Oyhenart', 1604.52, 988.14)(db);
        await evaluations.insert(db, {
          fileId: first.id,
          kind: 'SOCIAL',
          notes: SOCIAL_NOTE,
          diagnosis: { economicSituation: ECONOMIC },
          userId: author.userId,
          organizationId: randomUUID(),
        });
      }),
    );
    // PostgreSQL's message itself quotes the value it refused.
    const quoted = await failedJob('LogsSpecQuotedValue', () =>
      transactions.run(async (db) => {
        const next = content('Irigaray', 1702.66, 941.08);
        await files.insert(db, {
          content: next,
          index: { ...fileIndexFields(next), birthDate: '1983-02-30' },
          ...author,
        });
      }),
    );

    const personal = [
      ...['Arrosagaray', 'Harispuru', 'Etchebarne', 'Oyhenart', 'Irigaray', 'Ainhoa'],
      ...['1983-07-19', '1983-02-30'],
      ...[1432.17, 971.37, 1288.43, 903.61, 1517.83, 1011.29, 1604.52, 988.14, 1702.66, 941.08].map(String),
      SOCIAL_NOTE,
      'Violences conjugales',
      ECONOMIC,
      'Surendettement',
    ];
    const text = output.toLowerCase();
    expect(personal.filter((value) => text.includes(value.toLowerCase()))).toEqual([]);
    expect(text).not.toMatch(/"(parameters|detail|where|query|driverError)"/i);

    expect(constraint.err).toMatchObject({
      type: 'QueryFailedError',
      code: '23514',
      table: 'applicant_file',
      constraint: 'CHK_applicant_file_registered',
      message:
        'new row for relation "applicant_file" violates check constraint "CHK_applicant_file_registered"',
    });
    expect(deadlock.err).toMatchObject({
      type: 'QueryFailedError',
      code: '40P01',
      message: 'deadlock detected',
    });
    expect(transaction.err).toMatchObject({
      type: 'QueryFailedError',
      code: '23503',
      table: 'evaluation',
      constraint: 'FK_evaluation_author_organization',
    });
    expect(quoted.err).toMatchObject({ type: 'QueryFailedError', code: '22008' });
    expect(quoted.msg).toBe('LogsSpecQuotedValue failed');
    for (const line of [constraint, deadlock, transaction, quoted]) {
      expect(line.level).toBe(50);
      expect(line.err?.stack).toMatch(/^QueryFailedError: .*\n\s+at /);
      expect(Object.keys(line.err ?? {}).filter((key) => !SERIALIZED_ERROR_KEYS.has(key))).toEqual([]);
    }
  });
});
