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
    prepare: async (url: string) => {
      await query(url, 'CREATE TABLE marker (value text); INSERT INTO marker VALUES ($$from template$$)');
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
      await query(a.url, "INSERT INTO marker VALUES ('only in a')");
      expect(await query(a.url, 'SELECT value FROM marker ORDER BY value')).toEqual([
        { value: 'from template' },
        { value: 'only in a' },
      ]);
      expect(await query(b.url, 'SELECT value FROM marker')).toEqual([{ value: 'from template' }]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('drops the database', async () => {
    const db = await createTestDatabase(template);
    await db.drop();
    await expect(query(db.url, 'SELECT 1')).rejects.toThrow(/does not exist/);
  });
});
