// `npm run backup`: a consistent copy of the embedded PostgreSQL and of the documents under DATA_DIR,
// taken while Passerelle runs (of a stopped Passerelle too: its cluster is then started for the time
// of the copy). PostgreSQL's low-level base backup API: pg_backup_start, a copy of the data directory
// while it changes, pg_backup_stop in the same session, then the WAL written meanwhile, which the
// restored cluster replays up to the end of the backup. The documents are copied during the backup
// and again after it: a document's bytes are written before its row and removed after it, so every
// document the copied database names is in one copy or the other. The last line printed is the
// backup's path.
//
// DATA_DIR: what to back up (default ./.data); BACKUP_DIR: where (default ./backups); BACKUP_KEEP: how
// many backups to keep there, the newest (default: all). See README.md, « Exploitation ».
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataDirBusy, dataDirHolder, lockDataDir } from '../data-dir-lock.mjs';
import {
  PASSWORD_FILES,
  clusterOf,
  runningPostmaster,
  startEmbeddedPostgres,
} from '../embedded-postgres.mjs';
import { withDatabase } from '../db/roles.mjs';
import {
  MANIFEST,
  MANIFEST_FORMAT,
  copyFileHashed,
  listFiles,
  makeFolder,
  sealBackup,
  writeFileHashed,
} from './files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = resolve(root, process.env.DATA_DIR ?? '.data');
const backupDir = resolve(root, process.env.BACKUP_DIR ?? 'backups');
const say = (message) => process.stderr.write(`[passerelle] ${message}\n`);

/** Backups are named by their UTC time, so that names sort by age. */
export const BACKUP_NAME = /^passerelle-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/;

// What pg_basebackup leaves out too (PostgreSQL 17, « Backing Up the Data Directory »): the contents
// of these folders are made again at start (pg_wal gets the WAL of the backup, below)…
const EMPTIED = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
// …and these files would mislead the restored server; the Unix socket's lock lives here too.
const LEFT_OUT = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'pg_internal.init',
  'backup_label',
  'tablespace_map',
  'backup_manifest',
  'postgresql.auto.conf.tmp',
  'current_logfiles.tmp',
]);
const leftOut = (name) =>
  LEFT_OUT.has(name) || name.startsWith('pgsql_tmp') || /^\.s\.PGSQL\.\d+(\.lock)?$/.test(name);

/** Copies the data directory `from` into `to`, but global/pg_control (copied last) and LEFT_OUT. */
async function copyDataDirectory(from, to, relativePath, backup) {
  await makeFolder(to);
  backup.folders.push(relativePath ? `pg/${relativePath}` : 'pg');
  let entries;
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    // A database dropped during the copy: its creation and removal are both in the WAL.
    if (error.code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    if (leftOut(entry.name)) continue;
    const path = relativePath ? `${relativePath}/${entry.name}` : entry.name;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      if (!relativePath && EMPTIED.has(entry.name)) {
        await makeFolder(target);
        backup.folders.push(`pg/${path}`);
      } else {
        await copyDataDirectory(source, target, path, backup);
      }
    } else if (entry.isFile()) {
      if (path === 'global/pg_control') continue;
      const copied = await copyFileHashed(source, target);
      if (copied) backup.files[`pg/${path}`] = copied;
    } else if (entry.isSymbolicLink()) {
      throw new Error(`${source} is a symbolic link (a tablespace, or a moved pg_wal): not backed up here`);
    }
    // Sockets and other special files hold nothing to keep.
  }
}

/** pg_control last, as read twice alike: a checkpoint may rewrite it while it is read. */
async function copyControlFile(pgdata, to, backup) {
  const from = join(pgdata, 'global', 'pg_control');
  let bytes = await readFile(from);
  for (let read = 0; read < 10; read++) {
    const again = await readFile(from);
    if (again.equals(bytes)) break;
    bytes = again;
  }
  backup.files['pg/global/pg_control'] = await writeFileHashed(join(to, 'global', 'pg_control'), bytes);
}

/** Copies the documents not copied yet (a document's bytes never change under its key). */
async function copyDocuments(from, to, backup) {
  for (const path of await listFiles(from)) {
    // An upload being written (renamed into place when complete).
    if (path.endsWith('.tmp')) continue;
    const name = `documents/${path}`;
    if (backup.files[name]) continue;
    const target = join(to, path);
    const folder = dirname(name);
    if (!backup.folders.includes(folder)) {
      await makeFolder(dirname(target));
      backup.folders.push(folder);
    }
    const copied = await copyFileHashed(join(from, path), target);
    if (copied) backup.files[name] = copied;
  }
}

/** The WAL segment names from `first` to `last` (same timeline), for segments of `segmentSize` bytes. */
function segmentsBetween(first, last, segmentSize) {
  const perLogId = 0x100000000 / segmentSize;
  const number = (name) => parseInt(name.slice(8, 16), 16) * perLogId + parseInt(name.slice(16, 24), 16);
  const hex = (value) => value.toString(16).toUpperCase().padStart(8, '0');
  const timeline = last.slice(0, 8);
  if (first.slice(0, 8) !== timeline) throw new Error(`The timeline changed during the backup`);
  const names = [];
  for (let n = number(first); n <= number(last); n++)
    names.push(`${timeline}${hex(Math.floor(n / perLogId))}${hex(n % perLogId)}`);
  return names;
}

/** Copies the cluster under `pgdata`, served at `adminUrl`, and the documents, into `target`. */
async function backUp(adminUrl, pgdata, target, label) {
  const backup = { files: {}, folders: [] };
  const documentsFrom = join(dataDir, 'documents');
  const documentsTo = join(target, 'documents');
  backup.folders.push('documents');
  await makeFolder(documentsTo);
  // The non-exclusive backup lives as long as this session: ending it early aborts the backup.
  const session = new pg.Client({ connectionString: adminUrl, application_name: 'passerelle backup' });
  await session.connect();
  let stop;
  let startLsn;
  const info = {};
  try {
    await session.query('SET statement_timeout = 0');
    const settings = await session.query(
      `SELECT current_setting('server_version') AS version,
              (SELECT setting::bigint FROM pg_settings WHERE name = 'wal_segment_size') AS segment_size,
              (SELECT system_identifier::text FROM pg_control_system()) AS system_identifier`,
    );
    Object.assign(info, settings.rows[0]);
    // A temporary slot holds back every WAL segment from now until the session ends: none that the
    // backup needs is recycled by a checkpoint meanwhile, and none is held after it.
    await session.query('SELECT pg_create_physical_replication_slot($1, true, true)', [
      `passerelle_backup_${process.pid}`,
    ]);
    startLsn = (await session.query('SELECT pg_backup_start($1, true) AS lsn', [label])).rows[0].lsn;
    say(`backup started at WAL location ${startLsn}; copying the documents…`);
    await copyDocuments(documentsFrom, documentsTo, backup);
    say('copying the data directory…');
    await copyDataDirectory(pgdata, join(target, 'pg'), '', backup);
    await copyControlFile(pgdata, join(target, 'pg'), backup);
    stop = (
      await session.query(
        'SELECT lsn, labelfile, spcmapfile, pg_walfile_name(lsn) AS last_segment FROM pg_backup_stop(false)',
      )
    ).rows[0];
    say(`backup stopped at WAL location ${stop.lsn}; copying its WAL…`);
    if (stop.spcmapfile)
      throw new Error('The cluster has tablespaces: this backup copies the data directory only');
    // Byte for byte what pg_backup_stop returned: the restored server starts its recovery from it.
    backup.files['pg/backup_label'] = await writeFileHashed(
      join(target, 'pg', 'backup_label'),
      Buffer.from(stop.labelfile, 'utf8'),
    );
    const first = /^START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)$/m.exec(stop.labelfile)?.[1];
    if (!first) throw new Error(`Unexpected backup label from PostgreSQL:\n${stop.labelfile}`);
    const wal = join(pgdata, 'pg_wal');
    const segments = segmentsBetween(first, stop.last_segment, Number(info.segment_size));
    const history = (await readdir(wal)).filter((name) => /^[0-9A-F]{8}\.history$/.test(name));
    for (const name of [...history, ...segments]) {
      const copied = await copyFileHashed(join(wal, name), join(target, 'pg', 'pg_wal', name));
      if (!copied) throw new Error(`WAL segment ${name} is gone: the backup is incomplete`);
      backup.files[`pg/pg_wal/${name}`] = copied;
    }
    Object.assign(info, { firstSegment: first, lastSegment: stop.last_segment, segments: segments.length });
  } finally {
    // Ends the backup if it is still running, and drops the temporary slot.
    await session.end().catch(() => undefined);
  }
  say('copying the documents written during the backup…');
  await copyDocuments(documentsFrom, documentsTo, backup);
  return { ...backup, info, startLsn, stopLsn: stop.lsn };
}

/** The last migration of the Passerelle database, for the manifest (null when there is none yet). */
async function lastMigration(adminUrl) {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, 'passerelle') });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT name FROM schema_migration ORDER BY timestamp DESC LIMIT 1');
    return rows[0]?.name ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Removes the oldest complete backups of BACKUP_DIR beyond the `keep` newest. */
async function applyRetention(keep) {
  const names = (await readdir(backupDir))
    .filter((name) => BACKUP_NAME.test(name) && existsSync(join(backupDir, name, MANIFEST)))
    .sort()
    .reverse();
  for (const name of names.slice(keep)) {
    await rm(join(backupDir, name), { recursive: true, force: true });
    say(`removed the backup ${name} (BACKUP_KEEP=${keep})`);
  }
}

async function main() {
  const keep = process.env.BACKUP_KEEP ? Number(process.env.BACKUP_KEEP) : 0;
  if (!Number.isInteger(keep) || keep < 0)
    throw new Error(
      `BACKUP_KEEP must be a whole number of backups (0: keep all), not ${process.env.BACKUP_KEEP}`,
    );
  if (!existsSync(dataDir)) throw new Error(`${dataDir} does not exist: nothing to back up (set DATA_DIR)`);
  const cluster = await clusterOf(dataDir, say);
  if (!existsSync(join(cluster.pgdata, 'PG_VERSION')))
    throw new Error(
      `No embedded PostgreSQL under ${dataDir} (${cluster.pgdata}): nothing to back up. A Passerelle on DATABASE_URL is backed up with pg_dump (README.md, « Exploitation »).`,
    );
  const holder = await dataDirHolder(dataDir);
  if (holder && holder.purpose !== 'npm start') throw new DataDirBusy(dataDir, holder);
  const superuserPassword = (await readFile(join(cluster.home, PASSWORD_FILES[0]), 'utf8')).trim();

  let running = await runningPostmaster(cluster.pgdata);
  let stopCluster = async () => undefined;
  if (!running) {
    if (holder)
      throw new Error(
        `Passerelle runs on ${dataDir} (pid ${holder.pid}) but its embedded PostgreSQL does not: it is starting, or it uses DATABASE_URL (back that server up with pg_dump). Try again once it has started.`,
      );
    // Passerelle is stopped: start its cluster for the time of the backup, keeping others off DATA_DIR.
    const lock = await lockDataDir(dataDir, 'npm run backup');
    say('Passerelle is not running: starting its PostgreSQL for the backup');
    const server = await startEmbeddedPostgres({ dataDir, log: say });
    running = { pid: server.process.pid, port: server.port };
    stopCluster = async () => {
      await server.stop();
      await lock.release();
    };
  }
  const adminUrl = `postgres://postgres:${encodeURIComponent(superuserPassword)}@127.0.0.1:${running.port}/postgres`;

  await makeFolder(backupDir);
  const createdAt = new Date();
  const name = `passerelle-${createdAt.toISOString().replace(/[:.]/g, '-')}`;
  const final = join(backupDir, name);
  const partial = `${final}.partial`;
  await makeFolder(partial);
  try {
    const backup = await backUp(adminUrl, cluster.pgdata, partial, name);
    const migration = await lastMigration(adminUrl);
    await stopCluster();
    stopCluster = async () => undefined;
    await makeFolder(join(partial, 'passwords'));
    backup.folders.push('passwords');
    for (const file of PASSWORD_FILES) {
      const copied = await copyFileHashed(join(cluster.home, file), join(partial, 'passwords', file));
      if (!copied) throw new Error(`${join(cluster.home, file)} is missing`);
      backup.files[`passwords/${file}`] = copied;
    }
    const documents = Object.keys(backup.files).filter((path) => path.startsWith('documents/')).length;
    await sealBackup(partial, final, {
      format: MANIFEST_FORMAT,
      createdAt: createdAt.toISOString(),
      dataDir,
      postgres: {
        version: backup.info.version,
        systemIdentifier: backup.info.system_identifier,
        startLsn: backup.startLsn,
        stopLsn: backup.stopLsn,
        walSegments: [backup.info.firstSegment, backup.info.lastSegment],
      },
      lastMigration: migration,
      documents,
      folders: backup.folders,
      files: backup.files,
    });
    const size = Object.values(backup.files).reduce((total, file) => total + file.size, 0);
    say(
      `backup complete: the database up to WAL location ${backup.stopLsn}, ${documents} documents, ${(size / 1048576).toFixed(1)} MiB`,
    );
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await stopCluster();
  }
  if (process.env.DOCUMENTS_STORAGE === 's3')
    say(
      'the documents kept in the S3 bucket are not in this backup: README.md, « Exploitation », says how to keep them',
    );
  if (keep > 0) await applyRetention(keep);
  process.stdout.write(`${final}\n`);
}

main().catch((error) => {
  say(`backup failed: ${error.message}`);
  process.exit(1);
});
