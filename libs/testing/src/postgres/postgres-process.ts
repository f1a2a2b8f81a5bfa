import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DatabaseUrls } from './test-database';

/** What postgres-process.mjs says, one JSON line each. */
export interface PostgresEvent {
  event: 'ready' | 'crashed' | 'killed' | 'log' | 'gave-up' | 'error';
  pid?: number | null;
  port?: number;
  pgdata?: string;
  adminUrl?: string;
  ownerUrl?: string;
  runtimeUrl?: string;
  message?: string;
}

export interface PostgresProcess {
  /** Database `passerelle`: the runtime role's URL, the owner's, the superuser's. */
  urls: DatabaseUrls;
  /** The postmaster's process id now. */
  pid: () => number;
  /** Every event so far, oldest first. */
  events: PostgresEvent[];
  /** The first event from now on (or already seen, if `since` is given) that `matches`. */
  next: (matches: (event: PostgresEvent) => boolean, since?: number) => Promise<PostgresEvent>;
  /** PostgreSQL's immediate shutdown (`pg_ctl stop -m immediate`): no checkpoint, recovery at next start. */
  crash: () => Promise<void>;
  /** Starts it again after a crash, on the same port and data. */
  start: () => Promise<void>;
  /** SIGKILL to the postmaster. */
  kill: () => Promise<void>;
  /** Stops PostgreSQL and removes its data. */
  close: () => Promise<void>;
}

const FIXTURE = join(__dirname, 'postgres-process.mjs');

/**
 * A durable PostgreSQL of the test's own, in a process apart, that the test may crash and start
 * again (the test harness's server is shared, and trades durability for speed). `supervise`: the
 * `npm start` launcher's supervision restarts it when it dies.
 */
export async function startPostgresProcess(
  options: { supervise?: boolean; retryDelayMs?: number } = {},
): Promise<PostgresProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'passerelle-pg-process-'));
  const args = [FIXTURE, '--data-dir', dataDir];
  if (options.supervise) args.push('--supervise', '--retry-delay-ms', String(options.retryDelayMs ?? 200));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const events: PostgresEvent[] = [];
  const waiting = new Set<() => void>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as PostgresEvent);
    } catch {
      return;
    }
    for (const wake of [...waiting]) wake();
  });
  child.once('exit', () => {
    for (const wake of [...waiting]) wake();
  });

  const next = (matches: (event: PostgresEvent) => boolean, since = events.length): Promise<PostgresEvent> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = events.slice(since).find(matches);
        const failed = events.slice(since).find((event) => event.event === 'error');
        if (found || failed || child.exitCode !== null) waiting.delete(check);
        if (found) resolve(found);
        else if (failed) reject(new Error(`PostgreSQL process: ${failed.message ?? 'error'}`));
        else if (child.exitCode !== null) reject(new Error(`PostgreSQL process ended: ${stderr}`));
      };
      waiting.add(check);
      check();
    });
  const send = (command: string, until: PostgresEvent['event']): Promise<PostgresEvent> => {
    const since = events.length;
    child.stdin.write(`${command}\n`);
    return next((event) => event.event === until, since);
  };

  const ready = await next((event) => event.event === 'ready', 0);
  const pgdata = ready.pgdata ?? '';
  const urls: DatabaseUrls = {
    url: ready.runtimeUrl ?? '',
    ownerUrl: ready.ownerUrl ?? '',
    adminUrl: ready.adminUrl ?? '',
  };
  const pid = (): number => {
    const latest = [...events]
      .reverse()
      .find((event) => typeof event.pid === 'number' && event.event !== 'killed');
    return latest?.pid ?? 0;
  };
  return {
    urls,
    pid,
    events,
    next,
    crash: async () => void (await send('crash', 'crashed')),
    start: async () => void (await send('start', 'ready')),
    kill: async () => void (await send('kill', 'killed')),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin.end();
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
      // As root, the cluster may live under the temp folder rather than in dataDir.
      if (pgdata && !pgdata.startsWith(dataDir)) await rm(dirname(pgdata), { recursive: true, force: true });
    },
  };
}
