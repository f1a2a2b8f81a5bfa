import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { apiError, sendApiError } from './api-exception.filter';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** Body parsing errors answer in the API's error format: 413 too large, 415 charset, 400 otherwise. */
function guarded(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    parser(req, res, (error?: unknown) => {
      if (!error) return next();
      const err = error as BodyParserError;
      if (err.type === 'entity.too.large') return sendApiError(res, apiError(413, 'Request body too large'));
      if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') {
        return sendApiError(res, apiError(415, 'Unsupported body encoding'));
      }
      return sendApiError(res, apiError(400, 'Malformed request body'));
    });
  };
}

export function bodyParsers(limitBytes: number): RequestHandler[] {
  return [
    guarded(json({ limit: limitBytes, type: ['application/json', 'application/*+json'] })),
    guarded(urlencoded({ limit: limitBytes, extended: false })),
  ];
}
