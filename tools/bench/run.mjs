// The file routes' benchmark over a loaded database (tools/synthetic/load-files.mjs): search,
// detail, creation and merge patch, API and bare node:http + pg server side by side. See
// tools/bench/README.md.
//
//   node tools/bench/run.mjs [--data-dir tmp/bench-data | --database-url URL] [--duration 20] [--rounds 4]
//        [--warmup 3] [--clients 1,4,20] [--scenarios search,detail,create,update] [--seed 7]
//        [--bare-statements all|main] [--workers 1] [--tcp] [--cpu-profile DIR] [--api-b PATH]
//
// Everything stays on 127.0.0.1; every loop is bounded in time and in count.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBenchPostgres } from '../synthetic/bench-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const API_MAIN = join(root, 'dist/apps/api/main.js');
const BENCH_USER = 'mourenx.agent';
const BENCH_PASSWORD = 'demo';
/** No single measurement sends more than this, whatever the duration. */
const MAX_REQUESTS_PER_RUN = 2_000_000;
const REQUEST_TIMEOUT_MS = 10_000;
const SCENARIOS = ['search', 'detail', 'create', 'update'];

const say = (message) => process.stderr.write(`[bench] ${message}\n`);
const print = (line = '') => process.stdout.write(`${line}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: join(root, 'tmp/bench-data') },
      'database-url': { type: 'string' },
      duration: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '4' },
      warmup: { type: 'string', default: '3' },
      clients: { type: 'string', default: '1,4,20' },
      scenarios: { type: 'string', default: 'search,detail' },
      seed: { type: 'string', default: '7' },
      'bare-statements': { type: 'string', default: 'all' },
      workers: { type: 'string', default: '1' },
      tcp: { type: 'boolean', default: false },
      'cpu-profile': { type: 'string' },
      'api-b': { type: 'string' },
    },
  });
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  if (!(duration > 0 && duration <= 600)) throw new Error('--duration must be 1..600 seconds');
  if (!(warmup >= 0 && warmup <= 60)) throw new Error('--warmup must be 0..60 seconds');
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error('--rounds: 1..20');
  const clients = values.clients.split(',').map(Number);
  if (clients.some((c) => !Number.isInteger(c) || c < 1 || c > 200))
    throw new Error('--clients: 1..200 each');
  const scenarios = values.scenarios.split(',');
  if (scenarios.some((s) => !SCENARIOS.includes(s))) throw new Error(`--scenarios: ${SCENARIOS.join(', ')}`);
  const bareStatements = values['bare-statements'];
  if (bareStatements !== 'all' && bareStatements !== 'main') throw new Error('--bare-statements: all, main');
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 8) throw new Error('--workers: 1..8');
  return {
    workers,
    tcp: values.tcp,
    cpuProfile: values['cpu-profile'] ? resolve(values['cpu-profile']) : undefined,
    apiB: values['api-b'] ? resolve(values['api-b']) : undefined,
    bareStatements,
    dataDir: resolve(values['data-dir']),
    databaseUrl: values['database-url'],
    duration,
    rounds,
    warmup,
    clients,
    scenarios,
    seed: Number(values.seed),
  };
}

/** mulberry32: the benchmark's own small seeded generator (queries and ids are reproducible). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// --- processes -------------------------------------------------------------------------------

function startProcess(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    child,
    name,
    output: () => output,
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

/**
 * CPU seconds (user and system) used so far by a process and its children (API_WORKERS), read from
 * Linux's /proc; null elsewhere. On a shared machine a server's CPU per request drifts much less
 * than its requests/s: the fixed cost of a request, compared side by side.
 */
function cpuSeconds(pid) {
  const ticks = (id) => {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  try {
    let total = ticks(pid);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    for (const child of children ? children.split(' ') : []) total += ticks(child);
    return total / 100; // USER_HZ
  } catch {
    return null;
  }
}

async function waitForHealth(proc, port, path, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited:\n${proc.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name} did not answer within ${timeoutMs / 1000} s:\n${proc.output()}`);
}

async function freePort() {
  const { freePort: find } = await import('../embedded-postgres.mjs');
  return find();
}

// --- load generator --------------------------------------------------------------------------

/**
 * One request: `{ method, path, body?, headers? }`. Answers its status and its ETag (the version a
 * merge patch needs next).
 */
function send(agent, port, { method = 'GET', path, body, headers = {} }, token) {
  return new Promise((resolveRequest) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: {
          ...headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        res.resume();
        const etag = res.headers.etag;
        res.on('end', () => resolveRequest({ status: res.statusCode ?? 0, etag }));
        res.on('error', () => resolveRequest({ status: -1 }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolveRequest({ status: -1 }));
    req.end(payload);
  });
}

/**
 * `clients` concurrent loops for `seconds`, each sending the workload's next request (from `start`
 * in it) as soon as its previous one is answered. Answers the latencies of the expected answers,
 * the other statuses and the wall time (see summarise).
 */
async function drive({ port, pid, token, workload, clients, seconds, start = 0 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const cpuBefore = cpuSeconds(pid);
  const latencies = [];
  const failures = new Map();
  let next = start;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline && next < MAX_REQUESTS_PER_RUN) {
      const request = workload.request(next++);
      const t0 = performance.now();
      const answer = await send(agent, port, request, token);
      const elapsed = performance.now() - t0;
      if (answer.status === workload.expected) {
        latencies.push(elapsed);
        workload.answered?.(request, answer);
      } else failures.set(answer.status, (failures.get(answer.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = cpuSeconds(pid);
  agent.destroy();
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { latencies, failures, wall, cpu, sent: next - start };
}

/** One line of the table from the slices of one server: requests/s over their wall time, percentiles over all. */
function summarise(slices) {
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const wall = slices.reduce((sum, slice) => sum + slice.wall, 0);
  const failures = new Map();
  for (const slice of slices)
    for (const [status, n] of slice.failures) failures.set(status, (failures.get(status) ?? 0) + n);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const sent = slices.reduce((sum, slice) => sum + slice.sent, 0);
  const cpu = slices.every((slice) => slice.cpu !== null)
    ? slices.reduce((sum, slice) => sum + slice.cpu, 0)
    : NaN;
  return {
    cpuPerRequest: (1000 * cpu) / sent,
    requests: latencies.length,
    failures: [...failures.entries()].map(([status, n]) => `${n}×${status}`).join(' '),
    rps: latencies.length / wall,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

// --- workload --------------------------------------------------------------------------------

/** The letters of a name as people type them: accents or not, any case. */
function typed(word, next) {
  const roll = next();
  if (roll < 0.4) return word.toLowerCase();
  if (roll < 0.7) return word;
  if (roll < 0.85) return word.toUpperCase();
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Search queries drawn from the names of a random sample of the files (their real distribution). */
async function searchQueries(client, seed, count) {
  const { rows } = await client.query(
    `SELECT content->'applicant'->>'lastName' AS last_name, content->'applicant'->>'usageName' AS usage_name,
            content->'applicant'->>'firstNames' AS first_names, sne_number
       FROM applicant_file TABLESAMPLE BERNOULLI (1) REPEATABLE (${Number(seed) | 0})
      LIMIT 20000`,
  );
  if (rows.length === 0) throw new Error('no files: load some with tools/synthetic/load-files.mjs');
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const words = (text) => (text ?? '').split(/[\s'’-]+/).filter((w) => w.length >= 3);
  const prefix = (word) => word.slice(0, Math.min(word.length, 3 + Math.floor(next() * 4)));
  const queries = [];
  for (let attempts = 0; queries.length < count && attempts < count * 10; attempts++) {
    const row = pick(rows);
    const roll = next();
    if (roll < 0.05) {
      if (row.sne_number) queries.push(row.sne_number.slice(0, 8 + Math.floor(next() * 5)));
      continue;
    }
    const surname = pick(words(next() < 0.3 && row.usage_name ? row.usage_name : row.last_name));
    if (!surname) continue;
    const parts = [typed(prefix(surname), next)];
    if (roll < 0.3) {
      const first = pick(words(row.first_names));
      if (first) parts.push(typed(prefix(first), next));
      if (next() < 0.5) parts.reverse();
    }
    queries.push(parts.join(' '));
  }
  return queries;
}

async function randomIds(client, seed, count) {
  const { rows } = await client.query(
    `SELECT id FROM applicant_file TABLESAMPLE BERNOULLI (1) REPEATABLE (${Number(seed) | 0}) LIMIT ${Number(count) | 0}`,
  );
  const next = random(seed + 1);
  return rows.map((r) => r.id).sort(() => next() - 0.5);
}

/**
 * Files to patch: a random sample of those that may still change (an anonymised file may not),
 * with their versions. Spread over thousands of files, as agents work: no hot row.
 */
async function patchTargets(client, seed, count) {
  const { rows } = await client.query(
    // A seeded shuffle of the whole table (a second on a million rows): TABLESAMPLE BERNOULLI (1)
    // REPEATABLE gave 81 rows of the million, not 10,000, so 82 hot files instead of 5,000.
    `SELECT id, version FROM applicant_file WHERE anonymised_at IS NULL
      ORDER BY md5(id::text || $1) LIMIT ${Number(count) | 0}`,
    [String(Number(seed) | 0)],
  );
  const next = random(seed + 3);
  return rows.sort(() => next() - 0.5);
}

/**
 * What an agent changes in a file on the phone with its applicant: the applicant's and the
 * contact's phone numbers, the current rent (nested objects merge). Never the same twice in a row.
 */
function patchOf(i, next) {
  const digits = () =>
    Array.from({ length: 4 }, () => String(Math.floor(next() * 100)).padStart(2, '0')).join(' ');
  return {
    applicant: { phone: `06 ${digits()}` },
    contact: { phone: `05 ${digits()}` },
    currentHousing: { monthlyRent: 250 + ((i * 37) % 700) + Math.round(next() * 100) / 100 },
  };
}

/**
 * The four workloads; each gives its i-th request. Creations post generated files (minimal,
 * partial or complete, as the population), each with its own applicant: the duplicate check looks
 * up the files born the same day, as with a real newcomer. Merge patches name the version they
 * read: the ETag of the previous answer about that file (from the database at first), shared by
 * both servers, which take turns.
 */
async function workloads(client, opts, synthetic) {
  const queries = await searchQueries(client, opts.seed, 2000);
  const ids = await randomIds(client, opts.seed, 5000);
  const today = synthetic.domain.calendarDateInParis(new Date());
  const generator = synthetic.files.createSyntheticFileGenerator({
    ...synthetic.seed.territoryOptions(opts.seed + 1_000, today),
    // Past the loaded population: another stream of people.
    startIndex: 50_000_000,
  });
  const bodies = Array.from({ length: opts.scenarios.includes('create') ? 40_000 : 0 }, () => {
    const { content } = generator.next();
    return content;
  });
  const targets = opts.scenarios.includes('update') ? await patchTargets(client, opts.seed + 2, 5000) : [];
  const versions = new Map(targets.map((t) => [t.id, t.version]));
  const patchRandom = random(opts.seed + 4);
  say(
    `workload: ${queries.length} search queries (e.g. ${queries
      .slice(0, 6)
      .map((q) => JSON.stringify(q))
      .join(
        ', ',
      )}), ${ids.length} file ids, ${bodies.length} files to create, ${targets.length} files to patch`,
  );
  const path = '/api/applicant-files';
  return {
    queries,
    ids,
    search: {
      expected: 200,
      request: (i) => ({ path: `${path}?q=${encodeURIComponent(queries[i % queries.length])}` }),
    },
    detail: { expected: 200, request: (i) => ({ path: `${path}/${ids[i % ids.length]}` }) },
    create: { expected: 201, request: (i) => ({ method: 'POST', path, body: bodies[i % bodies.length] }) },
    update: {
      expected: 200,
      request: (i) => {
        const { id } = targets[i % targets.length];
        return {
          method: 'PATCH',
          path: `${path}/${id}`,
          headers: { 'if-match': `"${versions.get(id)}"` },
          body: patchOf(i, patchRandom),
          id,
        };
      },
      answered: (request, answer) => {
        const version = /^"(\d+)"$/.exec(answer.etag ?? '')?.[1];
        if (version) versions.set(request.id, Number(version));
      },
    },
  };
}

/** The plan of one typical search: the query whose total is the median of a sample. */
async function explainTypicalSearch(client, builder, queries, scope) {
  const measured = [];
  for (const q of queries.slice(0, 40)) {
    const statement = builder.fileSearchQuery({ q }, scope, { limit: 20, offset: 0 });
    const { rows } = await client.query(statement.text, statement.values);
    measured.push({ q, total: rows[0]?.total ?? 0, statement });
  }
  measured.sort((a, b) => a.total - b.total);
  const shown = (total) => String(total);
  for (const [label, pick] of [
    ['typical', measured[Math.floor(measured.length / 2)]],
    ['broadest', measured[measured.length - 1]],
  ]) {
    print(
      `EXPLAIN (ANALYZE, BUFFERS) of the ${label} search of a sample of ${measured.length}: q=${JSON.stringify(pick.q)} (total ${shown(pick.total)}; sample totals from ${measured[0].total} to ${shown(measured[measured.length - 1].total)})`,
    );
    const { rows } = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${pick.statement.text}`,
      pick.statement.values,
    );
    for (const line of rows.map((r) => r['QUERY PLAN'])) {
      if (
        /->|^\S|Execution Time|Planning Time|Buffers: shared|One-Time Filter|never executed/.test(line) &&
        !/^\s*Buffers.*Planning/.test(line)
      ) {
        print(`    ${line.length > 150 ? `${line.slice(0, 147)}...` : line}`);
      }
    }
  }
}

/** The plan of one file detail. */
async function explainDetail(client, builder, id, scope) {
  const statement = builder.fileDetailQuery(id, scope);
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
  print('EXPLAIN (ANALYZE, BUFFERS) of a file detail:');
  for (const line of rows.map((r) => r['QUERY PLAN'])) print(`    ${line}`);
}

/**
 * Waits until the API's start-up work is over (migrations are done by then, but the scheduled jobs
 * start at once: a first reporting build over a million files takes minutes), so that the
 * measurements see the steady state. Bounded in time.
 */
async function waitForQuietDatabase(client, timeoutMs) {
  const started = Date.now();
  let quietSince = null;
  while (Date.now() - started < timeoutMs) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS busy FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
    );
    if (rows[0].busy === 0) {
      quietSince ??= Date.now();
      if (Date.now() - quietSince >= 3000) return Date.now() - started;
    } else quietSince = null;
    await new Promise((r) => setTimeout(r, 500));
  }
  say(`the database was still busy after ${timeoutMs / 1000} s; measuring anyway`);
  return Date.now() - started;
}

// --- main ------------------------------------------------------------------------------------

const ms = (value) => (Number.isFinite(value) ? value.toFixed(1).padStart(7) : '      -');

async function main() {
  const opts = options();
  if (!existsSync(API_MAIN))
    throw new Error(`${API_MAIN} is missing: build it with NX_DAEMON=false npx nx build api`);
  process.env.SWC_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
  const require = createRequire(import.meta.url);
  require('@swc-node/register');
  // The synthetic generator's modules load class-validator classes, whose decorators want it.
  require('reflect-metadata');
  const builder = require(join(root, 'apps/api/src/app/applicant-files/applicant-files.queries.ts'));
  const domain = require(join(root, 'libs/shared/domain/src/index.ts'));

  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length)
      await cleanups
        .pop()()
        .catch(() => undefined);
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    let url = opts.databaseUrl;
    // The API serves as the runtime role and migrates as the owner, as in production (npm start).
    let roles = { runtime: url, owner: null };
    if (!url) {
      const server = await startBenchPostgres(opts.dataDir, { durable: true, log: say });
      cleanups.push(() => server.stop());
      // The API and the database on one machine talk over PostgreSQL's Unix socket, unless --tcp.
      const pick = (urls) => (opts.tcp ? urls.url : (urls.socketUrl ?? urls.url));
      url = pick(server);
      roles = { runtime: pick(server.runtime), owner: pick(server.owner) };
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => client.end());
    const [{ files }] = (await client.query('SELECT count(*)::int AS files FROM applicant_file')).rows;
    const version = (await client.query('SHOW server_version')).rows[0].server_version;
    say(`database: ${files.toLocaleString('en-US')} files, PostgreSQL ${version}`);
    // Start warm: the file table and its lookup indexes in shared buffers (bench database only).
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
    let warmed = 0;
    // The heap first, then the indexes, so that the indexes stay when the table does not fit.
    for (const relation of [
      'applicant_file',
      'IDX_applicant_file_sort_name',
      'IDX_applicant_file_sne_number_prefix',
      'IDX_applicant_file_name_search',
      'PK_applicant_file',
      'IDX_applicant_file_kept_file',
    ]) {
      const { rows } = await client.query(
        'SELECT pg_prewarm(oid)::bigint AS blocks FROM pg_class WHERE relname = $1',
        [relation],
      );
      warmed += Number(rows[0]?.blocks ?? 0);
    }
    say(`prewarmed ${Math.round((warmed * 8) / 1024)} MB into shared buffers`);

    const backOffice = join(root, 'dist/apps/back-office/browser');
    const startApi = async (name, main, args = []) => {
      const port = await freePort();
      const proc = startProcess(name, [...args, '--enable-source-maps', main], {
        ...process.env,
        DATABASE_URL: roles.runtime,
        ...(roles.owner ? { MIGRATION_DATABASE_URL: roles.owner } : {}),
        PASSERELLE_MODE: 'demo',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: join(root, 'tmp/bench-api-data'),
        ACCESS_TOKEN_TTL_SECONDS: '3600',
        NODE_ENV: 'production',
        API_WORKERS: String(opts.workers),
        // Served as in production (its middlewares are on every request's way), from one place
        // whichever build runs (--api-b).
        ...(existsSync(join(backOffice, 'index.html')) ? { BACK_OFFICE_DIR: backOffice } : {}),
      });
      cleanups.push(() => proc.stop());
      return { proc, port };
    };
    const profile = opts.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfile}`] : [];
    const { proc: api, port: apiPort } = await startApi('API', API_MAIN, profile);
    // The API migrates the database first (a migration that backfills a million files takes
    // minutes) and gives the runtime role its grants, which the bare server needs too.
    await waitForHealth(api, apiPort, '/api/health', 15 * 60_000);
    // Another build of the API, measured in the same rounds (an A/B of a change).
    const apiB = opts.apiB ? await startApi('API-B', opts.apiB) : null;
    if (apiB) await waitForHealth(apiB.proc, apiB.port, '/api/health', 5 * 60_000);
    const barePort = await freePort();
    const bare = startProcess('bare server', [join(root, 'tools/bench/bare-server.mjs')], {
      ...process.env,
      DATABASE_URL: roles.runtime,
      PORT: String(barePort),
      BENCH_USERNAME: BENCH_USER,
      BARE_STATEMENTS: opts.bareStatements,
      BARE_WORKERS: String(opts.workers),
    });
    cleanups.push(() => bare.stop());
    await waitForHealth(bare, barePort, '/health', 60_000);

    const waited = await waitForQuietDatabase(client, 15 * 60_000);
    say(`the API's start-up jobs were over after ${Math.round(waited / 1000)} s`);

    const login = await fetch(`http://127.0.0.1:${apiPort}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login as ${BENCH_USER}: ${login.status} ${await login.text()}`);
    const { accessToken } = await login.json();

    const work = await workloads(client, opts, {
      domain,
      files: require(join(root, 'apps/api/src/app/demo/synthetic-files.ts')),
      seed: require(join(root, 'apps/api/src/app/demo/demo-seed.ts')),
    });
    for (const scenario of opts.scenarios) {
      for (const [name, port] of [
        ['API', apiPort],
        ['bare', barePort],
        ...(apiB ? [['API-B', apiB.port]] : []),
      ]) {
        const request = work[scenario].request(0);
        const answer = await send(new Agent(), port, request, accessToken);
        if (answer.status !== work[scenario].expected)
          throw new Error(
            `${name} ${scenario} ${request.method ?? 'GET'} ${request.path}: HTTP ${answer.status}`,
          );
        work[scenario].answered?.(request, answer);
      }
    }

    // Side by side: each measurement is cut in rounds that alternate the servers (bare first, then
    // the API first…), so that all see the same moments of a shared, drifting machine. Each walks
    // the same list of requests from the same place.
    const results = [];
    for (const scenario of opts.scenarios) {
      for (const clients of opts.clients) {
        const servers = [
          { name: 'bare', port: barePort, pid: bare.child.pid, slices: [], next: 0 },
          { name: 'API', port: apiPort, pid: api.child.pid, slices: [], next: 0 },
          ...(apiB
            ? [{ name: 'API-B', port: apiB.port, pid: apiB.proc.child.pid, slices: [], next: 0 }]
            : []),
        ];
        const drives = (server, seconds) =>
          drive({
            port: server.port,
            pid: server.pid,
            token: accessToken,
            workload: work[scenario],
            clients,
            seconds,
            start: server.next,
          });
        if (opts.warmup > 0) for (const server of servers) await drives(server, opts.warmup);
        say(
          `${scenario}, ${clients} client(s): ${opts.rounds} round(s) of ${opts.duration / opts.rounds} s per server…`,
        );
        for (let round = 0; round < opts.rounds; round++) {
          for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
            const slice = await drives(server, opts.duration / opts.rounds);
            server.next += slice.sent;
            server.slices.push(slice);
          }
        }
        for (const server of servers)
          results.push({ scenario, clients, name: server.name, ...summarise(server.slices) });
      }
    }

    print();
    print(
      `Passerelle benchmark — ${files.toLocaleString('en-US')} files, ${opts.duration} s per measurement in ${opts.rounds} round(s) alternating the two servers (after ${opts.warmup} s of warm-up each), user ${BENCH_USER}`,
    );
    print(
      opts.bareStatements === 'all'
        ? "bare server: the same statements as the API (session check with keep-alive; file statement with its read-audit entries; a write's whole transaction)"
        : "bare server: the file statement alone for reads (no session check, no audit entries); a write's whole transaction",
    );
    print(
      `processes: ${opts.workers} for the API (API_WORKERS) and ${opts.workers} for the bare server; database over ${url.includes('?host=') ? 'its Unix socket' : 'TCP'}`,
    );
    if (apiB) print(`API: ${API_MAIN}; API-B: ${opts.apiB} (checks below: API only)`);
    print(
      'scenario  clients  server     req/s   p50 ms   p95 ms   p99 ms  requests  failures   API/bare  CPU ms/req',
    );
    for (const row of results) {
      const bare = results.find(
        (r) => r.scenario === row.scenario && r.clients === row.clients && r.name === 'bare',
      );
      const ratio = row.name !== 'bare' && bare?.rps ? (row.rps / bare.rps).toFixed(2) : '';
      print(
        `${row.scenario.padEnd(9)} ${String(row.clients).padStart(7)}  ${row.name.padEnd(6)} ${row.rps.toFixed(0).padStart(8)} ${ms(row.p50)}  ${ms(row.p95)}  ${ms(row.p99)} ${String(row.requests).padStart(9)}  ${(row.failures || '-').padStart(8)}  ${ratio.padStart(9)}  ${(Number.isFinite(row.cpuPerRequest) ? row.cpuPerRequest.toFixed(2) : '-').padStart(10)}`,
      );
    }
    // QUALITY.md's bars.
    const resultOf = (scenario, clients, name) =>
      results.find((r) => r.scenario === scenario && r.clients === clients && r.name === name);
    const checks = [];
    const searchAt4 = resultOf('search', 4, 'API');
    if (searchAt4)
      checks.push([`search p95 at 4 clients < 50 ms`, searchAt4.p95 < 50, `${searchAt4.p95.toFixed(1)} ms`]);
    const detailAt20 = resultOf('detail', 20, 'API');
    const bareDetailAt20 = resultOf('detail', 20, 'bare');
    if (detailAt20 && bareDetailAt20)
      checks.push([
        `detail p95 at 20 clients ≤ 1.5 × the bare server's`,
        detailAt20.p95 <= 1.5 * bareDetailAt20.p95,
        `${detailAt20.p95.toFixed(1)} ms against ${bareDetailAt20.p95.toFixed(1)} ms: ${(detailAt20.p95 / bareDetailAt20.p95).toFixed(2)} ×`,
      ]);
    for (const scenario of ['create', 'update']) {
      const at4 = resultOf(scenario, 4, 'API');
      const bareAt4 = resultOf(scenario, 4, 'bare');
      if (at4)
        checks.push([
          `${scenario} p95 at 4 clients < 30 ms`,
          at4.p95 < 30,
          `${at4.p95.toFixed(1)} ms; the bare server's ${bareAt4 ? `${bareAt4.p95.toFixed(1)} ms` : '-'}`,
        ]);
    }
    for (const row of results.filter((r) => r.name === 'API')) {
      const bare = resultOf(row.scenario, row.clients, 'bare');
      if (bare)
        checks.push([
          `${row.scenario} at ${row.clients}: API ≥ 0.6 × bare req/s`,
          row.rps >= 0.6 * bare.rps,
          (row.rps / bare.rps).toFixed(2),
        ]);
    }
    const failed = results.filter((r) => r.failures);
    if (failed.length)
      checks.push([
        'no failed request',
        false,
        failed.map((r) => `${r.scenario}/${r.clients}/${r.name}: ${r.failures}`).join('; '),
      ]);
    print();
    for (const [label, ok, value] of checks) print(`${ok ? 'PASS' : 'FAIL'}  ${label} (${value})`);
    print();

    const [user] = (
      await client.query('SELECT u.role, u.organization_id FROM app_user u WHERE u.username = $1', [
        BENCH_USER,
      ])
    ).rows;
    const scope = {
      scope: domain.PERMISSIONS['files.list'][user.role].scope,
      organizationId: user.organization_id,
      today: domain.calendarDateInParis(new Date()),
    };
    await explainTypicalSearch(client, builder, work.queries, scope);
    await explainDetail(client, builder, work.ids[0], {
      ...scope,
      scope: domain.PERMISSIONS['files.read'][user.role].scope,
    });
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  say(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
