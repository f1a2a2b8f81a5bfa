import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface DatabaseTemplate {
  /** Changes whenever what `prepare` builds changes (for instance the list of migrations). */
  fingerprint: string;
  /** Builds the template's content: migrations, reference data. Must close its connections. */
  prepare: (url: string) => Promise<void>;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

function adminUrl(): string {
  const url = process.env['PASSERELLE_TEST_ADMIN_URL'];
  if (!url) {
    throw new Error('No test PostgreSQL: run the tests through Jest (its global setup starts one)');
  }
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
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
 * A fresh database for one test file, cloned from a migrated template (built once per server and
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
        await admin.query(`CREATE DATABASE ${quote(building)}`);
        await template.prepare(withDatabase(adminUrl(), building));
        await admin.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(templateName)}`);
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  });
  const name = `passerelle_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(templateName)}`));
  return {
    name,
    url: withDatabase(adminUrl(), name),
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
