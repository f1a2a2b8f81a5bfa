import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { safeErrorMessage, serializeError } from './error-serializer';

/** What pg answers for a failed statement, as PostgreSQL sent it. */
function databaseError(message: string, fields: Partial<DatabaseError>): DatabaseError {
  return Object.assign(new DatabaseError(message, 100, 'error'), { severity: 'ERROR' }, fields);
}

const INSERT = 'INSERT INTO evaluation (applicant_file_id, notes) VALUES ($1, $2)';
const NOTE = 'Violences conjugales signalées';

describe('serializeError: an error in the logs by its names, never by the values it carries', () => {
  it('keeps the code, table and constraint of a constraint violation, not its detail, query or parameters', () => {
    const driver = databaseError('duplicate key value violates unique constraint "UQ_app_user_username"', {
      code: '23505',
      detail: 'Key (username)=(maite.etcheverry) already exists.',
      schema: 'public',
      table: 'app_user',
      constraint: 'UQ_app_user_username',
      routine: '_bt_check_unique',
      file: 'nbtinsert.c',
      line: '666',
    });
    const serialized = serializeError(new QueryFailedError(INSERT, ['maite.etcheverry', NOTE], driver));

    expect(serialized).toEqual({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "UQ_app_user_username"',
      stack: expect.stringMatching(
        /^QueryFailedError: duplicate key value violates unique constraint "UQ_app_user_username"\n\s+at /,
      ) as unknown,
      code: '23505',
      severity: 'ERROR',
      routine: '_bt_check_unique',
      schema: 'public',
      table: 'app_user',
      constraint: 'UQ_app_user_username',
    });
    expect(JSON.stringify(serialized)).not.toMatch(/maite|Violences|INSERT/);
  });

  it('withholds a message that may quote a value, in the message and in the stack', () => {
    const driver = databaseError('invalid input syntax for type date: "1983-02-30"', {
      code: '22007',
      where: "unnamed portal parameter $2 = '1983-02-30'",
      routine: 'DateTimeParseError',
      position: '42',
    });
    for (const error of [new QueryFailedError(INSERT, ['1983-02-30'], driver), driver]) {
      const serialized = serializeError(error);
      expect(serialized).toMatchObject({
        message: 'PostgreSQL error 22007 (message withheld: it may quote the values sent)',
        code: '22007',
        routine: 'DateTimeParseError',
        position: '42',
      });
      expect(JSON.stringify(serialized)).not.toContain('1983');
      expect(safeErrorMessage(error)).not.toContain('1983');
    }
  });

  it('keeps what other errors say, the code of a system error, and the causes, serialized alike', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      address: '127.0.0.1',
    });
    const wrapped = new Error('renewal calendar failed', {
      cause: databaseError('value "99999999999" is out of range for type integer', { code: '22003' }),
    });

    expect(serializeError(refused)).toMatchObject({
      type: 'Error',
      message: 'connect ECONNREFUSED 127.0.0.1:5432',
      code: 'ECONNREFUSED',
    });
    expect(serializeError(refused)).not.toHaveProperty('address');
    const serialized = serializeError(wrapped);
    expect(serialized).toMatchObject({
      message: 'renewal calendar failed',
      cause: {
        type: 'DatabaseError',
        code: '22003',
        message: expect.stringContaining('withheld') as unknown,
      },
    });
    expect(JSON.stringify(serialized)).not.toContain('99999999999');
    expect(serializeError('plain text')).toEqual({ type: 'string', message: 'plain text' });
  });
});
