import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface DatabaseUrls {
  /** The runtime role's: owns nothing, holds the grants the owner gives it (what the API uses). */
  url: string;
  /** The owner's: owns the database and every object in it (migrations). */
  ownerUrl: string;
  /** The test server's superuser's, for what only it may do. */
  adminUrl: string;
}

export interface DatabaseTemplate {
  /** Changes whenever what `prepare` builds changes (for instance the list of migrations). */
  fingerprint: string;
  /** Builds the template's content: migrations, reference data. Must close its connections. */
  prepare: (urls: DatabaseUrls) => Promise<void>;
}

export interface TestDatabase extends DatabaseUrls {
  name: string;
  drop: () => Promise<void>;
}

interface TestRoles {
  owner: { name: string; password: string };
  runtime: { name: string; password: string };
}

function adminUrl(): string {
  const url = process.env['PASSERELLE_TEST_ADMIN_URL'];
  if (!url) {
    throw new Error('No test PostgreSQL: run the tests through Jest (its global setup starts one)');
  }
  return url;
}

function testRoles(): TestRoles {
  const roles = process.env['PASSERELLE_TEST_ROLES'];
  if (!roles) throw new Error('No test roles: run the tests through Jest (its global setup makes them)');
  return JSON.parse(roles) as TestRoles;
}

function withDatabase(url: string, database: string, role?: { name: string; password: string }): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  if (role) {
    parsed.username = encodeURIComponent(role.name);
    parsed.password = encodeURIComponent(role.password);
  }
  return parsed.toString();
}

function urlsOf(database: string): DatabaseUrls {
  const roles = testRoles();
  return {
    url: withDatabase(adminUrl(), database, roles.runtime),
    ownerUrl: withDatabase(adminUrl(), database, roles.owner),
    adminUrl: withDatabase(adminUrl(), database),
  };
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A 31-bit advisory lock key from a string. */
function lockKey(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash & 0x7fffffff;
}

/**
 * A fresh database for one test file, owned by the test owner role, cloned from a migrated template (built once per server and
 * fingerprint, whichever worker gets there first). Cloning takes milliseconds; migrating takes seconds.
 */
export async function createTestDatabase(template: DatabaseTemplate): Promise<TestDatabase> {
  const templateName = `passerelle_tpl_${template.fingerprint}`.slice(0, 63);
  await withAdmin(async (admin) => {
    const key = lockKey(templateName);
    await admin.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName]);
      if (found.rowCount === 0) {
        const building = `${templateName.slice(0, 50)}_building`;
        await admin.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${quote(building)} OWNER ${quote(testRoles().owner.name)}`);
        await template.prepare(urlsOf(building));
        await admin.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(templateName)}`);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  });
  const name = `passerelle_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) =>
    admin.query(
      `CREATE DATABASE ${quote(name)} TEMPLATE ${quote(templateName)} OWNER ${quote(testRoles().owner.name)}`,
    ),
  );
  return {
    name,
    ...urlsOf(name),
    drop: () =>
      withAdmin(
        async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)),
      ),
  };
}

/** How the harness found PostgreSQL for this run: TEST_DATABASE_URL, testcontainers or embedded. */
export function testPostgresKind(): string {
  return process.env['PASSERELLE_TEST_POSTGRES'] ?? 'unknown';
}
