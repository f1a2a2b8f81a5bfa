import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@api/platform/config/config';
import { createApp } from '@api/platform/create-app';
import { prepareDatabase } from '@api/app/database-setup';

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
  const prepared = await prepareDatabase(config);
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const log = {
    level: 30,
    time: Date.now(),
    msg: 'Passerelle is listening',
    mode: config.mode,
    port: config.port,
    migrationsApplied: prepared.migrations.length,
    demoAccountsCreated: prepared.demoAccounts,
    demoFilesCreated: prepared.demoFiles,
    backOffice: config.backOfficeDir,
  };
  process.stdout.write(`${JSON.stringify(log)}\n`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Passerelle failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
