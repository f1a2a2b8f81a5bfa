import cluster, { type Worker } from 'node:cluster';

export interface WorkerOptions {
  /** API processes to run. */
  count: number;
  /** The script each worker runs; by default the one this process started with. */
  exec?: string;
  /** Added to the workers' environment. */
  env?: Record<string, string>;
  /** Warnings and errors, one JSON-ready entry each. */
  log: (entry: { level: number; msg: string; [key: string]: unknown }) => void;
  /** How long a stop waits for the workers before killing them. */
  stopTimeoutMs?: number;
  /** After every worker listened, a new one could not start: all are stopped, then this is called. */
  onGiveUp?: (error: Error) => void;
}

export interface Workers {
  /** Resolves when every worker listens; rejects, once all are stopped, if one ends before it ever listened. */
  listening: Promise<void>;
  /** Passes SIGTERM on to every worker; resolves when they have all ended. */
  stop(): Promise<void>;
  /** The running workers' process ids. */
  pids(): number[];
}

/**
 * Runs `count` API processes on one port with `node:cluster` (the primary hands each new
 * connection to a worker). Every worker is a whole API: they share nothing but the database, as
 * separate instances behind a load balancer do. A worker that dies after it listened is replaced;
 * one that dies before is a failed start, and stops them all.
 */
export function startWorkers({
  count,
  exec,
  env,
  log,
  stopTimeoutMs = 15_000,
  onGiveUp,
}: WorkerOptions): Workers {
  if (exec) cluster.setupPrimary({ exec });
  const running = new Set<Worker>();
  const listened = new WeakSet<Worker>();
  let stopping = false;
  let started = 0;
  let ready = false;
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const listening = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // A worker that cannot start will not start better a second time: stop them all.
  const giveUp = (error: Error): void => {
    void stop().then(() => (ready ? onGiveUp?.(error) : settle?.reject(error)));
  };

  const fork = (): void => {
    const worker = cluster.fork(env);
    running.add(worker);
    worker.once('listening', () => {
      listened.add(worker);
      if (++started === count) {
        ready = true;
        settle?.resolve();
      }
    });
    worker.once('exit', (code, signal) => {
      running.delete(worker);
      if (stopping) return;
      if (!listened.has(worker)) {
        giveUp(new Error(`an API worker ended before it listened (${signal ?? `exit code ${code}`})`));
        return;
      }
      log({ level: 50, msg: 'An API worker ended; starting another', pid: worker.process.pid, code, signal });
      fork();
    });
  };

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping = true;
    stopped ??= new Promise<void>((resolve) => {
      const left = [...running];
      if (left.length === 0) return resolve();
      const timer = setTimeout(() => {
        log({
          level: 40,
          msg: 'API workers still running after the stop delay: killed',
          count: running.size,
        });
        for (const worker of running) worker.process.kill('SIGKILL');
      }, stopTimeoutMs);
      let pending = left.length;
      for (const worker of left) {
        worker.once('exit', () => {
          if (--pending === 0) {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.process.kill('SIGTERM');
      }
    });
    return stopped;
  };

  for (let i = 0; i < count; i++) fork();
  return {
    listening,
    stop,
    pids: () => [...running].flatMap((worker) => (worker.process.pid ? [worker.process.pid] : [])),
  };
}
