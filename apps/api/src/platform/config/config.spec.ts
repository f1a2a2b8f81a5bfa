import { randomBytes } from 'node:crypto';
import { ConfigError, DEMO_DOCUMENTS_KEY, DEMO_TOKEN_SECRET, loadConfig } from './config';

const DB = 'postgres://u:p@localhost:5432/db';

describe('loadConfig', () => {
  it('names every bad or missing variable at once', () => {
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('DATABASE_URL is required');
      expect(message).toContain('PORT must be an integer');
      expect(message).toContain('LOG_LEVEL must be one of');
      expect(message).toContain('TOKEN_SECRET is required in production');
    }
  });

  it('refuses the demo secret or a short secret in production', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, TOKEN_SECRET: DEMO_TOKEN_SECRET })).toThrow(/demo secret/);
    expect(() => loadConfig({ DATABASE_URL: DB, TOKEN_SECRET: 'x'.repeat(40) })).toThrow(
      /DOCUMENTS_KEY is required/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: DB, TOKEN_SECRET: 'x'.repeat(40), DOCUMENTS_KEY: 'c2hvcnQ=' }),
    ).toThrow(/32 bytes/);
    expect(() => loadConfig({ DATABASE_URL: DB, TOKEN_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('uses the demo secret and demo defaults outside production', () => {
    const config = loadConfig({ DATABASE_URL: DB, PASSERELLE_MODE: 'demo' });
    expect(config.tokenSecret).toBe(DEMO_TOKEN_SECRET);
    expect(config.port).toBe(3000);
    expect(config.demoPassword).toBe('demo');
    expect(config.firstCoordinator).toBeNull();
    expect(config.workers).toBe(1);
  });

  it('reads the number of API processes, 1 to 32', () => {
    const demo = { DATABASE_URL: DB, PASSERELLE_MODE: 'demo' };
    expect(loadConfig({ ...demo, API_WORKERS: '2' }).workers).toBe(2);
    for (const bad of ['0', '33', 'two', '1.5'])
      expect(() => loadConfig({ ...demo, API_WORKERS: bad })).toThrow(/API_WORKERS must be an integer/);
  });

  it('serves the OpenAPI pages outside production, and in production only with API_DOCS=true', () => {
    const production = { DATABASE_URL: DB, TOKEN_SECRET: 'x'.repeat(40), DOCUMENTS_KEY: 'ab'.repeat(32) };
    expect(loadConfig(production).apiDocs).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ DATABASE_URL: DB, PASSERELLE_MODE: 'demo' }).apiDocs).toBe(true);
    expect(loadConfig({ DATABASE_URL: DB, PASSERELLE_MODE: 'demo', API_DOCS: 'false' }).apiDocs).toBe(false);
    for (const bad of ['yes', 'on', 'TRUE'])
      expect(() => loadConfig({ ...production, API_DOCS: bad })).toThrow(/API_DOCS must be true or false/);
  });

  it('reads the previous documents keys, each checked and named by its place, never by its value', () => {
    const current = randomBytes(32);
    const [first, second] = [randomBytes(32), randomBytes(32)];
    const production = {
      DATABASE_URL: DB,
      TOKEN_SECRET: 'x'.repeat(40),
      DOCUMENTS_KEY: current.toString('base64'),
    };
    expect(loadConfig(production).documentsPreviousKeys).toEqual([]);
    const config = loadConfig({
      ...production,
      DOCUMENTS_PREVIOUS_KEYS: ` ${first.toString('base64')} ,${second.toString('hex')}`,
    });
    expect(config.documentsKey.equals(current)).toBe(true);
    expect(config.documentsPreviousKeys.map((key) => key.toString('hex'))).toEqual([
      first.toString('hex'),
      second.toString('hex'),
    ]);
    expect(
      loadConfig({ ...production, DOCUMENTS_PREVIOUS_KEYS: first.toString('base64url') })
        .documentsPreviousKeys,
    ).toEqual([first]);

    const refused = (previous: string): string => {
      try {
        loadConfig({ ...production, DOCUMENTS_PREVIOUS_KEYS: previous });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        const message = (error as ConfigError).message;
        for (const key of [current, first, second])
          expect(message).not.toContain(key.toString('base64').slice(0, 12));
        return message;
      }
      throw new Error(`expected a ConfigError for DOCUMENTS_PREVIOUS_KEYS=${previous}`);
    };
    const short = randomBytes(16).toString('base64');
    expect(refused(`${first.toString('base64')},${short}`)).toContain(
      'DOCUMENTS_PREVIOUS_KEYS (key 2) must be 32 bytes',
    );
    expect(refused(`${first.toString('base64')},`)).toContain(
      'DOCUMENTS_PREVIOUS_KEYS (key 2) must be 32 bytes',
    );
    expect(refused(`${first.toString('base64')};${second.toString('base64')}`)).toContain(
      'DOCUMENTS_PREVIOUS_KEYS (key 1) must be 32 bytes',
    );
    expect(refused(`${first.toString('base64')}!`)).toContain(
      'DOCUMENTS_PREVIOUS_KEYS (key 1) must be 32 bytes',
    );
    expect(refused(current.toString('hex'))).toContain(
      'DOCUMENTS_PREVIOUS_KEYS (key 1) repeats DOCUMENTS_KEY',
    );
    expect(refused(`${first.toString('base64')},${first.toString('hex')}`)).toContain(
      'DOCUMENTS_PREVIOUS_KEYS (key 2) repeats',
    );
    expect(refused(DEMO_DOCUMENTS_KEY)).toContain('DOCUMENTS_PREVIOUS_KEYS (key 1) must not be the demo key');
    // Outside production the demo key may be a previous one (a demo rotated to a real key).
    expect(
      loadConfig({ ...production, PASSERELLE_MODE: 'demo', DOCUMENTS_PREVIOUS_KEYS: DEMO_DOCUMENTS_KEY })
        .documentsPreviousKeys,
    ).toHaveLength(1);
  });

  it('refuses a documents key that is not exactly 32 bytes of base64 or hex, and the demo key however written', () => {
    const production = { DATABASE_URL: DB, TOKEN_SECRET: 'x'.repeat(40) };
    const key = randomBytes(32);
    for (const bad of [`${key.toString('base64')}!`, `${key.toString('hex')}0`, 'not a key at all'])
      expect(() => loadConfig({ ...production, DOCUMENTS_KEY: bad })).toThrow(
        /DOCUMENTS_KEY must be 32 bytes/,
      );
    expect(() =>
      loadConfig({ ...production, DOCUMENTS_KEY: Buffer.from(DEMO_DOCUMENTS_KEY, 'base64').toString('hex') }),
    ).toThrow(/DOCUMENTS_KEY must not be the demo key/);
  });

  it('reads the first coordinator, both variables or none', () => {
    const base = { DATABASE_URL: DB, TOKEN_SECRET: 'x'.repeat(40), DOCUMENTS_KEY: 'ab'.repeat(32) };
    expect(() => loadConfig({ ...base, FIRST_COORDINATOR_USERNAME: 'admin' })).toThrow(/go together/);
    const config = loadConfig({
      ...base,
      FIRST_COORDINATOR_USERNAME: 'Admin',
      FIRST_COORDINATOR_PASSWORD: 'a-long-password',
    });
    expect(config.firstCoordinator).toEqual({
      username: 'admin',
      password: 'a-long-password',
      displayName: 'Coordination CCLO',
    });
  });
});
