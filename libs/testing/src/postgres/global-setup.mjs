// Jest global setup: finds a real PostgreSQL for the run and hands its admin URL to the workers.
// Order (ARCHITECTURE.md): TEST_DATABASE_URL; a Testcontainers postgres:17 when a container
// runtime answers; the embedded PostgreSQL otherwise. Each test file then gets its own database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../../tools/embedded-postgres.mjs';

export const ADMIN_URL_VARIABLE = 'PASSERELLE_TEST_ADMIN_URL';

async function tryTestcontainers() {
  try {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17').withDatabase('postgres').start();
    return {
      kind: 'testcontainers',
      adminUrl: container.getConnectionUri(),
      stop: () => container.stop(),
    };
  } catch {
    return null;
  }
}

export default async function globalSetup() {
  process.env.TZ = 'UTC';
  // One PostgreSQL for every project of the Jest run.
  if (process.env[ADMIN_URL_VARIABLE]) return;
  if (process.env.TEST_DATABASE_URL) {
    process.env[ADMIN_URL_VARIABLE] = process.env.TEST_DATABASE_URL;
    process.env.PASSERELLE_TEST_POSTGRES = 'TEST_DATABASE_URL';
    return;
  }
  const container = process.env.PASSERELLE_SKIP_TESTCONTAINERS ? null : await tryTestcontainers();
  if (container) {
    process.env[ADMIN_URL_VARIABLE] = container.adminUrl;
    process.env.PASSERELLE_TEST_POSTGRES = container.kind;
    globalThis.__passerellePostgres = container;
    return;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelle-test-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    database: 'postgres',
    durable: false,
    log: () => undefined,
  });
  process.env[ADMIN_URL_VARIABLE] = server.adminUrl;
  process.env.PASSERELLE_TEST_POSTGRES = 'embedded';
  globalThis.__passerellePostgres = {
    kind: 'embedded',
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(server.pgdata, { recursive: true, force: true });
    },
  };
}
