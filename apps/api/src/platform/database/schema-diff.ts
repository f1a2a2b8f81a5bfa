import { createDataSource } from './data-source';

export interface SchemaQuery {
  query: string;
  parameters?: unknown[];
}

/**
 * What the entities would change in a database migrated with every migration: nothing, when the
 * two agree. Used by the migration generator and by the test that keeps them in step.
 */
export async function pendingSchemaChanges(url: string): Promise<{ up: SchemaQuery[]; down: SchemaQuery[] }> {
  const dataSource = createDataSource(url, { extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'all' });
    const log = await dataSource.driver.createSchemaBuilder().log();
    return { up: log.upQueries, down: log.downQueries };
  } finally {
    await dataSource.destroy();
  }
}
