import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import {
  ConfigError,
  DEMO_DOCUMENTS_KEY,
  DEMO_TOKEN_SECRET,
  KNOWN_DOCUMENTS_KEYS,
  KNOWN_TOKEN_SECRETS,
  loadConfig,
} from './config';

const DB = 'postgres://u:p@localhost:5432/db';
const PUBLIC_URL = 'https://passerelle.example.org';
// Secrets made for the run: production refuses those the repository writes down.
const freshSecret = (): string => randomBytes(30).toString('base64url');
const freshKey = (): string => randomBytes(32).toString('base64');

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

  it('reads PUBLIC_URL, required in production and https there, without its trailing slash', () => {
    const production = {
      DATABASE_URL: DB,
      TOKEN_SECRET: freshSecret(),
      DOCUMENTS_KEY: freshKey(),
    };
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL is required in production/);
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://passerelle.example.org/' }).publicUrl).toBe(
      'https://passerelle.example.org',
    );
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://example.org/passerelle/' }).publicUrl).toBe(
      'https://example.org/passerelle',
    );
    expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://passerelle.example.org' })).toThrow(
      /PUBLIC_URL must be an https:\/\/ address in production/,
    );
    for (const bad of ['passerelle.example.org', 'ftp://x', 'https://a.org/?x=1', 'https://u:p@a.org'])
      expect(() => loadConfig({ ...production, PUBLIC_URL: bad })).toThrow(/PUBLIC_URL must be an http/);
    const demo = { DATABASE_URL: DB, PASSERELLE_MODE: 'demo' };
    expect(loadConfig(demo).publicUrl).toBeNull();
    expect(loadConfig({ ...demo, PUBLIC_URL: 'http://localhost:3000' }).publicUrl).toBe(
      'http://localhost:3000',
    );
  });

  it('refuses the test mode, which only the test harness may run', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, PASSERELLE_MODE: 'test' })).toThrow(
      /PASSERELLE_MODE=test exists only inside the test harness/,
    );
  });

  it('reads the owner role URL apart from the runtime one', () => {
    const config = loadConfig({
      DATABASE_URL: DB,
      MIGRATION_DATABASE_URL: 'postgres://owner:p@localhost:5432/db',
      PASSERELLE_MODE: 'demo',
    });
    expect(config.migrationDatabaseUrl).toBe('postgres://owner:p@localhost:5432/db');
    expect(loadConfig({ DATABASE_URL: DB, PASSERELLE_MODE: 'demo' }).migrationDatabaseUrl).toBeNull();
    expect(() =>
      loadConfig({ DATABASE_URL: DB, MIGRATION_DATABASE_URL: 'mysql://x', PASSERELLE_MODE: 'demo' }),
    ).toThrow(/MIGRATION_DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('refuses in production every secret and key the repository knows, however the key is spelled', () => {
    const production = {
      DATABASE_URL: DB,
      TOKEN_SECRET: 'k'.repeat(8) + 'ZrT9-q2!vLm#8wPe@4sXn6&bYc0HjD',
      DOCUMENTS_KEY: '',
    };
    for (const secret of KNOWN_TOKEN_SECRETS)
      expect(() =>
        loadConfig({ ...production, TOKEN_SECRET: secret, DOCUMENTS_KEY: 'Zm9v'.repeat(11) }),
      ).toThrow(/TOKEN_SECRET is the demo secret or one written in this repository/);
    const demoKeyHex = Buffer.from(DEMO_DOCUMENTS_KEY, 'base64').toString('hex');
    for (const key of [...KNOWN_DOCUMENTS_KEYS, demoKeyHex])
      expect(() => loadConfig({ ...production, DOCUMENTS_KEY: key })).toThrow(
        /DOCUMENTS_KEY is the demo key or one written in this repository/,
      );
  });

  it('knows every secret and key this repository sets', () => {
    // What a test, a tool, a compose file or a README sets as TOKEN_SECRET or DOCUMENTS_KEY.
    const root = join(__dirname, '../../../../..');
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((file) => /\.(ts|mjs|js|cjs|json|ya?ml|md|env|sh)$|Dockerfile/.test(file));
    const settings = [
      // NAME=value (environment files, shell, compose, README)
      /\b(TOKEN_SECRET|DOCUMENTS_KEY)=([^\s'"`$<{]{16,})/g,
      // name: 'value', name = "value" (code, JSON, YAML)
      /(TOKEN_SECRET|DOCUMENTS_KEY|tokenSecret|documentsKey)['"]?\s*[:=]\s*['"`]([^'"`\s$<{]{16,})['"`]/g,
    ];
    const found = new Map<string, string>();
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const setting of settings)
        for (const [, name, value] of text.matchAll(setting))
          if (name && value) found.set(`${name}=${value}`, file);
    }
    // The scan sees the demo secret where config.ts sets it.
    expect(found.get(`TOKEN_SECRET=${DEMO_TOKEN_SECRET}`)).toBe('apps/api/src/platform/config/config.ts');
    for (const [setting, file] of found) {
      const [name, value] = setting.split('=', 2) as [string, string];
      const known = /secret/i.test(name) ? KNOWN_TOKEN_SECRETS : KNOWN_DOCUMENTS_KEYS;
      expect([setting, file, known.includes(value)]).toEqual([setting, file, true]);
    }
  });

  it('refuses the demo secret or a short secret in production', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, TOKEN_SECRET: DEMO_TOKEN_SECRET })).toThrow(
      /TOKEN_SECRET is the demo secret/,
    );
    expect(() => loadConfig({ DATABASE_URL: DB, TOKEN_SECRET: freshSecret() })).toThrow(
      /DOCUMENTS_KEY is required/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: DB, TOKEN_SECRET: freshSecret(), DOCUMENTS_KEY: 'c2hvcnQ=' }),
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

  it('trusts X-Forwarded-For through a number of proxies or through listed proxies only, never blindly', () => {
    const demo = { DATABASE_URL: DB, PASSERELLE_MODE: 'demo' };
    const trust = (value: string) => loadConfig({ ...demo, TRUST_PROXY: value }).trustProxy;
    expect(loadConfig(demo).trustProxy).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.1')).toEqual(['10.0.0.1']);
    expect(trust('10.0.0.0/8, 192.168.1.7,2001:db8::/32 ,::1')).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '2001:db8::/32',
      '::1',
    ]);
    expect(trust('loopback,uniquelocal')).toEqual(['loopback', 'uniquelocal']);
    for (const bad of [
      'true',
      'TRUE',
      'yes',
      '11',
      '-1',
      '1.5',
      '0.0.0.0/0',
      '::/0',
      '10.0.0.0/33',
      '2001:db8::/129',
      '10.0.0.0/8,',
      '10.0.0.0/255.0.0.0',
      '10.0.0.256',
      'proxy.example',
      '1,10.0.0.1',
    ])
      expect(() => trust(bad)).toThrow(/TRUST_PROXY must be false, the number of proxies in front/);
  });

  it('writes JSON lines unless asked for readable ones, which production refuses', () => {
    const demo = { DATABASE_URL: DB, PASSERELLE_MODE: 'demo' };
    const production = {
      DATABASE_URL: DB,
      TOKEN_SECRET: freshSecret(),
      DOCUMENTS_KEY: freshKey(),
      PUBLIC_URL,
    };
    expect(loadConfig(demo).logFormat).toBe('json');
    expect(loadConfig({ ...demo, LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(loadConfig(production).logFormat).toBe('json');
    expect(loadConfig({ ...production, LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ ...production, LOG_FORMAT: 'pretty' })).toThrow(
      /LOG_FORMAT=pretty is for demo mode: production writes JSON lines/,
    );
    expect(() => loadConfig({ ...demo, LOG_FORMAT: 'text' })).toThrow(
      /LOG_FORMAT must be one of json, pretty/,
    );
  });

  it('requires a second factor of the roles that read sensitive data in production, of none in demo mode', () => {
    const production = {
      DATABASE_URL: DB,
      PUBLIC_URL,
      TOKEN_SECRET: freshSecret(),
      DOCUMENTS_KEY: freshKey(),
    };
    const demo = { DATABASE_URL: DB, PASSERELLE_MODE: 'demo' };
    expect(loadConfig(production).secondFactorRoles).toEqual([
      'INFO_POINT_AGENT',
      'SOCIAL_WORKER',
      'LANDLORD_OFFICER',
      'COORDINATOR',
    ]);
    expect(loadConfig(demo).secondFactorRoles).toEqual([]);
    expect(
      loadConfig({ ...demo, SECOND_FACTOR_ROLES: ' COORDINATOR, RELAY_CLERK' }).secondFactorRoles,
    ).toEqual(['RELAY_CLERK', 'COORDINATOR']);
    expect(
      loadConfig({
        ...production,
        SECOND_FACTOR_ROLES: 'RELAY_CLERK,INFO_POINT_AGENT,SOCIAL_WORKER,LANDLORD_OFFICER,COORDINATOR',
      }).secondFactorRoles,
    ).toHaveLength(5);
    expect(() => loadConfig({ ...production, SECOND_FACTOR_ROLES: 'COORDINATOR' })).toThrow(
      /SECOND_FACTOR_ROLES must include INFO_POINT_AGENT, SOCIAL_WORKER, LANDLORD_OFFICER in production/,
    );
    expect(() => loadConfig({ ...production, SECOND_FACTOR_ROLES: 'none' })).toThrow(
      /SECOND_FACTOR_ROLES=none is for demo mode/,
    );
    expect(() => loadConfig({ ...demo, SECOND_FACTOR_ROLES: 'COORDINATOR,ADMIN' })).toThrow(
      /SECOND_FACTOR_ROLES must be none or roles among .* \(got "ADMIN"\)/,
    );
  });

  it('serves the OpenAPI pages outside production, and in production only with API_DOCS=true', () => {
    const production = {
      DATABASE_URL: DB,
      PUBLIC_URL,
      TOKEN_SECRET: freshSecret(),
      DOCUMENTS_KEY: freshKey(),
    };
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
      PUBLIC_URL,
      TOKEN_SECRET: freshSecret(),
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
    expect(refused(DEMO_DOCUMENTS_KEY)).toContain(
      'DOCUMENTS_PREVIOUS_KEYS (key 1) must not be the demo key or one written in this repository',
    );
    // Outside production the demo key may be a previous one (a demo rotated to a real key).
    expect(
      loadConfig({ ...production, PASSERELLE_MODE: 'demo', DOCUMENTS_PREVIOUS_KEYS: DEMO_DOCUMENTS_KEY })
        .documentsPreviousKeys,
    ).toHaveLength(1);
  });

  it('refuses a documents key that is not exactly 32 bytes of base64 or hex, and the demo key however written', () => {
    const production = { DATABASE_URL: DB, TOKEN_SECRET: freshSecret() };
    const key = randomBytes(32);
    for (const bad of [`${key.toString('base64')}!`, `${key.toString('hex')}0`, 'not a key at all'])
      expect(() => loadConfig({ ...production, DOCUMENTS_KEY: bad })).toThrow(
        /DOCUMENTS_KEY must be 32 bytes/,
      );
    expect(() =>
      loadConfig({ ...production, DOCUMENTS_KEY: Buffer.from(DEMO_DOCUMENTS_KEY, 'base64').toString('hex') }),
    ).toThrow(/DOCUMENTS_KEY is the demo key/);
  });

  it('keeps the documents on disk unless DOCUMENTS_STORAGE=s3, and then reads the bucket, checked', () => {
    expect(loadConfig({ DATABASE_URL: DB, PASSERELLE_MODE: 'demo' }).documentsStorage).toEqual({
      kind: 'disk',
    });
    // The S3 variables alone change nothing.
    expect(
      loadConfig({ DATABASE_URL: DB, PASSERELLE_MODE: 'demo', S3_BUCKET: 'passerelle' }).documentsStorage,
    ).toEqual({ kind: 'disk' });
    const s3 = {
      DATABASE_URL: DB,
      PASSERELLE_MODE: 'demo',
      DOCUMENTS_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_REGION: 'eu-west-3',
      S3_BUCKET: 'passerelle-documents',
      S3_ACCESS_KEY_ID: 'minio-user',
      S3_SECRET_ACCESS_KEY: 'minio-password-0001',
      S3_FORCE_PATH_STYLE: 'true',
    };
    expect(loadConfig(s3).documentsStorage).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-3',
      bucket: 'passerelle-documents',
      credentials: { accessKeyId: 'minio-user', secretAccessKey: 'minio-password-0001' },
      forcePathStyle: true,
    });
    // AWS itself: no endpoint, the SDK's own credentials (an instance role), virtual-hosted style.
    expect(
      loadConfig({
        DATABASE_URL: DB,
        PASSERELLE_MODE: 'demo',
        DOCUMENTS_STORAGE: 's3',
        S3_REGION: 'eu-west-3',
        S3_BUCKET: 'passerelle',
      }).documentsStorage,
    ).toEqual({
      kind: 's3',
      endpoint: null,
      region: 'eu-west-3',
      bucket: 'passerelle',
      credentials: null,
      forcePathStyle: false,
    });

    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).message;
      }
    };
    expect(problems({ ...s3, DOCUMENTS_STORAGE: 'ftp' })).toContain(
      'DOCUMENTS_STORAGE must be one of disk, s3',
    );
    const missing = problems({ DATABASE_URL: DB, PASSERELLE_MODE: 'demo', DOCUMENTS_STORAGE: 's3' });
    expect(missing).toContain('S3_REGION is required with DOCUMENTS_STORAGE=s3');
    expect(missing).toContain('S3_BUCKET is required with DOCUMENTS_STORAGE=s3');
    const bad = problems({
      ...s3,
      S3_ENDPOINT: 'minio:9000',
      S3_BUCKET: 'Passerelle_Documents',
      S3_FORCE_PATH_STYLE: 'yes',
      S3_SECRET_ACCESS_KEY: '',
    });
    expect(bad).toContain('S3_ENDPOINT must be an http:// or https:// URL');
    expect(bad).toContain('S3_BUCKET must be a bucket name');
    expect(bad).toContain('S3_FORCE_PATH_STYLE must be true or false');
    expect(bad).toContain('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
    expect(bad).not.toContain('minio-user');
  });

  it('reads the first coordinator, both variables or none', () => {
    const base = { DATABASE_URL: DB, PUBLIC_URL, TOKEN_SECRET: freshSecret(), DOCUMENTS_KEY: freshKey() };
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

  it("reads the API's own certificate and key, both or none, and stops the start when they cannot serve", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-tls-'));
    try {
      const [pair, other] = await Promise.all(
        [1, 2].map(() => generate([{ name: 'commonName', value: 'passerelle.test' }], { keyType: 'ec' })),
      );
      const files: Record<string, string> = {
        cert: pair?.cert ?? '',
        key: pair?.private ?? '',
        otherKey: other?.private ?? '',
        notPem: 'not a certificate',
      };
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
      const production = {
        DATABASE_URL: DB,
        TOKEN_SECRET: freshSecret(),
        DOCUMENTS_KEY: freshKey(),
        PUBLIC_URL,
      };
      const tls = (cert?: string, key?: string) =>
        loadConfig({
          ...production,
          TLS_CERT_FILE: cert && join(dir, cert),
          TLS_KEY_FILE: key && join(dir, key),
        }).tls;

      expect(tls()).toBeNull();
      expect(tls('cert', 'key')).toEqual({
        cert: Buffer.from(files['cert'] ?? ''),
        key: Buffer.from(files['key'] ?? ''),
      });
      expect(() => tls('cert')).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE go together/);
      expect(() => tls(undefined, 'key')).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE go together/);
      expect(() => tls('missing', 'key')).toThrow(
        `TLS_CERT_FILE cannot be read (ENOENT: ${join(dir, 'missing')})`,
      );
      expect(() => tls('cert', 'missing')).toThrow(/TLS_KEY_FILE cannot be read \(ENOENT/);
      for (const [cert, key] of [
        ['cert', 'otherKey'],
        ['notPem', 'key'],
        ['cert', 'notPem'],
        ['key', 'cert'],
      ])
        expect(() => tls(cert, key)).toThrow(/must be a PEM certificate and its unencrypted private key/);
      // OpenSSL's reason is said, never the key.
      let message = '';
      try {
        tls('cert', 'otherKey');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/key values mismatch/);
      expect(message).not.toContain(files['otherKey']?.split('\n')[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
