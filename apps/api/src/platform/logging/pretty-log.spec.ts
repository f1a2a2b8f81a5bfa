import { PrettyLog } from './pretty-log';

const TIME = Date.UTC(2026, 5, 15, 10, 0, 7);
/** The time of the line, on this machine's clock (10:00:07 in UTC). */
const CLOCK = new Date(TIME).toTimeString().slice(0, 8);

function printed(lines: object[], color = false): string[] {
  let out = '';
  const log = new PrettyLog({ write: (text: string) => (out += text) }, color);
  log.write(
    lines.map((line) => JSON.stringify({ pid: 4242, hostname: 'vm', time: TIME, ...line })).join('\n'),
  );
  return out.split('\n').slice(0, -1);
}

describe('PrettyLog', () => {
  it('writes a request as one short line: time, method, route, status, duration', () => {
    expect(
      printed([
        {
          level: 30,
          req: { id: 'a1b2c3d4', method: 'GET', url: '/api/applicant-files?q=[REDACTED]' },
          res: { statusCode: 200 },
          responseTime: 12,
          msg: 'request completed',
        },
        {
          level: 40,
          req: { id: 'e5f6a7b8', method: 'POST', url: '/api/auth/login' },
          res: { statusCode: 401 },
          responseTime: 85,
          msg: 'request completed',
        },
        {
          level: 40,
          req: { id: 'c9d0e1f2', method: 'GET', url: '/api/documents/x' },
          res: { statusCode: 200 },
          responseTime: 3,
          msg: 'request aborted',
        },
      ]),
    ).toEqual([
      `${CLOCK} GET /api/applicant-files?q=[REDACTED] 200 12 ms`,
      `${CLOCK} WARN POST /api/auth/login 401 85 ms`,
      `${CLOCK} WARN GET /api/documents/x 200 3 ms (aborted)`,
    ]);
  });

  it("sums Nest's start-up lines up in one, and keeps its warnings", () => {
    expect(
      printed([
        { level: 30, context: 'NestFactory', msg: 'Starting Nest application...' },
        { level: 30, context: 'InstanceLoader', msg: 'AppModule dependencies initialized' },
        { level: 30, context: 'RoutesResolver', msg: 'HealthController {/api/health}:' },
        { level: 30, context: 'RouterExplorer', msg: 'Mapped {/api/health, GET} route' },
        { level: 30, context: 'RouterExplorer', msg: 'Mapped {/api/auth/login, POST} route' },
        { level: 40, context: 'RouterExplorer', msg: 'A route that Nest warns about' },
        { level: 30, context: 'NestApplication', msg: 'Nest application successfully started' },
      ]),
    ).toEqual([
      `${CLOCK} WARN RouterExplorer: A route that Nest warns about`,
      `${CLOCK} API started: 2 routes`,
    ]);
  });

  it("writes an event with its source and fields, an error's names and stack below it", () => {
    const stack = [
      'QueryFailedError: new row for relation "applicant_file" violates check constraint "CHK_x"',
      '    at PostgresQueryRunner.query (/app/api/main.js:1:2)',
      '    at async Transactions.run (/app/api/main.js:3:4)',
    ].join('\n');
    expect(
      printed([
        { level: 30, context: 'ReportingRefreshJob', ms: 271, msg: 'reporting summary rebuilt' },
        { level: 30, msg: 'Passerelle is listening', mode: 'demo', port: 3000, backOffice: '/a b' },
        {
          level: 50,
          context: 'RenewalJob',
          req: { id: 'a1b2c3d4' },
          err: {
            type: 'QueryFailedError',
            message: 'new row for relation "applicant_file" violates check constraint "CHK_x"',
            code: '23514',
            table: 'applicant_file',
            constraint: 'CHK_x',
            stack,
          },
          msg: 'RenewalJob failed',
        },
      ]),
    ).toEqual([
      `${CLOCK} ReportingRefreshJob: reporting summary rebuilt ms=271`,
      `${CLOCK} Passerelle is listening mode=demo port=3000 backOffice="/a b"`,
      `${CLOCK} ERROR RenewalJob: RenewalJob failed`,
      '    QueryFailedError: new row for relation "applicant_file" violates check constraint "CHK_x" (code 23514, table applicant_file, constraint CHK_x)',
      '    at PostgresQueryRunner.query (/app/api/main.js:1:2)',
      '    at async Transactions.run (/app/api/main.js:3:4)',
    ]);
  });

  it('colours the labels on a terminal, and lets a line that is not JSON through', () => {
    let out = '';
    const log = new PrettyLog({ write: (text: string) => (out += text) }, true);
    log.write(`${JSON.stringify({ level: 50, time: TIME, msg: 'boom' })}\nnot json\n`);
    expect(out).toBe(`\u001b[2m${CLOCK}\u001b[0m \u001b[31mERROR\u001b[0m boom\nnot json\n`);
  });
});
