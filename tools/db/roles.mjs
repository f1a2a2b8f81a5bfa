// Passerelle's two PostgreSQL roles (ARCHITECTURE.md): the owner runs the migrations and owns every
// object; the runtime role, which the API connects as, owns nothing and holds only the grants the
// API gives it after migrating (apps/api/src/platform/database/runtime-privileges.ts). Used by the
// embedded PostgreSQL of `npm start`, the test harness and the benchmarks; the compose deployment
// does the same in docker/postgres-init/.
import pg from 'pg';

export const OWNER_ROLE = 'passerelle_owner';
export const RUNTIME_ROLE = 'passerelle_app';

const LEAST = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

const ident = (name) => `"${name.replace(/"/g, '""')}"`;
const literal = (value) => `'${String(value).replace(/'/g, "''")}'`;

/**
 * Creates both roles, or resets them to least privilege with the given passwords. Needs a
 * connection with CREATEROLE (the cluster's superuser here).
 */
export async function ensureRoles(
  admin,
  { owner = OWNER_ROLE, runtime = RUNTIME_ROLE, ownerPassword, runtimePassword },
) {
  for (const [role, password] of [
    [owner, ownerPassword],
    [runtime, runtimePassword],
  ]) {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    // Two processes may race here (the test harness's workers): a duplicate is as good as ours.
    if (rowCount === 0) {
      await admin
        .query(`CREATE ROLE ${ident(role)} ${LEAST} PASSWORD ${literal(password)}`)
        .catch((error) => {
          if (error.code !== '23505' && error.code !== '42710') throw error;
        });
    }
    await admin.query(`ALTER ROLE ${ident(role)} ${LEAST} PASSWORD ${literal(password)}`);
  }
  // The runtime role must not act as the owner through membership.
  await admin.query(`REVOKE ${ident(owner)} FROM ${ident(runtime)}`).catch(() => undefined);
}

/** Creates `database` owned by the owner role, or hands an existing one (and its objects) over to it. */
export async function ensureDatabase(adminUrl, database, owner = OWNER_ROLE) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [database],
    );
    if (rows.length === 0) {
      await admin.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(owner)}`);
      return;
    }
    if (rows[0].owner !== owner)
      await admin.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner)}`);
  } finally {
    await admin.end();
  }
  await adoptObjects(withDatabase(adminUrl, database), owner);
}

/**
 * A database made before the two roles (every object owned by the superuser that created it): the
 * owner role takes over its tables, views, sequences, functions and types in schema public. Does
 * nothing when the owner owns them all already.
 */
export async function adoptObjects(adminDatabaseUrl, owner = OWNER_ROLE) {
  const client = new pg.Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    await client.query(`DO $adopt$
DECLARE
  target text := ${literal(owner)};
  r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS name, c.relkind
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND pg_get_userbyid(c.relowner) <> target
       -- a sequence that belongs to a column follows its table
       AND NOT (c.relkind = 'S' AND EXISTS (
         SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                     WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name, target);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> target
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, target);
  END LOOP;
  FOR r IN
    SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND pg_get_userbyid(t.typowner) <> target
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, target);
  END LOOP;
END
$adopt$`);
  } finally {
    await client.end();
  }
}

/** `url` with another database, or another user and password. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function withCredentials(url, user, password) {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
