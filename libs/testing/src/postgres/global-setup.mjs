// Jest global setup: finds a real PostgreSQL for the run and hands its admin URL to the workers.
// Order (ARCHITECTURE.md): TEST_DATABASE_URL; a Testcontainers postgres:17 when a container
// runtime answers; the embedded PostgreSQL otherwise. Each test file then gets its own database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../../tools/embedded-postgres.mjs';
import { ensureRoles } from '../../../../tools/db/roles.mjs';
import { startTestS3 } from '../s3/s3-server.mjs';
import { startTestOidc } from '../oidc/oidc-server.mjs';

export const ADMIN_URL_VARIABLE = 'PASSERELLE_TEST_ADMIN_URL';
export const ROLES_VARIABLE = 'PASSERELLE_TEST_ROLES';

/**
 * Passerelle's two roles on the test server, as in production: test databases belong to the
 * owner, which migrates them; the apps under test connect as the runtime role. Test servers only,
 * so the passwords need not be secret.
 */
const TEST_ROLES = {
  owner: { name: 'passerelle_test_owner', password: 'passerelle-test-owner' },
  runtime: { name: 'passerelle_test_app', password: 'passerelle-test-app' },
};

async function createRoles(adminUrl) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureRoles(admin, {
      owner: TEST_ROLES.owner.name,
      runtime: TEST_ROLES.runtime.name,
      ownerPassword: TEST_ROLES.owner.password,
      runtimePassword: TEST_ROLES.runtime.password,
    });
  } finally {
    await admin.end();
  }
  process.env[ROLES_VARIABLE] = JSON.stringify(TEST_ROLES);
}

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
  await startPostgres();
  // One S3 server too; MinIO only where a container runtime answered for PostgreSQL.
  globalThis.__passerelleS3 = await startTestS3({
    containers: process.env.PASSERELLE_TEST_POSTGRES === 'testcontainers',
  });
  // And the stand-in ProConnect.
  globalThis.__passerelleOidc = await startTestOidc();
}

async function startPostgres() {
  if (process.env.TEST_DATABASE_URL) {
    process.env[ADMIN_URL_VARIABLE] = process.env.TEST_DATABASE_URL;
    process.env.PASSERELLE_TEST_POSTGRES = 'TEST_DATABASE_URL';
    await createRoles(process.env.TEST_DATABASE_URL);
    return;
  }
  const container = process.env.PASSERELLE_SKIP_TESTCONTAINERS ? null : await tryTestcontainers();
  if (container) {
    process.env[ADMIN_URL_VARIABLE] = container.adminUrl;
    process.env.PASSERELLE_TEST_POSTGRES = container.kind;
    globalThis.__passerellePostgres = container;
    await createRoles(container.adminUrl);
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
  await createRoles(server.adminUrl);
  globalThis.__passerellePostgres = {
    kind: 'embedded',
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(server.pgdata, { recursive: true, force: true });
    },
  };
}
