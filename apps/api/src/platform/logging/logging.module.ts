import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDACTED_PATHS, redactUrl } from './redaction';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * JSON logs on stdout, one line per request with its id; secrets and personal fields redacted.
 * `destination` replaces stdout (tests capture the lines there).
 */
@Module({})
export class LoggingModule {
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig): Params => {
            const pinoHttp: Options = {
              level: config.logLevel,
              redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const incoming = req.headers['x-request-id'];
                const id =
                  typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
                res.setHeader('X-Request-Id', id);
                return id;
              },
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
                err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: redactUrl(req.url),
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
            };
            return {
              // Nest 11 path syntax for "every route" (the library's default is the legacy `*`).
              forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
              pinoHttp: destination ? [pinoHttp, destination] : pinoHttp,
            };
          },
        }),
      ],
    };
  }
}
