// The benchmark's baseline: a bare node:http + pg server answering the benchmarked routes with the
// very SQL statements the API sends for them (QUALITY.md: "running the same SQL statements"),
// loaded through swc-node from the API's sources, never copied:
// - the session check with its keep-alive (LIVE_SESSION_TOUCH_SQL), for the session and user named
//   by the bearer token's payload (decoded, not verified: no cryptography here);
// - the file statement of applicant-files.queries.ts, with its read-audit entries written by the
//   same statement, as the API writes them;
// - for a creation (POST) and a merge patch (PATCH with If-Match): the transaction the API runs
//   (the file, its organisation link, its timeline event and audit entry; the lock and version
//   check before a patch), with the statements of applicant-files.queries.ts, timeline.queries.ts
//   and read-audit.ts, the commune check before it, the duplicates after a creation;
// prepared per connection where the API prepares them.
// And nothing else: no framework, no token signature, no validation, no mapping, no logging. What
// it computes is what the statements' values need (the merged content, its index fields, the
// changed fields, the household members' ids), with the API's own functions.
// With BARE_STATEMENTS=main it runs the file statement alone, without session check or audit
// entries (the stricter baseline of earlier runs; reads only).
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
// content-rules.ts loads the content's class-validator classes (unused here), whose decorators want it.
require('reflect-metadata');

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
  const { applyMergePatch } = require(join(root, 'apps/api/src/platform/http/merge-patch.ts'));
  const { checkContent, contentChanges } = require(
    join(root, 'apps/api/src/app/applicant-files/content-rules.ts'),
  );
  const timelineQueries = require(join(root, 'apps/api/src/app/timeline/timeline.queries.ts'));
  const { auditEntriesStatement } = require(join(root, 'apps/api/src/app/audit/read-audit.ts'));
  const domain = require(join(root, 'libs/shared/domain/src/index.ts'));

  const allStatements = (process.env.BARE_STATEMENTS ?? 'all') === 'all';
  const IDLE_MINUTES = Number(process.env.SESSION_IDLE_MINUTES ?? 30);

  // As the API's data source: calendar dates stay text.
  pg.types.setTypeParser(1082, (value) => value);

  // BARE_RECORD_STATEMENTS=1 (a test's): the texts it sends, answered and forgotten by GET /statements.
  const recorded = process.env.BARE_RECORD_STATEMENTS === '1' ? [] : null;
  if (recorded) {
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (config, ...rest) {
      recorded.push(typeof config === 'string' ? config : config.text);
      return query.call(this, config, ...rest);
    };
  }

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
  const today = () => domain.calendarDateInParis(new Date());
  const scopeOf = (action) => {
    const grant = domain.PERMISSIONS[action][role];
    if (!grant) throw new Error(`${role} may not ${action}`);
    // Read only by the « shared » scope, as the API's scopeOf.
    return {
      scope: grant.scope,
      organizationId,
      get today() {
        return today();
      },
    };
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

  /** The request context the API's audit entries name: the actor, the route, a request id, the client's address. */
  const contextOf = (route) => ({
    route,
    userId,
    username,
    organizationId,
    requestId: randomUUID(),
    ip: '127.0.0.1',
  });

  /** The route's statement, with the read-audit entries the API writes in it. */
  function fileStatement(route, build) {
    if (!allStatements) return build({});
    return runWithRequestContext(contextOf(route), () => build({ logRead: true }));
  }

  /** A JSON body, whole (the API's limit: 1 MiB). */
  function readJson(req) {
    return new Promise((resolveBody, reject) => {
      const chunks = [];
      let size = 0;
      req.on('data', (chunk) => {
        size += chunk.length;
        if (size > 1_048_576) req.destroy(new Error('body too large'));
        else chunks.push(chunk);
      });
      req.on('end', () => {
        try {
          resolveBody(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
      req.on('error', reject);
    });
  }

  /** Work in one transaction, as the API's Transactions.run (TypeORM's START TRANSACTION and COMMIT). */
  async function inTransaction(work) {
    const client = await pool.connect();
    try {
      await client.query('START TRANSACTION');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The commune check of a file's wishes (the API's assertKnownCommunes), when it has some. */
  async function checkCommunes(content, db) {
    const communes = content.wishes?.communes ?? [];
    if (communes.length === 0) return true;
    const { rows } = await db.query(queries.knownCommunesQuery(communes));
    return rows.length === new Set(communes).size;
  }

  /** POST /api/applicant-files: the file, its link, its event and audit entry; then its possible duplicates. */
  async function create(req, res) {
    const route = 'POST /api/applicant-files';
    const content = checkContent(await readJson(req), today());
    if (!(await checkCommunes(content, pool))) return send(res, 400, { statusCode: 400 });
    const file = await runWithRequestContext(contextOf(route), () =>
      inTransaction(async (db) => {
        const { rows } = await db.query(
          queries.fileInsertStatement({
            content,
            index: domain.fileIndexFields(content),
            organizationId,
            userId,
          }),
        );
        const created = rows[0];
        await db.query(queries.fileLinkStatement(created.id, organizationId, 'CREATED'));
        await db.query(
          timelineQueries.timelineInsertStatement({
            applicantFileId: created.id,
            type: 'FILE_CREATED',
            actorUserId: userId,
            actorOrganizationId: organizationId,
          }),
        );
        await db.query(auditEntriesStatement('CREATE', [created.id]));
        return created;
      }),
    );
    const probe = [content.applicant, content.coApplicant].filter((p) => p !== undefined);
    const { rows: candidates } = await pool.query(
      queries.duplicateCandidatesQuery(
        { birthDates: probe.map((p) => p.birthDate), sneNumber: file.sne_number, excludeId: file.id },
        scopeOf('files.duplicates'),
      ),
    );
    res.setHeader('etag', `"${file.version}"`);
    return send(res, 201, { ...file, possibleDuplicates: candidates.map((c) => c.id) });
  }

  /** PATCH /api/applicant-files/:id with If-Match: lock and version check, merge, write, event, audit entry. */
  async function update(req, res, id) {
    if (!UUID.test(id)) return send(res, 400, { statusCode: 400 });
    const expected = /^"(\d{1,9})"$/.exec(req.headers['if-match'] ?? '')?.[1];
    if (!expected) return send(res, 428, { statusCode: 428 });
    const patch = await readJson(req);
    const route = 'PATCH /api/applicant-files/:id';
    const answer = await runWithRequestContext(contextOf(route), () =>
      inTransaction(async (db) => {
        const { rows } = await db.query(queries.fileLockQuery(id, scopeOf('files.update')));
        const current = rows[0];
        if (!current) return { status: 404 };
        if (current.version !== Number(expected)) return { status: 412 };
        const content = checkContent(applyMergePatch(current.content, patch), today());
        if (!(await checkCommunes(content, db))) return { status: 400 };
        const changes = contentChanges(current.content, content);
        if (changes.length === 0) return { status: 200, file: current };
        const updated = await db.query(
          queries.fileContentUpdateStatement(id, content, domain.fileIndexFields(content)),
        );
        await db.query(
          timelineQueries.timelineInsertStatement({
            applicantFileId: id,
            type: 'FILE_UPDATED',
            actorUserId: userId,
            actorOrganizationId: organizationId,
            changes,
            details: null,
          }),
        );
        await db.query(auditEntriesStatement('UPDATE', [id]));
        return { status: 200, file: updated.rows[0] };
      }),
    );
    if (!answer.file) return send(res, answer.status, { statusCode: answer.status });
    res.setHeader('etag', `"${answer.file.version}"`);
    return send(res, 200, answer.file);
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
      if (path === '/statements' && recorded) return send(res, 200, recorded.splice(0));
      const writing = req.method === 'POST' || req.method === 'PATCH';
      if ((req.method !== 'GET' && !writing) || !path.startsWith('/api/applicant-files'))
        return send(res, 404, { statusCode: 404 });
      // Writes always check the session: their statements are the API's whole transaction.
      if ((allStatements || writing) && !(await sessionLive(req))) return send(res, 401, { statusCode: 401 });
      const id = path.slice('/api/applicant-files/'.length);
      if (req.method === 'POST')
        return path === '/api/applicant-files' ? create(req, res) : send(res, 404, {});
      if (req.method === 'PATCH') return update(req, res, id);
      if (path === '/api/applicant-files') return list(res, parsed.searchParams);
      return detail(res, id);
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
    recorded?.splice(0);
    if (cluster.isPrimary) process.stdout.write(`listening ${server.address().port}\n`);
  });
}
