import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS, redactUrl } from './redaction';

function capture(): { stream: Writable; lines: () => string } {
  let output = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => output };
}

describe('log redaction', () => {
  it('removes tokens, passwords and personal fields wherever they are logged', () => {
    const sink = capture();
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } }, sink.stream);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer secret-token', cookie: 'sid=abc' } },
        body: { username: 'mourenx.agent', password: 'hunter2', refreshToken: 'r-token' },
        applicant: {
          lastName: 'Etcheverry',
          firstNames: 'Maïté',
          birthDate: '1980-01-02',
          phone: '0600000000',
        },
      },
      'request',
    );
    const line = sink.lines();
    for (const secret of [
      'secret-token',
      'sid=abc',
      'hunter2',
      'r-token',
      'Etcheverry',
      'Maïté',
      '1980-01-02',
      '0600000000',
      'mourenx.agent',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[REDACTED]');
  });

  it('keeps query keys but not their values', () => {
    expect(redactUrl('/api/applicant-files?q=dupr%C3%A9&status=REGISTERED')).toBe(
      '/api/applicant-files?q=[REDACTED]&status=[REDACTED]',
    );
    expect(redactUrl('/api/health')).toBe('/api/health');
  });
});
