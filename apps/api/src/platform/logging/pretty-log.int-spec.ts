import { Writable } from 'node:stream';
import { listRoutes } from '@api/app/access/routes';
import { Jobs } from '@api/platform/jobs';
import { startTestApp } from '@api/testing/test-app';

const TIME = String.raw`\d\d:\d\d:\d\d`;

describe('LOG_FORMAT=pretty (npm start in demo mode)', () => {
  it("writes one short line per request and event, sums up Nest's start-up, and shows errors with their stack", async () => {
    let output = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString('utf8');
        done();
      },
    });
    const t = await startTestApp({ logLevel: 'info', logFormat: 'pretty' }, { logDestination: destination });
    try {
      const { accessToken } = await t.login('mourenx.agent');
      await t.request('GET', '/api/applicant-files?q=zubiriaga', { token: accessToken });
      await t.request('GET', '/api/auth/me');
      await t.request('GET', '/api/health');
      t.app.get(Jobs).every('PrettySpecJob', 3_600_000, () => Promise.reject(new Error('the job broke')));
      for (let i = 0; i < 500 && !output.includes('PrettySpecJob failed'); i++)
        await new Promise((resolve) => setTimeout(resolve, 20));

      const lines = output.split('\n').filter(Boolean);
      // Not a JSON line, nor one per route.
      expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
      expect(output).not.toContain('Mapped {');
      expect(output).not.toContain('dependencies initialized');
      const started = lines.filter((line) => new RegExp(`^${TIME} API started: \\d+ routes$`).test(line));
      expect(started).toEqual([expect.stringContaining(`API started: ${listRoutes(t.app).length} routes`)]);

      const requests = lines.filter((line) => / (GET|POST) \/api\//.test(line));
      expect(requests).toEqual([
        expect.stringMatching(new RegExp(`^${TIME} POST /api/auth/login 200 \\d+ ms$`)),
        // Query values stay out, as in the JSON lines.
        expect.stringMatching(
          new RegExp(`^${TIME} GET /api/applicant-files\\?q=\\[REDACTED\\] 200 \\d+ ms$`),
        ),
        expect.stringMatching(new RegExp(`^${TIME} WARN GET /api/auth/me 401 \\d+ ms$`)),
      ]);

      const failure = lines.findIndex((line) => line.includes('PrettySpecJob failed'));
      expect(lines[failure]).toMatch(new RegExp(`^${TIME} ERROR PrettySpecJob: PrettySpecJob failed$`));
      expect(lines[failure + 1]).toBe('    Error: the job broke');
      expect(lines[failure + 2]).toMatch(/^ {4}at /);
    } finally {
      await t.close();
    }
  });
});
