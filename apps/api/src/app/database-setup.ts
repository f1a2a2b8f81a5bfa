import type { AppConfig } from '@api/platform/config/config';
import { LOCK_KEYS, createDataSource, withAdvisoryLock } from '@api/platform/database/data-source';
import { seedDemoAccounts, seedFirstCoordinator } from './identity/identity.seed';
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
}

/**
 * Brings the database to the current schema and reference data; in demo mode adds the demo
 * accounts, in production the first coordinator. Idempotent, and one instance at a time.
 */
export async function prepareDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'mode' | 'demoPassword' | 'firstCoordinator'> & {
    demoFileCount?: number;
  },
): Promise<PreparedDatabase> {
  const dataSource = createDataSource(config.databaseUrl, { extra: { max: 2 } });
  await dataSource.initialize();
  try {
    return await withAdvisoryLock(dataSource, LOCK_KEYS.schema, async () => {
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
      const account = config.firstCoordinator;
      const firstCoordinator = account
        ? await dataSource.transaction((manager) => seedFirstCoordinator(manager, account))
        : false;
      // Demo mode also gets a few hundred fictitious files, once.
      const demoFiles =
        config.mode === 'demo' ? await seedDemoFiles(dataSource, { count: config.demoFileCount }) : 0;
      return {
        migrations: migrations.map((m) => m.name),
        ...reference,
        demoAccounts,
        demoFiles,
        firstCoordinator,
      };
    });
  } finally {
    await dataSource.destroy();
  }
}
