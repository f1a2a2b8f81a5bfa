import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { apiError, sendApiError } from './api-exception.filter';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** Deeper JSON than any request of the contract needs: refused before anything walks it recursively. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a parsed JSON value, counted without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Body parsing errors answer in the API's error format: 413 too large, 415 charset, 400 otherwise. */
function guarded(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    parser(req, res, (error?: unknown) => {
      if (!error) {
        if (jsonDepth(req.body) > MAX_JSON_DEPTH) {
          return sendApiError(res, apiError(400, `Request body nested deeper than ${MAX_JSON_DEPTH} levels`));
        }
        return next();
      }
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
