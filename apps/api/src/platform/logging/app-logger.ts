import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Level, type LogFn, type Logger, type LoggerOptions } from 'pino';
import type { AppConfig } from '../config/config';
import { requestContext } from '../request-context';
import { safeErrorMessage, serializeError } from './error-serializer';
import { REDACTED_PATHS } from './redaction';

/**
 * pino takes an error's raw message for the line's `msg` when the call gives none
 * (`logger.error(err)`, `logger.error({ err })`): give it the safe one. An error logged under
 * another key than `err` is serialized as `err` is. A call with no error is passed on untouched.
 */
function safeErrorArguments(args: unknown[]): unknown[] {
  const [first, message] = args;
  if (first instanceof Error)
    return [
      { err: first },
      typeof message === 'string' ? message : safeErrorMessage(first),
      ...args.slice(2),
    ];
  if (typeof first !== 'object' || first === null) return args;
  let fields = first as Record<string, unknown>;
  for (const key in fields) {
    const value = fields[key];
    if (key === 'err' || !(value instanceof Error)) continue;
    if (fields === first) fields = { ...fields };
    fields[key] = serializeError(value);
  }
  const err = fields['err'];
  if (err instanceof Error && typeof message !== 'string')
    return [fields, safeErrorMessage(err), ...args.slice(2)];
  return fields === first ? args : [fields, ...args.slice(1)];
}

/** The process's one pino logger: JSON lines on stdout (or `destination`), secrets and personal fields redacted. */
export function createRootLogger(level: AppConfig['logLevel'], destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    serializers: { err: serializeError },
    hooks: {
      logMethod(args, method) {
        method.apply(this, safeErrorArguments(args) as Parameters<LogFn>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's `error(message, stack, context)` when the stack comes as a string. */
const STACK = /\n\s+at /;

/**
 * Nest's logger, written through the root pino logger. The calls of the code base keep pino's
 * shape, `logger.error({ err }, 'what failed')`; Nest appends the logger's context (the class
 * name) as the last argument. A line logged while serving a request carries that request's id.
 */
export class AppLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    const context = rest.length > 0 ? rest.pop() : undefined;
    if (typeof context === 'string') fields['context'] = context;
    const requestId = requestContext()?.requestId;
    if (requestId) fields['req'] = { id: requestId };

    if (message instanceof Error) {
      fields['err'] = message;
      this.pino[level](fields, safeErrorMessage(message));
    } else if (typeof message === 'object' && message !== null) {
      const text = rest.find((param): param is string => typeof param === 'string');
      this.pino[level]({ ...fields, ...message }, text);
    } else if (typeof rest[0] === 'string' && STACK.test(rest[0])) {
      const err = new Error(String(message));
      err.stack = rest[0];
      this.pino[level]({ ...fields, err }, String(message));
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
