// `npm run restore <backup>`: puts a backup made by `npm run backup` back under DATA_DIR, Passerelle
// stopped. Refuses, changing nothing, while Passerelle runs on DATA_DIR (its launcher's lock, or its
// PostgreSQL's postmaster.pid naming a live server) and when the backup differs from its manifest.
// What it replaces is kept under DATA_DIR/replaced-<time>/. It then starts PostgreSQL once, which
// replays the backup's WAL to the end of the backup, checks that every document the database names
// is there, and stops it: the next `npm start` serves the backed-up state. See README.md, « Exploitation ».
import { existsSync } from 'node:fs';
import { chown, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataDirBusy, lockDataDir } from '../data-dir-lock.mjs';
import {
  PASSWORD_FILES,
  clusterOf,
  runningPostmaster,
  startEmbeddedPostgres,
} from '../embedded-postgres.mjs';
import { withDatabase } from '../db/roles.mjs';
import { copyFileHashed, makeFolder, verifyBackup } from './files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
const say = (message) => process.stderr.write(`[passerelle] ${message}\n`);

class Refused extends Error {}

/** Copies the backup's `prefix` tree (folders and files as the manifest lists them) to `to`. */
async function copyBack(backup, manifest, prefix, to, account) {
  const own = (path) => (account ? chown(path, account.uid, account.gid) : undefined);
  for (const folder of manifest.folders.filter((f) => f === prefix || f.startsWith(`${prefix}/`))) {
    const path = join(to, folder.slice(prefix.length));
    await makeFolder(path);
    await own(path);
  }
  for (const [path, expected] of Object.entries(manifest.files)) {
    if (!path.startsWith(`${prefix}/`)) continue;
    const target = join(to, path.slice(prefix.length + 1));
    await makeFolder(dirname(target));
    const copied = await copyFileHashed(join(backup, path), target);
    // Checked before anything was touched; checked again as it is copied.
    if (copied?.sha256 !== expected.sha256)
      throw new Error(`${join(backup, path)} changed during the restore`);
    await own(target);
  }
}

/** Storage keys that the restored database names but the restored documents lack. */
async function missingDocuments(adminUrl) {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, 'passerelle') });
  await client.connect();
  try {
    const found = await client.query(`SELECT to_regclass('supporting_document') IS NOT NULL AS present`);
    if (!found.rows[0].present) return [];
    const { rows } = await client.query('SELECT storage_key FROM supporting_document');
    return rows
      .map((row) => row.storage_key)
      .filter((key) => !existsSync(join(dataDir, 'documents', key.slice(0, 2), key)));
  } finally {
    await client.end();
  }
}

async function main() {
  if (!process.argv[2]) {
    process.stderr.write('Usage: npm run restore <backup folder>   (DATA_DIR: where to, default ./.data)\n');
    process.exit(2);
  }
  // npm runs scripts from the repository root; the path was typed where npm was run.
  const backup = resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2]);
  say(`checking ${backup} against its manifest…`);
  const manifest = await verifyBackup(backup).catch((error) => {
    throw new Refused(error.message);
  });

  const lock = await lockDataDir(dataDir, 'npm run restore').catch((error) => {
    if (error instanceof DataDirBusy)
      throw new Refused(
        `Passerelle is running on ${dataDir} (${error.holder.purpose}, pid ${error.holder.pid}): stop it first (Ctrl-C where it runs), then restore.`,
      );
    throw error;
  });
  try {
    const cluster = await clusterOf(dataDir, say);
    const running = await runningPostmaster(cluster.pgdata);
    if (running)
      throw new Refused(
        `PostgreSQL still runs on ${cluster.pgdata} (pid ${running.pid}, port ${running.port}), without the launcher that started it: stop it (kill -INT ${running.pid}), then restore.`,
      );

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const replacedCluster = join(cluster.home, `replaced-${stamp}`);
    const replacedData = join(dataDir, `replaced-${stamp}`);
    const documents = join(dataDir, 'documents');
    const moved = [];
    // Only what was moved aside (or was not there) is replaced, and removed again on failure.
    const replaceable = [];
    const moveAside = async (from, to) => {
      if (existsSync(from)) {
        await makeFolder(dirname(to));
        await rename(from, to);
        moved.push([from, to]);
      }
      replaceable.push(from);
    };
    try {
      await moveAside(cluster.pgdata, join(replacedCluster, 'pg'));
      for (const file of PASSWORD_FILES)
        await moveAside(join(cluster.home, file), join(replacedCluster, file));
      await moveAside(documents, join(replacedData, 'documents'));

      say(`restoring the database of ${manifest.createdAt}…`);
      await copyBack(backup, manifest, 'pg', cluster.pgdata, cluster.account);
      await copyBack(backup, manifest, 'passwords', cluster.home, null);
      say(`restoring ${manifest.documents} documents…`);
      await copyBack(backup, manifest, 'documents', documents, null);

      say('starting PostgreSQL, which replays the WAL of the backup…');
      const server = await startEmbeddedPostgres({ dataDir, log: say, readyTimeoutMs: 600_000 });
      try {
        const missing = await missingDocuments(server.adminUrl);
        if (missing.length > 0)
          throw new Error(
            `${missing.length} documents named by the restored database are not in the backup (first: ${missing[0]})`,
          );
      } finally {
        await server.stop();
      }
    } catch (error) {
      // Put back what was there, as it was.
      for (const path of replaceable) await rm(path, { recursive: true, force: true });
      for (const [from, to] of moved.reverse()) await rename(to, from);
      for (const folder of new Set([replacedCluster, replacedData]))
        await rmdir(folder).catch(() => undefined);
      throw error;
    }
    const kept = [...new Set([replacedCluster, replacedData])].filter((folder) => existsSync(folder));
    say(`restored the backup of ${manifest.createdAt} into ${dataDir}: the next npm start serves it.`);
    if (kept.length > 0)
      say(
        `what it replaced is kept in ${kept.join(' and ')}: delete it once the restored Passerelle is checked.`,
      );
  } finally {
    await lock.release();
  }
}

main().catch((error) => {
  say(
    error instanceof Refused
      ? `restore refused, nothing changed: ${error.message}`
      : `restore failed: ${error.message}`,
  );
  process.exit(1);
});
