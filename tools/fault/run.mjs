// The fault and load tool: writers and readers against two (or more) real API instances on one
// embedded PostgreSQL of its own, for a while, with faults on a schedule: PostgreSQL crashed
// (immediate shutdown) and started again, an instance killed (SIGKILL) and started again, an
// instance stopped with SIGTERM and started again (a rolling restart). It prints the answers by
// status, the longest answer, how long each fault took to heal, and the acknowledged creations
// against those found afterwards. See tools/bench/README.md, « Faults ».
//
//   NX_DAEMON=false npx nx build api
//   node tools/fault/run.mjs [--duration 60] [--writers 8] [--readers 2] [--instances 2]
//        [--faults pg-crash@15,kill@30,sigterm@45] [--pg-down 3] [--data-dir tmp/fault-data]
//
// A client is a load balancer's view: it sends each request to the next instance, and when an
// instance refuses the connection it sends the same request to another one (counted as `refused`).
// Everything stays on 127.0.0.1; every loop is bounded in time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const API_MAIN = join(root, 'dist/apps/api/main.js');
const REQUEST_TIMEOUT_MS = 30_000;
const FAULTS = ['pg-crash', 'kill', 'sigterm'];

const say = (message) => process.stderr.write(`[fault] ${message}\n`);
const print = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '60' },
      writers: { type: 'string', default: '8' },
      readers: { type: 'string', default: '2' },
      instances: { type: 'string', default: '2' },
      faults: { type: 'string', default: 'pg-crash@15,kill@30,sigterm@45' },
      'pg-down': { type: 'string', default: '3' },
      'data-dir': { type: 'string', default: join(root, 'tmp/fault-data') },
    },
  });
  const integer = (name, min, max) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name}: ${min}..${max}`);
    return value;
  };
  const duration = integer('duration', 5, 3600);
  const faults = values.faults
    ? values.faults.split(',').map((entry) => {
        const [kind, at] = entry.split('@');
        if (!FAULTS.includes(kind) || !(Number(at) > 0 && Number(at) < duration))
          throw new Error(`--faults: kind@seconds, kind among ${FAULTS.join(', ')}, within the duration`);
        return { kind, at: Number(at) };
      })
    : [];
  return {
    duration,
    writers: integer('writers', 0, 200),
    readers: integer('readers', 0, 200),
    instances: integer('instances', 1, 8),
    pgDown: integer('pg-down', 0, 60),
    faults: faults.sort((a, b) => a.at - b.at),
    dataDir: resolve(values['data-dir']),
  };
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** One API instance: a process of the built API on its port; started again on the same port. */
function instance(index, env, log) {
  let child = null;
  let output = '';
  const port = env.PORT;
  const start = async () => {
    output = '';
    child = spawn(process.execPath, [API_MAIN], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => (output = (output + chunk.toString()).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const started = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`instance ${index} exited:\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 120_000)
        throw new Error(`instance ${index} did not start:\n${output}`);
      await sleep(50);
    }
    return performance.now() - started;
  };
  const exited = () =>
    new Promise((resolveExit) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolveExit();
      child.once('exit', (code, signal) => resolveExit({ code, signal }));
    });
  return {
    index,
    url: `http://127.0.0.1:${port}`,
    start,
    kill: async () => {
      const done = exited();
      child?.kill('SIGKILL');
      await done;
    },
    /** SIGTERM; resolves with how long the instance took to exit, and its exit code. */
    terminate: async () => {
      const began = performance.now();
      const done = exited();
      child?.kill('SIGTERM');
      const result = await done;
      return { ms: performance.now() - began, code: result?.code ?? null };
    },
    stop: async () => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const done = exited();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await done;
      clearTimeout(timer);
    },
    output: () => output,
    log,
  };
}

/** A request as a load balancer sends it: the next instance; another one if refused. */
async function send(instances, cursor, method, path, { token, body }) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  let refused = 0;
  const first = cursor.next++;
  for (let attempt = 0; attempt < instances.length * 3; attempt++) {
    const target = instances[(first + attempt) % instances.length];
    const began = performance.now();
    try {
      const response = await fetch(`${target.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      return { status: response.status, ms: performance.now() - began, text, refused };
    } catch (error) {
      const code = error.cause?.code ?? error.name;
      // Refused: the request never reached an instance, another may take it. A connection cut
      // mid-request is the client's answer (a write may have been done): never sent again.
      if (code === 'ECONNREFUSED') {
        refused++;
        await sleep(20);
        continue;
      }
      return {
        status: code === 'TimeoutError' ? 'timeout' : `error:${code}`,
        ms: performance.now() - began,
        text: '',
        refused,
      };
    }
  }
  return { status: 'no-instance', ms: 0, text: '', refused };
}

async function main() {
  const opts = options();
  if (!existsSync(API_MAIN))
    throw new Error(`${API_MAIN} is missing: build it with NX_DAEMON=false npx nx build api`);
  await rm(opts.dataDir, { recursive: true, force: true });
  await mkdir(opts.dataDir, { recursive: true });
  let postgres = await startEmbeddedPostgres({ dataDir: opts.dataDir, durable: true, log: say });
  const pgPort = postgres.port;
  say(`PostgreSQL 17 on 127.0.0.1:${pgPort} (durable), data in ${postgres.pgdata}`);

  const baseEnv = {
    PATH: process.env.PATH ?? '',
    TZ: 'UTC',
    PASSERELLE_MODE: 'demo',
    DEMO_FILE_COUNT: '0',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: postgres.runtime.url,
    MIGRATION_DATABASE_URL: postgres.owner.url,
    DATA_DIR: join(opts.dataDir, 'api'),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  const instances = [];
  for (let i = 0; i < opts.instances; i++)
    instances.push(instance(i, { ...baseEnv, PORT: String(await freePort()) }, say));
  // The first migrates and seeds; the others find it done.
  await instances[0].start();
  await Promise.all(instances.slice(1).map((one) => one.start()));
  say(`${instances.length} API instances: ${instances.map((one) => one.url).join(', ')}`);

  const cursor = { next: 0 };
  const signIn = async () => {
    const answer = await send(instances, cursor, 'POST', '/api/auth/login', {
      body: { username: 'mourenx.agent', password: 'demo' },
    });
    if (answer.status !== 200) throw new Error(`sign-in: ${answer.status} ${answer.text}`);
    return JSON.parse(answer.text).accessToken;
  };
  const token = await signIn();

  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const answers = [];
  const acknowledged = [];
  let running = true;
  const record = (kind, answer) =>
    answers.push({ kind, at: performance.now() - t0, ...answer, text: undefined });

  const writer = async (w) => {
    for (let n = 0; running; n++) {
      const suffix = `${String.fromCharCode(97 + (w % 26))}${n.toString(36)}`.replace(
        /[0-9]/g,
        (d) => 'abcdefghij'[d],
      );
      const answer = await send(instances, cursor, 'POST', '/api/applicant-files', {
        token,
        body: { applicant: { lastName: `Panne${suffix}`, firstNames: 'Test', birthDate: '1980-01-01' } },
      });
      record('write', answer);
      if (answer.status === 201) acknowledged.push(JSON.parse(answer.text).id);
      else await sleep(100);
    }
  };
  const reader = async () => {
    while (running) {
      const id = acknowledged[Math.floor(Math.random() * acknowledged.length)];
      const path = id ? `/api/applicant-files/${id}` : '/api/applicant-files?q=panne';
      const answer = await send(instances, cursor, 'GET', path, { token });
      record('read', answer);
      if (answer.status !== 200) await sleep(100);
    }
  };

  const recoveries = [];
  /** The first 2xx write that started at or after `from` (ms since t0). */
  const firstWriteAfter = async (from, timeoutMs = 60_000) => {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const ok = answers.find((a) => a.kind === 'write' && a.status === 201 && a.at - a.ms >= from);
      if (ok) return ok.at;
      await sleep(20);
    }
    return null;
  };
  const faults = (async () => {
    for (const fault of opts.faults) {
      while (running && elapsed() < fault.at) await sleep(50);
      if (!running) return;
      const at = performance.now() - t0;
      if (fault.kind === 'pg-crash') {
        say(`t=${elapsed().toFixed(1)} s: PostgreSQL crashes (immediate shutdown)`);
        // SIGQUIT is PostgreSQL's immediate shutdown, as pg_ctl stop -m immediate sends it.
        const gone = new Promise((r) => postgres.process.once('exit', r));
        postgres.process.kill('SIGQUIT');
        await gone;
        await sleep(opts.pgDown * 1000);
        const restartAt = performance.now() - t0;
        postgres = await startEmbeddedPostgres({
          dataDir: opts.dataDir,
          port: pgPort,
          requirePort: true,
          durable: true,
          log: () => undefined,
        });
        const up = performance.now() - t0;
        say(`t=${elapsed().toFixed(1)} s: PostgreSQL is back (it took ${seconds(up - restartAt)} to start)`);
        const served = await firstWriteAfter(up);
        recoveries.push({
          fault: 'pg-crash',
          at,
          end: served ?? performance.now() - t0,
          detail: `down ${seconds(restartAt - at)}, start ${seconds(up - restartAt)}`,
          heal: served === null ? null : served - up,
        });
      } else if (fault.kind === 'kill') {
        const target = instances[0];
        say(`t=${elapsed().toFixed(1)} s: instance ${target.index} killed (SIGKILL)`);
        await target.kill();
        const startMs = await target.start();
        say(`t=${elapsed().toFixed(1)} s: instance ${target.index} started again in ${seconds(startMs)}`);
        recoveries.push({
          fault: 'kill',
          at,
          end: performance.now() - t0,
          detail: `instance ${target.index}: back after ${seconds(startMs)}`,
          heal: startMs,
        });
      } else {
        const target = instances[instances.length - 1];
        say(`t=${elapsed().toFixed(1)} s: instance ${target.index} stopped with SIGTERM`);
        const stopped = await target.terminate();
        const startMs = await target.start();
        say(
          `t=${elapsed().toFixed(1)} s: instance ${target.index} exited ${stopped.code} after ${seconds(stopped.ms)}, started again in ${seconds(startMs)}`,
        );
        recoveries.push({
          fault: 'sigterm',
          at,
          end: performance.now() - t0,
          detail: `instance ${target.index}: exit ${stopped.code} after ${seconds(stopped.ms)}`,
          heal: stopped.ms + startMs,
        });
      }
    }
  })();

  const clients = [
    ...Array.from({ length: opts.writers }, (_, w) => writer(w)),
    ...Array.from({ length: opts.readers }, () => reader()),
  ];
  while (elapsed() < opts.duration) await sleep(100);
  running = false;
  await Promise.all([...clients, faults]);

  // Every acknowledged creation must be there: read as the owner, straight from PostgreSQL.
  const check = new pg.Client({ connectionString: postgres.owner.url });
  await check.connect();
  const { rows } = await check.query(
    'SELECT count(*)::int AS found FROM applicant_file WHERE id = ANY($1::uuid[])',
    [acknowledged],
  );
  await check.end();
  const found = rows[0].found;

  for (const one of instances) await one.stop();
  await postgres.stop();

  const byStatus = (kind) => {
    const counts = {};
    for (const a of answers.filter((x) => x.kind === kind)) counts[a.status] = (counts[a.status] ?? 0) + 1;
    return Object.entries(counts)
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
  };
  const longest = answers.reduce((max, a) => (a.ms > max.ms ? a : max), { ms: 0 });
  const refused = answers.reduce((n, a) => n + a.refused, 0);
  const fiveHundreds = answers.filter(
    (a) => typeof a.status === 'number' && a.status >= 500 && a.status !== 503,
  ).length;

  print(
    `# Fault run: ${opts.duration} s, ${opts.writers} writers, ${opts.readers} readers, ${opts.instances} instances`,
  );
  print();
  print(`| kind | answers by status |`);
  print(`|---|---|`);
  print(`| write | ${byStatus('write')} |`);
  print(`| read | ${byStatus('read')} |`);
  print();
  print(`- connections refused and sent to another instance: ${refused}`);
  print(`- longest answer: ${Math.round(longest.ms)} ms (${longest.kind ?? '-'}, ${longest.status ?? '-'})`);
  print(`- answers 5xx other than 503: ${fiveHundreds}`);
  print();
  print(`| fault | at | what happened | healed after | answers meanwhile |`);
  print(`|---|---|---|---|---|`);
  for (const r of recoveries) {
    const meanwhile = {};
    for (const a of answers.filter((x) => x.at >= r.at && x.at <= r.end))
      meanwhile[a.status] = (meanwhile[a.status] ?? 0) + 1;
    const counts = Object.entries(meanwhile)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    print(
      `| ${r.fault} | ${seconds(r.at)} | ${r.detail} | ${r.heal === null ? 'not within 60 s' : seconds(r.heal)} | ${counts || '-'} |`,
    );
  }
  print();
  print(
    `- creations acknowledged: ${acknowledged.length}; found afterwards: ${found}; lost: ${acknowledged.length - found}`,
  );
  print();
  print(
    '« healed after »: pg-crash, from PostgreSQL accepting connections again to the first creation acknowledged that started after it; kill, from the kill to the instance answering its health check again (the other instance served meanwhile); sigterm, from the signal to the instance serving again.',
  );
  if (acknowledged.length !== found || fiveHundreds > 0) process.exitCode = 1;
}

main().catch((error) => {
  say(error.stack ?? String(error));
  process.exit(1);
});
