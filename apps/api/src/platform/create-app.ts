import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type AppOptions } from '@api/app/app.module';
import type { AppConfig } from './config/config';
import { serveBackOffice } from './http/back-office';
import { bodyParsers } from './http/body-parsers';
import { setupOpenApi } from './http/openapi';
import { requireTls } from './http/require-tls';
import { noStore, securityHeaders } from './http/security-headers';
import { AppLogger } from './logging/app-logger';
import { ROOT_LOGGER } from './logging/logging.module';
import { requestLogging } from './logging/request-logging';
import { RequestDrain } from './shutdown';

/** The whole HTTP application, configured the same way for `main.ts` and for the tests. */
export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
    // TLS_CERT_FILE and TLS_KEY_FILE: the API serves HTTPS itself, with no proxy in front.
    ...(config.tls ? { httpsOptions: { cert: config.tls.cert, key: config.tls.key } } : {}),
  });
  app.useLogger(app.get(AppLogger));
  // A hop count or the proxies' addresses (config.ts): only they may name the client.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestLogging(app.get(ROOT_LOGGER)));
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Demo mode serves plain HTTP on localhost; production refuses it (requireTls) instead.
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use(noStore);
  // Production refuses what did not come through TLS (the refusal is logged, and carries the headers).
  if (config.mode === 'production') app.use(requireTls);
  // Counts the requests in flight, and refuses new ones once stopping (main.ts, shutdown.ts).
  app.use(app.get(RequestDrain).middleware);
  app.use(...bodyParsers(config.bodyLimitBytes));
  app.setGlobalPrefix('api');
  // In production the API's map is not shown to whoever asks, unless API_DOCS=true.
  if (config.apiDocs) setupOpenApi(app);
  serveBackOffice(app, config.backOfficeDir);
  return app;
}
