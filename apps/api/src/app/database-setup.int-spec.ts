import { Client } from 'pg';
import { createTestDatabase } from '@passerelle/testing';
import { createDataSource } from '@api/platform/database/data-source';
import { StartRefused } from '@api/platform/config/config';
import { prepareDatabase } from './database-setup';

const emptyDatabase = (name: string) =>
  createTestDatabase({ fingerprint: `${name}_${process.pid}`, prepare: async () => undefined });

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartRefused);
  return (error as StartRefused).message;
}

async function usersOf(url: string): Promise<{ username: string; role: string }[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    return (await dataSource.query('SELECT username, role FROM app_user ORDER BY username')) as {
      username: string;
      role: string;
    }[];
  } finally {
    await dataSource.destroy();
  }
}

describe('prepareDatabase', () => {
  it('in production seeds no demo account, creates the first coordinator once, and is idempotent', async () => {
    const firstCoordinator = {
      username: 'a.puyau',
      password: 'correct horse battery',
      displayName: 'Anne Puyau',
    };
    const db = await createTestDatabase({
      fingerprint: `empty_${process.pid}`,
      prepare: async () => undefined,
    });
    try {
      const config = {
        databaseUrl: db.url,
        migrationDatabaseUrl: db.ownerUrl,
        mode: 'production' as const,
        demoPassword: 'demo',
        firstCoordinator,
      };
      const first = await prepareDatabase(config);
      expect(first.migrations.length).toBeGreaterThan(0);
      expect(first).toMatchObject({ communes: 65, demoAccounts: 0, firstCoordinator: true });
      const second = await prepareDatabase({
        ...config,
        firstCoordinator: { ...firstCoordinator, username: 'other' },
      });
      expect(second).toMatchObject({ migrations: [], firstCoordinator: false });
      expect(await usersOf(db.url)).toEqual([{ username: 'a.puyau', role: 'COORDINATOR' }]);
    } finally {
      await db.drop();
    }
  });

  it('lets two instances prepare the same database at once', async () => {
    const db = await createTestDatabase({
      fingerprint: `empty2_${process.pid}`,
      prepare: async () => undefined,
    });
    try {
      const config = {
        databaseUrl: db.url,
        migrationDatabaseUrl: db.ownerUrl,
        mode: 'demo' as const,
        demoPassword: 'demo',
        firstCoordinator: null,
      };
      const [a, b] = await Promise.all([prepareDatabase(config), prepareDatabase(config)]);
      expect(a.demoAccounts + b.demoAccounts).toBe(9);
      expect((await usersOf(db.url)).length).toBe(9);
    } finally {
      await db.drop();
    }
  });

  it('says what would let a crash of PostgreSQL lose a write it acknowledged, as the API’s role sees it', async () => {
    const db = await emptyDatabase('durability');
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      // A setting of the runtime role in this database: the API's sessions would commit asynchronously.
      const runtimeRole = decodeURIComponent(new URL(db.url).username);
      await admin.query(`ALTER ROLE "${runtimeRole}" IN DATABASE "${db.name}" SET synchronous_commit = off`);
      const prepared = await prepareDatabase({
        databaseUrl: db.url,
        migrationDatabaseUrl: db.ownerUrl,
        mode: 'test',
        demoPassword: 'demo',
        firstCoordinator: null,
      });
      expect(prepared.durability).toContain('synchronous_commit is off');
    } finally {
      await admin.end();
      await db.drop();
    }
  });

  describe('in production, two roles or no start', () => {
    const production = { mode: 'production' as const, demoPassword: 'demo', firstCoordinator: null };

    it('refuses DATABASE_URL alone when its role is the owner, and says what it has too much of', async () => {
      const db = await emptyDatabase('prod_owner');
      try {
        const message = await refusal(prepareDatabase({ ...production, databaseUrl: db.ownerUrl }));
        expect(message).toMatch(
          /MIGRATION_DATABASE_URL is not set.*must not serve as the role of DATABASE_URL \(passerelle_test_owner\).*owns the database/,
        );
      } finally {
        await db.drop();
      }
    });

    it('refuses DATABASE_URL alone when its role cannot migrate, and says so', async () => {
      const db = await emptyDatabase('prod_runtime');
      try {
        const message = await refusal(prepareDatabase({ ...production, databaseUrl: db.url }));
        expect(message).toMatch(/MIGRATION_DATABASE_URL is not set.*passerelle_test_app.*cannot migrate/);
      } finally {
        await db.drop();
      }
    });

    it('refuses one role for both, and a superuser as the runtime role', async () => {
      const db = await emptyDatabase('prod_same');
      try {
        expect(
          await refusal(
            prepareDatabase({ ...production, databaseUrl: db.ownerUrl, migrationDatabaseUrl: db.ownerUrl }),
          ),
        ).toMatch(/name the same role/);
        expect(
          await refusal(
            prepareDatabase({ ...production, databaseUrl: db.adminUrl, migrationDatabaseUrl: db.ownerUrl }),
          ),
        ).toMatch(/is a superuser/);
      } finally {
        await db.drop();
      }
    });

    it('refuses a database that still holds active demo accounts, and says how to deactivate them', async () => {
      const db = await emptyDatabase('prod_demo');
      try {
        const urls = { databaseUrl: db.url, migrationDatabaseUrl: db.ownerUrl };
        await prepareDatabase({
          ...urls,
          mode: 'demo',
          demoPassword: 'demo',
          firstCoordinator: null,
          demoFileCount: 0,
        });
        const message = await refusal(prepareDatabase({ ...production, ...urls }));
        expect(message).toMatch(/active demo accounts.*mourenx\.agent.*UPDATE app_user SET active = false/s);
        const owner = new Client({ connectionString: db.ownerUrl });
        await owner.connect();
        await owner.query(`UPDATE app_user SET active = false WHERE username LIKE '%.%'`);
        await owner.end();
        await expect(prepareDatabase({ ...production, ...urls })).resolves.toMatchObject({
          runtimeRoleExcess: [],
        });
      } finally {
        await db.drop();
      }
    });
  });
});
