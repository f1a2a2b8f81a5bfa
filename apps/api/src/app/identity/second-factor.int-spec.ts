import type {
  ApiError,
  AuditEntryView,
  CurrentUser,
  LoginResponse,
  Page,
  RecoveryCodes,
  SecondFactorChallenge,
  SecondFactorLoginResponse,
  SecondFactorStatus,
  TotpEnrolment,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import { SECOND_FACTOR, SIGN_IN_LIMITS } from '@passerelle/shared/domain';
import { createApp } from '@api/platform/create-app';
import { FixedClock } from '@api/platform/clock';
import { type TestApp, refreshCookieOf, startTestApp, testConfig } from '@api/testing/test-app';
import { totpCode } from './totp';

type LoginOutcome = LoginResponse | SecondFactorChallenge;

/** Sign-in steps of one account against one app, with the app's clock moved a step per code. */
function signIn(t: TestApp) {
  const password = (username: string, password = 'demo') =>
    t.request<LoginOutcome>('POST', '/api/auth/login', { body: { username, password } });
  const challenge = async (username: string): Promise<SecondFactorChallenge> => {
    const answer = await password(username);
    expect(answer.status).toBe(200);
    expect(refreshCookieOf(answer.headers)).toBeNull();
    return answer.body as SecondFactorChallenge;
  };
  const code = (challenge: string, code: string) =>
    t.request<SecondFactorLoginResponse>('POST', '/api/auth/login/second-factor', {
      body: { challenge, code },
    });
  /** The next time step: a new code of the app. */
  const nextStep = () => t.clock.set(new Date(t.clock.now().getTime() + SECOND_FACTOR.periodSeconds * 1000));
  return { password, challenge, code, nextStep };
}

const userId = async (t: TestApp, username: string): Promise<string> => {
  const [row] = (await t.dataSource.query('SELECT id FROM app_user WHERE username = $1', [username])) as {
    id: string;
  }[];
  return row?.id ?? '';
};

describe('second factor (TOTP), in demo mode: chosen, not required', () => {
  let t: TestApp;
  let steps: ReturnType<typeof signIn>;

  beforeAll(async () => {
    t = await startTestApp();
    steps = signIn(t);
  });

  afterAll(async () => {
    await t.close();
  });

  /** Enrols `username` from its own page once signed in: the secret and the recovery codes. */
  async function enrol(username: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const session = await t.login(username);
    const started = await t.request<TotpEnrolment>('POST', '/api/auth/second-factor/enrolment', {
      token: session.accessToken,
    });
    expect(started.status).toBe(200);
    const confirmed = await t.request<RecoveryCodes>('POST', '/api/auth/second-factor/enrolment/confirm', {
      token: session.accessToken,
      body: { code: totpCode(started.body.secret, t.clock.now()) },
    });
    expect(confirmed.status).toBe(200);
    return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  it('enrols a signed-in user: a secret, its otpauth URI and QR code, a first code, ten recovery codes', async () => {
    const session = await t.login('orthez.ts');
    const before = await t.request<SecondFactorStatus>('GET', '/api/auth/second-factor', {
      token: session.accessToken,
    });
    expect(before.body).toEqual({ enrolled: false, required: false, recoveryCodesLeft: 0 });
    const started = await t.request<TotpEnrolment>('POST', '/api/auth/second-factor/enrolment', {
      token: session.accessToken,
    });
    expect(started.status).toBe(200);
    const { secret } = started.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toBe(
      `otpauth://totp/Passerelle:orthez.ts?issuer=Passerelle&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(started.body.qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);

    // Until its first code, the secret is asked nowhere.
    expect((await steps.password('orthez.ts')).body).toHaveProperty('accessToken');

    const wrong = await t.request<ApiError>('POST', '/api/auth/second-factor/enrolment/confirm', {
      token: session.accessToken,
      body: { code: totpCode(secret, new Date(t.clock.now().getTime() - 5 * 60_000)) },
    });
    expect(wrong.status).toBe(400);
    const confirmed = await t.request<RecoveryCodes>('POST', '/api/auth/second-factor/enrolment/confirm', {
      token: session.accessToken,
      body: { code: totpCode(secret, t.clock.now()) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    const after = await t.request<SecondFactorStatus>('GET', '/api/auth/second-factor', {
      token: session.accessToken,
    });
    expect(after.body).toEqual({ enrolled: true, required: false, recoveryCodesLeft: 10 });
    // Once on, a second enrolment is refused: only the coordinator's reset removes it.
    expect(
      (await t.request('POST', '/api/auth/second-factor/enrolment', { token: session.accessToken })).status,
    ).toBe(409);

    // At rest: the secret sealed (never its text), the recovery codes as hashes.
    const [stored] = (await t.dataSource.query(
      `SELECT f.sealed_secret, array_agg(r.code_hash) AS hashes FROM second_factor f
         JOIN recovery_code r ON r.user_id = f.user_id WHERE f.user_id = $1 GROUP BY f.sealed_secret`,
      [await userId(t, 'orthez.ts')],
    )) as { sealed_secret: Buffer; hashes: string[] }[];
    expect(stored?.sealed_secret.toString('latin1')).not.toContain(secret);
    expect(stored?.hashes).toHaveLength(10);
    for (const code of confirmed.body.recoveryCodes)
      expect(stored?.hashes.join()).not.toContain(code.replaceAll('-', ''));
  });

  it('asks the code after the password, and a code of the app works once', async () => {
    const { secret } = await enrol('sdsei.ts');
    steps.nextStep();
    const challenge = await steps.challenge('sdsei.ts');
    expect(challenge).toEqual({
      secondFactor: 'TOTP',
      challenge: expect.stringMatching(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    expect(challenge).not.toHaveProperty('accessToken');
    const code = totpCode(secret, t.clock.now());
    const signedIn = await steps.code(challenge.challenge, code);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.username).toBe('sdsei.ts');
    expect(signedIn.body).not.toHaveProperty('recoveryCodes');
    expect(refreshCookieOf(signedIn.headers)).toMatch(/^[0-9a-f-]{36}\./);
    const me = await t.request<CurrentUser>('GET', '/api/auth/me', { token: signedIn.body.accessToken });
    expect(me.status).toBe(200);

    // The challenge is spent; the same code on a new challenge is refused, so is the previous step's.
    expect((await steps.code(challenge.challenge, code)).status).toBe(401);
    const again = await steps.challenge('sdsei.ts');
    expect((await steps.code(again.challenge, code)).status).toBe(401);
    const previous = totpCode(secret, new Date(t.clock.now().getTime() - SECOND_FACTOR.periodSeconds * 1000));
    expect((await steps.code(again.challenge, previous)).status).toBe(401);
    // The next step's code works, on the same challenge (a mistyped code does not spend it).
    steps.nextStep();
    expect((await steps.code(again.challenge, totpCode(secret, t.clock.now()))).status).toBe(200);
  });

  it('takes a recovery code in place of a code of the app, once', async () => {
    const { recoveryCodes } = await enrol('orthez.accueil');
    const [first = '', second = ''] = recoveryCodes;
    const challenge = await steps.challenge('orthez.accueil');
    // Typed as people type them: lower case, spaces for dashes.
    const signedIn = await steps.code(challenge.challenge, first.toLowerCase().replaceAll('-', ' '));
    expect(signedIn.status).toBe(200);
    const status = await t.request<SecondFactorStatus>('GET', '/api/auth/second-factor', {
      token: signedIn.body.accessToken,
    });
    expect(status.body.recoveryCodesLeft).toBe(9);
    // The challenge went with the sign-in: another good code cannot reuse it.
    expect((await steps.code(challenge.challenge, second)).status).toBe(401);
    const again = await steps.challenge('orthez.accueil');
    expect((await steps.code(again.challenge, first)).status).toBe(401);
    expect((await steps.code(again.challenge, second)).status).toBe(200);
  });

  it('refuses a challenge that is malformed, unknown, tampered with or expired, and bad input', async () => {
    const { secret } = await enrol('monein.relais');
    const code = () => totpCode(secret, t.clock.now());
    for (const bad of [
      'x',
      '00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ])
      expect((await steps.code(bad, code())).status).toBe(401);
    const challenge = await steps.challenge('monein.relais');
    const [id, secretPart = ''] = challenge.challenge.split('.');
    const flipped = `${id}.${secretPart.startsWith('A') ? 'B' : 'A'}${secretPart.slice(1)}`;
    expect((await steps.code(flipped, code())).status).toBe(401);
    await t.dataSource.query(
      `UPDATE sign_in_challenge SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const expired = await steps.code(challenge.challenge, code());
    expect(expired.status).toBe(401);
    expect((expired.body as unknown as ApiError).message).toBe(
      'This sign-in has expired: sign in again with your password',
    );
    // Bad input is a 400 that changes nothing.
    const fresh = await steps.challenge('monein.relais');
    for (const body of [
      { challenge: fresh.challenge },
      { challenge: fresh.challenge, code: 123456 },
      { code: code() },
    ])
      expect((await t.request('POST', '/api/auth/login/second-factor', { body })).status).toBe(400);
    steps.nextStep();
    expect((await steps.code(fresh.challenge, code())).status).toBe(200);
  });

  it('lets the coordinator reset a second factor: audited, the sessions end, the password alone signs in', async () => {
    const { secret } = await enrol('lagor.relais');
    steps.nextStep();
    const challenge = await steps.challenge('lagor.relais');
    const session = await steps.code(challenge.challenge, totpCode(secret, t.clock.now()));
    const refreshToken = refreshCookieOf(session.headers) ?? '';
    const id = await userId(t, 'lagor.relais');
    const coordinator = (await t.login('cclo.coordination')).accessToken;

    const agent = (await t.login('mourenx.agent')).accessToken;
    expect(
      (await t.request('PATCH', `/api/users/${id}`, { token: agent, body: { resetSecondFactor: true } }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.request('PATCH', `/api/users/${id}`, {
          token: coordinator,
          body: { resetSecondFactor: 'yes' },
        })
      ).status,
    ).toBe(400);
    const listed = await t.request<Page<UserWithActivationCode['user']>>('GET', '/api/users?pageSize=100', {
      token: coordinator,
    });
    expect(listed.body.items.find((user) => user.username === 'lagor.relais')?.secondFactor).toBe(true);

    const reset = await t.request<UserWithActivationCode>('PATCH', `/api/users/${id}`, {
      token: coordinator,
      body: { resetSecondFactor: true },
      headers: { 'x-request-id': 'second-factor-reset' },
    });
    expect(reset.status).toBe(200);
    expect(reset.body.user.secondFactor).toBe(false);
    expect(reset.body).not.toHaveProperty('activationCode');
    expect((await t.request('GET', '/api/auth/me', { token: session.body.accessToken })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/refresh', { headers: t.sessionHeaders(refreshToken) })).status,
    ).toBe(401);
    expect((await steps.password('lagor.relais')).body).toHaveProperty('accessToken');

    const log = await t.request<Page<AuditEntryView>>('GET', `/api/audit-entries?targetId=${id}`, {
      token: coordinator,
    });
    expect(log.body.items.find((entry) => entry.requestId === 'second-factor-reset')).toMatchObject({
      username: 'cclo.coordination',
      action: 'ADMIN',
      route: 'PATCH /api/users/:id',
      changedFields: [{ field: 'secondFactor', from: true, to: false }],
    });
    // The user's own enrolment is in the log too, never with the secret or a code.
    expect(log.body.items.find((entry) => entry.username === 'lagor.relais')).toMatchObject({
      changedFields: [{ field: 'secondFactor', from: false, to: true }],
    });
    expect(JSON.stringify(log.body)).not.toContain(secret);
  });

  it('answers 409, not 500, when the key that sealed a secret is no longer configured', async () => {
    const { secret } = await enrol('office64.bailleur');
    const rotated = await createApp(
      testConfig(t.database, { documentsKey: Buffer.alloc(32, 9), documentsPreviousKeys: [] }),
      { clock: new FixedClock(t.clock.now()) },
    );
    await rotated.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(rotated.getHttpServer().address() as { port: number }).port}`;
      const challenge = await steps.challenge('office64.bailleur');
      const answer = await fetch(`${url}/api/auth/login/second-factor`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          challenge: challenge.challenge,
          code: totpCode(secret, new Date(t.clock.now().getTime() + SECOND_FACTOR.periodSeconds * 1000)),
        }),
      });
      expect(answer.status).toBe(409);
      const [pending] = (await t.dataSource.query(
        'SELECT count(*)::int AS n FROM sign_in_attempt WHERE account = $1',
        [await userId(t, 'office64.bailleur')],
      )) as { n: number }[];
      expect(pending?.n).toBe(0);
    } finally {
      await rotated.close();
    }
  });

  it('works across two instances on one database: a challenge of one is answered on the other, once', async () => {
    const { secret } = await enrol('bearnaise.bailleur');
    const clock = new FixedClock(t.clock.now());
    const other = await createApp(testConfig(t.database), { clock });
    await other.listen(0, '127.0.0.1');
    try {
      const otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}`;
      const onOther = (body: object) =>
        fetch(`${otherUrl}/api/auth/login/second-factor`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      steps.nextStep();
      clock.set(t.clock.now());
      const code = totpCode(secret, t.clock.now());
      const challenge = await steps.challenge('bearnaise.bailleur');
      expect((await onOther({ challenge: challenge.challenge, code })).status).toBe(200);
      expect((await steps.code(challenge.challenge, code)).status).toBe(401);
      const again = await steps.challenge('bearnaise.bailleur');
      expect((await steps.code(again.challenge, code)).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('second factor required of some roles (SECOND_FACTOR_ROLES)', () => {
  let t: TestApp;
  let steps: ReturnType<typeof signIn>;

  beforeAll(async () => {
    t = await startTestApp({ secondFactorRoles: ['SOCIAL_WORKER', 'COORDINATOR'] });
    steps = signIn(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('makes an account of such a role enrol before it gets tokens; others sign in with the password', async () => {
    expect((await steps.password('mourenx.agent')).body).toHaveProperty('accessToken');
    const challenge = await steps.challenge('orthez.ts');
    expect(challenge.secondFactor).toBe('ENROL');
    // No code to check before the enrolment has started.
    expect((await steps.code(challenge.challenge, '123456')).status).toBe(409);
    const enrolment = await t.request<TotpEnrolment>('POST', '/api/auth/login/second-factor/enrolment', {
      body: { challenge: challenge.challenge },
    });
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.otpauthUri).toContain(`secret=${enrolment.body.secret}`);
    const wrong = await steps.code(challenge.challenge, totpCode(enrolment.body.secret, new Date(0)));
    expect(wrong.status).toBe(401);
    const signedIn = await steps.code(challenge.challenge, totpCode(enrolment.body.secret, t.clock.now()));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.recoveryCodes).toHaveLength(10);
    expect(refreshCookieOf(signedIn.headers)).toMatch(/^[0-9a-f-]{36}\./);
    const status = await t.request<SecondFactorStatus>('GET', '/api/auth/second-factor', {
      token: signedIn.body.accessToken,
    });
    expect(status.body).toEqual({ enrolled: true, required: true, recoveryCodesLeft: 10 });

    // From now on, the code of the app; an enrolment by the challenge is refused.
    const next = await steps.challenge('orthez.ts');
    expect(next.secondFactor).toBe('TOTP');
    expect(
      (
        await t.request('POST', '/api/auth/login/second-factor/enrolment', {
          body: { challenge: next.challenge },
        })
      ).status,
    ).toBe(409);
    expect(
      (await t.request('POST', '/api/auth/login/second-factor/enrolment', { body: { challenge: 'nope' } }))
        .status,
    ).toBe(401);
  });

  it('counts wrong codes like wrong passwords: past the limit, 429 even for the right code', async () => {
    const challenge = await steps.challenge('sdsei.ts');
    const enrolment = await t.request<TotpEnrolment>('POST', '/api/auth/login/second-factor/enrolment', {
      body: { challenge: challenge.challenge },
    });
    const right = () => totpCode(enrolment.body.secret, t.clock.now());
    const wrong = String((Number(right()) + 1) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAccount; i++)
      expect((await steps.code(challenge.challenge, wrong)).status).toBe(401);
    const limited = await steps.code(challenge.challenge, right());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The password too: one count for the account.
    expect((await steps.password('sdsei.ts')).status).toBe(429);
  });
});
