import { createTestDatabase } from '@passerelle/testing';
import { createDataSource } from '@api/platform/database/data-source';
import { prepareDatabase } from './database-setup';

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
});
