// The benchmark's baseline: a bare node:http + pg server answering the two benchmarked routes
// with the very SQL statements the API sends for them (QUALITY.md: "running the same SQL
// statements"), loaded through swc-node from the API's sources, never copied:
// - the session check with its keep-alive (LIVE_SESSION_TOUCH_SQL), for the session and user named
//   by the bearer token's payload (decoded, not verified: no cryptography here);
// - the file statement of applicant-files.queries.ts, with its read-audit entries written by the
//   same statement, as the API writes them;
// prepared per connection where the API prepares them (the session check, the file detail).
// And nothing else: no framework, no token signature, no validation, no mapping, no logging.
// With BARE_STATEMENTS=main it runs the file statement alone, without session check or audit
// entries (the stricter baseline of earlier runs).
//
//   DATABASE_URL=postgres://… PORT=0 BENCH_USERNAME=mourenx.agent node tools/bench/bare-server.mjs
//
// It prints `listening <port>` once ready. The caller's scope is the one the API would compute for
// BENCH_USERNAME, from the shared permission table. BARE_WORKERS=N runs N such processes on the
// port with node:cluster, as the API's API_WORKERS does (PORT must then be set).
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.env.SWC_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
const require = createRequire(import.meta.url);
require('@swc-node/register');

const workers = Number(process.env.BARE_WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  // The API's own supervisor (API_WORKERS): each worker runs this script and serves.
  const { startWorkers } = require(join(root, 'apps/api/src/platform/workers.ts'));
  const running = startWorkers({
    count: workers,
    log: (entry) => process.stderr.write(`bare server: ${JSON.stringify(entry)}\n`),
  });
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await running.listening;
  process.stdout.write(`listening ${process.env.PORT}\n`);
} else {
  await serve();
}

async function serve() {
  const queries = require(join(root, 'apps/api/src/app/applicant-files/applicant-files.queries.ts'));
  const { LIVE_SESSION_TOUCH_SQL } = require(join(root, 'apps/api/src/app/identity/sessions.queries.ts'));
  const { runWithRequestContext } = require(join(root, 'apps/api/src/platform/request-context.ts'));
  const { preparedName } = require(join(root, 'apps/api/src/platform/database/transactions.ts'));
  const { UUID } = require(join(root, 'apps/api/src/platform/http/fields.ts'));
  const domain = require(join(root, 'libs/shared/domain/src/index.ts'));

  const allStatements = (process.env.BARE_STATEMENTS ?? 'all') === 'all';
  const IDLE_MINUTES = Number(process.env.SESSION_IDLE_MINUTES ?? 30);

  // As the API's data source: calendar dates stay text.
  pg.types.setTypeParser(1082, (value) => value);

  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  // The API's pool size (dataSourceOptions: extra.max).
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'passerelle-bare-bench' });

  const username = process.env.BENCH_USERNAME ?? 'mourenx.agent';
  const { rows: users } = await pool.query(
    'SELECT id, role, organization_id FROM app_user WHERE username = $1',
    [username],
  );
  if (users.length === 0) throw new Error(`No user ${username}`);
  const { id: userId, role, organization_id: organizationId } = users[0];
  const scopeOf = (action) => {
    const grant = domain.PERMISSIONS[action][role];
    if (!grant) throw new Error(`${role} may not ${action}`);
    return { scope: grant.scope, organizationId, today: domain.calendarDateInParis(new Date()) };
  };

  function send(res, status, body) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  /** The session check of an authenticated request, as the API sends it; false when the session is not live. */
  async function sessionLive(req) {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const payload = token?.split('.')[1];
    if (!payload) return false;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    // Prepared once per connection, as the API's Transactions.prepared does.
    const { rows } = await pool.query({
      name: preparedName(LIVE_SESSION_TOUCH_SQL),
      text: LIVE_SESSION_TOUCH_SQL,
      values: [claims.sid, IDLE_MINUTES, claims.sub],
    });
    return rows.length > 0;
  }

  /** The route's statement, with the read-audit entries the API writes in it. */
  function fileStatement(route, build) {
    if (!allStatements) return build({});
    // As the API's entries: with a request id and the client's address.
    const context = { route, userId, username, organizationId, requestId: randomUUID(), ip: '127.0.0.1' };
    return runWithRequestContext(context, () => build({ logRead: true }));
  }

  async function list(res, params) {
    const page = Number(params.get('page') ?? 1);
    const pageSize = Number(params.get('pageSize') ?? domain.DEFAULT_PAGE_SIZE);
    const filters = { q: params.get('q') ?? undefined };
    const statement = fileStatement('GET /api/applicant-files', (options) =>
      queries.fileSearchQuery(
        filters,
        scopeOf('files.list'),
        { limit: pageSize, offset: (page - 1) * pageSize },
        options,
      ),
    );
    // Page and total in one statement, as the API's repository does.
    const { rows } = await pool.query(statement.text, statement.values);
    send(res, 200, {
      items: rows.filter((row) => row.id !== null),
      total: rows[0]?.total ?? 0,
      page,
      pageSize,
    });
  }

  async function detail(res, id) {
    if (!UUID.test(id)) return send(res, 400, { statusCode: 400 });
    const statement = fileStatement('GET /api/applicant-files/:id', (options) =>
      queries.fileDetailQuery(id, scopeOf('files.read'), options),
    );
    const { rows } = await pool.query({ name: preparedName(statement.text), ...statement });
    if (rows.length === 0) return send(res, 404, { statusCode: 404 });
    return send(res, 200, rows[0]);
  }

  const server = createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = parsed.pathname;
    const route = async () => {
      if (path === '/health') return send(res, 200, { status: 'ok' });
      if (req.method !== 'GET' || !path.startsWith('/api/applicant-files'))
        return send(res, 404, { statusCode: 404 });
      if (allStatements && !(await sessionLive(req))) return send(res, 401, { statusCode: 401 });
      if (path === '/api/applicant-files') return list(res, parsed.searchParams);
      return detail(res, path.slice('/api/applicant-files/'.length));
    };
    const work = route();
    work.catch((error) => {
      process.stderr.write(`bare server: ${error.message}\n`);
      if (!res.headersSent) send(res, 500, { statusCode: 500 });
    });
  });
  server.keepAliveTimeout = 65_000;

  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    if (cluster.isPrimary) process.stdout.write(`listening ${server.address().port}\n`);
  });
}
