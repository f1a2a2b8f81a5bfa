import { Writable } from 'node:stream';
import type {
  ApplicantFileView,
  CreatedApplicantFile,
  LoginResponse,
  OrganizationView,
  Page,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import { type TestApp, type TestResponse, startTestApp } from '@api/testing/test-app';

/** QUALITY.md, « secrets and logs »: what an ordinary day of work leaves in the logs. */

interface LogLine {
  level: number;
  time: number;
  msg?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
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
    const refreshed = await call<LoginResponse>('logs-spec-refresh', 'POST', '/api/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
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
      body: { refreshToken: refreshed.body.refreshToken },
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

    const tokens = [coordinator.body, login.body, refreshed.body].flatMap((tokens) => [
      tokens.accessToken,
      tokens.accessToken.split('.')[2]!,
      tokens.refreshToken,
      tokens.refreshToken.split('.')[1]!,
    ]);
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
});
