// A PostgreSQL of a test's own, in a process apart (postgres-process.ts drives it): the embedded
// PostgreSQL of `npm start`, durable, that a test may crash and start again. Jest cannot import the
// ESM-only driver, hence this process. One JSON line per event on stdout; commands on stdin, one a
// line: `crash` (PostgreSQL's immediate shutdown, as `pg_ctl stop -m immediate`), `start` (again, on
// the same port and data), `kill` (SIGKILL to the postmaster), `stop`. With `--supervise`, the
// launcher's supervision (superviseEmbeddedPostgres) starts it again by itself.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, superviseEmbeddedPostgres } from '../../../../tools/embedded-postgres.mjs';

const { values: opts } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    supervise: { type: 'boolean', default: false },
    'retry-delay-ms': { type: 'string', default: '200' },
  },
});
const say = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);
const options = { dataDir: opts['data-dir'], database: 'passerelle', durable: true, log: () => undefined };

let server;
const ready = () =>
  say({
    event: 'ready',
    pid: server.process.pid,
    port: server.port,
    pgdata: server.pgdata,
    adminUrl: server.url,
    ownerUrl: server.owner.url,
    runtimeUrl: server.runtime.url,
  });

const exited = (child) =>
  new Promise((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolveExit();
    child.once('exit', () => resolveExit());
  });

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server?.stop();
  process.exit(code);
}

try {
  if (opts.supervise) {
    server = await superviseEmbeddedPostgres(
      {
        ...options,
        log: (message) => say({ event: 'log', message, pid: server?.process.pid ?? null }),
      },
      {
        retryDelaysMs: [Number(opts['retry-delay-ms']), 500, 1_000, 2_000],
        onGiveUp: (error) => say({ event: 'gave-up', message: error?.message ?? '' }),
      },
    );
  } else {
    server = await startEmbeddedPostgres(options);
  }
  ready();
} catch (error) {
  say({ event: 'error', message: error.message });
  process.exit(1);
}

const commands = {
  crash: async () => {
    server.process.kill('SIGQUIT');
    await exited(server.process);
    say({ event: 'crashed' });
  },
  kill: async () => {
    const child = server.process;
    child.kill('SIGKILL');
    await exited(child);
    say({ event: 'killed', pid: child.pid });
  },
  start: async () => {
    server = await startEmbeddedPostgres({ ...options, port: server.port, requirePort: true });
    ready();
  },
  stop: () => stop(0),
};

// Commands run one after the other; the test's end (stdin closed) stops PostgreSQL.
let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = commands[line.trim()];
  if (!command) return say({ event: 'error', message: `unknown command ${line}` });
  queue = queue.then(command).catch((error) => say({ event: 'error', message: error.message }));
});
lines.on('close', () => void queue.then(() => stop(0)));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => void stop(0));
