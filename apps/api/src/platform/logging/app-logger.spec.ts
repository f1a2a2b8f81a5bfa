import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { runWithRequestContext } from '../request-context';
import { AppLogger, createRootLogger } from './app-logger';

interface Line {
  level: number;
  msg?: string;
  context?: string;
  req?: { id?: string };
  err?: { type?: string; message?: string; stack?: string; code?: string };
  failure?: { type?: string; message?: string; code?: string };
  applicant?: { lastName?: string };
}

function capture(level: 'info' | 'warn' = 'info') {
  let output = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString('utf8');
      done();
    },
  });
  const root = createRootLogger(level, stream);
  const logger = new AppLogger(root);
  const lines = () =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  return { root, logger, lines, output: () => output };
}

describe('AppLogger: Nest’s logger written as pino lines', () => {
  it('keeps the pino shape of the code base: an object, then the message; Nest’s context last', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('boom') }, 'HTTP exception', 'ApiExceptionFilter');
    logger.log('Passerelle is ready', 'Bootstrap');
    const [error, info] = lines();
    expect(error).toMatchObject({ level: 50, msg: 'HTTP exception', context: 'ApiExceptionFilter' });
    expect(error?.err?.message).toBe('boom');
    expect(error?.err?.stack).toContain('app-logger.spec');
    expect(info).toMatchObject({ level: 30, msg: 'Passerelle is ready', context: 'Bootstrap' });
  });

  it('takes an Error, or a message with its stack as Nest passes it', () => {
    const { logger, lines } = capture();
    logger.error(new Error('disk full'), 'Storage');
    logger.error('job failed', 'Error: job failed\n    at run (jobs.ts:1:1)', 'Jobs');
    const [error, withStack] = lines();
    expect(error).toMatchObject({ level: 50, msg: 'disk full', context: 'Storage' });
    expect(withStack).toMatchObject({ level: 50, msg: 'job failed', context: 'Jobs' });
    expect(withStack?.err?.stack).toContain('at run (jobs.ts:1:1)');
  });

  it('gives a line written while serving a request the id of that request', () => {
    const { logger, lines } = capture();
    runWithRequestContext({ requestId: 'request-1234' }, () => logger.warn('slow statement', 'Database'));
    logger.warn('outside any request', 'Database');
    expect(lines().map((line) => line.req?.id)).toEqual(['request-1234', undefined]);
  });

  it('redacts personal fields and writes nothing below its level', () => {
    const { logger, lines } = capture('warn');
    logger.warn({ applicant: { lastName: 'Etcheverry' } }, 'odd file', 'Files');
    logger.log('not written', 'Files');
    logger.debug('not written either', 'Files');
    expect(lines()).toEqual([expect.objectContaining({ applicant: { lastName: '[REDACTED]' } })]);
  });

  it('serves Nest’s own Logger class once installed', () => {
    const { logger, lines } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('AccessGuard').error('Route GET /x declares no action');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines()).toEqual([
      expect.objectContaining({ level: 50, msg: 'Route GET /x declares no action', context: 'AccessGuard' }),
    ]);
  });

  it('writes a failed statement by its code, however it is logged: its values reach neither the error, nor the message, nor the stack', () => {
    const { root, logger, lines, output } = capture();
    const driver = Object.assign(
      new DatabaseError('invalid input syntax for type uuid: "maite.etcheverry"', 90, 'error'),
      {
        severity: 'ERROR',
        code: '22P02',
        where: "unnamed portal parameter $1 = 'maite.etcheverry'",
      },
    );
    const failed = new QueryFailedError('SELECT 1 FROM app_user WHERE id = $1', ['maite.etcheverry'], driver);

    logger.error(failed, 'UsersService');
    logger.error({ err: failed }, 'lookup failed', 'UsersService');
    logger.error({ failure: failed }, 'lookup failed', 'UsersService');
    // Nest's own calls: a message, then the stack as a string.
    logger.error('Unable to connect to the database. Retrying (1)...', failed.stack, 'TypeOrmModule');
    root.error(failed);
    root.error({ err: failed });

    const withheld = 'PostgreSQL error 22P02 (message withheld: it may quote the values sent)';
    expect(lines().map((line) => [line.msg, line.err?.code ?? line.failure?.code])).toEqual([
      [withheld, '22P02'],
      ['lookup failed', '22P02'],
      ['lookup failed', '22P02'],
      ['Unable to connect to the database. Retrying (1)...', undefined],
      [withheld, '22P02'],
      [withheld, '22P02'],
    ]);
    expect(lines()[0]?.err).toMatchObject({ type: 'QueryFailedError', message: withheld });
    expect(lines()[3]?.err?.stack).toMatch(
      /^Error: Unable to connect to the database\. Retrying \(1\)\.\.\.\n\s+at /,
    );
    expect(output()).not.toMatch(/maite|parameters|portal/);
  });
});
