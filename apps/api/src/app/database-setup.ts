import type { AppConfig } from '@api/platform/config/config';
import { StartRefused } from '@api/platform/config/config';
import { LOCK_KEYS, createDataSource, withAdvisoryLock } from '@api/platform/database/data-source';
import { type RoleReport, grantRuntimePrivileges, inspectRole } from '@api/platform/database/database-roles';
import { durabilityFindings } from '@api/platform/database/durability';
import { DEMO_ACCOUNTS, seedDemoAccounts, seedFirstCoordinator } from './identity/identity.seed';
import { seedReferenceData } from './reference/reference.seed';
import { seedFragilityCriteria } from './fragility/fragility.seed';
import { seedWalkInSlots } from './appointments/walk-in.seed';
import { seedDemoFiles } from './demo/demo-seed';

export interface PreparedDatabase {
  migrations: string[];
  communes: number;
  organizations: number;
  demoAccounts: number;
  demoFiles: number;
  firstCoordinator: boolean;
  /** The role the API connects as, and what it may do beyond its due (empty: least privilege). */
  runtimeRole: string;
  runtimeRoleExcess: string[];
  /** What would let a crash of PostgreSQL lose a write the API acknowledged (empty: none). */
  durability: string[];
}

type PrepareConfig = Pick<AppConfig, 'databaseUrl' | 'mode' | 'demoPassword' | 'firstCoordinator'> &
  Partial<Pick<AppConfig, 'migrationDatabaseUrl'>> & { demoFileCount?: number };

const ROLES_HELP = 'README.md, « Database roles », says how to make them';

/**
 * Production runs on two roles: the owner (MIGRATION_DATABASE_URL) migrates, the runtime role
 * (DATABASE_URL) serves. With only one of them, say what that role lacks or has too much of.
 */
async function refuseSingleRole(databaseUrl: string): Promise<never> {
  const runtime = await inspectRole(databaseUrl);
  if (runtime.excess.length > 0) {
    throw new StartRefused([
      `MIGRATION_DATABASE_URL is not set, and the API must not serve as the role of DATABASE_URL (${runtime.role}): it ${runtime.excess.join('; ')}.`,
      `Set MIGRATION_DATABASE_URL to this owner role, and DATABASE_URL to a runtime role that owns nothing (${ROLES_HELP}).`,
    ]);
  }
  throw new StartRefused([
    `MIGRATION_DATABASE_URL is not set: the role of DATABASE_URL (${runtime.role}) owns nothing and may not create in schema public, so it cannot migrate the database.`,
    `Set MIGRATION_DATABASE_URL to the owner role of the database (${ROLES_HELP}).`,
  ]);
}

/** Production refuses a database that still holds an active demo account (known password). */
async function refuseDemoAccounts(
  query: (text: string, values: unknown[]) => Promise<{ username: string }[]>,
): Promise<void> {
  const usernames = DEMO_ACCOUNTS.map((account) => account.username);
  const active = await query('SELECT username FROM app_user WHERE active AND username = ANY($1) ORDER BY 1', [
    usernames,
  ]);
  if (active.length === 0) return;
  throw new StartRefused([
    `This database holds active demo accounts, whose password is public: ${active.map((u) => u.username).join(', ')}.`,
    `Deactivate them as the owner, then start again: UPDATE app_user SET active = false WHERE username IN (${active.map((u) => `'${u.username}'`).join(', ')});`,
  ]);
}

/**
 * Brings the database to the current schema and reference data (as the owner), gives the runtime
 * role its grants, and checks that role; in demo mode adds the demo accounts, in production the
 * first coordinator. Idempotent, and one instance at a time.
 */
export async function prepareDatabase(config: PrepareConfig): Promise<PreparedDatabase> {
  const production = config.mode === 'production';
  if (production && !config.migrationDatabaseUrl) await refuseSingleRole(config.databaseUrl);
  const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
  const runtimeBefore: RoleReport = await inspectRole(config.databaseUrl);
  const dataSource = createDataSource(ownerUrl, { extra: { max: 2 } });
  await dataSource.initialize();
  let prepared: Omit<PreparedDatabase, 'runtimeRoleExcess' | 'durability'>;
  try {
    prepared = await withAdvisoryLock(dataSource, LOCK_KEYS.schema, async () => {
      const [{ owner }] = (await dataSource.query('SELECT current_user AS owner')) as [{ owner: string }];
      if (production && owner === runtimeBefore.role) {
        throw new StartRefused([
          `MIGRATION_DATABASE_URL and DATABASE_URL name the same role (${owner}): the API must serve as a runtime role that owns nothing (${ROLES_HELP}).`,
        ]);
      }
      const migrations = await dataSource.runMigrations({ transaction: 'all' });
      const reference = await dataSource.transaction(async (manager) => {
        const seeded = await seedReferenceData(manager);
        await seedFragilityCriteria(manager);
        await seedWalkInSlots(manager);
        return seeded;
      });
      const demoAccounts =
        config.mode === 'production'
          ? 0
          : await dataSource.transaction((manager) => seedDemoAccounts(manager, config.demoPassword));
      if (production)
        await refuseDemoAccounts(
          (text, values) => dataSource.query(text, values) as Promise<{ username: string }[]>,
        );
      const account = config.firstCoordinator;
      const firstCoordinator = account
        ? await dataSource.transaction((manager) => seedFirstCoordinator(manager, account))
        : false;
      // Demo mode also gets a few hundred fictitious files, once.
      const demoFiles =
        config.mode === 'demo' ? await seedDemoFiles(dataSource, { count: config.demoFileCount }) : 0;
      if (owner !== runtimeBefore.role)
        await dataSource.transaction((manager) => grantRuntimePrivileges(manager, runtimeBefore.role));
      return {
        migrations: migrations.map((m) => m.name),
        ...reference,
        demoAccounts,
        demoFiles,
        firstCoordinator,
        runtimeRole: runtimeBefore.role,
      };
    });
  } finally {
    await dataSource.destroy();
  }
  // Read again, now that the tables exist and the grants are given.
  const runtime = await inspectRole(config.databaseUrl);
  if (production && runtime.excess.length > 0) {
    throw new StartRefused([
      `The API must not serve as the role of DATABASE_URL (${runtime.role}): it ${runtime.excess.join('; ')}.`,
      `Give DATABASE_URL a runtime role that owns nothing and has no other privilege (${ROLES_HELP}).`,
    ]);
  }
  return {
    ...prepared,
    runtimeRoleExcess: runtime.excess,
    durability: await durabilityFindings(config.databaseUrl),
  };
}
