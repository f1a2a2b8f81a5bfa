import { Client } from 'pg';
import { type TestApp, startTestApp } from '@api/testing/test-app';
import { inspectRole, runtimePrivilegesOf } from './database-roles';

/**
 * QUALITY.md, « least privilege »: the API's database role is no superuser, owns nothing, and may
 * only insert into and read the access log. Everything here goes through the running app's own
 * connection, as an attacker who took over the API process would.
 */
describe('least privilege in PostgreSQL', () => {
  let t: TestApp;
  const asApi = (sql: string) => t.dataSource.query(sql);

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('serves as a runtime role that is no superuser, owns nothing and is nobody', async () => {
    const [role] = (await asApi(
      `SELECT current_user AS name, rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`,
    )) as { name: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean }[];
    expect(role).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    const [owned] = (await asApi(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user`,
    )) as { n: number }[];
    expect(owned?.n).toBe(0);
    expect((await inspectRole(t.database.url)).excess).toEqual([]);
    // The owner, by contrast, is refused as the API's role.
    expect((await inspectRole(t.database.ownerUrl)).excess).toEqual(
      expect.arrayContaining(['owns the database', expect.stringMatching(/^owns \d+ objects/)]),
    );
  });

  it.each([
    ['disable the trigger', 'ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only'],
    ['delete entries', 'DELETE FROM audit_entry'],
    ['update entries', `UPDATE audit_entry SET route = 'forged'`],
    ['truncate the log', 'TRUNCATE audit_entry'],
    ['drop the log', 'DROP TABLE audit_entry'],
    [
      'replace the purge',
      `CREATE OR REPLACE FUNCTION audit_entry_purge() RETURNS integer LANGUAGE sql AS 'SELECT 0'`,
    ],
    ['run a program on the server', `COPY (SELECT 1) TO PROGRAM 'true'`],
    ['read a server file', `COPY applicant_file FROM '/etc/passwd'`],
    ['create a role', `CREATE ROLE intruder LOGIN PASSWORD 'x'`],
    ['create a table', 'CREATE TABLE intruder (id int)'],
    [
      'grant itself more, then use it',
      'GRANT DELETE ON audit_entry TO CURRENT_USER; DELETE FROM audit_entry',
    ],
  ])('may not %s', async (_what, sql) => {
    await expect(asApi(sql)).rejects.toThrow(
      /permission denied|must be owner|must be superuser|not allowed|privilege/i,
    );
  });

  it('may insert into and read the access log, and run the retention purge, which keeps the last twelve months', async () => {
    await asApi(
      `INSERT INTO audit_entry (at, action, route) VALUES (now() - interval '13 months', 'READ', 'lp-old'), (now() - interval '1 day', 'READ', 'lp-recent')`,
    );
    const [purged] = (await asApi('SELECT audit_entry_purge() AS removed')) as { removed: number }[];
    expect(purged?.removed).toBe(1);
    expect(await asApi(`SELECT route FROM audit_entry WHERE route LIKE 'lp-%'`)).toEqual([
      { route: 'lp-recent' },
    ]);
  });

  it('holds exactly the grants of the privilege table on every table, and none on the migrations', async () => {
    const grants = (await asApi(
      `SELECT t.tablename AS table, array_remove(ARRAY[
          CASE WHEN has_table_privilege(t.schemaname || '.' || t.tablename, 'SELECT') THEN 'SELECT' END,
          CASE WHEN has_table_privilege(t.schemaname || '.' || t.tablename, 'INSERT') THEN 'INSERT' END,
          CASE WHEN has_table_privilege(t.schemaname || '.' || t.tablename, 'UPDATE') THEN 'UPDATE' END,
          CASE WHEN has_table_privilege(t.schemaname || '.' || t.tablename, 'DELETE') THEN 'DELETE' END,
          CASE WHEN has_table_privilege(t.schemaname || '.' || t.tablename, 'TRUNCATE') THEN 'TRUNCATE' END,
          CASE WHEN has_table_privilege(t.schemaname || '.' || t.tablename, 'TRIGGER') THEN 'TRIGGER' END,
          CASE WHEN has_table_privilege(t.schemaname || '.' || t.tablename, 'REFERENCES') THEN 'REFERENCES' END
        ], NULL) AS privileges
         FROM pg_tables t WHERE t.schemaname = 'public' ORDER BY 1`,
    )) as { table: string; privileges: string[] }[];
    expect(grants.length).toBeGreaterThan(20);
    for (const { table, privileges } of grants)
      expect([table, privileges]).toEqual([table, runtimePrivilegesOf(table)]);
    expect(grants.find((g) => g.table === 'audit_entry')?.privileges).toEqual(['SELECT', 'INSERT']);
    expect(grants.find((g) => g.table === 'schema_migration')?.privileges).toEqual([]);
  });

  it('keeps its grants on a table a later migration adds, and a second start changes nothing', async () => {
    const owner = new Client({ connectionString: t.database.ownerUrl });
    await owner.connect();
    try {
      await owner.query('CREATE TABLE later_table (id int)');
    } finally {
      await owner.end();
    }
    await expect(asApi('SELECT * FROM later_table')).rejects.toThrow(/permission denied/);
    const { prepareDatabase } = await import('@api/app/database-setup');
    const prepared = await prepareDatabase({
      databaseUrl: t.database.url,
      migrationDatabaseUrl: t.database.ownerUrl,
      mode: 'demo',
      demoPassword: 'demo',
      firstCoordinator: null,
      demoFileCount: 0,
    });
    expect(prepared).toMatchObject({ migrations: [], demoAccounts: 0, runtimeRoleExcess: [] });
    expect(await asApi('SELECT * FROM later_table')).toEqual([]);
    await expect(asApi('TRUNCATE later_table')).rejects.toThrow(/permission denied/);
  });
});
