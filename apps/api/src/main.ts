import 'reflect-metadata';
import cluster from 'node:cluster';
import { join } from 'node:path';
import { type AppConfig, ConfigError, StartRefused, loadConfig } from '@api/platform/config/config';
import { createApp } from '@api/platform/create-app';
import { safeErrorMessage } from '@api/platform/logging/error-serializer';
import { prettyLog } from '@api/platform/logging/logging.module';
import { startWorkers } from '@api/platform/workers';
import { SHUTDOWN_GRACE_MS, shutDown } from '@api/platform/shutdown';
import { prepareDatabase } from '@api/app/database-setup';

let writeLog = (entry: object): void => {
  process.stdout.write(`${JSON.stringify({ time: Date.now(), ...entry })}\n`);
};

/** On SIGTERM or SIGINT, once: `stop()` then exit (0 when it went well), or exit 1 when it takes too long. */
function onStopSignal(stop: () => Promise<object | void>, boundMs: number): void {
  let stopping = false;
  const begin = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    writeLog({ level: 30, msg: `${signal}: finishing the work under way, then stopping` });
    setTimeout(() => {
      writeLog({ level: 50, msg: `Passerelle did not stop within ${boundMs} ms: exiting` });
      process.exit(1);
    }, boundMs).unref();
    stop().then(
      (report) => {
        writeLog({ level: 30, msg: 'Passerelle stopped', ...report });
        process.exit(0);
      },
      (error: unknown) => {
        writeLog({ level: 50, msg: `Passerelle stopped with an error: ${safeErrorMessage(error)}` });
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => begin(signal));
}

async function listen(config: AppConfig): Promise<void> {
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  // The grace for requests and jobs, then the pool's close.
  onStopSignal(() => shutDown(app), SHUTDOWN_GRACE_MS + 5_000);
}

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { backOfficeDir: join(__dirname, '..', 'back-office', 'browser') });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Passerelle cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (config.logFormat === 'pretty') {
    const pretty = prettyLog();
    writeLog = (entry) => pretty.entry({ time: Date.now(), ...entry });
  }
  // A worker of API_WORKERS > 1: the primary has prepared the database.
  if (cluster.isWorker) return listen(config);

  let prepared;
  try {
    prepared = await prepareDatabase(config);
  } catch (error) {
    if (error instanceof StartRefused) {
      process.stderr.write(`Passerelle cannot start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (prepared.runtimeRoleExcess.length > 0) {
    // Demo mode on a database of one's own: allowed, but said (production refuses it).
    writeLog({
      level: 40,
      msg: `The API serves as ${prepared.runtimeRole}, which ${prepared.runtimeRoleExcess.join('; ')}: production refuses this (set MIGRATION_DATABASE_URL and a runtime DATABASE_URL)`,
    });
  }
  if (prepared.durability.length > 0) {
    // A test or bench server may trade durability for speed; a production one must not.
    writeLog({
      level: 40,
      msg: `PostgreSQL may lose writes the API acknowledged if it crashes: ${prepared.durability.join(', ')} (turn it on in postgresql.conf, or for the database or role)`,
    });
  }
  if (config.workers > 1) {
    const workers = startWorkers({
      count: config.workers,
      log: writeLog,
      // Each worker stops within its own bound (listen above); past this, it is killed.
      stopTimeoutMs: SHUTDOWN_GRACE_MS + 10_000,
      onGiveUp: (error) => {
        writeLog({ level: 60, msg: `Passerelle stopped: ${error.message}` });
        process.exit(1);
      },
    });
    // The workers get the signal from here (and from the terminal, for a Ctrl-C): each stops cleanly.
    onStopSignal(() => workers.stop(), SHUTDOWN_GRACE_MS + 15_000);
    await workers.listening;
  } else {
    await listen(config);
  }
  writeLog({
    level: 30,
    msg: 'Passerelle is listening',
    mode: config.mode,
    port: config.port,
    databaseRole: prepared.runtimeRole,
    workers: config.workers,
    migrationsApplied: prepared.migrations.length,
    demoAccountsCreated: prepared.demoAccounts,
    demoFilesCreated: prepared.demoFiles,
    backOffice: config.backOfficeDir,
  });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    // A migration that fails on a row's value would quote it: PostgreSQL's code says enough.
    `Passerelle failed to start: ${safeErrorMessage(error)}\n`,
  );
  process.exit(1);
});
