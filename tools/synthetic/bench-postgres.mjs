// The embedded PostgreSQL of the benchmarks: the project's driver, plus settings fit for a bench
// on a 2-core machine (the data in memory, few checkpoints during bulk loads). They persist in the
// cluster (ALTER SYSTEM), so the loader and the benchmark run on the same configuration.
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded-postgres.mjs';

export const BENCH_SETTINGS = {
  shared_buffers: '2GB',
  effective_cache_size: '6GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
};

/** Starts the cluster under `dataDir` with BENCH_SETTINGS, restarting once when they had to change. */
export async function startBenchPostgres(dataDir, { durable = true, log = () => undefined } = {}) {
  let server = await startEmbeddedPostgres({ dataDir, durable, unixSocket: true, log });
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  let changed = false;
  try {
    for (const [name, value] of Object.entries(BENCH_SETTINGS)) {
      const { rows } = await client.query('SELECT current_setting($1) AS value', [name]);
      if (rows[0].value === value) continue;
      await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
      changed = true;
    }
  } finally {
    await client.end();
  }
  if (changed) {
    log('applied the bench settings; restarting PostgreSQL');
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir, durable, unixSocket: true, log });
  }
  return server;
}
