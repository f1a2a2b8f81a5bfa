import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { runWithRequestContext } from '../request-context';
import { AppLogger, createRootLogger } from './app-logger';

interface Line {
  level: number;
  msg?: string;
  context?: string;
  req?: { id?: string };
  err?: { message?: string; stack?: string };
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
  const logger = new AppLogger(createRootLogger(level, stream));
  const lines = () =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Line);
  return { logger, lines };
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
});
