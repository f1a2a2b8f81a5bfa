import 'reflect-metadata';
import cluster from 'node:cluster';
import { join } from 'node:path';
import { type AppConfig, ConfigError, StartRefused, loadConfig } from '@api/platform/config/config';
import { createApp } from '@api/platform/create-app';
import { safeErrorMessage } from '@api/platform/logging/error-serializer';
import { prettyLog } from '@api/platform/logging/logging.module';
import { startWorkers } from '@api/platform/workers';
import { prepareDatabase } from '@api/app/database-setup';

let writeLog = (entry: object): void => {
  process.stdout.write(`${JSON.stringify({ time: Date.now(), ...entry })}\n`);
};

async function listen(config: AppConfig): Promise<void> {
  const app = await createApp(config);
  await app.listen(config.port, config.host);
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
  if (config.workers > 1) {
    const workers = startWorkers({
      count: config.workers,
      log: writeLog,
      onGiveUp: (error) => {
        writeLog({ level: 60, msg: `Passerelle stopped: ${error.message}` });
        process.exit(1);
      },
    });
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      process.once(signal, () => void workers.stop().then(() => process.exit(0)));
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
