import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { createSecureContext } from 'node:tls';
import {
  ROLES,
  type Role,
  SECOND_FACTOR_REQUIRED_ROLES,
  isCode,
  normaliseUsername,
} from '@passerelle/shared/domain';

/**
 * The whole configuration, read once from the environment and validated at boot: a bad or
 * missing variable stops the start with a message that names it.
 */
export type Mode = 'production' | 'demo' | 'test';

export interface AppConfig {
  mode: Mode;
  port: number;
  host: string;
  /** The runtime role's connection: no ownership, only the grants the API gives it after migrating. */
  databaseUrl: string;
  /** The owner's connection, for migrations, seeds and grants; null: `databaseUrl` does it (not in production). */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  backOfficeDir: string | null;
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  demoPassword: string;
  /** Fictitious files seeded in demo mode when there are none. */
  demoFileCount: number;
  firstCoordinator: { username: string; password: string; displayName: string } | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JSON lines (log collectors), or one readable line per event for a person at a terminal (demo only). */
  logFormat: 'json' | 'pretty';
  /**
   * Express's `trust proxy`: false (the peer is the client), the number of proxies in front, or
   * the proxies' addresses and CIDR ranges. Never `true`: any client could then name its address.
   */
  trustProxy: TrustProxy;
  bodyLimitBytes: number;
  /** AES-256 key of the documents at rest (32 bytes): seals new documents. */
  documentsKey: Buffer;
  /** Keys of before a rotation (32 bytes each): documents they sealed still open. */
  documentsPreviousKeys: Buffer[];
  /** Where the sealed documents live: under DATA_DIR, or in an S3-compatible bucket. */
  documentsStorage: DocumentsStorageConfig;
  /** API processes sharing the port (`node:cluster`); 1 runs the API in the started process. */
  workers: number;
  /** Serve `/api/docs` and `/api/docs-json`: on outside production, off in production unless asked. */
  apiDocs: boolean;
  /** The API's own HTTPS (TLS_CERT_FILE, TLS_KEY_FILE, PEM), read at start; null: plain HTTP, behind a proxy. */
  tls: { cert: Buffer; key: Buffer } | null;
  /**
   * Where users reach Passerelle (`https://passerelle.cc-lacqorthez.fr`), without a trailing slash:
   * the only `Origin` allowed to refresh or end a session, and the base of the URLs given to
   * ProConnect. Null outside production: the request's own origin is then the one allowed.
   */
  publicUrl: string | null;
  /** Roles whose password accounts must have a second factor before they get tokens. */
  secondFactorRoles: readonly Role[];
  /** ProConnect sign-in (OIDC_*); null: not offered. */
  proconnect: ProConnectConfig | null;
}

/** ProConnect's assurance levels, weakest first: OIDC_ACR names the weakest one accepted. */
export const PROCONNECT_ACR_LEVELS = ['eidas1', 'eidas2', 'eidas3'] as const;
export type ProConnectAcr = (typeof PROCONNECT_ACR_LEVELS)[number];

export interface ProConnectConfig {
  /** The discovery base (ProConnect's: `https://<domain>/api/v2`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The weakest `acr` accepted, checked on the server whatever the provider says it did. */
  acr: ProConnectAcr;
}

export type TrustProxy = false | number | readonly string[];

export type DocumentsStorageConfig = { kind: 'disk' } | S3StorageConfig;

export interface S3StorageConfig {
  kind: 's3';
  /** null: AWS itself, found from the region. */
  endpoint: string | null;
  region: string;
  bucket: string;
  /** null: the SDK's own chain (AWS_* variables, the instance's or the container's role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** MinIO and most S3-compatible servers want `endpoint/bucket/key` rather than `bucket.endpoint/key`. */
  forcePathStyle: boolean;
}

/** S3's rule for bucket names: 3 to 63 lower-case letters, digits, dots and hyphens. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** proxy-addr's names for ranges: 127.0.0.0/8 and ::1; 169.254.0.0/16 and fe80::/10; private ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `false` or `0`; a number of proxies in front (1–10); or a comma-separated list of
 * proxy addresses, CIDR ranges (never /0) and proxy-addr's range names. Null when it is none of these.
 */
export function parseTrustProxy(raw: string): TrustProxy | null {
  if (raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return hops >= 1 && hops <= 10 ? hops : null;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (PROXY_RANGE_NAMES.includes(entry)) return true;
    const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry);
    const version = match?.[1] ? isIP(match[1]) : 0;
    if (!match || version === 0) return false;
    if (match[2] === undefined) return true;
    const prefix = Number(match[2]);
    return prefix >= 1 && prefix <= (version === 4 ? 32 : 128);
  });
  return valid ? entries : null;
}

/** The documents key used when none is set outside production: known, so refused in production. */
export const DEMO_DOCUMENTS_KEY = Buffer.alloc(32, 7).toString('base64');

/** The secret used when none is set outside production: known, so refused in production. */
export const DEMO_TOKEN_SECRET = 'passerelle-demo-secret-not-for-production-use-0000';

/**
 * Secrets and keys that this repository writes down somewhere (defaults, tests, benchmarks,
 * examples): anyone can read them, so production refuses them. A test scans the repository for
 * secrets and keys it sets and fails when one is missing here.
 */
export const KNOWN_TOKEN_SECRETS: readonly string[] = [DEMO_TOKEN_SECRET, 'x'.repeat(40)];
export const KNOWN_DOCUMENTS_KEYS: readonly string[] = [DEMO_DOCUMENTS_KEY, 'ab'.repeat(32)];

/** A documents key: 32 bytes as base64 (URL-safe too) or 64 hex digits, or null. */
export function documentsKeyOf(raw: string): Buffer | null {
  const key = /^[0-9a-f]{64}$/i.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : null;
  return key?.length === 32 ? key : null;
}

const isKnownDocumentsKey = (key: Buffer): boolean =>
  KNOWN_DOCUMENTS_KEYS.some((known) => documentsKeyOf(known)?.equals(key));

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The database or the data in it make a start unsafe: what is wrong, and what to do. */
export class StartRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'StartRefused';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env, defaults: { backOfficeDir?: string } = {}): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!['true', 'false', '1', '0'].includes(raw)) {
      problems.push(`${name} must be true or false (got "${raw}")`);
      return fallback;
    }
    return raw === 'true' || raw === '1';
  };

  const publicUrl = (): string | null => {
    const raw = read('PUBLIC_URL');
    if (raw === undefined) {
      if (mode === 'production')
        problems.push('PUBLIC_URL is required in production: the https:// address users reach Passerelle at');
      return null;
    }
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
      problems.push(
        `PUBLIC_URL must be an http:// or https:// address, without query or credentials (got "${raw}")`,
      );
      return null;
    }
    if (mode === 'production' && url.protocol !== 'https:')
      problems.push('PUBLIC_URL must be an https:// address in production');
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  };

  const trustProxy = (): TrustProxy => {
    const raw = read('TRUST_PROXY');
    if (raw === undefined) return false;
    const parsed = parseTrustProxy(raw);
    if (parsed === null) {
      problems.push(
        `TRUST_PROXY must be false, the number of proxies in front (1 to 10), or a comma-separated list of the proxies' addresses or CIDR ranges (got "${raw}"); "true" is refused: any client could name its own address in X-Forwarded-For`,
      );
      return false;
    }
    return parsed;
  };

  // `test` is the test harness's own mode (its configuration is built in code, never read here):
  // jobs stay off and logs silent, which nothing that serves people may do.
  let mode: Exclude<Mode, 'test'> = 'production';
  if (read('PASSERELLE_MODE') === 'test')
    problems.push('PASSERELLE_MODE=test exists only inside the test harness: use demo or production');
  else mode = oneOf('PASSERELLE_MODE', ['production', 'demo'], 'production');

  const postgresUrl = (name: string, required: boolean): string | null => {
    const value = read(name);
    if (!value) {
      if (required)
        problems.push(
          `${name} is required (postgres://user:password@host:5432/database); \`npm start\` provides one`,
        );
      return null;
    }
    if (!/^postgres(ql)?:\/\//.test(value)) problems.push(`${name} must be a postgres:// URL`);
    return value;
  };
  const databaseUrl = postgresUrl('DATABASE_URL', true) ?? '';
  const migrationDatabaseUrl = postgresUrl('MIGRATION_DATABASE_URL', false);

  const tokenSecret = read('TOKEN_SECRET') ?? (mode === 'production' ? '' : DEMO_TOKEN_SECRET);
  if (mode === 'production') {
    if (!tokenSecret) problems.push('TOKEN_SECRET is required in production (at least 32 random characters)');
    else if (KNOWN_TOKEN_SECRETS.includes(tokenSecret))
      problems.push(
        'TOKEN_SECRET is the demo secret or one written in this repository: make a new one in production',
      );
    else if (tokenSecret.length < 32) problems.push('TOKEN_SECRET must be at least 32 characters long');
  }

  const firstUsername = read('FIRST_COORDINATOR_USERNAME');
  const firstPassword = read('FIRST_COORDINATOR_PASSWORD');
  if ((firstUsername === undefined) !== (firstPassword === undefined)) {
    problems.push('FIRST_COORDINATOR_USERNAME and FIRST_COORDINATOR_PASSWORD go together');
  }
  if (firstPassword !== undefined && firstPassword.length < 12) {
    problems.push('FIRST_COORDINATOR_PASSWORD must be at least 12 characters long');
  }

  const documentsKeyRaw = read('DOCUMENTS_KEY') ?? (mode === 'production' ? '' : DEMO_DOCUMENTS_KEY);
  let documentsKey: Buffer = Buffer.alloc(0);
  if (!documentsKeyRaw) {
    problems.push(
      'DOCUMENTS_KEY is required in production (32 random bytes, base64: `openssl rand -base64 32`)',
    );
  } else {
    documentsKey = documentsKeyOf(documentsKeyRaw) ?? Buffer.alloc(0);
    if (documentsKey.length !== 32)
      problems.push('DOCUMENTS_KEY must be 32 bytes, as base64 or 64 hex digits');
    else if (mode === 'production' && isKnownDocumentsKey(documentsKey)) {
      problems.push(
        'DOCUMENTS_KEY is the demo key or one written in this repository: make a new one in production (`openssl rand -base64 32`)',
      );
    }
  }

  // Never the value in a message: the position says which one is wrong.
  const documentsPreviousKeys: Buffer[] = [];
  (read('DOCUMENTS_PREVIOUS_KEYS')?.split(',') ?? []).forEach((entry, index) => {
    const key = documentsKeyOf(entry.trim());
    const which = `DOCUMENTS_PREVIOUS_KEYS (key ${index + 1})`;
    if (!key)
      problems.push(`${which} must be 32 bytes, as base64 or 64 hex digits, keys separated by commas`);
    else if ([documentsKey, ...documentsPreviousKeys].some((other) => other.equals(key)))
      problems.push(`${which} repeats DOCUMENTS_KEY or another previous key`);
    else if (mode === 'production' && isKnownDocumentsKey(key))
      problems.push(`${which} must not be the demo key or one written in this repository in production`);
    else documentsPreviousKeys.push(key);
  });

  // Read at start, so that a wrong path or a key that is not the certificate's stops the start here.
  const tls = (): AppConfig['tls'] => {
    const certFile = read('TLS_CERT_FILE');
    const keyFile = read('TLS_KEY_FILE');
    if (certFile === undefined && keyFile === undefined) return null;
    if (certFile === undefined || keyFile === undefined) {
      problems.push('TLS_CERT_FILE and TLS_KEY_FILE go together (the certificate and its private key, PEM)');
      return null;
    }
    const file = (name: string, path: string): Buffer | null => {
      try {
        return readFileSync(path);
      } catch (error) {
        problems.push(
          `${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}: ${path})`,
        );
        return null;
      }
    };
    const cert = file('TLS_CERT_FILE', certFile);
    const key = file('TLS_KEY_FILE', keyFile);
    if (!cert || !key) return null;
    try {
      createSecureContext({ cert, key });
    } catch (error) {
      // OpenSSL's reason (no PEM, key values mismatch…): never a byte of the key.
      problems.push(
        `TLS_CERT_FILE and TLS_KEY_FILE must be a PEM certificate and its unencrypted private key (${(error as Error).message})`,
      );
      return null;
    }
    return { cert, key };
  };

  const logFormat = oneOf('LOG_FORMAT', ['json', 'pretty'], 'json');
  if (mode === 'production' && logFormat === 'pretty')
    problems.push(
      'LOG_FORMAT=pretty is for demo mode: production writes JSON lines, which log collectors read',
    );

  const documentsStorage = (): DocumentsStorageConfig => {
    if (oneOf('DOCUMENTS_STORAGE', ['disk', 's3'], 'disk') === 'disk') return { kind: 'disk' };
    const endpoint = read('S3_ENDPOINT') ?? null;
    if (endpoint !== null && !/^https?:\/\/[^/\s]+/.test(endpoint))
      problems.push(`S3_ENDPOINT must be an http:// or https:// URL (got "${endpoint}")`);
    const region = read('S3_REGION');
    if (!region)
      problems.push(
        'S3_REGION is required with DOCUMENTS_STORAGE=s3 (the bucket’s region; any name, such as us-east-1, for MinIO)',
      );
    const bucket = read('S3_BUCKET');
    if (!bucket) problems.push('S3_BUCKET is required with DOCUMENTS_STORAGE=s3');
    else if (!BUCKET_NAME.test(bucket))
      problems.push(
        `S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens (got "${bucket}")`,
      );
    // Never a value in a message: these are credentials.
    const accessKeyId = read('S3_ACCESS_KEY_ID');
    const secretAccessKey = read('S3_SECRET_ACCESS_KEY');
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined))
      problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
    return {
      kind: 's3',
      endpoint,
      region: region ?? '',
      bucket: bucket ?? '',
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
      forcePathStyle: bool('S3_FORCE_PATH_STYLE', false),
    };
  };

  const proconnect = (): ProConnectConfig | null => {
    const issuer = read('OIDC_ISSUER');
    const clientId = read('OIDC_CLIENT_ID');
    const clientSecret = read('OIDC_CLIENT_SECRET');
    if (issuer === undefined) {
      if (clientId !== undefined || clientSecret !== undefined)
        problems.push('OIDC_CLIENT_ID and OIDC_CLIENT_SECRET need OIDC_ISSUER (ProConnect’s discovery base)');
      return null;
    }
    let url: URL | null = null;
    try {
      url = new URL(issuer);
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username)
      problems.push(`OIDC_ISSUER must be an http:// or https:// address, without query (got "${issuer}")`);
    else if (mode === 'production' && url.protocol !== 'https:')
      problems.push('OIDC_ISSUER must be an https:// address in production');
    if (!clientId) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER');
    // Never the value in a message: it is a credential.
    if (!clientSecret) problems.push('OIDC_CLIENT_SECRET is required with OIDC_ISSUER');
    if (read('PUBLIC_URL') === undefined)
      problems.push(
        'PUBLIC_URL is required with OIDC_ISSUER: the redirect URI registered at ProConnect is ${PUBLIC_URL}/api/auth/proconnect/callback',
      );
    return {
      issuer: issuer.replace(/\/+$/, ''),
      clientId: clientId ?? '',
      clientSecret: clientSecret ?? '',
      acr: oneOf('OIDC_ACR', PROCONNECT_ACR_LEVELS, 'eidas1'),
    };
  };

  // Production requires it of every role that reads sensitive data (QUALITY.md) and may add others;
  // demo mode requires it of none, so that the demo accounts keep signing in with their password.
  const secondFactorRoles = (): Role[] => {
    const raw = read('SECOND_FACTOR_ROLES');
    if (raw === undefined) return mode === 'production' ? [...SECOND_FACTOR_REQUIRED_ROLES] : [];
    if (raw === 'none') {
      if (mode === 'production')
        problems.push(
          `SECOND_FACTOR_ROLES=none is for demo mode: production requires a second factor of ${SECOND_FACTOR_REQUIRED_ROLES.join(', ')}`,
        );
      return [];
    }
    const roles = raw.split(',').map((role) => role.trim());
    const unknown = roles.filter((role) => !isCode(ROLES, role));
    if (unknown.length > 0) {
      problems.push(
        `SECOND_FACTOR_ROLES must be none or roles among ${ROLES.join(', ')}, separated by commas (got "${unknown.join(', ')}")`,
      );
      return [];
    }
    const missing = SECOND_FACTOR_REQUIRED_ROLES.filter((role) => !roles.includes(role));
    if (mode === 'production' && missing.length > 0)
      problems.push(
        `SECOND_FACTOR_ROLES must include ${missing.join(', ')} in production: these roles read sensitive data or administer the accounts`,
      );
    return ROLES.filter((role) => roles.includes(role));
  };

  const dataDirRaw = read('DATA_DIR') ?? '.data';
  const backOfficeRaw = read('BACK_OFFICE_DIR') ?? defaults.backOfficeDir;

  const config: AppConfig = {
    mode,
    port: integer('PORT', 3000, 0, 65535),
    host: read('HOST') ?? '0.0.0.0',
    databaseUrl,
    migrationDatabaseUrl,
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw),
    backOfficeDir: backOfficeRaw ? resolve(process.cwd(), backOfficeRaw) : null,
    tokenSecret,
    accessTokenTtlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    sessionIdleMinutes: integer('SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integer('SESSION_MAX_HOURS', 12, 1, 24 * 30),
    demoPassword: read('DEMO_PASSWORD') ?? 'demo',
    demoFileCount: integer('DEMO_FILE_COUNT', 300, 0, 100_000),
    firstCoordinator:
      firstUsername && firstPassword
        ? {
            username: normaliseUsername(firstUsername),
            password: firstPassword,
            displayName: read('FIRST_COORDINATOR_DISPLAY_NAME') ?? 'Coordination CCLO',
          }
        : null,
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat,
    trustProxy: trustProxy(),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    documentsKey,
    documentsPreviousKeys,
    documentsStorage: documentsStorage(),
    workers: integer('API_WORKERS', 1, 1, 32),
    apiDocs: bool('API_DOCS', mode !== 'production'),
    tls: tls(),
    publicUrl: publicUrl(),
    proconnect: proconnect(),
    secondFactorRoles: secondFactorRoles(),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Nest injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
