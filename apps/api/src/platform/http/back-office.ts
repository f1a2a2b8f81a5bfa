import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';

/**
 * Serves the built back office on the API's port: its files, and index.html for every other GET
 * outside /api so that deep links (/dossiers/…) survive a reload.
 */
export function serveBackOffice(app: NestExpressApplication, directory: string | null): boolean {
  if (!directory) return false;
  const index = join(directory, 'index.html');
  if (!existsSync(index)) return false;
  const isApi = (path: string): boolean => path === '/api' || path.startsWith('/api/');
  const assets = serveStatic(directory, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      // Hashed bundle names (Angular's `main-4F7KQ2ZB.js`) never change content: cache them; the
      // rest is revalidated.
      res.setHeader(
        'Cache-Control',
        /-[0-9A-Z]{8}\.(js|css)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApi(req.path) ? next() : assets(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
