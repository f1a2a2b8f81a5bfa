import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import type { CreatedApplicantFile, LoginResponse } from '@passerelle/shared/domain';
import { DEMO_DOCUMENTS_KEY } from '@api/platform/config/config';
import { createApp } from '@api/platform/create-app';
import { inspectRole } from '@api/platform/database/database-roles';
import { DocumentCipher } from '@api/platform/storage/document-cipher';
import { EncryptedDiskStorage, documentsDirectory } from '@api/platform/storage/encrypted-disk-storage';
import { minimalFile } from '@api/testing/builders';
import { DEMO_PASSWORD, testConfig } from '@api/testing/test-app';
import { sampleJpeg, samplePdf, samplePng } from './documents/testing/sample-documents';
import { prepareDatabase } from './database-setup';

/**
 * QUALITY.md, « backup », for the embedded default: `npm run backup` while Passerelle runs and
 * writes, then `npm run restore`, gives back exactly the database of the backup's moment (row
 * count and checksum of every table, owners and grants) and every document, which opens. The test
 * has a PostgreSQL cluster of its own (a backup copies a whole cluster), held the way `npm start`
 * holds it; the API runs in this process on it, as the runtime role, its documents under DATA_DIR.
 */

const ROOT = resolve(__dirname, '../../../..');
const CLUSTER = join(ROOT, 'apps/api/src/testing/passerelle-cluster.mjs');
const MINUTES = 60_000;
const MAX_WRITES = 2_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Tool {
  child: ChildProcessWithoutNullStreams;
  done: Promise<Run>;
}

/** A script of tools/ as npm runs it (its own process), on this test's DATA_DIR and BACKUP_DIR. */
function tool(script: string, args: string[], env: Record<string, string>): Tool {
  const child = spawn(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolveRun, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, stdout, stderr }));
  });
  return { child, done };
}

interface Cluster {
  adminUrl: string;
  /** The Passerelle database, as the superuser. */
  url: string;
  ownerUrl: string;
  runtimeUrl: string;
  pgdata: string;
  stop: () => Promise<void>;
}

/** The embedded PostgreSQL of `dataDir`, with DATA_DIR held as `npm start` holds it (unless `lock: false`). */
async function startCluster(dataDir: string, { lock = true } = {}): Promise<Cluster> {
  const child = spawn(process.execPath, [CLUSTER, dataDir], {
    cwd: ROOT,
    env: { ...process.env, PASSERELLE_CLUSTER_LOCK: String(lock) },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const urls = await new Promise<Omit<Cluster, 'stop'>>((resolveUrls, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) resolveUrls(JSON.parse(line) as Omit<Cluster, 'stop'>);
    });
    void exited.then(() => reject(new Error(`The test cluster stopped: ${stderr}`)));
  });
  return {
    ...urls,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Api {
  app: NestExpressApplication;
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real application on the cluster, as production runs it: the runtime role serves. */
async function startApi(cluster: Cluster, dataDir: string): Promise<Api> {
  const database = {
    name: 'passerelle',
    url: cluster.runtimeUrl,
    ownerUrl: cluster.ownerUrl,
    adminUrl: cluster.url,
    drop: async () => undefined,
  };
  const app = await createApp(testConfig(database, { dataDir }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

async function call<T>(
  api: Api,
  method: string,
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: T }> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: {
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

async function login(api: Api, username: string): Promise<string> {
  const response = await call<LoginResponse>(api, 'POST', '/api/auth/login', {
    body: { username, password: DEMO_PASSWORD },
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
  return response.body.accessToken;
}

async function createFile(api: Api, token: string): Promise<string> {
  const created = await call<CreatedApplicantFile>(api, 'POST', '/api/applicant-files', {
    token,
    body: minimalFile(),
  });
  if (created.status !== 201) throw new Error(`create: ${created.status}`);
  return created.body.id;
}

async function upload(api: Api, token: string, fileId: string, bytes: Buffer, name: string, type: string) {
  const form = new FormData();
  form.append('type', type);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${api.baseUrl}/api/applicant-files/${fileId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** What a restore must give back: each table's row count and checksum, and who owns and may use what. */
interface DatabaseState {
  tables: Record<string, { rows: number; md5: string }>;
  ownershipAndGrants: string;
}

async function databaseState(client: Client): Promise<DatabaseState> {
  const tables: DatabaseState['tables'] = {};
  const names = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  for (const { name } of names.rows) {
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
         FROM public."${name}" t`,
    );
    tables[name] = rows[0]!;
  }
  const catalog = await client.query<{ md5: string }>(
    `SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS md5 FROM (
       SELECT format('%s %s %s %s', c.relkind, c.relname, pg_get_userbyid(c.relowner), c.relacl) AS line
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
       UNION ALL
       SELECT format('function %s %s %s %s', p.oid::regprocedure, pg_get_userbyid(p.proowner), p.prosecdef, p.proacl)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
       UNION ALL
       SELECT format('database %s %s', pg_get_userbyid(datdba), datacl) FROM pg_database
        WHERE datname = current_database()
     ) lines`,
  );
  return { tables, ownershipAndGrants: catalog.rows[0]!.md5 };
}

async function stateOf(url: string): Promise<DatabaseState> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await databaseState(client);
  } finally {
    await client.end();
  }
}

/** A run that must succeed: on failure, what it said is the assertion's message. */
const expectSuccess = (run: Run) => expect(run.code === 0 ? '' : `exit ${run.code}: ${run.stderr}`).toBe('');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const lastLine = (text: string) => text.trim().split('\n').pop() ?? '';

describe('backup and restore of the embedded PostgreSQL and the documents', () => {
  let work: string;
  let dataDir: string;
  let env: Record<string, string>;
  let cluster: Cluster | null = null;
  let api: Api | null = null;
  let backupPath: string;
  // The database after k acknowledged writes of the writer (states[0]: before its first one).
  const states: DatabaseState[] = [];
  let earliest: number;
  let latest: number;
  let afterBackup: DatabaseState;
  let laterDocumentKey: string;

  const stopAll = async () => {
    await api?.close();
    api = null;
    await cluster?.stop();
    cluster = null;
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'passerelle-backup-'));
    // The `postgres` account runs the cluster (as root): it must reach DATA_DIR, as under ./.data.
    await chmod(work, 0o755);
    dataDir = join(work, 'data');
    env = { DATA_DIR: dataDir, BACKUP_DIR: join(work, 'backups') };
    cluster = await startCluster(dataDir);
    // As `npm start` prepares it: migrations and grants by the owner, demo accounts and files.
    await prepareDatabase({
      databaseUrl: cluster.runtimeUrl,
      migrationDatabaseUrl: cluster.ownerUrl,
      mode: 'demo',
      demoPassword: DEMO_PASSWORD,
      firstCoordinator: null,
      demoFileCount: 40,
    });
    api = await startApi(cluster, dataDir);
    const agent = await login(api, 'mourenx.agent');
    const fileId = await createFile(api, agent);
    await upload(api, agent, fileId, samplePdf('Avis d’imposition'), 'avis.pdf', 'TAX_NOTICE');
    await upload(api, agent, fileId, samplePng(), 'piece.png', 'IDENTITY');
    await upload(api, agent, fileId, sampleJpeg(), 'ordonnance.jpg', 'PROTECTION_ORDER');
  }, 5 * MINUTES);

  afterAll(async () => {
    await stopAll();
    await rm(work, { recursive: true, force: true });
  }, MINUTES);

  it(
    'backs up while the API writes: the writes acknowledged during the backup are in it',
    async () => {
      const running = api!;
      const agent = await login(running, 'mourenx.agent');
      const reader = new Client({ connectionString: cluster!.url });
      await reader.connect();
      let writes = 0;
      let writing = true;
      let lastFileId = '';
      const backup = tool('tools/backup/backup.mjs', [], env);
      try {
        states.push(await databaseState(reader));
        // One write at a time, each followed by the state it leaves: the restored database must be one
        // of them. Bounded, in case the backup never ends.
        const writer = (async () => {
          while (writing && writes < MAX_WRITES) {
            if (writes % 2 === 0) lastFileId = await createFile(running, agent);
            else
              await upload(
                running,
                agent,
                lastFileId,
                samplePdf(`bulletin ${writes}`),
                'bulletin.pdf',
                'PAYSLIPS',
              );
            writes += 1;
            states.push(await databaseState(reader));
          }
        })();
        const writerStopped = writer.then(() => {
          throw new Error(`The writer stopped after ${writes} writes`);
        });
        writerStopped.catch(() => undefined);

        // The backup is paused once it has started and looked at the documents, before it copies the
        // data directory: writes acknowledged meanwhile must be in it, their documents found by its
        // second look at them. The writer goes on during the copy and until the backup ends.
        let output = '';
        await Promise.race([
          writerStopped,
          new Promise<void>((paused, failed) => {
            const listener = (chunk: Buffer) => {
              output += chunk.toString();
              if (!output.includes('copying the data directory')) return;
              backup.child.stderr.off('data', listener);
              backup.child.kill('SIGSTOP');
              paused();
            };
            backup.child.stderr.on('data', listener);
            void backup.done.then((run) =>
              failed(new Error(`The backup ended before its copy: ${run.stderr}`)),
            );
          }),
        ]);
        const session = await reader.query<{ query: string }>(
          `SELECT query FROM pg_stat_activity WHERE application_name = 'passerelle backup'`,
        );
        expect(session.rows[0]?.query).toMatch(/pg_backup_start/);
        const target = writes + 3;
        while (writes < target) await Promise.race([writerStopped, new Promise((r) => setTimeout(r, 20))]);
        earliest = writes;
        backup.child.kill('SIGCONT');
        const run = await backup.done;
        latest = writes + 1;
        writing = false;
        await writer;

        expectSuccess(run);
        // Its last line is the backup's path.
        backupPath = lastLine(run.stdout);
        expect(backupPath).toMatch(new RegExp(`^${join(work, 'backups')}/passerelle-[0-9T-]+Z$`));
        const manifest = JSON.parse(await readFile(join(backupPath, 'manifest.json'), 'utf8')) as {
          documents: number;
          files: Record<string, { size: number; sha256: string }>;
        };
        expect(manifest.documents).toBeGreaterThanOrEqual(3 + Math.floor(earliest / 2));
        expect(Object.keys(manifest.files)).toEqual(
          expect.arrayContaining([
            'pg/backup_label',
            'pg/global/pg_control',
            'passwords/pg-superuser-password',
          ]),
        );
      } finally {
        writing = false;
        if (backup.child.exitCode === null) {
          backup.child.kill('SIGCONT');
          backup.child.kill('SIGTERM');
          await backup.done;
        }
        await reader.end();
      }
    },
    5 * MINUTES,
  );
  it(
    'changes data after the backup: insert, update, delete, a new document',
    async () => {
      const running = api!;
      const agent = await login(running, 'mourenx.agent');
      const fileId = await createFile(running, agent);
      const read = await call(running, 'GET', `/api/applicant-files/${fileId}`, { token: agent });
      const patched = await call(running, 'PATCH', `/api/applicant-files/${fileId}`, {
        token: agent,
        headers: { 'if-match': read.headers.get('etag')! },
        body: { contact: { phone: '05 59 60 11 22' } },
      });
      expect(patched.status).toBe(200);
      const document = await upload(
        running,
        agent,
        fileId,
        samplePdf('après la sauvegarde'),
        'apres.pdf',
        'TAX_NOTICE',
      );
      const runtime = new Client({ connectionString: cluster!.runtimeUrl });
      await runtime.connect();
      try {
        laterDocumentKey = (
          await runtime.query<{ key: string }>(
            'SELECT storage_key AS key FROM supporting_document WHERE id = $1',
            [document.id],
          )
        ).rows[0]!.key;
        await runtime.query('DELETE FROM user_session');
      } finally {
        await runtime.end();
      }
      afterBackup = await stateOf(cluster!.url);
      for (const table of ['applicant_file', 'supporting_document', 'user_session', 'audit_entry'])
        expect([table, afterBackup.tables[table]]).not.toEqual([
          table,
          states[states.length - 1]!.tables[table],
        ]);
    },
    MINUTES,
  );

  it(
    'refuses to restore while Passerelle runs, and changes nothing',
    async () => {
      const documentsBefore = await readdir(join(dataDir, 'documents'), { recursive: true });
      const refused = await tool('tools/backup/restore.mjs', [backupPath], env).done;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /restore refused, nothing changed: Passerelle is running on .* \(npm start, pid \d+\)/,
      );
      expect(await stateOf(cluster!.url)).toEqual(afterBackup);
      expect(await readdir(join(dataDir, 'documents'), { recursive: true })).toEqual(documentsBefore);
      expect((await readdir(dataDir)).filter((name) => name.startsWith('replaced-'))).toEqual([]);

      // Nor does a second `npm start` on the same DATA_DIR get past its lock.
      const second = await tool('tools/start.mjs', [], { ...env, PASSERELLE_SKIP_BUILD: 'true' }).done;
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/could not start: .* is in use by npm start \(pid \d+/);
    },
    MINUTES,
  );

  it(
    'refuses while a PostgreSQL left by its launcher still runs on DATA_DIR',
    async () => {
      await stopAll();
      cluster = await startCluster(dataDir, { lock: false });
      const refused = await tool('tools/backup/restore.mjs', [backupPath], env).done;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /restore refused, nothing changed: PostgreSQL still runs on .*\(pid \d+, port \d+\)/,
      );
      await stopAll();
    },
    MINUTES,
  );

  it(
    'refuses a damaged backup, and changes nothing',
    async () => {
      const before = await readdir(dataDir, { recursive: true });
      const manifest = JSON.parse(await readFile(join(backupPath, 'manifest.json'), 'utf8')) as {
        files: Record<string, unknown>;
      };
      const victim = join(
        backupPath,
        Object.keys(manifest.files).find((path) => path.startsWith('documents/'))!,
      );
      const original = await readFile(victim);
      const damaged = Buffer.from(original);
      damaged[damaged.length - 1] ^= 0xff;
      await writeFile(victim, damaged);
      try {
        const refused = await tool('tools/backup/restore.mjs', [backupPath], env).done;
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/restore refused, nothing changed: .* differs from the manifest/);
        expect(await readdir(dataDir, { recursive: true })).toEqual(before);
      } finally {
        await writeFile(victim, original);
      }
    },
    MINUTES,
  );

  it(
    'restores exactly the state of the backup: every table, owners and grants, every document',
    async () => {
      const restored = await tool('tools/backup/restore.mjs', [backupPath], env).done;
      expectSuccess(restored);
      expect(restored.stderr).toMatch(/replaced is kept in .*replaced-/);

      cluster = await startCluster(dataDir);
      const state = await stateOf(cluster.url);
      // The backup ends after the writes acknowledged while it was paused, before those that followed it.
      const candidates = states.slice(earliest, latest + 1);
      const match = candidates.findIndex((candidate) => JSON.stringify(candidate) === JSON.stringify(state));
      if (match === -1) expect(state).toEqual(candidates[0]);
      expect(state.tables['applicant_file']!.rows).toBeGreaterThan(40);
      expect(state).not.toEqual(afterBackup);

      // Every document the restored database names opens with its key, and is the file uploaded.
      const storage = new EncryptedDiskStorage(
        documentsDirectory(dataDir),
        new DocumentCipher(Buffer.from(DEMO_DOCUMENTS_KEY, 'base64')),
      );
      const client = new Client({ connectionString: cluster.url });
      await client.connect();
      let documents: { id: string; storage_key: string; sha256: string }[];
      try {
        documents = (
          await client.query<{ id: string; storage_key: string; sha256: string }>(
            'SELECT id, storage_key, sha256 FROM supporting_document ORDER BY id',
          )
        ).rows;
      } finally {
        await client.end();
      }
      expect(documents.length).toBeGreaterThanOrEqual(3 + Math.floor(earliest / 2));
      for (const document of documents)
        expect(sha256(await storage.get(document.storage_key))).toBe(document.sha256);
      // The document uploaded after the backup is gone with its row.
      expect(existsSync(storage.pathOf(laterDocumentKey))).toBe(false);

      // The runtime role owns nothing and has its grants back; `npm start` finds nothing to migrate.
      expect((await inspectRole(cluster.runtimeUrl)).excess).toEqual([]);
      const prepared = await prepareDatabase({
        databaseUrl: cluster.runtimeUrl,
        migrationDatabaseUrl: cluster.ownerUrl,
        mode: 'demo',
        demoPassword: DEMO_PASSWORD,
        firstCoordinator: null,
        demoFileCount: 40,
      });
      expect(prepared).toMatchObject({
        migrations: [],
        demoAccounts: 0,
        demoFiles: 0,
        runtimeRoleExcess: [],
      });

      // And Passerelle serves it: a social worker signs in and downloads a protection order.
      api = await startApi(cluster, dataDir);
      const worker = await login(api, 'sdsei.ts');
      const order = documents.find((d) => d.sha256 === sha256(sampleJpeg()))!;
      const download = await fetch(`${api.baseUrl}/api/documents/${order.id}/content`, {
        headers: { authorization: `Bearer ${worker}` },
      });
      expect(download.status).toBe(200);
      expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(order.sha256);
    },
    5 * MINUTES,
  );

  it(
    'backs up a stopped Passerelle too, and keeps the newest BACKUP_KEEP backups',
    async () => {
      await stopAll();
      const run = await tool('tools/backup/backup.mjs', [], { ...env, BACKUP_KEEP: '1' }).done;
      expectSuccess(run);
      expect(run.stderr).toMatch(/Passerelle is not running: starting its PostgreSQL for the backup/);
      expect(run.stderr).toMatch(/removed the backup passerelle-/);
      const second = lastLine(run.stdout);
      expect(await readdir(join(work, 'backups'))).toEqual([second.split('/').pop()]);
      // The cluster it started is stopped again and DATA_DIR is free: a restore may proceed.
      const again = await tool('tools/backup/restore.mjs', [second], env).done;
      expectSuccess(again);
    },
    5 * MINUTES,
  );
});
