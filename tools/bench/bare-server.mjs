// The benchmark's baseline: a bare node:http + pg server answering the two benchmarked routes
// with the very SQL statements of the API (the builder functions of
// apps/api/src/app/applicant-files/applicant-files.queries.ts, loaded through swc-node, never
// copied), and nothing else: no framework, no authentication, no validation, no audit, no mapping.
//
//   DATABASE_URL=postgres://… PORT=0 BENCH_USERNAME=mourenx.agent node tools/bench/bare-server.mjs
//
// It prints `listening <port>` once ready. The caller's scope is the one the API would compute for
// BENCH_USERNAME, from the shared permission table.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.env.SWC_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
const require = createRequire(import.meta.url);
require('@swc-node/register');
const queries = require(join(root, 'apps/api/src/app/applicant-files/applicant-files.queries.ts'));
const domain = require(join(root, 'libs/shared/domain/src/index.ts'));

// As the API's data source: calendar dates stay text.
pg.types.setTypeParser(1082, (value) => value);

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
// The API's pool size (dataSourceOptions: extra.max).
const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'passerelle-bare-bench' });

const username = process.env.BENCH_USERNAME ?? 'mourenx.agent';
const { rows: users } = await pool.query('SELECT role, organization_id FROM app_user WHERE username = $1', [
  username,
]);
if (users.length === 0) throw new Error(`No user ${username}`);
const { role, organization_id: organizationId } = users[0];
const scopeOf = (action) => {
  const grant = domain.PERMISSIONS[action][role];
  if (!grant) throw new Error(`${role} may not ${action}`);
  return { scope: grant.scope, organizationId, today: domain.calendarDateInParis(new Date()) };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function list(res, params) {
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? domain.DEFAULT_PAGE_SIZE);
  const filters = { q: params.get('q') ?? undefined };
  const statement = queries.fileSearchQuery(filters, scopeOf('files.list'), {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
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
  const statement = queries.fileDetailQuery(id, scopeOf('files.read'));
  const { rows } = await pool.query(statement.text, statement.values);
  if (rows.length === 0) return send(res, 404, { statusCode: 404 });
  return send(res, 200, rows[0]);
}

const server = createServer((req, res) => {
  const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = parsed.pathname;
  let work;
  if (req.method === 'GET' && path === '/api/applicant-files') work = list(res, parsed.searchParams);
  else if (req.method === 'GET' && path.startsWith('/api/applicant-files/'))
    work = detail(res, path.slice('/api/applicant-files/'.length));
  else if (path === '/health') work = Promise.resolve(send(res, 200, { status: 'ok' }));
  else work = Promise.resolve(send(res, 404, { statusCode: 404 }));
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
  process.stdout.write(`listening ${server.address().port}\n`);
});
