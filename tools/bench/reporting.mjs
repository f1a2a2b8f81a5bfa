// The steering indicators (GET /api/reporting/…) over a loaded database (tools/synthetic/load-files.mjs):
// each indicator timed through the API and straight in PostgreSQL, as the coordinator, an info
// point agent, a landlord and a relay clerk; and the reporting job (full rebuild, catch-up,
// document completeness). See tools/bench/README.md for the other benchmarks.
//
//   node tools/bench/reporting.mjs [--data-dir tmp/bench-data | --database-url URL] [--repeat 20]
//        [--warmup 3] [--no-casework] [--indicators waiting-times,files] [--no-job]
//
// The files loader writes files only. Unless --no-casework, the first run adds synthetic case work
// to the bench database (about 250,000 referrals, 60,000 reception requests, 150,000 appointments,
// 900,000 supporting documents), so that those indicators have something to count; it is kept.
// Everything stays on 127.0.0.1; every loop is bounded.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBenchPostgres } from '../synthetic/bench-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INDICATORS = [
  'files',
  'referrals',
  'reception-commitment',
  'renewals',
  'waiting-times',
  'documents',
  'activity',
];
const ROLES = [
  ['coordinator', 'cclo.coordination'],
  ['info point', 'mourenx.agent'],
  ['landlord', 'office64.bailleur'],
  ['relay clerk', 'lagor.relais'],
];
const PERIODS = [
  ['12 months', ''],
  ['year 2025', '?year=2025'],
];
const REQUEST_TIMEOUT_MS = 30_000;

const say = (message) => process.stderr.write(`[bench:reporting] ${message}\n`);
const print = (line = '') => process.stdout.write(`${line}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: join(root, 'tmp/bench-data') },
      'database-url': { type: 'string' },
      repeat: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      'no-casework': { type: 'boolean', default: false },
      indicators: { type: 'string', default: INDICATORS.join(',') },
      'no-job': { type: 'boolean', default: false },
    },
  });
  const repeat = Number(values.repeat);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 1000) throw new Error('--repeat must be 1..1000');
  if (!Number.isInteger(warmup) || warmup < 0 || warmup > 100) throw new Error('--warmup must be 0..100');
  const indicators = values.indicators.split(',');
  const unknown = indicators.filter((name) => !INDICATORS.includes(name));
  if (unknown.length > 0) throw new Error(`unknown indicators: ${unknown.join(', ')}`);
  return {
    indicators,
    job: !values['no-job'],
    dataDir: resolve(values['data-dir']),
    databaseUrl: values['database-url'],
    repeat,
    warmup,
    casework: !values['no-casework'],
  };
}

/** The API's TypeScript (the very SQL builders the API runs), loaded as the files loader does. */
function apiModules() {
  process.env.SWC_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
  const require = createRequire(import.meta.url);
  require('@swc-node/register');
  const load = (path) => require(join(root, 'apps/api/src', path));
  return {
    ...load('app/database-setup.ts'),
    ...load('app/reporting/reporting.queries.ts'),
    ...load('app/reporting/reporting-summary.queries.ts'),
    ...load('app/reporting/reporting.repository.ts'),
    ...load('app/reporting/reporting-period.ts'),
    ...load('../../../libs/shared/domain/src/index.ts'),
  };
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function timed(repeat, warmup, work) {
  for (let i = 0; i < warmup; i++) await work();
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1] };
}

// --- synthetic case work ---------------------------------------------------------------------

async function addCasework(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n, count(DISTINCT status)::int AS statuses,
            count(*) FILTER (WHERE reason LIKE 'Orientation synthétique%')::int AS ours
       FROM referral`,
  );
  const [{ n, statuses, ours }] = rows;
  if (n >= 1000 && (statuses > 1 || ours < n)) {
    say(`case work already there (${n} referrals)`);
    return;
  }
  if (n > 0) {
    // An earlier version of this script drew its random values once per statement (ours only).
    await client.query('TRUNCATE referral, reception_request, appointment, supporting_document CASCADE');
  }
  const started = performance.now();
  const org = async (code) =>
    (await client.query('SELECT id FROM organization WHERE code = $1', [code])).rows[0].id;
  const user = async (username) =>
    (await client.query('SELECT id FROM app_user WHERE username = $1', [username])).rows[0].id;
  const mourenx = await org('INFO_POINT_MOURENX');
  const sdsei = await org('SOCIAL_SERVICE_SDSEI');
  const office64 = await org('LANDLORD_OFFICE64');
  const agent = await user('mourenx.agent');
  const social = await user('sdsei.ts');
  await client.query('BEGIN');
  await client.query("SET LOCAL work_mem = '256MB'");
  await client.query('SET LOCAL synchronous_commit = off');
  // Referrals: a quarter of the files, sent within 200 days of their creation; random per row
  // (volatile expressions in a subquery's select list, so that PostgreSQL draws them row by row).
  await client.query(
    `INSERT INTO referral (applicant_file_id, from_organization_id, from_user_id, to_organization_id, reason, status,
       decline_reason, created_at, responded_at, responded_by_user_id, done_at, updated_at)
     SELECT f.id, f.created_by_organization_id, $1,
            CASE WHEN f.created_by_organization_id = $2 OR f.to_social THEN $3 ELSE $2 END::uuid,
            'Orientation synthétique (banc d''essai)', f.status,
            CASE WHEN f.status = 'DECLINED' THEN 'Hors de nos missions' END,
            f.sent,
            CASE WHEN f.status <> 'SENT' THEN f.sent + f.answer_days * interval '1 day' END,
            CASE WHEN f.status <> 'SENT' THEN $4::uuid END,
            CASE WHEN f.status = 'DONE' THEN f.sent + (f.answer_days + f.work_days) * interval '1 day' END,
            now()
       FROM (SELECT a.id, a.created_by_organization_id, random() < 0.2 AS to_social,
                    (ARRAY['SENT', 'ACCEPTED', 'ACCEPTED', 'DECLINED', 'DONE', 'DONE', 'DONE'])
                      [1 + floor(random() * 7)::int] AS status,
                    least(now() - interval '1 day', a.created_at + random() * interval '200 days') AS sent,
                    floor(random() * 12)::int AS answer_days, 5 + floor(random() * 40)::int AS work_days
               FROM applicant_file a TABLESAMPLE SYSTEM (25)) f`,
    [agent, mourenx, sdsei, social],
  );
  // Reception requests on registered demands over two years, and appointments that meet most.
  await client.query(
    `CREATE TEMP TABLE bench_requests ON COMMIT DROP AS
     SELECT r.id AS file_id, r.requested_on, (r.requested_on + interval '1 month')::date AS deadline,
            CASE WHEN r.by_office THEN $2::uuid ELSE $1::uuid END AS organization_id
       FROM (SELECT a.id, (now() - random() * interval '700 days')::date AS requested_on, random() < 0.3 AS by_office
               FROM applicant_file a TABLESAMPLE SYSTEM (10)
              WHERE a.status IN ('REGISTERED', 'RENEWAL_DUE')) r`,
    [mourenx, office64],
  );
  await client.query(
    `INSERT INTO reception_request (applicant_file_id, requested_on, deadline, recorded_by_user_id,
       recorded_by_organization_id)
     SELECT file_id, requested_on, deadline, $1, organization_id FROM bench_requests`,
    [agent],
  );
  await client.query(
    `INSERT INTO appointment (organization_id, agent_user_id, applicant_file_id, starts_at, duration_minutes, outcome,
       created_by_user_id)
     SELECT a.organization_id, NULL, a.file_id, a.starts_at, 30, a.outcome, $3
       FROM (SELECT CASE WHEN random() < 0.8 THEN $1 ELSE $2 END::uuid AS organization_id, b.file_id,
                    (b.requested_on + floor(random() * 45)::int)::timestamp + interval '9 hours' AS starts_at,
                    (ARRAY['HONOURED', 'HONOURED', 'HONOURED', 'HONOURED', 'MISSED', 'CANCELLED'])
                      [1 + floor(random() * 6)::int] AS outcome
               FROM bench_requests b CROSS JOIN generate_series(1, 3) n
              WHERE random() < 0.8) a`,
    [mourenx, sdsei, agent],
  );
  // Supporting documents (no bytes: reporting never reads them) for most registered demands.
  await client.query(
    `INSERT INTO supporting_document (applicant_file_id, type, person_id, status, sensitive, valid_until, storage_key,
       file_name, media_type, size_bytes, sha256, uploaded_by_user_id, uploaded_by_organization_id)
     SELECT d.id, d.type, 'APPLICANT', d.status, false, NULL, 'bench/' || d.id || '/' || d.type, 'piece.pdf',
            'application/pdf', 1000, repeat('0', 64), $1, $2
       FROM (SELECT f.id, t.type,
                    (ARRAY['PROVIDED', 'VERIFIED', 'VERIFIED', 'UNUSABLE'])[1 + floor(random() * 4)::int] AS status
               FROM applicant_file f CROSS JOIN unnest(ARRAY['IDENTITY', 'TAX_NOTICE']) AS t(type)
              WHERE f.status IN ('REGISTERED', 'RENEWAL_DUE') AND random() < 0.75) d`,
    [agent, mourenx],
  );
  await client.query('COMMIT');
  for (const table of ['referral', 'reception_request', 'appointment', 'supporting_document']) {
    await client.query(`VACUUM (ANALYZE) ${table}`);
  }
  const counts = await client.query(
    `SELECT (SELECT count(*) FROM referral)::int AS referrals, (SELECT count(*) FROM reception_request)::int AS requests,
            (SELECT count(*) FROM appointment)::int AS appointments,
            (SELECT count(*) FROM supporting_document)::int AS documents`,
  );
  const c = counts.rows[0];
  say(
    `added case work in ${((performance.now() - started) / 1000).toFixed(1)} s: ${c.referrals} referrals, ` +
      `${c.requests} reception requests, ${c.appointments} appointments, ${c.documents} documents`,
  );
}

// --- the summary job, statement by statement (the job's own SQL) ----------------------------

async function inJobTransaction(client, work) {
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query("SET LOCAL work_mem = '128MB'");
    const t0 = performance.now();
    const result = await work();
    await client.query('COMMIT');
    return { ms: performance.now() - t0, result };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function timeJob(client, api, today) {
  // The job's own repository methods, on this client.
  const repository = new api.ReportingRepository(null);
  const db = { query: async (text, values) => (await client.query(text, values)).rows };
  const rows = [];
  const rebuild = await inJobTransaction(client, () => repository.rebuildFileSummary(db, today));
  rows.push(['full rebuild of the summary (files, referrals, requests)', rebuild.ms]);
  for (const table of [
    'reporting_file_fact',
    'reporting_file_flow',
    'reporting_file_checkpoint',
    'reporting_waiting_days',
    'reporting_referral_fact',
    'reporting_reception_fact',
  ]) {
    await client.query(`VACUUM (ANALYZE) ${table}`);
  }
  const idle = await inJobTransaction(client, () =>
    repository.refreshFileSummary(db, new Date(Date.now() - 5 * 60_000), today),
  );
  rows.push(['catch-up, nothing changed', idle.ms]);
  // A busy day's changes: a thousand files move (commune changed; some of them housed), then the catch-up.
  await client.query(
    `UPDATE applicant_file SET insee_code = CASE WHEN insee_code = '64430' THEN '64410' ELSE '64430' END,
            updated_at = now()
      WHERE id IN (SELECT id FROM applicant_file TABLESAMPLE SYSTEM (1) LIMIT 1000)`,
  );
  const busy = await inJobTransaction(client, () =>
    repository.refreshFileSummary(db, new Date(Date.now() - 5 * 60_000), today),
  );
  rows.push([`catch-up, ${busy.result.moved} files changed`, busy.ms]);
  const documents = await inJobTransaction(client, () => repository.snapshotDocuments(db, today));
  rows.push(['document completeness of the day', documents.ms]);
  return rows;
}

// --- the API ---------------------------------------------------------------------------------

function startApi(roles, port) {
  const child = spawn(
    process.execPath,
    ['--require', '@swc-node/register', join(root, 'apps/api/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: join(root, 'apps/api/tsconfig.app.json'),
        DATABASE_URL: roles.runtime,
        ...(roles.owner ? { MIGRATION_DATABASE_URL: roles.owner } : {}),
        PASSERELLE_MODE: 'demo',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: join(root, 'tmp/bench-api-data'),
        ACCESS_TOKEN_TTL_SECONDS: '3600',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolveStop();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function waitForHealth(api, port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.exited()) throw new Error(`the API exited:\n${api.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer within ${timeoutMs / 1000} s:\n${api.output()}`);
}

async function getJson(port, path, token) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

// --- main ------------------------------------------------------------------------------------

async function main() {
  const opts = options();
  const api = apiModules();
  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) await cleanups.pop()();
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    let url = opts.databaseUrl;
    // The API serves as the runtime role and migrates as the owner, as in production (npm start).
    let roles = { runtime: url, owner: null };
    if (!url) {
      const server = await startBenchPostgres(opts.dataDir, { log: say });
      cleanups.push(() => server.stop());
      url = server.url;
      roles = { runtime: server.runtime.url, owner: server.owner.url };
    }
    say('migrating (the reporting tables included)');
    await api.prepareDatabase({
      databaseUrl: roles.runtime,
      migrationDatabaseUrl: roles.owner,
      mode: 'demo',
      demoPassword: 'demo',
      firstCoordinator: null,
    });
    const client = new pg.Client({ connectionString: url, application_name: 'passerelle-bench-reporting' });
    await client.connect();
    cleanups.push(() => client.end());
    const { rows: sizes } = await client.query('SELECT count(*)::int AS files FROM applicant_file');
    if (sizes[0].files === 0) throw new Error('no files: load some with tools/synthetic/load-files.mjs');
    say(`${sizes[0].files.toLocaleString('en-US')} files`);
    if (opts.casework) await addCasework(client);

    const today = api.calendarDateInParis(new Date());
    let job = [];
    if (opts.job) {
      say('running the reporting job, statement by statement');
      job = await timeJob(client, api, today);
    }

    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = startApi(roles, port);
    cleanups.push(() => server.stop());
    await waitForHealth(server, port, 180_000);
    const tokens = {};
    for (const [, username] of ROLES) {
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'demo' }),
      });
      if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
      tokens[username] = (await login.json()).accessToken;
    }
    const organizations = new Map(
      (
        await client.query(
          `SELECT u.username, u.organization_id FROM app_user u WHERE u.username = ANY($1)`,
          [ROLES.map(([, username]) => username)],
        )
      ).rows.map((row) => [row.username, row.organization_id]),
    );
    const views = {
      'cclo.coordination': { ownOnly: false, byOrganization: true },
      'lagor.relais': { ownOnly: true, byOrganization: false },
    };

    /** The statements the service sends for an indicator, as it sends them (in parallel). */
    const statements = (indicator, period, scope) => {
      switch (indicator) {
        case 'files':
          return [api.fileFiguresQuery(period, scope)];
        case 'referrals':
          return [api.referralHistogramQuery(period, scope)];
        case 'reception-commitment':
          return [
            api.receptionFiguresQuery(period, scope),
            api.lateReceptionQuery(period, scope.byOrganization ? null : scope.organizationId),
          ];
        case 'renewals':
          return [api.renewalFiguresQuery(period, today, scope)];
        case 'waiting-times':
          return [api.waitingCasesQuery(period, scope)];
        case 'documents':
          return [api.documentFiguresQuery(period, scope)];
        case 'activity':
          return [api.activityQuery(period, scope)];
        default:
          throw new Error(indicator);
      }
    };
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    cleanups.push(() => pool.end());

    const results = [];
    for (const indicator of opts.indicators) {
      for (const [label, query] of PERIODS) {
        const period = api.resolvePeriod(query ? { year: '2025' } : {}, today);
        for (const [role, username] of ROLES) {
          const path = `/api/reporting/${indicator}${query}`;
          const viaApi = await timed(opts.repeat, opts.warmup, () => getJson(port, path, tokens[username]));
          const scope = {
            organizationId: organizations.get(username),
            ...(views[username] ?? { ownOnly: false, byOrganization: false }),
          };
          const sql = statements(indicator, period, scope);
          const straight = await timed(opts.repeat, opts.warmup, () =>
            Promise.all(sql.map((s) => pool.query(s.text, s.values))),
          );
          results.push({ indicator, label, role, viaApi, straight });
        }
      }
      say(`${indicator} done`);
    }

    // The operational list beside the indicators: the applicants to remind, first page and total.
    for (const [role, username] of ROLES) {
      const viaApi = await timed(opts.repeat, opts.warmup, () =>
        getJson(port, '/api/reporting/renewal-reminders', tokens[username]),
      );
      results.push({ indicator: 'renewal-reminders', label: 'page 1', role, viaApi, straight: null });
    }
    const f = (ms) => (ms === undefined ? '       -' : ms.toFixed(1).padStart(8));
    print(
      `reporting over ${sizes[0].files.toLocaleString('en-US')} files, today ${today}; ${opts.repeat} calls each`,
    );
    print();
    print('indicator              period     role          API p50   API p95   API max   SQL p50   SQL p95');
    for (const r of results) {
      print(
        `${r.indicator.padEnd(22)} ${r.label.padEnd(10)} ${r.role.padEnd(12)} ${f(r.viaApi.p50)}  ${f(r.viaApi.p95)}  ${f(
          r.viaApi.max,
        )}  ${f(r.straight?.p50)}  ${f(r.straight?.p95)}`,
      );
    }
    const worst = Math.max(...results.filter((r) => r.straight).map((r) => r.viaApi.p95));
    print();
    print(
      `slowest indicator, API p95: ${worst.toFixed(1)} ms — ${worst < 1000 ? 'PASS' : 'FAIL'} (bar: well under 1 s)`,
    );
    print();
    print('reporting job (same SQL as ReportingRefreshJob)          ms');
    for (const [label, ms] of job) print(`${label.padEnd(52)} ${f(ms)}`);
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  say(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
