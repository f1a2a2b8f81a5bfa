import { type DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream, Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AppLogger, createRootLogger } from './app-logger';
import { PrettyLog } from './pretty-log';

/** The root pino logger, for the request lines (`requestLogging`). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** LOG_FORMAT=pretty: readable lines on `destination` (stdout: in colour on a terminal). */
export function prettyLog(destination?: DestinationStream): PrettyLog {
  return destination
    ? new PrettyLog(destination)
    : new PrettyLog(process.stdout, process.stdout.isTTY && !process.env['NO_COLOR']);
}

/**
 * JSON logs on stdout (or readable lines, LOG_FORMAT=pretty): one line per request with its id (`requestLogging`, set up by createApp),
 * and the application's own lines through `AppLogger`; secrets and personal fields redacted.
 * `destination` replaces stdout (tests capture the lines there).
 */
@Module({})
export class LoggingModule {
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        {
          provide: ROOT_LOGGER,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig): Logger =>
            createRootLogger(
              config.logLevel,
              config.logFormat === 'pretty' ? prettyLog(destination) : destination,
            ),
        },
        { provide: AppLogger, inject: [ROOT_LOGGER], useFactory: (root: Logger) => new AppLogger(root) },
      ],
      exports: [ROOT_LOGGER, AppLogger],
    };
  }
}
