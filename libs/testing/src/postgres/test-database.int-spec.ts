import { Client } from 'pg';
import { createTestDatabase, testPostgresKind } from './test-database';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  const template = {
    fingerprint: `harness_${process.pid}`,
    prepare: async ({ ownerUrl }: { ownerUrl: string }) => {
      await query(
        ownerUrl,
        'CREATE TABLE marker (value text); INSERT INTO marker VALUES ($$from template$$)',
      );
    },
  };

  it('runs on a real PostgreSQL found by the global setup', async () => {
    expect(['embedded', 'testcontainers', 'TEST_DATABASE_URL']).toContain(testPostgresKind());
    const db = await createTestDatabase(template);
    try {
      const [row] = await query<{ server_version: string }>(db.url, 'SHOW server_version');
      expect(Number(row?.server_version.split('.')[0])).toBeGreaterThanOrEqual(17);
    } finally {
      await db.drop();
    }
  });

  it('gives each caller its own copy of the template', async () => {
    const [a, b] = await Promise.all([createTestDatabase(template), createTestDatabase(template)]);
    try {
      expect(a.name).not.toBe(b.name);
      await query(a.ownerUrl, "INSERT INTO marker VALUES ('only in a')");
      expect(await query(a.ownerUrl, 'SELECT value FROM marker ORDER BY value')).toEqual([
        { value: 'from template' },
        { value: 'only in a' },
      ]);
      expect(await query(b.ownerUrl, 'SELECT value FROM marker')).toEqual([{ value: 'from template' }]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('hands out the owner and a runtime role that owns nothing and was granted nothing', async () => {
    const db = await createTestDatabase(template);
    try {
      const [owner] = await query<{ role: string; owns: boolean }>(
        db.ownerUrl,
        `SELECT current_user AS role, (SELECT datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)
           FROM pg_database WHERE datname = current_database()) AS owns`,
      );
      const [runtime] = await query<{ role: string; super: boolean }>(
        db.url,
        'SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super',
      );
      expect(owner?.owns).toBe(true);
      expect(runtime?.role).not.toBe(owner?.role);
      expect(runtime?.super).toBe(false);
      await expect(query(db.url, 'SELECT value FROM marker')).rejects.toThrow(/permission denied/);
    } finally {
      await db.drop();
    }
  });

  it('drops the database', async () => {
    const db = await createTestDatabase(template);
    await db.drop();
    await expect(query(db.url, 'SELECT 1')).rejects.toThrow(/does not exist/);
  });
});
