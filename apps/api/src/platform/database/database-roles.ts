import { Client } from 'pg';

/**
 * Least privilege in PostgreSQL (ARCHITECTURE.md, QUALITY.md): the owner role migrates and owns
 * every object; the runtime role the API connects as owns nothing and holds only the grants below,
 * given again by the owner after every start's migrations, so that a new table gets its grants too.
 */

/** Anything that runs SQL (a TypeORM data source or query runner, a pg client). */
interface Sql {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** Rows of every table may be read and written by the API… */
export const RUNTIME_ROW_PRIVILEGES: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** …but for these, less. */
export const RUNTIME_TABLE_EXCEPTIONS: Readonly<Record<string, readonly TablePrivilege[]>> = {
  // The access log only grows: written and read, never changed; the twelve-month purge goes
  // through audit_entry_purge(), which runs as its owner.
  audit_entry: ['SELECT', 'INSERT'],
  // Migrations are the owner's business.
  schema_migration: [],
};

/** Functions the runtime role may call that PUBLIC may not. */
export const RUNTIME_FUNCTIONS = ['audit_entry_purge()'] as const;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The privileges `runtimeRole` gets on `table`. */
export function runtimePrivilegesOf(table: string): readonly TablePrivilege[] {
  return RUNTIME_TABLE_EXCEPTIONS[table] ?? RUNTIME_ROW_PRIVILEGES;
}

/**
 * Gives the runtime role exactly its grants on schema public (run as the owner, in one
 * transaction: an instance already serving never sees a table without its grants).
 */
export async function grantRuntimePrivileges(db: Sql, runtimeRole: string): Promise<void> {
  const role = ident(runtimeRole);
  const tables = (await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  )) as { tablename: string }[];
  await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
  await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`);
  // PostgreSQL 15 and later already refuse CREATE in public to PUBLIC; older clusters do not.
  await db.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await db.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  for (const { tablename } of tables) {
    const privileges = runtimePrivilegesOf(tablename);
    if (privileges.length > 0)
      await db.query(`GRANT ${privileges.join(', ')} ON TABLE public.${ident(tablename)} TO ${role}`);
  }
  for (const fn of RUNTIME_FUNCTIONS) await db.query(`GRANT EXECUTE ON FUNCTION public.${fn} TO ${role}`);
}

interface RoleRow {
  role: string;
  rolsuper: boolean;
  rolcreaterole: boolean;
  rolcreatedb: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
  owns_database: boolean;
  owned_objects: number;
  owner_member: string | null;
  audit_rewrite: boolean;
  schema_create: boolean;
  server_access: string | null;
  migrated: boolean;
}

export interface RoleReport {
  role: string;
  /** Why the API must not connect as this role; empty for a proper runtime role. */
  excess: string[];
  /** The database has been migrated (the access log exists). */
  migrated: boolean;
}

/** What a role may do beyond the runtime role's due, read from PostgreSQL's catalogs as that role. */
export async function inspectRole(url: string): Promise<RoleReport> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<RoleRow>(`
      SELECT r.rolname AS role, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls,
             (SELECT d.datdba = r.oid FROM pg_database d WHERE d.datname = current_database()) AS owns_database,
             ((SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relowner = r.oid AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast%')
              + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE p.proowner = r.oid AND n.nspname NOT IN ('pg_catalog', 'information_schema'))
              + (SELECT count(*) FROM pg_namespace n WHERE n.nspowner = r.oid
                  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'))::int AS owned_objects,
             (SELECT pg_get_userbyid(c.relowner) FROM pg_class c
               WHERE c.oid = to_regclass('public.audit_entry') AND c.relowner <> r.oid
                 AND pg_has_role(r.oid, c.relowner, 'USAGE')) AS owner_member,
             COALESCE(has_table_privilege(r.oid, to_regclass('public.audit_entry')::oid,
               'UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES'), false) AS audit_rewrite,
             has_schema_privilege(r.oid, 'public', 'CREATE') AS schema_create,
             (SELECT string_agg(g, ', ') FROM unnest(ARRAY['pg_execute_server_program', 'pg_read_server_files', 'pg_write_server_files']) g
               WHERE pg_has_role(r.oid, g, 'USAGE')) AS server_access,
             to_regclass('public.audit_entry') IS NOT NULL AS migrated
        FROM pg_roles r WHERE r.rolname = current_user`);
    const row = rows[0];
    if (!row) throw new Error('current_user is not in pg_roles');
    const excess: string[] = [];
    if (row.rolsuper) excess.push('is a superuser');
    if (row.rolcreaterole) excess.push('may create roles (CREATEROLE)');
    if (row.rolcreatedb) excess.push('may create databases (CREATEDB)');
    if (row.rolreplication) excess.push('may replicate (REPLICATION)');
    if (row.rolbypassrls) excess.push('bypasses row security (BYPASSRLS)');
    if (row.owns_database) excess.push('owns the database');
    if (row.owned_objects > 0) excess.push(`owns ${row.owned_objects} objects (tables, functions, schemas…)`);
    if (row.owner_member) excess.push(`acts as ${row.owner_member}, the owner, through membership`);
    if (row.audit_rewrite && !row.rolsuper)
      excess.push('may update, delete or truncate the access log (audit_entry)');
    if (row.schema_create && !row.rolsuper) excess.push('may create objects in schema public');
    if (row.server_access && !row.rolsuper)
      excess.push(`may reach the server's files or programs (${row.server_access})`);
    return { role: row.role, excess, migrated: row.migrated };
  } finally {
    await client.end();
  }
}
