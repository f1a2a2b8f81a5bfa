import { createHmac } from 'node:crypto';
import type {
  ApiError,
  LoginResponse,
  OrganizationView,
  UserWithActivationCode,
} from '@passerelle/shared/domain';
import { DEMO_TOKEN_SECRET, loadConfig } from '@api/platform/config/config';
import { type TestApp, type TestResponse, startTestApp } from '@api/testing/test-app';
import { SignInFailuresJob } from './sign-in-failures.job';

/** How the limits count a name that names no account: keyed with the app's token secret. */
const keyed = (value: string): string => createHmac('sha256', DEMO_TOKEN_SECRET).update(value).digest('hex');

describe('sign-in limits', () => {
  let t: TestApp;
  // Every test request comes from 127.0.0.1, trusted here as the proxy: each test names its own
  // client addresses in X-Forwarded-For, so that one test's failures do not count in another's.
  const login = (username: string, password: string, from: string) =>
    t.request<LoginResponse>('POST', '/api/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': from },
    });
  const statuses = (answers: TestResponse[]) => answers.map((answer) => answer.status);
  const userId = async (username: string) =>
    (
      await t.dataSource.query<{ id: string }[]>('SELECT id FROM app_user WHERE username = $1', [username])
    )[0]!.id;
  const attempts = async (account: string) =>
    (
      await t.dataSource.query<{ address: string; familiar: boolean }[]>(
        'SELECT address, familiar FROM sign_in_attempt WHERE account = $1 ORDER BY at',
        [account],
      )
    ).map((row) => [row.address, row.familiar]);
  const expectLimited = (answer: TestResponse) => {
    expect(answer.status).toBe(429);
    expect((answer.body as ApiError).error).toBe('Too Many Requests');
    const wait = Number(answer.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(15 * 60);
  };

  beforeAll(async () => {
    t = await startTestApp({ trustProxy: ['127.0.0.1'] });
  });

  afterAll(async () => {
    await t.close();
  });

  it('counts the spelling variants of a username as one account', async () => {
    const from = '198.51.100.1';
    for (const typed of [
      ' orthez.accueil',
      'orthez.accueil ',
      'Orthez.Accueil',
      '\torthez.accueil\n',
      'ORTHEZ.accueil',
    ])
      expect((await login(typed, 'wrong', from)).status).toBe(401);
    expectLimited(await login('orthez.accueil', 'demo', from));
    expect(await attempts(await userId('orthez.accueil'))).toHaveLength(5);

    // A name that names no account: composed and decomposed accents are one name too.
    for (const typed of [
      'h\u00e9l\u00e8ne.inconnue',
      'he\u0301le\u0300ne.inconnue',
      ' H\u00c9L\u00c8NE.INCONNUE',
      'HE\u0301LE\u0300NE.inconnue',
      'hélène.inconnue',
    ])
      expect((await login(typed, 'wrong', from)).status).toBe(401);
    expectLimited(await login('H\u00e9l\u00e8ne.Inconnue', 'wrong', from));
  });

  it('keeps a free string typed as a username out of the database', async () => {
    await login('  Mon-Mot-De-Passe-Secret ', 'wrong', '198.51.100.2');
    const rows = await t.dataSource.query<{ account: string }[]>(
      `SELECT account FROM sign_in_attempt WHERE address = '198.51.100.2'`,
    );
    expect(rows).toEqual([{ account: keyed('mon-mot-de-passe-secret') }]);
  });

  it('answers 400 to a username that is no name, and counts nothing', async () => {
    for (const username of ['', '   ', 42, null, 'x'.repeat(129)]) {
      const answer = await t.request<ApiError>('POST', '/api/auth/login', {
        body: { username, password: 'wrong' },
        headers: { 'x-forwarded-for': '198.51.100.3' },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.details?.[0]?.field).toBe('username');
    }
    expect(await t.dataSource.query(`SELECT 1 FROM sign_in_attempt WHERE address = '198.51.100.3'`)).toEqual(
      [],
    );
  });

  it('gives 50 parallel wrong guesses on one account five 401s, and 429 with Retry-After to the rest', async () => {
    const variants = ['mourenx.agent', ' mourenx.agent', 'Mourenx.Agent', 'MOURENX.AGENT '];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        login(variants[i % variants.length]!, `guess-${i}`, '198.51.100.4'),
      ),
    );
    expect(statuses(answers).filter((status) => status === 401)).toHaveLength(5);
    expect(statuses(answers).filter((status) => status === 429)).toHaveLength(45);
    for (const answer of answers.filter((a) => a.status === 429)) expectLimited(answer);
    expect(await attempts(await userId('mourenx.agent'))).toHaveLength(5);
    expectLimited(await login('mourenx.agent', 'demo', '198.51.100.4'));
  });

  it('gives 50 parallel wrong guesses on 50 names from one address twenty 401s, and 429 to the rest', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(`inconnu.parallele${i}`, 'wrong', '198.51.100.5')),
    );
    expect(statuses(answers).filter((status) => status === 401)).toHaveLength(20);
    expect(statuses(answers).filter((status) => status === 429)).toHaveLength(30);
    for (const answer of answers.filter((a) => a.status === 429)) expectLimited(answer);
  });

  it('answers 429 after twenty failures from one address, whatever the account, and not elsewhere', async () => {
    for (let i = 0; i < 20; i++)
      expect((await login(`inconnu${i}`, 'wrong', '198.51.100.6')).status).toBe(401);
    expectLimited(await login('office64.bailleur', 'demo', '198.51.100.6'));
    expect((await login('office64.bailleur', 'demo', '198.51.100.7')).status).toBe(200);
  });

  it('counts an IPv6 client by its /64 network', async () => {
    for (let i = 1; i <= 20; i++)
      expect((await login(`inconnu.v6.${i}`, 'wrong', `2001:db8:6:1::${i.toString(16)}`)).status).toBe(401);
    expectLimited(await login('inconnu.v6.autre', 'wrong', '2001:db8:6:1:ffff:ffff:ffff:ffff'));
    expectLimited(await login('inconnu.v6.autre', 'wrong', '2001:0db8:0006:0001::abcd'));
    expect((await login('inconnu.v6.autre', 'wrong', '2001:db8:6:2::1')).status).toBe(401);
  });

  it('counts an IPv4 client written IPv4-mapped as itself', async () => {
    for (let i = 0; i < 10; i++) await login(`inconnu.mappe${i}`, 'wrong', '198.51.100.8');
    for (let i = 10; i < 20; i++) await login(`inconnu.mappe${i}`, 'wrong', '::ffff:198.51.100.8');
    expectLimited(await login('inconnu.mappe.autre', 'wrong', '198.51.100.8'));
  });

  it('never counts successes against anyone', async () => {
    for (let i = 0; i < 8; i++) expect((await login('orthez.ts', 'demo', '198.51.100.9')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login('orthez.ts', 'wrong', '198.51.100.9')).status).toBe(401);
    expectLimited(await login('orthez.ts', 'demo', '198.51.100.9'));
  });

  it('lets parallel sign-ins that succeed all through: an attempt being checked holds the others back, it does not refuse them', async () => {
    // More at once, one account from one address, than the limits of both while they are checked.
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => login('cclo.coordination', 'demo', '198.51.100.40')),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 24 }, () => 200));
    expect(await attempts(await userId('cclo.coordination'))).toEqual([]);
  });

  it('keeps the user signing in from an address they know while others guess elsewhere, until the window passes', async () => {
    const account = await userId('lagor.relais');
    const home = '203.0.113.10';
    const [stranger, otherStranger] = ['198.51.100.10', '198.51.100.11'];
    // The town hall's address becomes familiar to the account with a successful sign-in.
    expect((await login('lagor.relais', 'demo', home)).status).toBe(200);

    for (let i = 0; i < 5; i++) expect((await login('lagor.relais', 'wrong', stranger)).status).toBe(401);
    // Elsewhere the account is limited, even with the right password, from any unfamiliar address…
    expectLimited(await login('lagor.relais', 'demo', stranger));
    expectLimited(await login('lagor.relais', 'demo', otherStranger));
    // … but not where its user works.
    expect((await login('lagor.relais', 'demo', home)).status).toBe(200);

    // Failures from the familiar address count on their own, with the same limit.
    for (let i = 0; i < 5; i++) expect((await login(' Lagor.Relais', 'wrong', home)).status).toBe(401);
    expectLimited(await login('lagor.relais', 'demo', home));
    expect(await attempts(account)).toEqual([
      ...Array.from({ length: 5 }, () => [stranger, false]),
      ...Array.from({ length: 5 }, () => [home, true]),
    ]);

    // The window passes: failures older than 15 minutes no longer count.
    await t.dataSource.query(
      `UPDATE sign_in_attempt SET at = at - interval '16 minutes' WHERE account = $1`,
      [account],
    );
    expect((await login('lagor.relais', 'demo', stranger)).status).toBe(200);
    expect((await login('lagor.relais', 'demo', home)).status).toBe(200);
  });

  it('limits an unknown name as it limits an account from an unfamiliar address', async () => {
    const from = '198.51.100.12';
    for (const username of ['monein.relais', 'personne.inconnue']) {
      for (let i = 0; i < 5; i++) expect((await login(username, 'wrong', from)).status).toBe(401);
    }
    const known = await login('monein.relais', 'demo', '198.51.100.13');
    const unknown = await login('personne.inconnue', 'demo', '198.51.100.13');
    expectLimited(known);
    expectLimited(unknown);
    expect(known.body).toEqual(unknown.body);
  });

  it('forgets a familiar address the account has not signed in from for 30 days', async () => {
    const account = await userId('bearnaise.bailleur');
    const home = '203.0.113.14';
    expect((await login('bearnaise.bailleur', 'demo', home)).status).toBe(200);
    await t.dataSource.query(
      `UPDATE sign_in_familiar_address SET last_signed_in_at = now() - interval '31 days' WHERE user_id = $1`,
      [account],
    );
    for (let i = 0; i < 5; i++)
      expect((await login('bearnaise.bailleur', 'wrong', '198.51.100.14')).status).toBe(401);
    expectLimited(await login('bearnaise.bailleur', 'demo', home));
  });

  it('counts wrong activation codes, whatever the username spelling, with the failed sign-ins of the account', async () => {
    const coordinator = (await t.login('cclo.coordination')).accessToken;
    const organizations = (
      await t.request<OrganizationView[]>('GET', '/api/organizations', { token: coordinator })
    ).body;
    const created = await t.request<UserWithActivationCode>('POST', '/api/users', {
      token: coordinator,
      body: {
        username: ' Artix.Accueil ',
        displayName: 'Paul Lacoste',
        role: 'RELAY_CLERK',
        organizationId: organizations.find((o) => o.name === "Mairie d'Artix")!.id,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.user.username).toBe('artix.accueil');
    const code = created.body.activationCode!;
    const from = '198.51.100.15';
    const activate = (username: string, activationCode: string, password = 'un mot de passe solide') =>
      t.request('POST', '/api/auth/activate', {
        body: { username, activationCode, password },
        headers: { 'x-forwarded-for': from },
      });
    // A password too short is no failure: it counts for nothing.
    for (let i = 0; i < 6; i++) expect((await activate('artix.accueil', code, 'court')).status).toBe(400);
    for (const typed of ['ARTIX.ACCUEIL', ' artix.accueil'])
      expect((await activate(typed, 'AAAA-BBBB-CCCC')).status).toBe(400);
    for (let i = 0; i < 3; i++) expect((await login('Artix.Accueil', 'wrong', from)).status).toBe(401);
    expectLimited(await activate(' Artix.Accueil', code));
    expect((await activate('artix.accueil', code, 'court')).status).toBe(429);
  });

  it('forgets, hourly, the failures older than a day and the addresses unused for 30 days, and those only', async () => {
    const account = await userId('sdsei.ts');
    await t.dataSource.query(
      `INSERT INTO sign_in_attempt (account, address, familiar, at)
       VALUES ($1, '10.0.0.9', false, now() - interval '25 hours'), ($1, '10.0.0.9', false, now() - interval '23 hours')`,
      [account],
    );
    await t.dataSource.query(
      `INSERT INTO sign_in_familiar_address (user_id, address, last_signed_in_at)
       VALUES ($1, '10.0.0.9', now() - interval '31 days'), ($1, '10.0.0.10', now() - interval '29 days')`,
      [account],
    );
    const count = async () =>
      (
        await t.dataSource.query<{ attempts: number; addresses: number }[]>(
          `SELECT (SELECT count(*) FROM sign_in_attempt WHERE account = $1::text)::int AS attempts,
                  (SELECT count(*) FROM sign_in_familiar_address WHERE user_id = $1::uuid)::int AS addresses`,
          [account],
        )
      )[0];
    expect(await count()).toEqual({ attempts: 2, addresses: 2 });
    expect(await t.app.get(SignInFailuresJob).run()).toBeGreaterThanOrEqual(2);
    expect(await count()).toEqual({ attempts: 1, addresses: 1 });
    expect(await t.app.get(SignInFailuresJob).run()).toBe(0);
  });
});

describe('the client address the sign-in limits count by', () => {
  const spoofed = '198.51.100.99';
  const proxied = '203.0.113.7';
  /** Starts the app with TRUST_PROXY read as at boot; the test's peer is 127.0.0.1. */
  const addressUsed = async (trustProxy: string | undefined): Promise<string> => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://unused',
      PASSERELLE_MODE: 'demo',
      TRUST_PROXY: trustProxy,
    });
    const t = await startTestApp({ trustProxy: config.trustProxy });
    try {
      const answer = await t.request('POST', '/api/auth/login', {
        body: { username: 'personne', password: 'wrong' },
        // What a client sent (spoofed), then what the proxy in front appended (its peer's address).
        headers: { 'x-forwarded-for': `${spoofed}, ${proxied}` },
      });
      expect(answer.status).toBe(401);
      const rows = await t.dataSource.query<{ address: string }[]>('SELECT address FROM sign_in_attempt');
      expect(rows).toHaveLength(1);
      return rows[0]!.address;
    } finally {
      await t.close();
    }
  };

  it('is the address the one proxy in front saw, with a hop count of 1', async () => {
    expect(await addressUsed('1')).toBe(proxied);
  });

  it('is the address the listed proxies saw, when the peer is one of them', async () => {
    expect(await addressUsed('127.0.0.0/8, 10.0.0.0/8')).toBe(proxied);
  });

  it('is the peer itself, spoofed header ignored, when the peer is no listed proxy', async () => {
    expect(await addressUsed('10.0.0.0/8')).toBe('127.0.0.1');
  });

  it('is the peer itself by default', async () => {
    expect(await addressUsed(undefined)).toBe('127.0.0.1');
  });
});
