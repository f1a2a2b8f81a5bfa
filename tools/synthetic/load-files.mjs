// Loads N fictitious applicant files into a Passerelle database, for benchmarks.
//
//   node tools/synthetic/load-files.mjs --count 1000000 [--database-url URL | --data-dir DIR] [--seed 42]
//        [--today YYYY-MM-DD] [--replace | --append] [--durable]
//
// Without --database-url, an embedded PostgreSQL runs under --data-dir (default tmp/bench-data),
// tuned for a bench (bench-postgres.mjs) and stopped at the end. The schema comes from the API's
// own migrations (prepareDatabase, demo mode: reference data and demo accounts included). Rows go
// through COPY, one stream per table; secondary indexes are dropped before and rebuilt after,
// exactly as the migrations defined them; then VACUUM ANALYZE.
//
// It seeds the demo accounts (password « demo ») the generated files name: a bench or demo
// database only, never a production one.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBenchPostgres } from './bench-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TABLES = ['applicant_file', 'file_organization', 'timeline_event'];

const say = (message) => process.stderr.write(`[load-files] ${message}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const thousands = (n) => n.toLocaleString('en-US');

function options() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000000' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string', default: join(root, 'tmp/bench-data') },
      seed: { type: 'string', default: '42' },
      today: { type: 'string' },
      replace: { type: 'boolean', default: false },
      append: { type: 'boolean', default: false },
      durable: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'node tools/synthetic/load-files.mjs --count N [--database-url URL | --data-dir DIR] [--seed S] [--today YYYY-MM-DD] [--replace | --append] [--durable]\n',
    );
    process.exit(0);
  }
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 10_000_000)
    throw new Error('--count must be 1..10,000,000');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    throw new Error('--today must be YYYY-MM-DD');
  if (values.replace && values.append) throw new Error('--replace and --append exclude each other');
  return {
    ...values,
    count,
    seed,
    dataDir: resolve(values['data-dir']),
    databaseUrl: values['database-url'],
  };
}

/** The API's TypeScript, loaded as tools/db/generate-migration.mjs does. */
function apiModules() {
  process.env.SWC_NODE_PROJECT = join(root, 'apps/api/tsconfig.app.json');
  const require = createRequire(import.meta.url);
  require('@swc-node/register');
  const load = (path) => require(join(root, 'apps/api/src', path));
  return {
    ...load('app/database-setup.ts'),
    ...load('app/demo/demo-seed.ts'),
    ...load('app/demo/synthetic-files.ts'),
    ...load('app/demo/file-loader.ts'),
    ...load('app/demo/file-copy.ts'),
    ...load('../../../libs/shared/domain/src/index.ts'),
  };
}

async function connect(url, settings = []) {
  const client = new pg.Client({ connectionString: url, application_name: 'passerelle-load-files' });
  await client.connect();
  for (const statement of settings) await client.query(statement);
  return client;
}

/** Secondary indexes (not those behind a primary key or a constraint), with their definitions. */
async function secondaryIndexes(client) {
  const { rows } = await client.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY t.relname, i.indexrelid::regclass::text`,
    [TABLES],
  );
  return rows;
}

/** Runs `statements` on `parallel` connections, longest first; answers each one's time. */
async function runInParallel(url, statements, parallel, settings) {
  const queue = [...statements];
  const timings = [];
  const worker = async () => {
    const client = await connect(url, settings);
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const started = Date.now();
        await client.query(next.sql);
        timings.push({ name: next.name, ms: Date.now() - started });
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return timings;
}

async function main() {
  const opts = options();
  const startedAt = Date.now();
  const phases = [];
  const phase = async (name, work) => {
    const t = Date.now();
    const result = await work();
    phases.push([name, Date.now() - t]);
    return result;
  };

  const api = apiModules();
  const today = opts.today ?? api.calendarDateInParis(new Date());
  let server = null;
  let url = opts.databaseUrl;
  const stop = async () => {
    if (server) await server.stop();
    server = null;
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));

  try {
    if (!url) {
      server = await phase('start PostgreSQL', () =>
        startBenchPostgres(opts.dataDir, { durable: opts.durable, log: say }),
      );
      url = server.url;
      say(
        `embedded PostgreSQL on 127.0.0.1:${server.port}, data in ${server.pgdata}${opts.durable ? '' : ' (fsync off while loading)'}`,
      );
    }
    await phase('migrate and seed reference data', () =>
      // Demo mode for the demo accounts the files name, without the demo's own few hundred files.
      api.prepareDatabase({
        // The two roles of the embedded cluster (tools/db/roles.mjs); the loader itself writes as
        // the superuser, which may skip the row-by-row foreign key checks.
        databaseUrl: server ? server.runtime.url : url,
        migrationDatabaseUrl: server ? server.owner.url : null,
        mode: 'demo',
        demoPassword: 'demo',
        firstCoordinator: null,
        demoFileCount: 0,
      }),
    );

    const admin = await connect(url);
    let startIndex = 0;
    try {
      const { rows } = await admin.query('SELECT count(*)::int AS n FROM applicant_file');
      const existing = rows[0].n;
      if (existing > 0) {
        if (opts.replace) {
          say(`removing the ${thousands(existing)} files already there (--replace)`);
          await admin.query('TRUNCATE applicant_file CASCADE');
        } else if (opts.append) {
          // SNE numbers carry the file's index: continue after the highest one there.
          startIndex = existing + 1_000_000;
          say(`adding to the ${thousands(existing)} files already there (--append)`);
        } else {
          throw new Error(
            `the database already holds ${thousands(existing)} files: use --replace or --append`,
          );
        }
      }
    } finally {
      await admin.end();
    }

    const setup = await connect(url);
    const [{ super: isSuperuser }] = (
      await setup.query(`SELECT current_setting('is_superuser') = 'on' AS super`)
    ).rows;
    const references = await api.loadReferences(api.pgRunner(setup));
    const indexes = await secondaryIndexes(setup);
    await phase('drop secondary indexes', async () => {
      for (const index of indexes) await setup.query(`DROP INDEX ${index.name}`);
    });
    await setup.end();
    say(`dropped ${indexes.length} secondary indexes; they are rebuilt after the load`);

    // Foreign keys are checked once at the end instead of row by row (superuser only).
    const sessionSettings = [
      'SET synchronous_commit = off',
      ...(isSuperuser ? ['SET session_replication_role = replica'] : []),
    ];
    const clients = {
      files: await connect(url, sessionSettings),
      organizations: await connect(url, sessionSettings),
      events: await connect(url, sessionSettings),
    };

    const generator = api.createSyntheticFileGenerator({
      ...api.territoryOptions(opts.seed, today),
      startIndex,
    });
    function* files() {
      for (let i = 0; i < opts.count; i++) yield generator.next();
    }
    say(`generating and copying ${thousands(opts.count)} files (seed ${opts.seed}, today ${today})…`);
    const copyStarted = Date.now();
    const cpuBefore = process.cpuUsage();
    let lastReport = copyStarted;
    const copied = await phase('generate + COPY', () =>
      api
        .copyFiles(clients, files(), references, {
          chunkSize: 2000,
          onChunk: ({ files: done, events }) => {
            const now = Date.now();
            if (now - lastReport < 5000 && done < opts.count) return;
            lastReport = now;
            const rate = Math.round(done / ((now - copyStarted) / 1000));
            say(`${thousands(done)} files, ${thousands(events)} events — ${thousands(rate)} files/s`);
          },
        })
        .finally(() => Promise.all(Object.values(clients).map((c) => c.end()))),
    );
    const copyMs = Date.now() - copyStarted;
    const cpu = process.cpuUsage(cpuBefore);
    say(`the generator used ${seconds((cpu.user + cpu.system) / 1000)} of CPU (the rest is PostgreSQL's)`);
    say(
      `copied ${thousands(copied.files)} files and ${thousands(copied.events)} events in ${seconds(copyMs)} (${thousands(Math.round(copied.files / (copyMs / 1000)))} files/s)`,
    );

    const buildSettings = ["SET maintenance_work_mem = '1GB'"];
    const timings = await phase('rebuild indexes', () =>
      runInParallel(
        url,
        indexes.map((index) => ({ name: index.name, sql: index.definition })),
        2,
        buildSettings,
      ),
    );
    for (const t of timings.sort((a, b) => b.ms - a.ms).slice(0, 4))
      say(`  index ${t.name}: ${seconds(t.ms)}`);

    const check = await connect(url);
    try {
      if (isSuperuser) {
        await phase('check foreign keys', async () => {
          const { rows } = await check.query(
            `SELECT (SELECT count(*) FROM file_organization o WHERE NOT EXISTS (SELECT 1 FROM applicant_file f WHERE f.id = o.applicant_file_id))::int AS links,
                    (SELECT count(*) FROM timeline_event e WHERE NOT EXISTS (SELECT 1 FROM applicant_file f WHERE f.id = e.applicant_file_id))::int AS events,
                    (SELECT count(*) FROM applicant_file m WHERE m.kept_file_id IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM applicant_file f WHERE f.id = m.kept_file_id))::int AS kept`,
          );
          const orphans = rows[0];
          if (orphans.links + orphans.events + orphans.kept > 0)
            throw new Error(`orphan rows: ${JSON.stringify(orphans)}`);
        });
      }
      await phase('VACUUM ANALYZE', async () => {
        for (const table of TABLES) await check.query(`VACUUM (ANALYZE) ${table}`);
      });
      const { rows } = await check.query(
        `SELECT status, count(*)::int AS n FROM applicant_file GROUP BY status ORDER BY status`,
      );
      const sizes = await check.query(
        `SELECT relname AS table, pg_size_pretty(pg_total_relation_size(oid)) AS size
           FROM pg_class WHERE relname = ANY($1) ORDER BY relname`,
        [TABLES],
      );
      say(`files by status: ${rows.map((r) => `${r.status} ${thousands(r.n)}`).join(', ')}`);
      say(`sizes: ${sizes.rows.map((r) => `${r.table} ${r.size}`).join(', ')}`);
    } finally {
      await check.end();
    }
    for (const [name, ms] of phases) say(`  ${name.padEnd(32)} ${seconds(ms)}`);
    say(`done: ${thousands(copied.files)} files in ${seconds(Date.now() - startedAt)}`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  say(`failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
